import type { BillingPlan, InvoiceLineDraft } from '../../billing-plans';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { counted } from '../../shared/domain/counted';
import { Money } from '../../shared/domain/money';
import type { BilledCallGroup } from './billed-calls';
import type { Invoice, InvoiceLine } from './invoice';

export interface InvoiceAssemblyInput {
  customerId: string;
  period: BillingPeriod;
  plan: BillingPlan;
  /** Calls of the invoice's own period. */
  usage: BilledCallGroup[];
  /** Calls of earlier, already invoiced periods that arrived after their invoice. */
  late: BilledCallGroup[];
}

export interface AssembledInvoice {
  invoice: Invoice;
  /**
   * The exact prepaid charges the balance did not cover: issuing the invoice moves them from the
   * balance onto the invoice (a ledger credit), so a debt is billed once.
   */
  uncoveredPrepaid: Money;
}

/**
 * Builds the invoice: the plan's lines for the period, one late_usage line per earlier period and
 * unit price, and what prepaid balances covered as a negative line. Each line is exact until it is
 * rounded half-up to the cent; the total is the sum of the rounded lines, so lines add up.
 *
 * Never negative (API.md, "Invoicing"): the `prepaid_applied` line credits the exact amount the
 * balances covered, rounded half-up to the cent, but never more than the sum of the rounded lines
 * it pays for (the usage and late_usage lines of calls a balance covered). Every other line is
 * zero or more, so the total is >= 0.00. At 0.004 a minute, a 1-minute usage line (0.00) and a
 * 1-minute late line (0.00) covered by the balance (exactly 0.008, rounded 0.01) credit 0.00.
 */
export function assembleInvoice(input: InvoiceAssemblyInput): AssembledInvoice {
  const { plan, period } = input;
  const currency = plan.currency;
  const billed: BilledLine[] = [
    ...plan.periodLines(period.code, input.usage.map(toUsage)).map((draft) => ({
      line: rounded(draft),
      paidFromBalance: draft.kind === 'usage' && input.usage.some((group) => paysFor(group, draft)),
    })),
    ...lateLines(input.late).map(({ draft, paidFromBalance }) => ({ line: rounded(draft), paidFromBalance })),
  ];
  const lines = billed.map((entry) => entry.line);
  const billedGroups = [...input.usage, ...input.late];
  const covered = Money.sum(
    billedGroups.flatMap((group) => (group.covered ? [group.covered] : [])),
    currency,
  );
  if (!covered.isZero()) {
    const paidLines = Money.sum(
      billed.filter((entry) => entry.paidFromBalance).map((entry) => entry.line.amount),
      currency,
    );
    lines.push({
      kind: 'prepaid_applied',
      description: 'Paid from the prepaid balance',
      period: period.code,
      quantity: 1,
      unitPrice: null,
      amount: covered.roundedToCents().min(paidLines).negated(),
    });
  }
  const uncoveredPrepaid = Money.sum(
    billedGroups.flatMap((group) => (group.covered ? [group.charge.minus(group.covered)] : [])),
    currency,
  );
  return {
    invoice: {
      id: null,
      number: null,
      customerId: input.customerId,
      period,
      plan: plan.code,
      status: 'upcoming',
      issuedAt: null,
      callCount: input.usage.reduce((sum, group) => sum + group.callCount, 0),
      minutes: input.usage.reduce((sum, group) => sum + group.minutes, 0),
      lines,
      total: Money.sum(
        lines.map((line) => line.amount),
        currency,
      ),
    },
    uncoveredPrepaid,
  };
}

interface BilledLine {
  line: InvoiceLine;
  /** The line bills calls a prepaid balance covered (some or all of). */
  paidFromBalance: boolean;
}

function rounded(draft: InvoiceLineDraft): InvoiceLine {
  return { ...draft, amount: draft.amount.roundedToCents() };
}

/** A usage line bills the own period's calls at its unit price. */
function paysFor(group: BilledCallGroup, usageLine: InvoiceLineDraft): boolean {
  return (
    group.covered !== null && usageLine.unitPrice !== null && group.unitPrice.equals(usageLine.unitPrice)
  );
}

function toUsage(group: BilledCallGroup) {
  return { unitPrice: group.unitPrice, minutes: group.minutes, callCount: group.callCount };
}

/** One line per original period and unit price, oldest period first. */
function lateLines(late: BilledCallGroup[]): { draft: InvoiceLineDraft; paidFromBalance: boolean }[] {
  const byPeriod = new Map<string, BilledCallGroup[]>();
  for (const group of late) byPeriod.set(group.period, [...(byPeriod.get(group.period) ?? []), group]);
  return [...byPeriod.keys()].sort().flatMap((period) =>
    mergeByUnitPrice(byPeriod.get(period)!).map((group) => ({
      draft: {
        kind: 'late_usage' as const,
        description: `${counted(group.minutes, 'minute')} from ${period} at ${group.unitPrice.toString()} ${group.unitPrice.currency}, received after ${period} was invoiced`,
        period,
        quantity: group.minutes,
        unitPrice: group.unitPrice,
        amount: group.unitPrice.times(group.minutes),
      },
      paidFromBalance: group.covered !== null,
    })),
  );
}

function mergeByUnitPrice(groups: BilledCallGroup[]): BilledCallGroup[] {
  const merged = new Map<string, BilledCallGroup>();
  for (const group of groups) {
    const key = group.unitPrice.toString();
    const seen = merged.get(key);
    merged.set(
      key,
      seen
        ? {
            ...seen,
            minutes: seen.minutes + group.minutes,
            callCount: seen.callCount + group.callCount,
            charge: seen.charge.plus(group.charge),
            covered:
              seen.covered && group.covered
                ? seen.covered.plus(group.covered)
                : (seen.covered ?? group.covered),
          }
        : group,
    );
  }
  return [...merged.values()].sort((a, b) => a.unitPrice.compareTo(b.unitPrice));
}

/** `INV-2026-000042`: the prefix, the UTC year of issue and the gapless sequence (at least 6 digits). */
export function invoiceNumber(prefix: string, issuedAt: Date, sequence: number): string {
  return `${prefix}-${issuedAt.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}

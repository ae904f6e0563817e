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
 */
export function assembleInvoice(input: InvoiceAssemblyInput): AssembledInvoice {
  const { plan, period } = input;
  const currency = plan.currency;
  const drafts: InvoiceLineDraft[] = [
    ...plan.periodLines(period.code, input.usage.map(toUsage)),
    ...lateLines(input.late),
  ];
  const billed = [...input.usage, ...input.late];
  const covered = Money.sum(
    billed.flatMap((group) => (group.covered ? [group.covered] : [])),
    currency,
  );
  if (!covered.isZero()) {
    drafts.push({
      kind: 'prepaid_applied',
      description: 'Paid from the prepaid balance',
      period: period.code,
      quantity: 1,
      unitPrice: null,
      amount: covered.negated(),
    });
  }
  const lines: InvoiceLine[] = drafts.map((draft) => ({ ...draft, amount: draft.amount.roundedToCents() }));
  const uncoveredPrepaid = Money.sum(
    billed.flatMap((group) => (group.covered ? [group.charge.minus(group.covered)] : [])),
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

function toUsage(group: BilledCallGroup) {
  return { unitPrice: group.unitPrice, minutes: group.minutes, callCount: group.callCount };
}

/** One line per original period and unit price, oldest period first. */
function lateLines(late: BilledCallGroup[]): InvoiceLineDraft[] {
  const byPeriod = new Map<string, BilledCallGroup[]>();
  for (const group of late) byPeriod.set(group.period, [...(byPeriod.get(group.period) ?? []), group]);
  return [...byPeriod.keys()].sort().flatMap((period) =>
    mergeByUnitPrice(byPeriod.get(period)!).map((group) => ({
      kind: 'late_usage' as const,
      description: `${counted(group.minutes, 'minute')} from ${period} at ${group.unitPrice.toString()} ${group.unitPrice.currency}, received after ${period} was invoiced`,
      period,
      quantity: group.minutes,
      unitPrice: group.unitPrice,
      amount: group.unitPrice.times(group.minutes),
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

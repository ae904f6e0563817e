import {
  billedMinutes,
  DEFAULT_RATE_GROUP,
  minutesText,
  type BillingPlan,
  type InvoiceLineDraft,
  type RatedUsage,
} from '../../billing-plans';
import { BillingPeriod } from '../../shared/domain/billing-period';
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
 * Builds the invoice: the plan's lines for the period (from its usage per rate, in billed seconds),
 * one late_usage line per earlier period and rate (group, per-minute rate), and what prepaid
 * balances covered as a negative line. A usage or late line's amount is the exact sum of its calls'
 * charges (API.md, "Rating": "Invoice"). Each line is exact until it is
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
    ...plan.billPeriod(period.code, input.usage.map(toRatedUsage)).map((draft) => ({
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
      billedSeconds: input.usage.reduce((sum, group) => sum + group.billedSeconds, 0),
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

/** A usage line bills the own period's calls of its rate (group and per-minute rate). */
function paysFor(group: BilledCallGroup, usageLine: InvoiceLineDraft): boolean {
  return group.covered !== null && sameRate(group, usageLine);
}

function sameRate(group: BilledCallGroup, line: InvoiceLineDraft): boolean {
  return (
    line.unitPrice !== null &&
    (line.group ?? DEFAULT_RATE_GROUP) === group.group &&
    group.ratePerMinute.equals(line.unitPrice)
  );
}

function toRatedUsage(group: BilledCallGroup): RatedUsage {
  const { ratePerMinute, billedSeconds, callCount, charge } = group;
  return { group: group.group, ratePerMinute, billedSeconds, callCount, charge };
}

/** One line per original period and rate, oldest period first, cheapest rate first within it. */
function lateLines(late: BilledCallGroup[]): { draft: InvoiceLineDraft; paidFromBalance: boolean }[] {
  const byPeriod = new Map<string, BilledCallGroup[]>();
  for (const group of late) byPeriod.set(group.period, [...(byPeriod.get(group.period) ?? []), group]);
  return [...byPeriod.keys()].sort().flatMap((period) =>
    mergeByRate(byPeriod.get(period)!).map((group) => {
      const minutes = billedMinutes(group.billedSeconds);
      const label = group.group === DEFAULT_RATE_GROUP ? '' : `${group.group}: `;
      const price = `${group.ratePerMinute.toString()} ${group.ratePerMinute.currency}`;
      return {
        draft: {
          kind: 'late_usage' as const,
          description: `${label}${minutesText(minutes)} from ${period} at ${price}, received after ${period} was invoiced`,
          period,
          group: group.group,
          billedSeconds: group.billedSeconds,
          quantity: minutes,
          unitPrice: group.ratePerMinute,
          amount: group.charge,
        },
        paidFromBalance: group.covered !== null,
      };
    }),
  );
}

function mergeByRate(groups: BilledCallGroup[]): BilledCallGroup[] {
  const merged = new Map<string, BilledCallGroup>();
  for (const group of groups) {
    const key = `${group.group}\u0000${group.ratePerMinute.toString()}`;
    const seen = merged.get(key);
    merged.set(
      key,
      seen
        ? {
            ...seen,
            minutes: seen.minutes + group.minutes,
            billedSeconds: seen.billedSeconds + group.billedSeconds,
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
  return [...merged.values()].sort(
    (a, b) =>
      a.ratePerMinute.compareTo(b.ratePerMinute) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
  );
}

/** `INV-2026-000042`: the prefix, the UTC year of issue and the gapless sequence (at least 6 digits). */
export function invoiceNumber(prefix: string, issuedAt: Date, sequence: number): string {
  return `${prefix}-${issuedAt.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}

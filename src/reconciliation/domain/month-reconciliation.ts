import Decimal from 'decimal.js';
import {
  periodKey,
  type PeriodCallTotals,
  type PeriodInvoice,
  type RecordedCallGroup,
} from './recorded-calls';
import type { UtcMonth } from './utc-month';

/** Call charges keep 6 decimals (API.md, "Rating"); the reconciliation writes them all. */
export const CHARGE_SCALE = 6;
const Exact = Decimal.clone({ precision: 60 });

export const RECEIVED_RULE = 'received = recorded + notBillable + suspended + writtenOff';
export const CHARGES_RULE = 'recorded charges = invoiced + awaitingInvoice';

export type SuspenseReason = 'unknown-phone-number' | 'no-rate';

/** What the other ledgers hold of the month: the switch records never charged (yet). */
export interface OtherLedgers {
  notBillable: { calls: number; seconds: number };
  suspended: { calls: number; seconds: number; byReason: Record<SuspenseReason, number> };
  writtenOff: { calls: number; seconds: number };
}

/** What invoicing says about the periods and late claims of the month's recorded calls. */
export interface InvoicingFacts {
  /** The invoices of the customer periods that have one, keyed by `periodKey`. */
  invoices: Map<string, PeriodInvoice>;
  /** The on-time calls stored for each invoiced period, whole, keyed by `periodKey`. */
  storedOnTime: Map<string, PeriodCallTotals>;
  /** Issued invoice id → its customer, for the invoices late calls name. */
  lateClaimers: Map<string, string>;
}

export interface MonthReconciliation {
  month: string;
  received: { calls: number; seconds: number };
  recorded: { calls: number; billedSeconds: number; charges: string };
  notBillable: { calls: number };
  suspended: { calls: number; byReason: Record<SuspenseReason, number> };
  writtenOff: { calls: number };
  invoiced: { calls: number; charges: string };
  awaitingInvoice: { calls: number; charges: string };
  checks: { rule: string; holds: boolean }[];
}

type Standing = 'invoiced' | 'awaiting' | 'unaccounted';

/**
 * Where a group of recorded calls stands. On time in an invoiced period: billed by that invoice,
 * if the invoice's own count and seconds are those of the period's stored on-time calls (a call
 * stored on time after its period was invoiced is on no invoice: unaccounted). Late: awaiting the
 * next invoice until one claims it; a claim must name an issued invoice of the same customer.
 * Anything else contradicts the rules that store calls, and is counted nowhere.
 */
export function standingOf(group: RecordedCallGroup, facts: InvoicingFacts): Standing {
  const key = periodKey(group.customerId, group.period);
  const invoice = facts.invoices.get(key);
  if (group.late) {
    if (group.lateInvoiceId === null) return invoice ? 'awaiting' : 'unaccounted';
    return facts.lateClaimers.get(group.lateInvoiceId) === group.customerId ? 'invoiced' : 'unaccounted';
  }
  if (group.lateInvoiceId !== null) return 'unaccounted';
  if (!invoice) return 'awaiting';
  const stored = facts.storedOnTime.get(key);
  const agrees =
    stored !== undefined &&
    stored.calls === invoice.callCount &&
    stored.billedSeconds === invoice.billedSeconds;
  return agrees ? 'invoiced' : 'unaccounted';
}

/** The month's accounts (API.md, "Reconciliation"), from the stored figures of every ledger. */
export function reconcileMonth(
  month: UtcMonth,
  recordedGroups: RecordedCallGroup[],
  facts: InvoicingFacts,
  others: OtherLedgers,
): MonthReconciliation {
  const recorded = new Tally();
  const invoiced = new Tally();
  const awaiting = new Tally();
  for (const group of recordedGroups) {
    recorded.add(group);
    const standing = standingOf(group, facts);
    if (standing === 'invoiced') invoiced.add(group);
    else if (standing === 'awaiting') awaiting.add(group);
  }
  // The ledgers share no table, so what was received is the sum of what each holds: this first
  // identity restates that sum (see README, "Reconciliation"); the charges identity is the test.
  const received = {
    calls: recorded.calls + others.notBillable.calls + others.suspended.calls + others.writtenOff.calls,
    seconds:
      recorded.durationSeconds +
      others.notBillable.seconds +
      others.suspended.seconds +
      others.writtenOff.seconds,
  };
  const accountedFor =
    recorded.calls + others.notBillable.calls + others.suspended.calls + others.writtenOff.calls;
  const chargesAddUp =
    recorded.charges.equals(invoiced.charges.plus(awaiting.charges)) &&
    recorded.calls === invoiced.calls + awaiting.calls;
  return {
    month: month.month,
    received,
    recorded: {
      calls: recorded.calls,
      billedSeconds: recorded.billedSeconds,
      charges: fixed(recorded.charges),
    },
    notBillable: { calls: others.notBillable.calls },
    suspended: { calls: others.suspended.calls, byReason: { ...others.suspended.byReason } },
    writtenOff: { calls: others.writtenOff.calls },
    invoiced: { calls: invoiced.calls, charges: fixed(invoiced.charges) },
    awaitingInvoice: { calls: awaiting.calls, charges: fixed(awaiting.charges) },
    checks: [
      { rule: RECEIVED_RULE, holds: received.calls === accountedFor },
      { rule: CHARGES_RULE, holds: chargesAddUp },
    ],
  };
}

class Tally {
  calls = 0;
  durationSeconds = 0;
  billedSeconds = 0;
  charges: Decimal = new Exact(0);

  add(group: RecordedCallGroup): void {
    this.calls += group.calls;
    this.durationSeconds += group.durationSeconds;
    this.billedSeconds += group.billedSeconds;
    this.charges = this.charges.plus(new Exact(group.charges));
  }
}

function fixed(amount: Decimal): string {
  return amount.toFixed(CHARGE_SCALE, Decimal.ROUND_HALF_UP);
}

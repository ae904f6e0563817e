/**
 * Repairing the `period` stored on calls by the code before issue #12, which derived month bounds
 * from a guessed offset and "start plus a month": in zones whose clocks change near midnight a
 * stored period could disagree with BillingPeriod, and issued invoices could have billed calls by
 * bounds that overlap (a call on two invoices) or leave a gap (a call on none).
 *
 * Issued invoices are immutable. What an issued invoice billed is known from what is stored: a call
 * that is not late and was received by the time the invoice was issued was billed as usage by every
 * invoice whose stored [periodStart, periodEnd) holds its startedAt (that is how invoices select
 * usage); a late call by the invoice in its `lateInvoiceId`, or not yet. The rule, per call:
 * - billed as late usage: left as it is;
 * - billed as usage: its period becomes that invoice's period (what was billed stays as issued),
 *   and while its correct period has no invoice it is marked as billed (`late`, `lateInvoiceId` =
 *   that invoice), so the correct period's invoice cannot bill it again. Billed by two invoices
 *   already: reported, for the operator to credit one (nothing is reissued);
 * - not billed yet: its period becomes the correct one. If that period is already invoiced, or the
 *   call was already waiting as late, it is (stays) late, and the customer's next invoice after
 *   that period bills it as a late_usage line naming the period.
 */

export interface StoredCallPeriod {
  id: string;
  callId: string;
  customerId: string;
  startedAt: Date;
  receivedAt: Date;
  period: string;
  late: boolean;
  lateInvoiceId: string | null;
}

/** An issued invoice's period as it was issued: its stored bounds decided which calls it billed. */
export interface IssuedPeriod {
  invoiceId: string;
  period: string;
  start: Date;
  end: Date;
  issuedAt: Date;
}

export type PeriodRepairOutcome =
  /** Unbilled: moved to its correct period, whose invoice will bill it. */
  | 'moved'
  /** Unbilled, and late (its correct period is invoiced, or it was waiting as late): billed as late usage. */
  | 'moved-late'
  /** Billed as usage on an issued invoice: kept on that invoice's period, off any other invoice. */
  | 'kept-as-billed'
  /** Billed as usage on two issued invoices (overlapping bounds): kept off a third, reported. */
  | 'billed-twice';

export interface CallPeriodChange {
  call: StoredCallPeriod;
  correctPeriod: string;
  period: string;
  late: boolean;
  lateInvoiceId: string | null;
  outcome: PeriodRepairOutcome;
}

/**
 * What to store for `call` (whose period by BillingPeriod is `correctPeriod`), given its
 * customer's issued invoices; null when nothing changes.
 */
export function repairCallPeriod(
  call: StoredCallPeriod,
  correctPeriod: string,
  invoices: readonly IssuedPeriod[],
): CallPeriodChange | null {
  if (call.lateInvoiceId !== null) return null;
  const time = call.startedAt.getTime();
  const billers = call.late
    ? []
    : invoices.filter(
        (invoice) =>
          invoice.start.getTime() <= time &&
          time < invoice.end.getTime() &&
          call.receivedAt.getTime() <= invoice.issuedAt.getTime(),
      );
  const correctIsInvoiced = invoices.some((invoice) => invoice.period === correctPeriod);

  let change: Omit<CallPeriodChange, 'call' | 'correctPeriod'>;
  if (billers.length > 0) {
    const biller = billers.find((invoice) => invoice.period === correctPeriod) ?? billers[0];
    const couldBeBilledAgain = !correctIsInvoiced;
    change = {
      period: biller.period,
      late: couldBeBilledAgain,
      lateInvoiceId: couldBeBilledAgain ? biller.invoiceId : null,
      outcome: billers.length > 1 ? 'billed-twice' : 'kept-as-billed',
    };
  } else {
    // A late call stays late: whether an invoice skipped it for being late is not recorded.
    const late = correctIsInvoiced || call.late;
    change = { period: correctPeriod, late, lateInvoiceId: null, outcome: late ? 'moved-late' : 'moved' };
  }
  const unchanged =
    change.period === call.period && change.late === call.late && change.lateInvoiceId === call.lateInvoiceId;
  if (unchanged && change.outcome !== 'billed-twice') return null;
  return { call, correctPeriod, ...change };
}

import type { UtcMonthRange } from './reconciliation-month';

/** Switch records that were not answered (or billed 0 s): received, counted, never charged. */
export interface NotBillableMonthTotals {
  /** Distinct callIds. */
  calls: number;
  /** Their switch seconds (usually 0). */
  seconds: number;
}

/**
 * Port: the not-billable CDR records whose call started in a UTC month (a not-answered record
 * "starts" at its start time, having no answer time), from stored rows. Implemented by the
 * cdr-files module over its own table.
 */
export abstract class NotBillableLedger {
  abstract monthTotals(range: UtcMonthRange): Promise<NotBillableMonthTotals>;
}

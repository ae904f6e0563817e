import type { UtcMonthRange } from './reconciliation-month';

/** Held calls of one month, by where they stand now (a held call later recorded counts as recorded, not here). */
export interface SuspenseMonthTotals {
  /** Still held (`status: "suspended"`), with their switch seconds and a count per reason. */
  suspended: {
    calls: number;
    seconds: number;
    byReason: { 'unknown-phone-number': number; 'no-rate': number };
  };
  /** Written off with a note: never to be charged. */
  writtenOff: { calls: number; seconds: number };
}

/**
 * Port: what suspense holds of the call records whose call started in a UTC month, computed from
 * its stored rows (never from counters). Implemented by the suspense module over its own table.
 */
export abstract class SuspenseLedger {
  abstract monthTotals(range: UtcMonthRange): Promise<SuspenseMonthTotals>;
}

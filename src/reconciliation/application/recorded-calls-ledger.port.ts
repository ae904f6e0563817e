import type { PeriodCallTotals, RecordedCallGroup } from '../domain/recorded-calls';
import type { UtcMonthRange } from './reconciliation-month';

/** A customer period as instants, `[start, end)`. */
export interface CustomerPeriodBounds {
  customerId: string;
  period: string;
  start: Date;
  end: Date;
}

/**
 * Port: the recorded (charged) calls, from stored rows, set-wise. Implemented by the calls module
 * over its own table.
 */
export abstract class RecordedCallsLedger {
  /** The calls that started in the month, grouped by customer, period, late mark and claiming invoice. */
  abstract monthGroups(range: UtcMonthRange): Promise<RecordedCallGroup[]>;
  /** The on-time (not late) calls stored in each of these customer periods, whole; absent: none. */
  abstract onTimeTotals(periods: CustomerPeriodBounds[]): Promise<PeriodCallTotals[]>;
}

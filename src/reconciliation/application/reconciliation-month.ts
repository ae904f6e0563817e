/** The instants of one UTC calendar month, `[start, end)`: what the reconciliation accounts for. */
export interface UtcMonthRange {
  /** `"YYYY-MM"`. */
  month: string;
  start: Date;
  end: Date;
}

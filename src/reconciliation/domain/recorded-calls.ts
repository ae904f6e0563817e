/**
 * Recorded calls of a month, grouped by what decides whether an invoice billed them: the customer
 * period they belong to, whether they arrived late, and the later invoice that claimed them.
 */
export interface RecordedCallGroup {
  customerId: string;
  /** The call's billing period, in its customer's zone (`YYYY-MM`). */
  period: string;
  late: boolean;
  lateInvoiceId: string | null;
  calls: number;
  /** The switch's seconds. */
  durationSeconds: number;
  billedSeconds: number;
  /** Exact sum of the charges, a plain decimal string. */
  charges: string;
}

/** The invoice issued for one customer period, with what it says it billed of its own period. */
export interface PeriodInvoice {
  customerId: string;
  period: string;
  invoiceId: string;
  periodStart: Date;
  periodEnd: Date;
  /** On-time calls of its own period it billed. */
  callCount: number;
  billedSeconds: number;
}

/** The on-time calls stored for a whole customer period (not only the month's part of it). */
export interface PeriodCallTotals {
  customerId: string;
  period: string;
  calls: number;
  billedSeconds: number;
}

/** The key of a customer period in maps. */
export const periodKey = (customerId: string, period: string): string => `${customerId}/${period}`;

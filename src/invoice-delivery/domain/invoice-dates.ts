import { DateTime } from 'luxon';

export interface InvoiceDates {
  /** The issue date on the customer's calendar: "2026-11-01". */
  invoiceDate: string;
  /** `invoiceDate` plus the payment terms in calendar days: "2026-11-15". */
  dueDate: string;
}

/**
 * The invoice and due dates a customer reads: the day the invoice was issued in the customer's
 * time zone, and that day plus `paymentTermsDays` (INVOICE_PAYMENT_TERMS_DAYS, 0 to 365) calendar
 * days. Calendar arithmetic on dates, not on instants, so a clock change between them cannot move
 * the due date.
 */
export function invoiceDates(issuedAt: Date, zone: string, paymentTermsDays: number): InvoiceDates {
  if (!Number.isInteger(paymentTermsDays) || paymentTermsDays < 0)
    throw new RangeError(`payment terms must be a whole number of days, got ${paymentTermsDays}`);
  const issued = DateTime.fromJSDate(issuedAt, { zone });
  const day = DateTime.utc(issued.year, issued.month, issued.day);
  return { invoiceDate: day.toISODate()!, dueDate: day.plus({ days: paymentTermsDays }).toISODate()! };
}

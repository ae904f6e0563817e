/** A customer's billing period (YYYY-MM in its time zone). */
export interface CustomerPeriod {
  customerId: string;
  period: string;
}

/** The invoice of a customer period: its bounds and what it billed of its own period. */
export interface IssuedPeriodInvoice extends CustomerPeriod {
  invoiceId: string;
  periodStart: Date;
  periodEnd: Date;
  /** The period's on-time calls it billed, and their billed seconds. */
  callCount: number;
  billedSeconds: number;
}

/**
 * Port: whether a customer's period already has its invoice, asked by recording when a call's
 * period may be closing (the call is then late), and by the reconciliation for what invoices billed.
 * Invoices belong to the invoicing module, which provides this port (`InvoicedPeriodsModule`,
 * plugged in by app.module.ts), so calls never imports invoicing.
 */
export abstract class InvoicedPeriods {
  /** Those of `periods` that are invoiced, in any order. */
  abstract invoicedAmong(periods: CustomerPeriod[]): Promise<CustomerPeriod[]>;
  /** The invoices of those of `periods` that are invoiced, in any order. */
  abstract invoicesOf(periods: CustomerPeriod[]): Promise<IssuedPeriodInvoice[]>;
  /** Of these invoice ids, those issued, each with its customer. */
  abstract customersOfInvoices(invoiceIds: string[]): Promise<Map<string, string>>;
}

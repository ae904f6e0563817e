/** A customer's billing period (YYYY-MM in its time zone). */
export interface CustomerPeriod {
  customerId: string;
  period: string;
}

/**
 * Port: whether a customer's period already has its invoice, asked by recording when a call's
 * period may be closing (the call is then late). Invoices belong to the invoicing module, which
 * provides this port (`InvoicedPeriodsModule`, plugged in by app.module.ts), so calls never imports
 * invoicing.
 */
export abstract class InvoicedPeriods {
  /** Those of `periods` that are invoiced, in any order. */
  abstract invoicedAmong(periods: CustomerPeriod[]): Promise<CustomerPeriod[]>;
}

import { Injectable } from '@nestjs/common';
import { BillableCalls } from '../../calls';
import type { BillingPeriod } from '../../shared/domain/billing-period';
import { missingPeriods, monthsBetween } from '../domain/missing-periods';
import { InvoiceRepository } from './invoice.repository';

/** Where to look for a customer's missing invoices: everything closed before `lastClosed`. */
export interface CatchUpWindow {
  customerId: string;
  /** The customer's last closed period (YYYY-MM), issued as the run's own target. */
  lastClosed: string;
  /** The period the customer was created in: it is due every closed period from this one on. */
  firstDue: BillingPeriod;
}

/**
 * Of each customer, the closed periods before its last closed one that it is due an invoice for
 * and has none, oldest first (see `missingPeriods`). Set-wise, a page of customers at a time: two
 * statements flag the customers with anything missing (per customer, an index-only count of its
 * invoices in the range, and one probe of the history index for a call from before it existed).
 * Only flagged customers (after an outage, or with migrated calls) are read further: their invoiced
 * periods, and the periods of their earlier calls (a loose index scan).
 */
@Injectable()
export class MissingInvoicePeriods {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly calls: BillableCalls,
  ) {}

  async of(windows: CatchUpWindow[]): Promise<Map<string, string[]>> {
    const missing = new Map<string, string[]>();
    if (windows.length === 0) return missing;
    const lacking = await this.invoices.customersMissingInvoices(
      windows.map(({ customerId, firstDue, lastClosed }) => ({
        customerId,
        from: firstDue.code,
        until: lastClosed,
        months: monthsBetween(firstDue.code, lastClosed),
      })),
    );
    const withEarlierCalls = await this.calls.customersWithCallsBefore(
      windows.map(({ customerId, firstDue }) => ({ customerId, before: firstDue.start })),
    );
    const flagged = windows.filter(
      ({ customerId }) => lacking.has(customerId) || withEarlierCalls.has(customerId),
    );
    if (flagged.length === 0) return missing;

    const invoiced = await this.invoices.invoicedPeriodsOf(flagged.map(({ customerId }) => customerId));
    const earlierCallPeriods = await this.calls.periodsOfCallsBefore(
      flagged
        .filter(({ customerId }) => withEarlierCalls.has(customerId))
        .map(({ customerId, firstDue }) => ({ customerId, before: firstDue.start })),
    );
    for (const { customerId, firstDue, lastClosed } of flagged) {
      const periods = missingPeriods(
        { firstDue: firstDue.code, lastClosed },
        invoiced.get(customerId) ?? new Set(),
        earlierCallPeriods.get(customerId) ?? [],
      );
      if (periods.length > 0) missing.set(customerId, periods);
    }
    return missing;
  }
}

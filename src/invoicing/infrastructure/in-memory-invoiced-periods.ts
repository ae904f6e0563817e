import { type CustomerPeriod, InvoicedPeriods, type IssuedPeriodInvoice } from '../../calls';
import type { InvoiceRepository } from '../application/invoice.repository';

/** The calls module's `InvoicedPeriods` port, answered from an invoice repository (the in-memory one in tests). */
export class InMemoryInvoicedPeriods extends InvoicedPeriods {
  constructor(private readonly invoices: InvoiceRepository) {
    super();
  }

  async invoicedAmong(periods: CustomerPeriod[]): Promise<CustomerPeriod[]> {
    return (await this.invoicesOf(periods)).map(({ customerId, period }) => ({ customerId, period }));
  }

  async invoicesOf(periods: CustomerPeriod[]): Promise<IssuedPeriodInvoice[]> {
    const found: IssuedPeriodInvoice[] = [];
    for (const { customerId, period } of periods) {
      const invoice = await this.invoices.findByCustomerAndPeriod(customerId, period);
      if (invoice?.id)
        found.push({
          customerId,
          period,
          invoiceId: invoice.id,
          periodStart: invoice.period.start,
          periodEnd: invoice.period.end,
          callCount: invoice.callCount,
          billedSeconds: invoice.billedSeconds,
        });
    }
    return found;
  }

  async customersOfInvoices(invoiceIds: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of invoiceIds) {
      const invoice = await this.invoices.findById(id);
      if (invoice) found.set(id, invoice.customerId);
    }
    return found;
  }
}

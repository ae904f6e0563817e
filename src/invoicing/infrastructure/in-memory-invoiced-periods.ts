import { type CustomerPeriod, InvoicedPeriods } from '../../calls';
import type { InvoiceRepository } from '../application/invoice.repository';

/** The calls module's `InvoicedPeriods` port, answered from an invoice repository (the in-memory one in tests). */
export class InMemoryInvoicedPeriods extends InvoicedPeriods {
  constructor(private readonly invoices: InvoiceRepository) {
    super();
  }

  async invoicedAmong(periods: CustomerPeriod[]): Promise<CustomerPeriod[]> {
    const found: CustomerPeriod[] = [];
    for (const period of periods) {
      if (await this.invoices.findByCustomerAndPeriod(period.customerId, period.period)) found.push(period);
    }
    return found;
  }
}

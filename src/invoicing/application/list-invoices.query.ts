import { Injectable } from '@nestjs/common';
import { CustomerDirectory } from '../../customers';
import { decodeCursor, Page, PageRequest, toPage } from '../../shared/pagination/page';
import { Invoice } from '../domain/invoice';
import { InvoiceRepository } from './invoice.repository';

@Injectable()
export class ListInvoicesQuery {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly invoices: InvoiceRepository,
  ) {}

  async execute(customerId: string, { limit, cursor }: PageRequest): Promise<Page<Invoice>> {
    const customer = await this.customers.get(customerId);
    const after = cursor ? decodeCursor(cursor, { period: 'period', id: 'uuid' }) : null;
    const rows = await this.invoices.listByCustomer(customer.id, limit + 1, after);
    return toPage(rows, limit, (invoice) => ({ period: invoice.period.code, id: invoice.id! }));
  }
}

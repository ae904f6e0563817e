import { Injectable } from '@nestjs/common';
import { Invoice } from '../domain/invoice';
import { InvoiceNotFoundError } from '../domain/invoicing.errors';
import { InvoiceRepository } from './invoice.repository';

@Injectable()
export class GetInvoiceQuery {
  constructor(private readonly invoices: InvoiceRepository) {}

  /** `visibleTo`: a customer id to read only that customer's invoices (another's is "not found"). */
  async execute(invoiceId: string, visibleTo: string | null = null): Promise<Invoice> {
    const invoice = await this.invoices.findById(invoiceId);
    if (!invoice || (visibleTo !== null && invoice.customerId !== visibleTo))
      throw new InvoiceNotFoundError(invoiceId);
    return invoice;
  }
}

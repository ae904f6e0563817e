import { Injectable } from '@nestjs/common';
import { Invoice } from '../domain/invoice';
import { InvoiceNotFoundError } from '../domain/invoicing.errors';
import { InvoiceRepository } from './invoice.repository';

@Injectable()
export class GetInvoiceQuery {
  constructor(private readonly invoices: InvoiceRepository) {}

  async execute(invoiceId: string): Promise<Invoice> {
    const invoice = await this.invoices.findById(invoiceId);
    if (!invoice) throw new InvoiceNotFoundError(invoiceId);
    return invoice;
  }
}

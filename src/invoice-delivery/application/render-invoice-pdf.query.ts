import { Injectable } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { GetInvoiceQuery, type Invoice } from '../../invoicing';
import { InvoicePdfRenderer } from './invoice-pdf-renderer.port';

export interface InvoicePdf {
  filename: string;
  content: Buffer;
}

/** An issued invoice as its PDF, rendered on demand (deterministically: the same bytes every time). */
@Injectable()
export class RenderInvoicePdfQuery {
  constructor(
    private readonly invoices: GetInvoiceQuery,
    private readonly customers: CustomerDirectory,
    private readonly renderer: InvoicePdfRenderer,
    private readonly config: AppConfiguration,
  ) {}

  /** `visibleTo`: a customer id to render only that customer's invoices (another's is "not found"). */
  async execute(invoiceId: string, visibleTo: string | null = null): Promise<InvoicePdf> {
    const invoice = await this.invoices.execute(invoiceId, visibleTo);
    return this.render(invoice, await this.customers.get(invoice.customerId));
  }

  async render(invoice: Invoice, customer: CustomerProfile): Promise<InvoicePdf> {
    const content = await this.renderer.render({
      invoice,
      issuerName: this.config.INVOICE_ISSUER_NAME,
      customerName: customer.name,
    });
    return { filename: `${invoice.number ?? 'invoice'}.pdf`, content };
  }
}

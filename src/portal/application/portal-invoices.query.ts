import { Injectable } from '@nestjs/common';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { type InvoicePdf, RenderInvoicePdfQuery } from '../../invoice-delivery';
import { GetInvoiceQuery, InvoiceNotFoundError, ListInvoicesQuery, type Invoice } from '../../invoicing';
import { Clock } from '../../shared/clock/clock';
import type { Page } from '../../shared/pagination/page';
import { firstInvoiceAt, type ExpectedInvoice } from '../domain/invoice-schedule';

/** Invoices per page of the invoices page. */
export const INVOICES_PER_PAGE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A signed-in customer's invoices: the list (newest period first, keyset pages), one invoice, its
 * PDF. Someone else's invoice, and an id that is no id at all, are an InvoiceNotFoundError (404).
 */
@Injectable()
export class PortalInvoicesQuery {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly invoices: ListInvoicesQuery,
    private readonly invoice: GetInvoiceQuery,
    private readonly pdf: RenderInvoicePdfQuery,
    private readonly clock: Clock,
  ) {}

  /** `firstInvoice`: when the first one arrives, for a customer who has none yet (else null). */
  async list(
    customerId: string,
    cursor: string | null,
  ): Promise<{ customer: CustomerProfile; page: Page<Invoice>; firstInvoice: ExpectedInvoice | null }> {
    const customer = await this.customers.get(customerId);
    const page = await this.invoices.execute(customer.id, { limit: INVOICES_PER_PAGE, cursor });
    const none = page.data.length === 0 && cursor === null;
    return {
      customer,
      page,
      firstInvoice: none ? firstInvoiceAt(this.clock.now(), customer.timezone, customer.createdAt) : null,
    };
  }

  async one(customerId: string, invoiceId: string): Promise<{ customer: CustomerProfile; invoice: Invoice }> {
    const invoice = await this.invoice.execute(this.checked(invoiceId), customerId);
    return { customer: await this.customers.get(customerId), invoice };
  }

  async pdfOf(customerId: string, invoiceId: string): Promise<InvoicePdf> {
    return this.pdf.execute(this.checked(invoiceId), customerId);
  }

  private checked(invoiceId: string): string {
    if (!UUID.test(invoiceId)) throw new InvoiceNotFoundError(invoiceId.slice(0, 64));
    return invoiceId.toLowerCase();
  }
}

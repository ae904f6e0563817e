import { Injectable } from '@nestjs/common';
import { ListInvoiceCallsQuery, type InvoiceCallsScope, type InvoiceCallView } from '../../calls';
import { AppConfiguration } from '../../config';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { GetInvoiceQuery, type Invoice } from '../../invoicing';
import { GetPrepaidStatementQuery } from '../../prepaid';
import { Money } from '../../shared/domain/money';
import { invoiceDates } from '../domain/invoice-dates';
import { postalAddressLines } from '../domain/postal-address-lines';
import { type AnnexCall, InvoicePdfRenderer } from './invoice-pdf-renderer.port';

export interface InvoicePdf {
  filename: string;
  content: Buffer;
}

/** Calls read per page while the annex is written: one page of rows in memory at a time. */
const ANNEX_READ_PAGE = 2000;

/** An issued invoice as its PDF, rendered on demand (deterministically: the same bytes every time). */
@Injectable()
export class RenderInvoicePdfQuery {
  constructor(
    private readonly invoices: GetInvoiceQuery,
    private readonly customers: CustomerDirectory,
    private readonly calls: ListInvoiceCallsQuery,
    private readonly prepaid: GetPrepaidStatementQuery,
    private readonly renderer: InvoicePdfRenderer,
    private readonly config: AppConfiguration,
  ) {}

  /** `visibleTo`: a customer id to render only that customer's invoices (another's is "not found"). */
  async execute(invoiceId: string, visibleTo: string | null = null): Promise<InvoicePdf> {
    const invoice = await this.invoices.execute(invoiceId, visibleTo);
    return this.render(invoice, await this.customers.get(invoice.customerId));
  }

  async render(invoice: Invoice, customer: CustomerProfile): Promise<InvoicePdf> {
    const issuedAt = invoice.issuedAt ?? invoice.period.end;
    const scope: InvoiceCallsScope = {
      invoiceId: invoice.id ?? '00000000-0000-0000-0000-000000000000',
      customerId: invoice.customerId,
      periodStart: invoice.period.start,
      periodEnd: invoice.period.end,
    };
    const [billed, prepaid] = await Promise.all([
      this.calls.summary(scope),
      this.prepaid.execute({
        customerId: invoice.customerId,
        plan: invoice.plan,
        opensAt: invoice.period.start,
        closesAt: issuedAt,
      }),
    ]);
    const calls = this.calls;
    const content = await this.renderer.render({
      invoice,
      issuer: {
        name: this.config.INVOICE_ISSUER_NAME,
        addressLines: this.config.INVOICE_ISSUER_ADDRESS,
        taxId: this.config.INVOICE_ISSUER_TAX_ID,
        contact: this.config.INVOICE_ISSUER_CONTACT,
      },
      customer: { name: customer.name, addressLines: postalAddressLines(customer.billingAddress) },
      ...invoiceDates(issuedAt, invoice.period.zone.name, this.config.INVOICE_PAYMENT_TERMS_DAYS),
      phoneLines: billed.phoneNumbers,
      prepaid,
      calls: {
        count: billed.calls,
        async *rows() {
          for await (const call of calls.all(scope, ANNEX_READ_PAGE)) yield toAnnexCall(call);
        },
      },
    });
    return { filename: `${invoice.number ?? 'invoice'}.pdf`, content };
  }
}

function toAnnexCall(call: InvoiceCallView): AnnexCall {
  return {
    startedAt: new Date(call.startedAt),
    phoneNumber: call.phoneNumber,
    destination: call.destination,
    minutes: call.minutes,
    charge: Money.of(call.charge.amount, call.charge.currency),
    late: call.late,
  };
}

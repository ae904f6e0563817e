import type { Invoice } from '../../invoicing';

export interface InvoiceDocument {
  invoice: Invoice;
  issuerName: string;
  customerName: string;
}

/** Port: the invoice as a one-page PDF, the same bytes for the same document every time. */
export abstract class InvoicePdfRenderer {
  abstract render(document: InvoiceDocument): Promise<Buffer>;
}

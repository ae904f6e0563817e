import type { Invoice } from '../../invoicing';
import type { Money } from '../../shared/domain/money';

/** Who sends the invoice, from configuration (INVOICE_ISSUER_*). */
export interface InvoiceIssuer {
  name: string;
  addressLines: string[];
  taxId: string | null;
  /** The support contact printed for the customer (email or phone). */
  contact: string | null;
}

export interface InvoiceRecipient {
  name: string;
  /** The billing address as printed lines (the country by name); empty when there is none. */
  addressLines: string[];
}

/** One row of the itemised annex. */
export interface AnnexCall {
  startedAt: Date;
  phoneNumber: string;
  destination: string | null;
  minutes: number;
  billedSeconds?: number | null;
  /** The exact charge (6 decimals at most), as the call shows it. */
  charge: Money;
  /** From an earlier period, billed on this invoice because it arrived after that period's invoice. */
  late: boolean;
}

export interface InvoiceDocument {
  invoice: Invoice;
  issuer: InvoiceIssuer;
  customer: InvoiceRecipient;
  /** "2026-11-01" and "2026-11-15": see `invoiceDates`. */
  invoiceDate: string;
  dueDate: string;
  /** The lines that made the billed calls, in E.164. */
  phoneLines: string[];
  /** Prepaid invoices only: the balance before the period and after this invoice. */
  prepaid: { opening: Money; closing: Money } | null;
  /** Every call the invoice billed, oldest first: `count` of them, read as the annex is written. */
  calls: { count: number; rows: () => AsyncIterable<AnnexCall> };
}

/** Port: the invoice as a PDF, the same bytes for the same document every time. */
export abstract class InvoicePdfRenderer {
  abstract render(document: InvoiceDocument): Promise<Buffer>;
}

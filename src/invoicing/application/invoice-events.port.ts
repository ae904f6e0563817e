import type { Invoice } from '../domain/invoice';

/** Port: tells the world an invoice was issued (delivery hangs off this seam). */
export abstract class InvoiceEvents {
  abstract invoicesIssued(invoices: Invoice[]): Promise<void>;
}

import type { Invoice } from '../../invoicing';
import { periodLabel } from '../domain/invoice-period-label';
import type { InvoicePdf } from './render-invoice-pdf.query';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  attachment: { filename: string; content: Buffer; contentType: string };
}

/** The invoice email: number and period in the subject, the total in a short text, the PDF attached. */
export function invoiceEmail(
  invoice: Invoice,
  to: string,
  customerName: string,
  issuerName: string,
  pdf: InvoicePdf,
): EmailMessage {
  const period = periodLabel(invoice.period);
  const total = `${invoice.total.toString()} ${invoice.total.currency}`;
  return {
    to,
    subject: `Invoice ${invoice.number} for ${invoice.period.code}`,
    text: [
      `Hello ${customerName},`,
      '',
      `your invoice ${invoice.number} for ${period.name} (${period.firstDay} to ${period.lastDay}, ${period.zone}) is attached.`,
      '',
      `Total: ${total}`,
      '',
      issuerName,
      '',
    ].join('\n'),
    attachment: { filename: pdf.filename, content: pdf.content, contentType: 'application/pdf' },
  };
}

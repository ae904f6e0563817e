import type { InvoiceDocument } from '../../application/invoice-pdf-renderer.port';
import { BOLD, REGULAR } from './pdf-fonts';
import { CONTENT_WIDTH, GREY, INK, MARGIN } from './pdf-layout';

/**
 * The top of the first page: the issuer (name, address, tax id, support contact) on the left,
 * "INVOICE" and its number on the right. Returns the y below it.
 */
export function drawIssuerBlock(doc: PDFKit.PDFDocument, { issuer, invoice }: InvoiceDocument): number {
  const half = CONTENT_WIDTH / 2;
  doc.font(BOLD).fontSize(16).fillColor(INK);
  doc.text(issuer.name, MARGIN, MARGIN, { width: half });
  doc.font(REGULAR).fontSize(9).fillColor(GREY);
  const details = [
    ...issuer.addressLines,
    ...(issuer.taxId ? [`Tax ID ${issuer.taxId}`] : []),
    ...(issuer.contact ? [`Support ${issuer.contact}`] : []),
  ];
  for (const line of details) doc.text(line, MARGIN, doc.y + 1, { width: half });
  const left = doc.y;

  doc.font(BOLD).fontSize(22).fillColor(INK);
  doc.text('INVOICE', MARGIN + half, MARGIN, { width: half, align: 'right' });
  doc.font(REGULAR).fontSize(11).fillColor(GREY);
  doc.text(invoice.number ?? 'preview', MARGIN + half, doc.y, { width: half, align: 'right' });
  return Math.max(left, doc.y);
}

import type { InvoiceDocument } from '../../application/invoice-pdf-renderer.port';
import { REGULAR } from './pdf-fonts';
import { cell, CONTENT_WIDTH, FOOTER_Y, GREY, MARGIN, rule } from './pdf-layout';

/** "2 / 7": the page's number of the document's pages. */
export function pageNumber(page: number, pages: number): string {
  return `${page} / ${pages}`;
}

/** Every page's foot: who issued it, the invoice number, the support contact, and "n / N". */
export function drawFooter(
  doc: PDFKit.PDFDocument,
  document: InvoiceDocument,
  page: number,
  pages: number,
): void {
  const { issuer, invoice } = document;
  rule(doc, FOOTER_Y - 6);
  doc.font(REGULAR).fontSize(8).fillColor(GREY);
  const left = [
    issuer.name,
    `Invoice ${invoice.number ?? 'preview'}`,
    ...(issuer.contact ? [issuer.contact] : []),
  ];
  cell(doc, left.join(' · '), MARGIN, FOOTER_Y, CONTENT_WIDTH - 60);
  cell(doc, pageNumber(page, pages), MARGIN + CONTENT_WIDTH - 60, FOOTER_Y, 60, 'right');
}

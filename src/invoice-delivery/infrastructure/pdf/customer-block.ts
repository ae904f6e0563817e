import type { InvoiceDocument } from '../../application/invoice-pdf-renderer.port';
import { periodLabel } from '../../domain/invoice-period-label';
import { BOLD, REGULAR } from './pdf-fonts';
import { CONTENT_WIDTH, GREY, INK, MARGIN } from './pdf-layout';

/** Lines billed that the facts list by number; more are counted ("and 12 more lines"). */
const LINES_LISTED = 4;

/**
 * Who is billed (name and billing address) on the left; the invoice's facts on the right: number,
 * invoice and due dates, the period in words and days, the time zone, plan and lines billed.
 * Returns the y below it.
 */
export function drawCustomerBlock(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number): number {
  const { invoice, customer } = document;
  const half = CONTENT_WIDTH / 2;
  doc.font(BOLD).fontSize(9).fillColor(GREY).text('BILL TO', MARGIN, top);
  doc
    .font(BOLD)
    .fontSize(12)
    .fillColor(INK)
    .text(customer.name, MARGIN, top + 14, { width: half - 20 });
  doc.font(REGULAR).fontSize(10);
  for (const line of customer.addressLines) doc.text(line, MARGIN, doc.y + 1, { width: half - 20 });
  const left = doc.y;

  const period = periodLabel(invoice.period);
  const facts: [string, string][] = [
    ['Invoice number', invoice.number ?? 'preview'],
    ['Invoice date', document.invoiceDate],
    ['Due date', document.dueDate],
    ['Period', `${period.name} (${invoice.period.code})`],
    ['', `${period.firstDay} to ${period.lastDay}`],
    ['Time zone', period.zone],
    ['Plan', invoice.plan],
    ...phoneLineFacts(document.phoneLines),
  ];
  const labelX = MARGIN + half;
  let y = top;
  doc.fontSize(10);
  for (const [label, value] of facts) {
    doc.font(REGULAR).fillColor(GREY).text(label, labelX, y, { width: 85 });
    doc.fillColor(INK).text(value, labelX + 90, y, { width: half - 90 });
    y = Math.max(y + 15, doc.y + 2);
  }
  return Math.max(left, y);
}

function phoneLineFacts(lines: string[]): [string, string][] {
  if (lines.length === 0) return [['Lines', 'no calls billed']];
  const listed = lines
    .slice(0, LINES_LISTED)
    .map((line, index): [string, string] => [
      index === 0 ? (lines.length === 1 ? 'Line' : 'Lines') : '',
      line,
    ]);
  const more = lines.length - listed.length;
  return more > 0 ? [...listed, ['', `and ${more} more line${more === 1 ? '' : 's'}`]] : listed;
}

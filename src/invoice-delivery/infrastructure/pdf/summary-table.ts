import { billedMinutes, minutesText } from '../../../billing-plans';
import type { InvoiceLine } from '../../../invoicing';
import { counted } from '../../../shared/domain/counted';
import type { Money } from '../../../shared/domain/money';
import type { InvoiceDocument } from '../../application/invoice-pdf-renderer.port';
import { BOLD, REGULAR } from './pdf-fonts';
import { CONTENT_BOTTOM, CONTENT_WIDTH, GREY, INK, MARGIN, rule } from './pdf-layout';

/** The invoice's lines as they are: usage per group and rate, late calls, fees, prepaid credit. */
const COLUMNS = [
  { key: 'description', title: 'Description', width: 215, align: 'left' },
  { key: 'period', title: 'Period', width: 55, align: 'left' },
  { key: 'quantity', title: 'Quantity', width: 55, align: 'right' },
  { key: 'unitPrice', title: 'Unit price', width: 70, align: 'right' },
  { key: 'amount', title: 'Amount', width: CONTENT_WIDTH - 395, align: 'right' },
] as const;

type Cells = Partial<Record<(typeof COLUMNS)[number]['key'], string>>;

/** "8.30 USD": every amount a customer reads carries its currency. */
export function money(amount: Money): string {
  return `${amount.toString()} ${amount.currency}`;
}

/**
 * The summary: the lines, the total due and its due date, for prepaid the balance before and after,
 * and how many calls and minutes the period had. Starts at `top`, breaking onto a new page when the
 * lines run long; returns the y below it.
 */
export function drawSummary(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number): number {
  const { invoice } = document;
  let y = top;
  doc.font(BOLD).fontSize(12).fillColor(INK).text('Summary', MARGIN, y);
  y = doc.y + 6;
  y = drawRow(doc, y, Object.fromEntries(COLUMNS.map((column) => [column.key, column.title])), true);
  rule(doc, y);
  y += 6;
  const lines = invoice.lines.length > 0 ? invoice.lines.map(lineCells) : [{ description: 'No charges' }];
  for (const cells of lines) {
    if (y + 30 > CONTENT_BOTTOM) {
      doc.addPage();
      y = MARGIN;
    }
    y = drawRow(doc, y, cells) + 2;
  }
  rule(doc, y);

  y += 10;
  doc.font(BOLD).fontSize(13).fillColor(INK);
  doc.text('Total due', MARGIN, y, { width: CONTENT_WIDTH - 150, align: 'right' });
  doc.text(money(invoice.total), MARGIN + CONTENT_WIDTH - 140, y, { width: 140, align: 'right' });
  y = doc.y + 2;
  doc.font(REGULAR).fontSize(10).fillColor(GREY);
  doc.text(`Please pay by ${document.dueDate}.`, MARGIN, y, { width: CONTENT_WIDTH, align: 'right' });
  y = doc.y + 12;

  const notes = [
    `${counted(invoice.callCount, 'call')}, ${counted(invoice.minutes, 'minute')}${billedTime(invoice)} in ${invoice.period.code}.`,
    ...(document.prepaid
      ? [
          `Prepaid balance before this period: ${money(document.prepaid.opening)}.`,
          `Prepaid balance after this invoice: ${money(document.prepaid.closing)}.`,
        ]
      : []),
    ...(document.issuer.contact ? [`Questions about this bill? ${document.issuer.contact}`] : []),
  ];
  doc.font(REGULAR).fontSize(9).fillColor(GREY);
  for (const note of notes) {
    doc.text(note, MARGIN, y, { width: CONTENT_WIDTH });
    y = doc.y + 2;
  }
  return y;
}

function lineCells(line: InvoiceLine): Cells {
  return {
    description: line.description,
    period: line.period,
    quantity: String(line.quantity),
    unitPrice: line.unitPrice?.toString() ?? '',
    amount: line.amount.toString(),
  };
}

/** One row; the description may wrap. Returns the y below its tallest cell. */
function drawRow(doc: PDFKit.PDFDocument, y: number, cells: Cells, header = false): number {
  doc
    .font(header ? BOLD : REGULAR)
    .fontSize(header ? 8.5 : 9.5)
    .fillColor(header ? GREY : INK);
  let x = MARGIN;
  let bottom = y;
  for (const [index, column] of COLUMNS.entries()) {
    const text = cells[column.key] ?? '';
    // A gutter after every column but the last, so amounts line up with the total.
    const options = { width: column.width - (index === COLUMNS.length - 1 ? 0 : 8), align: column.align };
    doc.text(text, x, y, options);
    bottom = Math.max(bottom, y + doc.heightOfString(text || ' ', options));
    x += column.width;
  }
  return bottom + 4;
}

/** " (6.62 minutes billed)" when billing increments made the billed time differ from whole minutes. */
function billedTime(invoice: InvoiceDocument['invoice']): string {
  if (invoice.billedSeconds === invoice.minutes * 60) return '';
  return ` (${minutesText(billedMinutes(invoice.billedSeconds))} billed)`;
}

import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { billedMinutes, minutesText } from '../../billing-plans';
import type { InvoiceLine } from '../../invoicing';
import { counted } from '../../shared/domain/counted';
import { InvoiceDocument, InvoicePdfRenderer } from '../application/invoice-pdf-renderer.port';
import { localDateTime, periodLabel } from '../domain/invoice-period-label';
import { toWinAnsi } from './win-ansi';

const MARGIN = 50;
const PAGE_WIDTH = 595.28; // A4
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const GREY = '#555555';
const RULE = '#999999';

/** Line table columns: description takes what the numbers leave. */
const COLUMNS = [
  { key: 'description', title: 'Description', width: 215, align: 'left' },
  { key: 'period', title: 'Period', width: 55, align: 'left' },
  { key: 'quantity', title: 'Quantity', width: 55, align: 'right' },
  { key: 'unitPrice', title: 'Unit price', width: 70, align: 'right' },
  { key: 'amount', title: 'Amount', width: CONTENT_WIDTH - 395, align: 'right' },
] as const;

/**
 * The invoice on one A4 page with pdfkit and its built-in Helvetica (nothing to embed). The bytes
 * depend on the document alone: the PDF's dates are the issue instant, the file ID pdfkit derives
 * from them (and the other info fields), and deflate is deterministic; nothing reads the wall clock.
 */
@Injectable()
export class PdfkitInvoicePdfRenderer extends InvoicePdfRenderer {
  render({ invoice, issuerName, customerName }: InvoiceDocument): Promise<Buffer> {
    const issuedAt = invoice.issuedAt ?? invoice.period.end;
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      compress: true,
      pdfVersion: '1.4',
      lang: 'en',
      info: {
        Title: toWinAnsi(`Invoice ${invoice.number ?? ''}`.trim()),
        Author: toWinAnsi(issuerName),
        Subject: `Invoice for ${invoice.period.code}`,
        Creator: 'phone-billing',
        Producer: 'phone-billing (PDFKit)',
        CreationDate: issuedAt,
        ModDate: issuedAt,
      },
    });
    const done = collect(doc);
    drawInvoice(doc, { invoice, issuerName, customerName });
    doc.end();
    return done;
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawInvoice(doc: PDFKit.PDFDocument, { invoice, issuerName, customerName }: InvoiceDocument): void {
  const zone = invoice.period.zone.name;
  const period = periodLabel(invoice.period);
  const currency = invoice.total.currency;

  doc.font('Helvetica-Bold').fontSize(16).fillColor('black');
  doc.text(toWinAnsi(issuerName), MARGIN, MARGIN, { width: CONTENT_WIDTH / 2 });
  doc.fontSize(24).text('INVOICE', MARGIN + CONTENT_WIDTH / 2, MARGIN, {
    width: CONTENT_WIDTH / 2,
    align: 'right',
  });
  doc.font('Helvetica').fontSize(11).fillColor(GREY);
  doc.text(invoice.number ?? 'preview', MARGIN + CONTENT_WIDTH / 2, doc.y, {
    width: CONTENT_WIDTH / 2,
    align: 'right',
  });

  let y = 130;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(GREY).text('BILL TO', MARGIN, y);
  doc.font('Helvetica').fontSize(12).fillColor('black');
  doc.text(toWinAnsi(customerName), MARGIN, y + 16, { width: CONTENT_WIDTH / 2 - 20 });

  const facts: [string, string][] = [
    ['Invoice number', invoice.number ?? 'preview'],
    ['Issued', invoice.issuedAt ? localDateTime(invoice.issuedAt, zone) : '-'],
    ['Period', `${period.name} (${invoice.period.code})`],
    ['', `${period.firstDay} to ${period.lastDay}`],
    ['Time zone', zone],
    ['Plan', invoice.plan],
    ['Currency', currency],
  ];
  const labelX = MARGIN + CONTENT_WIDTH / 2;
  doc.fontSize(10);
  for (const [label, value] of facts) {
    doc.fillColor(GREY).text(label, labelX, y, { width: 85 });
    doc.fillColor('black').text(toWinAnsi(value), labelX + 90, y, { width: CONTENT_WIDTH / 2 - 90 });
    y += 15;
  }

  y = Math.max(y, doc.y) + 25;
  y = drawRow(doc, y, Object.fromEntries(COLUMNS.map((c) => [c.key, c.title])), true);
  rule(doc, y);
  y += 6;
  for (const line of invoice.lines) y = drawRow(doc, y, lineCells(line)) + 2;
  if (invoice.lines.length === 0) y = drawRow(doc, y, { description: 'No charges' }) + 2;
  rule(doc, y);

  y += 10;
  doc.font('Helvetica-Bold').fontSize(13).fillColor('black');
  doc.text('Total', MARGIN, y, { width: CONTENT_WIDTH - 150, align: 'right' });
  doc.text(`${invoice.total.toString()} ${currency}`, MARGIN + CONTENT_WIDTH - 140, y, {
    width: 140,
    align: 'right',
  });

  y += 40;
  doc.font('Helvetica').fontSize(9).fillColor(GREY);
  doc.text(
    `${counted(invoice.callCount, 'call')}, ${counted(invoice.minutes, 'minute')} in ${invoice.period.code}` +
      `${billedTime(invoice)}. ` +
      `All amounts in ${currency}; ` +
      'line amounts are rounded half-up to the cent and add up to the total.',
    MARGIN,
    y,
    { width: CONTENT_WIDTH },
  );
  if (invoice.id) doc.text(`Invoice id ${invoice.id}`, MARGIN, doc.y + 4, { width: CONTENT_WIDTH });
}

/** ", 6.62 minutes billed" when billing increments made the billed time differ from whole minutes. */
function billedTime(invoice: InvoiceDocument['invoice']): string {
  if (invoice.billedSeconds === invoice.minutes * 60) return '';
  return ` (${minutesText(billedMinutes(invoice.billedSeconds))} billed)`;
}

function lineCells(line: InvoiceLine): Record<string, string> {
  return {
    description: toWinAnsi(line.description),
    period: line.period,
    quantity: String(line.quantity),
    unitPrice: line.unitPrice?.toString() ?? '',
    amount: line.amount.toString(),
  };
}

/** One table row; returns the y below its tallest cell. */
function drawRow(doc: PDFKit.PDFDocument, y: number, cells: Record<string, string>, header = false): number {
  doc
    .font(header ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(header ? 9 : 10)
    .fillColor(header ? GREY : 'black');
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

function rule(doc: PDFKit.PDFDocument, y: number): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT_WIDTH, y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}

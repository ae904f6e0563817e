import type { AnnexCall, InvoiceDocument } from '../../application/invoice-pdf-renderer.port';
import { billedDuration } from '../../domain/billed-duration';
import { WallClock } from '../../domain/wall-clock';
import { drawFooter } from './page-footer';
import { BOLD, REGULAR } from './pdf-fonts';
import {
  type Align,
  cell,
  characterWidths,
  inOneWrite,
  type Measure,
  CONTENT_BOTTOM,
  CONTENT_WIDTH,
  GREY,
  INK,
  MARGIN,
  rule,
} from './pdf-layout';

const ROW_HEIGHT = 12;
/** The heading ("Itemised calls", a note) and the column titles with their rule. */
const HEADING_HEIGHT = 34;
const TITLES_HEIGHT = 16;
/** Below the summary the annex starts only if this many rows fit there; else on a page of its own. */
const MIN_ROWS_BELOW_SUMMARY = 3;

const COLUMNS: { title: string; width: number; align: Align }[] = [
  { title: 'Date', width: 66, align: 'left' },
  { title: 'Time', width: 50, align: 'left' },
  { title: 'Line', width: 96, align: 'left' },
  { title: 'Destination', width: 128, align: 'left' },
  { title: 'Duration', width: 60, align: 'right' },
  { title: 'Charge', width: CONTENT_WIDTH - 400, align: 'right' },
];
const GUTTER = 8;

/** Rows that fit on a page whose annex heading starts at `top`. */
export function annexRowsBelow(top: number): number {
  return Math.max(0, Math.floor((CONTENT_BOTTOM - top - HEADING_HEIGHT - TITLES_HEIGHT) / ROW_HEIGHT) + 1);
}

/** Rows the annex puts below a summary that ends at `top` (0: the annex starts on a new page). */
export function annexRowsBelowSummary(top: number): number {
  const rows = annexRowsBelow(top + 10);
  return rows >= MIN_ROWS_BELOW_SUMMARY ? rows : 0;
}

export interface AnnexStart {
  /** Where the summary ended on the current page. */
  summaryBottom: number;
  startsOnSummaryPage: boolean;
  /** The current page's number, and the document's page count. */
  page: number;
  pages: number;
}

/**
 * The itemised annex: every billed call, one line each, oldest first, read as it is written.
 * Each full page is flushed to the output before the next starts (with its heading, column titles
 * and "n / N" footer), so memory holds one page and one read page of calls, however many calls.
 */
export async function drawCallAnnex(
  doc: PDFKit.PDFDocument,
  document: InvoiceDocument,
  start: AnnexStart,
): Promise<void> {
  const clock = new WallClock(document.invoice.period.zone.name);
  const hasLate = document.invoice.lines.some((line) => line.kind === 'late_usage');
  let page = start.page;
  const newPage = (): number => {
    doc.flushPages();
    doc.addPage();
    page += 1;
    drawFooter(doc, document, page, start.pages);
    return MARGIN;
  };

  let top = start.startsOnSummaryPage ? start.summaryBottom + 10 : newPage();
  let capacity = annexRowsBelow(top);
  let y = drawHeading(doc, document, top, false, hasLate);
  const measure = characterWidths(doc); // drawHeading leaves the rows' font and size set
  let onPage = 0;
  for await (const call of document.calls.rows()) {
    if (onPage === capacity) {
      top = newPage();
      capacity = annexRowsBelow(top);
      y = drawHeading(doc, document, top, true, hasLate);
      onPage = 0;
    }
    inOneWrite(doc, () => drawCallRow(doc, call, y, clock, measure));
    y += ROW_HEIGHT;
    onPage += 1;
  }
}

function drawHeading(
  doc: PDFKit.PDFDocument,
  document: InvoiceDocument,
  top: number,
  continued: boolean,
  hasLate: boolean,
): number {
  const zone = document.invoice.period.zone.name;
  doc.font(BOLD).fontSize(12).fillColor(INK);
  cell(doc, continued ? 'Itemised calls (continued)' : 'Itemised calls', MARGIN, top, CONTENT_WIDTH);
  doc.font(REGULAR).fontSize(8).fillColor(GREY);
  const note =
    `${document.calls.count} ${document.calls.count === 1 ? 'call' : 'calls'}, times in ${zone}; ` +
    `charges in ${document.invoice.total.currency}` +
    (hasLate ? '. * from an earlier period, received after its invoice' : '');
  cell(doc, note, MARGIN, top + 17, CONTENT_WIDTH);

  const y = top + HEADING_HEIGHT;
  doc.font(BOLD).fontSize(8).fillColor(GREY);
  let x = MARGIN;
  for (const column of COLUMNS) {
    cell(doc, column.title, x, y, column.width - GUTTER, column.align);
    x += column.width;
  }
  rule(doc, y + 11);
  doc.font(REGULAR).fontSize(8.5).fillColor(INK);
  return y + TITLES_HEIGHT;
}

function drawCallRow(
  doc: PDFKit.PDFDocument,
  call: AnnexCall,
  y: number,
  clock: WallClock,
  measure: Measure,
): void {
  const local = clock.read(call.startedAt);
  const cells = [
    call.late ? `${local.date} *` : local.date,
    local.time,
    call.phoneNumber,
    call.destination ?? '',
    billedDuration(call),
    call.charge.toString(),
  ];
  let x = MARGIN;
  for (const [index, column] of COLUMNS.entries()) {
    const width = column.width - (index === COLUMNS.length - 1 ? 0 : GUTTER);
    cell(doc, cells[index], x, y, width, column.align, measure);
    x += column.width;
  }
}

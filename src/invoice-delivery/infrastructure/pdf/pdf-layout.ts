export const PAGE = { width: 595.28, height: 841.89 }; // A4, in points
export const MARGIN = 50;
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** The lowest y a line of content may start at; the footer lives below. */
export const CONTENT_BOTTOM = PAGE.height - 72;
export const FOOTER_Y = PAGE.height - 40;

export const INK = '#000000';
export const GREY = '#555555';
export const RULE = '#999999';

export type Align = 'left' | 'right';

export interface Column<K extends string> {
  key: K;
  title: string;
  width: number;
  align: Align;
}

const ELLIPSIS = '…';

/**
 * One line of text in a cell `width` wide, cut with an ellipsis when longer, so every row of a
 * table is one line high (the page plan counts on it). No wrapping, so no automatic page break.
 */
export function cell(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  align: Align = 'left',
): void {
  if (text.length === 0) return;
  let shown = text;
  let measured = doc.widthOfString(shown);
  if (measured > width) {
    while (shown.length > 0 && doc.widthOfString(shown + ELLIPSIS) > width) shown = shown.slice(0, -1);
    shown += ELLIPSIS;
    measured = doc.widthOfString(shown);
  }
  doc.text(shown, align === 'right' ? x + width - measured : x, y, { lineBreak: false });
}

export function rule(doc: PDFKit.PDFDocument, y: number): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT_WIDTH, y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}

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

/** How wide text is in the document's current font and size. */
export type Measure = (text: string) => number;

/**
 * Text widths in one font and size, summed from remembered character widths: for the annex's
 * thousands of one-line cells (no kerning between digits and the few letters they hold), where
 * asking the font to lay out each string twice (to measure, then to draw) would double the work.
 */
export function characterWidths(doc: PDFKit.PDFDocument): Measure {
  const widths = new Map<string, number>();
  return (text) => {
    let total = 0;
    for (const char of text) {
      let width = widths.get(char);
      if (width === undefined) {
        width = doc.widthOfString(char);
        widths.set(char, width);
      }
      total += width;
    }
    return total;
  };
}

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
  measure: Measure = (string) => doc.widthOfString(string),
): void {
  if (text.length === 0) return;
  let shown = text;
  let measured = measure(shown);
  if (measured > width) {
    while (shown.length > 0 && measure(shown + ELLIPSIS) > width) shown = shown.slice(0, -1);
    shown += ELLIPSIS;
    measured = measure(shown);
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

/**
 * Runs `draw` with its content operators gathered and added to the page as one write. pdfkit turns
 * every operator into a buffer of its own (a dozen per table cell); the annex's tens of thousands
 * of cells made that the main cost of a long invoice, mostly in garbage collection. The bytes are
 * the same: pdfkit ends each write with a newline, and the operators are joined with one.
 */
export function inOneWrite(doc: PDFKit.PDFDocument, draw: () => void): void {
  const operators: string[] = [];
  const addContent = doc.addContent.bind(doc);
  doc.addContent = (data: unknown) => {
    operators.push(String(data));
    return doc;
  };
  try {
    draw();
  } finally {
    delete (doc as Partial<PDFKit.PDFDocument>).addContent; // the prototype's again
  }
  if (operators.length > 0) addContent(operators.join('\n'));
}

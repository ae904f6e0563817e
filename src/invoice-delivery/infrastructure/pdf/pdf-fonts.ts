import { readFileSync } from 'node:fs';

/**
 * DejaVu Sans (npm `dejavu-fonts-ttf`, pinned): Latin, Greek and Cyrillic at least, so `Łódź`,
 * `Ελένη` and `Дмитрий` print as written. Its licence (Bitstream Vera, DejaVu changes public
 * domain) allows embedding; pdfkit embeds only the glyphs a document uses.
 */
const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

export const REGULAR = 'Sans';
export const BOLD = 'Sans-Bold';

let loaded: { regular: Buffer; bold: Buffer } | null = null;

/** The font files, read once per process. */
function fontFiles(): { regular: Buffer; bold: Buffer } {
  loaded ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return loaded;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  const files = fontFiles();
  doc.registerFont(REGULAR, files.regular);
  doc.registerFont(BOLD, files.bold);
}

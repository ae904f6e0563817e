/** Characters the standard PDF fonts (WinAnsiEncoding) can show beyond Latin-1. */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text for pdfkit's built-in Helvetica, which knows only WinAnsi: accents that decompose fall back
 * to their base letter, anything else shows as "?" (the email and webhook carry the exact text).
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (shows(char)) out += char;
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(shows) ? base : '?';
    }
  }
  return out;
}

function shows(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(char);
}

/**
 * Text width estimates for label sizing and the layout's overlap checks. Pure (no canvas): the
 * layout must run under Node and give the same result everywhere. The widths are DejaVu Sans
 * advance widths (the widest of the fonts in the stylesheet's stack), so a label estimated here
 * fits wherever Segoe UI or Arial is used instead.
 */

const NARROW = new Set([...'il.,:;|!\'` ']);
const PUNCT = new Set([...'/-()[]{}·']);
const WIDE = new Set([...'mwMW✔✕#%@']);

/** Advance width of one character, in em. */
function charEm(ch: string): number {
  if (NARROW.has(ch)) return 0.32;
  if (PUNCT.has(ch)) return 0.4;
  if (WIDE.has(ch)) return 0.98;
  if (ch >= '0' && ch <= '9') return 0.64;
  if ('rtfj'.includes(ch)) return 0.43;
  if (ch >= 'a' && ch <= 'z') return 0.62;
  if (ch >= 'A' && ch <= 'Z') return 0.76;
  return 0.8;
}

/** Estimated width in px of one line of text. Bold text is about 10% wider. */
export function textWidth(line: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of line) em += charEm(ch);
  return Math.ceil(em * fontSize * (bold ? 1.1 : 1));
}

/** Width of the widest line. */
export function linesWidth(lines: readonly string[], fontSize: number, bold = false): number {
  return lines.reduce((w, l) => Math.max(w, textWidth(l, fontSize, bold)), 0);
}

/** Line height cytoscape uses for wrapped labels (font size × 1.2, rounded up). */
export const lineHeight = (fontSize: number): number => Math.ceil(fontSize * 1.2);

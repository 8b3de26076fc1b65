/**
 * Where a lit line's fallback number goes (issue 27: the numbers near a router or a host's NIC
 * tiles overlapped each other and the names next to them). Pure: the highlight layer
 * (./overlay.ts) gives the lines and what they must stay clear of, and applies the answer.
 *
 * A number is drawn on its line, `at` model px from its source end (the style's
 * `source-text-offset`). The drops of one router that go the same way, and the drops of
 * neighbouring NIC tiles, put theirs on top of each other. In the order of their first fallback
 * (then by id), each number takes the first place along its own line, a number's height apart
 * (`STEPS` of them, while the number stays on the line), clear of the numbers placed before it
 * and of the obstacles (names, and the bars drawn over the lines). A number with no such place
 * stays where it was, unless it would overlap a number placed before it: then it is left out
 * (`crowded`) rather than drawn as a jumble of digits — the path panel lists every fallback, and
 * the bars and routers carry theirs. The numbers keep their size as the view zooms (their font is
 * the drawing's, not grown for the zoom), so a place holds at every zoom.
 */
import { overlaps, type Box, type Pos } from './geometry';
import { lineHeight, textWidth } from './textWidth';

export interface NumberedLine {
  id: string;
  /** "3,4,5": the fallbacks that take this line. */
  label: string;
  source: Pos;
  target: Pos;
  /** Where the style puts the number: its centre's distance from the source end. */
  at: number;
  fontSize: number;
}

/** A number's place: its distance from the source end, or left out. */
export type NumberPlace = { off: number; box: Box } | { crowded: true };

/** How many of its own heights a number may move along its line. */
export const STEPS = 4;
/** The number's ground around its text (`text-background-padding` 2 and a border of 1, each side), and a pixel more. */
const PAD = 4;

/** The first fallback in a label ("3,4,5" → 3); no number sorts last. */
export const firstNumber = (label: string): number => {
  const n = Number(label.split(',')[0]);
  return Number.isFinite(n) && n > 0 ? n : Number.MAX_SAFE_INTEGER;
};

/** The box of a number centred `off` along its line (bold text on a padded ground). */
export function numberBox(line: NumberedLine, off: number): Box {
  const dx = line.target.x - line.source.x;
  const dy = line.target.y - line.source.y;
  const length = Math.hypot(dx, dy) || 1;
  const cx = line.source.x + (dx / length) * off;
  const cy = line.source.y + (dy / length) * off;
  const w = textWidth(line.label, line.fontSize, true) + 2 * PAD;
  const h = lineHeight(line.fontSize) + 2 * PAD;
  return { x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 };
}

export function placeNumbers(lines: readonly NumberedLine[], obstacles: readonly Box[]): Map<string, NumberPlace> {
  const order = [...lines].sort((a, b) => firstNumber(a.label) - firstNumber(b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: Box[] = [];
  const out = new Map<string, NumberPlace>();
  for (const line of order) {
    const length = Math.hypot(line.target.x - line.source.x, line.target.y - line.source.y);
    const first = numberBox(line, line.at);
    const step = first.y2 - first.y1 + 2;
    let place: { off: number; box: Box } | null = null;
    for (let i = 0; i <= STEPS; i++) {
      const off = line.at + i * step;
      if (i > 0 && off + step / 2 > length) break;
      const box = i === 0 ? first : numberBox(line, off);
      if (!placed.some((b) => overlaps(b, box)) && !obstacles.some((b) => overlaps(b, box))) {
        place = { off, box };
        break;
      }
    }
    if (!place) {
      if (placed.some((b) => overlaps(b, first))) {
        out.set(line.id, { crowded: true });
        continue;
      }
      place = { off: line.at, box: first };
    }
    placed.push(place.box);
    out.set(line.id, place);
  }
  return out;
}

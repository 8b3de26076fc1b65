/**
 * Text that grows as the diagram is zoomed out (issue 27): at *Fit* on a small window, a design's
 * names would be drawn at 5–8 px. Node, site and network names are drawn larger than their
 * base size when the zoom would make them smaller than `READABLE_PX` on screen — in steps, and
 * never larger than the room they have (a name no wider than its node plus the gap to the next,
 * a network's name inside its bar) — and back at their base size once zoomed in, so zoomed in
 * every size is in proportion again. A grown full-drawing network shows its first line only
 * (name and prefix): the bar has room for one line of the larger text, not two. A compact rail is
 * as tall as its name already: it does not grow (a taller lane would cost the fit its zoom).
 * The layout never changes: only fonts do. Pure arithmetic here; render.ts applies it.
 */
import { COMPACT_SLOT, LINE, type Metrics } from './metrics';
import { textWidth } from './textWidth';

/** What a name must measure on screen (px) at the least, where its room allows. */
export const READABLE_PX = { host: 11.5, network: 9.5, site: 12 } as const;
export type GrowKind = keyof typeof READABLE_PX;

/** Factors a name may be drawn at, as multiples of its base size. */
export const GROWTH_STEPS = [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5] as const;

/**
 * The step a name of base size `base` takes at `zoom`: the smallest that puts it at `target` px on
 * screen, else the largest within `cap` (the room it has).
 */
export function growthStep(zoom: number, base: number, target: number, cap: number): number {
  let best = 1;
  for (const s of GROWTH_STEPS) {
    if (s > cap + 1e-9) break;
    best = s;
    if (base * s * zoom >= target - 1e-9) break;
  }
  return best;
}

/** The base font (model units) of a name of this kind on this drawing. */
export const baseFont = (m: Metrics, kind: GrowKind): number => (kind === 'host' ? m.font.node : m.font[kind]);

/** The line a grown network shows: the first line of its label (tags included). */
export const firstLine = (label: string): string => label.split('\n')[0] ?? '';

/**
 * How much a name may grow in the room it has.
 * - A node's name: as wide as its box plus most of the gap to its neighbour.
 * - A network's: its first line within the bar's width less its padding, its line within the bar's height.
 * - A site's: its box is far wider than its name; a fixed ceiling.
 */
export function growthCap(m: Metrics, kind: GrowKind, label: string, box: { w: number; h: number }): number {
  const base = baseFont(m, kind);
  if (kind === 'site') return GROWTH_STEPS[GROWTH_STEPS.length - 1]!;
  if (kind === 'host') {
    const widest = Math.max(...label.split('\n').map((l) => textWidth(l, base, true)), 1);
    // The compact drawing's gap is the names' (metrics.ts COMPACT_SLOT); the full drawing's wider.
    return (box.w + (m.kind === 'compact' ? COMPACT_SLOT.boxGap - COMPACT_SLOT.nameSep : m.gap.item - 8)) / widest;
  }
  const line = m.kind === 'compact' ? label.replace(/\n/g, ' ') : firstLine(label);
  const byWidth = (box.w - 2 * m.bus.labelPadX) / Math.max(1, textWidth(line, base, true));
  const byHeight = (box.h - 4) / (base * LINE);
  return Math.min(byWidth, byHeight);
}

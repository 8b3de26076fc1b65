/**
 * Laying a diagram out on paper so that no text is smaller than 8 pt at print size. A diagram
 * that fits at that size gets one page. One that does not gets an overview (the whole cluster at
 * the page's scale, keeping only the sites' and nodes' names, drawn at 8 pt or left out) and then
 * each site on its own, split into parts between its nodes (never through one when it can be
 * helped) until every part fits at 8 pt — parts cut across a site stacked as bands on one page
 * when they fit there, so a small site is never split across pages. Pure: plans in points (1/72 in), from the scene alone.
 */
import type { Scene, SceneShape } from '../../engine/io';
import { smallestText, type Box } from './svg';

export const PAGE_SIZES = {
  a4: { label: 'A4 landscape', w: 841.89, h: 595.28, css: 'A4 landscape', width: '297mm', height: '210mm' },
  a3: { label: 'A3 landscape', w: 1190.55, h: 841.89, css: 'A3 landscape', width: '420mm', height: '297mm' },
  letter: { label: 'Letter landscape', w: 792, h: 612, css: 'letter landscape', width: '11in', height: '8.5in' },
} as const;
export type PageSizeId = keyof typeof PAGE_SIZES;

/** The smallest text a printed page may carry, in points. */
export const MIN_PT = 8;
/** Page margin (10 mm) and the caption's height above the drawing, in points. */
export const PAGE_MARGIN = 28;
export const PAGE_HEADER = 40;
/** The drawing is never printed larger than this many points per diagram unit (px). */
const MAX_SCALE = 1.25;
/** Room left around a region so that borders and labels at its edge are not cut. */
const PAD = 6;

export interface PlannedPage {
  /** Empty for a diagram that fits one page; "Overview", "Site A", "Site A · part 2 of 3". */
  title: string;
  /** What the page shows, in diagram units. */
  region: Box;
  /** Points per diagram unit. */
  scale: number;
  overview: boolean;
  /** Drawn from the full drawing of a compact design (`planPages`' `detail`), not from the scene. */
  detail?: boolean;
  /**
   * A site too wide for the page, cut between its nodes into bands stacked one above the other on
   * this one page (`region` is their union): a small site is never split across pages (issue 27).
   */
  bands?: Box[];
}

/** Room between two bands of one page, in points. */
export const BAND_GAP = 14;

const boxOf = (s: SceneShape): Box => ({ x1: s.x, y1: s.y, x2: s.x + s.w, y2: s.y + s.h });
const grow = (b: Box, d: number): Box => ({ x1: b.x1 - d, y1: b.y1 - d, x2: b.x2 + d, y2: b.y2 + d });

/**
 * Cut points along one axis splitting [from, to] into spans no longer than `max`, placed in the
 * gaps between `items` (their extents on that axis) when a gap is within reach.
 */
export function cuts(from: number, to: number, items: readonly [number, number][], max: number): number[] {
  const sorted = [...items].sort((a, b) => a[0] - b[0]);
  // Free points: the middles of the gaps between the merged extents.
  const gaps: number[] = [];
  let end = -Infinity;
  for (const [a, b] of sorted) {
    if (a > end && end > -Infinity) gaps.push((a + end) / 2);
    end = Math.max(end, b);
  }
  const out: number[] = [];
  let start = from;
  while (to - start > max) {
    const reach = gaps.filter((g) => g > start + 1 && g <= start + max);
    const cut = reach.length > 0 ? reach[reach.length - 1]! : start + max;
    out.push(cut);
    start = cut;
  }
  return out;
}

const spans = (from: number, to: number, at: number[]): [number, number][] => {
  const edges = [from, ...at, to];
  return edges.slice(1).map((b, i) => [edges[i]!, b]);
};

/**
 * Pages for a scene on a paper size, given the height the legend takes (points) on a single page
 * or the overview, and on the parts (0: the parts refer to the overview's legend).
 */
export function planPages(scene: Scene, size: PageSizeId, legendHeight: number, partLegendHeight = legendHeight, detail: Scene | null = null): PlannedPage[] {
  const page = PAGE_SIZES[size];
  const availW = page.w - 2 * PAGE_MARGIN;
  const availH = page.h - 2 * PAGE_MARGIN - PAGE_HEADER - legendHeight;
  const partH = page.h - 2 * PAGE_MARGIN - PAGE_HEADER - partLegendHeight;
  const minScale = MIN_PT / smallestText(scene);
  const fitIn = (r: Box, h: number): number => Math.min(MAX_SCALE, availW / Math.max(1, r.x2 - r.x1), h / Math.max(1, r.y2 - r.y1));
  const fit = (r: Box): number => fitIn(r, availH);
  const whole = grow(scene.bounds, PAD);
  const wholeScale = fit(whole);
  if (wholeScale >= minScale) return [{ title: '', region: whole, scale: wholeScale, overview: false }];

  // The overview's names are drawn at 8 pt, taller than in the drawing: room for them above and below.
  const room = (2 * MIN_PT) / wholeScale;
  const overview = { x1: whole.x1 - room, y1: whole.y1 - room, x2: whole.x2, y2: whole.y2 + room };
  const pages: PlannedPage[] = [{ title: 'Overview', region: overview, scale: fit(overview), overview: true }];
  // The sites' pages: from the full drawing of a compact design (its NICs named), else from the scene.
  const parts = detail ?? scene;
  const partMin = MIN_PT / smallestText(parts);
  const sites = parts.shapes.filter((s) => s.kind === 'site');
  const regions: { name: string; box: Box; items: SceneShape[] }[] = sites.length
    ? sites.map((s) => {
        // The site with its name above it.
        const labelH = s.label ? s.label.size * s.label.lineHeight + s.label.gap : 0;
        return { name: s.label?.lines[0] ?? s.id, box: { ...boxOf(s), y1: s.y - labelH }, items: parts.shapes.filter((x) => x.parent === s.id) };
      })
    : [{ name: 'Part', box: parts.bounds, items: parts.shapes.filter((x) => x.parent === null) }];
  const fromDetail = detail ? { detail: true } : {};
  for (const r of regions) {
    const box = grow(r.box, PAD);
    const maxW = availW / partMin;
    const maxH = partH / partMin;
    const xs = spans(box.x1, box.x2, cuts(box.x1, box.x2, r.items.filter((i) => i.kind !== 'network').map((i) => [i.x, i.x + i.w]), maxW));
    const ys = spans(box.y1, box.y2, cuts(box.y1, box.y2, r.items.map((i) => [i.y - (i.label && i.label.place !== 'center' ? 20 : 0), i.y + i.h + 20]), maxH));
    const count = xs.length * ys.length;
    const pieces = ys.flatMap(([y1, y2]) => xs.map(([x1, x2]) => ({ x1, y1, x2, y2 })));
    // Cut across only: the parts stacked as bands on one page, when they fit there at 8 pt.
    if (ys.length === 1 && xs.length > 1) {
      const widest = Math.max(...pieces.map((b) => b.x2 - b.x1));
      const tall = pieces.reduce((h, b) => h + (b.y2 - b.y1), 0);
      const scale = Math.min(MAX_SCALE, availW / widest, (partH - BAND_GAP * (pieces.length - 1)) / tall);
      if (scale >= partMin) {
        pages.push({ title: sites.length ? r.name : 'Part 1 of 1', region: box, scale, overview: false, bands: pieces, ...fromDetail });
        continue;
      }
    }
    // The parts of one site share a scale (the smallest that fits each), so its text is the same size on every page.
    const scale = Math.min(...pieces.map((region) => fitIn(region, partH)));
    pieces.forEach((region, i) => {
      const title = sites.length ? (count > 1 ? `${r.name} · part ${i + 1} of ${count}` : r.name) : `Part ${i + 1} of ${count}`;
      pages.push({ title, region, scale, overview: false, ...fromDetail });
    });
  }
  return pages;
}

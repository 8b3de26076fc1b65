/**
 * Exported pictures as SVG documents, from a scene: the whole diagram at its own size (caption
 * above, legend below), or laid out on pages of a paper size (see pages.ts). Pure strings.
 */
import type { Scene } from '../../engine/io';
import type { Caption } from '../caption';
import { escapeXml as esc, legendSvg } from '../legend';
import { FONT_FAMILY } from '../metrics';
import { bodySvg, legendIdsOf, n1 } from './svg';
import { BAND_GAP, PAGE_HEADER, PAGE_MARGIN, PAGE_SIZES, planPages, type PageSizeId, type PlannedPage } from './pages';

const MARGIN = 24;
const HEADER = 64;
/** The legend on a page is drawn at 3/4 of its screen size: 12 px text becomes 9 pt. */
const PAGE_LEGEND = 0.75;

function captionSvg(cap: Caption, x: number, titleSize: number, subSize: number, top: number, extra = ''): string {
  return [
    `<g font-family="${esc(FONT_FAMILY)}">`,
    `<text x="${n1(x)}" y="${n1(top + titleSize)}" font-size="${titleSize}" font-weight="bold" fill="#1d2733">${esc(cap.title)}${extra}</text>`,
    `<text x="${n1(x)}" y="${n1(top + titleSize + subSize + 7)}" font-size="${subSize}" fill="#4a5563">${esc(cap.subtitle)}</text>`,
    '</g>',
  ].join('');
}

/** The whole diagram at 1 px per diagram unit, caption above and legend below. */
export function wholeSvg(scene: Scene, cap: Caption, background: string | null = '#ffffff'): { svg: string; width: number; height: number } {
  const b = scene.bounds;
  const w = b.x2 - b.x1;
  const h = b.y2 - b.y1;
  const width = Math.max(w + 2 * MARGIN, 820);
  const legendTop = HEADER + h + MARGIN;
  const legend = legendSvg(MARGIN, legendTop, width - 2 * MARGIN, legendIdsOf(scene));
  const height = legendTop + legend.height + MARGIN;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n1(width)}" height="${n1(height)}" viewBox="0 0 ${n1(width)} ${n1(height)}">`,
    `<title>${esc(cap.title)}</title>`,
    background ? `<rect width="100%" height="100%" fill="${background}"/>` : '',
    captionSvg(cap, MARGIN, 19, 13, 11),
    `<g font-family="${esc(FONT_FAMILY)}" transform="translate(${n1((width - w) / 2 - b.x1)} ${n1(HEADER - b.y1)})">`,
    bodySvg(scene),
    '</g>',
    legend.svg,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}

export interface PageDocument {
  title: string;
  svg: string;
  /** Page size in points. */
  width: number;
  height: number;
}

function pageSvg(whole: Scene, detail: Scene | null, cap: Caption, size: PageSizeId, plan: PlannedPage, index: number, count: number, background: string | null, partLegend: boolean): PageDocument {
  const page = PAGE_SIZES[size];
  const scene = plan.detail && detail ? detail : whole;
  const availW = page.w - 2 * PAGE_MARGIN;
  const ids = plan.overview || count === 1 ? legendIdsOf(scene) : partLegend ? legendIdsOf(scene, plan.region) : new Set<string>();
  const legend = legendSvg(0, 0, availW / PAGE_LEGEND, ids);
  const legendTop = page.h - PAGE_MARGIN - legend.height * PAGE_LEGEND;
  const r = plan.region;
  const s = plan.scale;
  const bodyTop = PAGE_MARGIN + PAGE_HEADER;
  const more = count > 1 ? ` — ${plan.title}` : '';
  // The page's drawing: its region, or its bands one under the other, each clipped to itself.
  let top = bodyTop;
  const bodies = (plan.bands ?? [r]).map((b, k) => {
    const tx = PAGE_MARGIN + (availW - (b.x2 - b.x1) * s) / 2 - b.x1 * s;
    const ty = top - b.y1 * s;
    top += (b.y2 - b.y1) * s + BAND_GAP;
    const clipId = `body-${index + 1}${plan.bands ? `-${k + 1}` : ''}`;
    return [
      plan.overview ? '' : `<clipPath id="${clipId}"><rect x="${n1(b.x1)}" y="${n1(b.y1)}" width="${n1(b.x2 - b.x1)}" height="${n1(b.y2 - b.y1)}"/></clipPath>`,
      `<g font-family="${esc(FONT_FAMILY)}" transform="translate(${n1(tx)} ${n1(ty)}) scale(${s})"${plan.overview ? '' : ` clip-path="url(#${clipId})"`}>`,
      bodySvg(scene, plan.overview ? { overview: { minSize: 8 / s } } : { clip: b }),
      '</g>',
    ].join('\n');
  });
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.w} ${page.h}">`,
    `<title>${esc(cap.title + more)}</title>`,
    background ? `<rect width="100%" height="100%" fill="${background}"/>` : '',
    captionSvg(cap, PAGE_MARGIN, 14, 9, PAGE_MARGIN - 4, esc(more)),
    count > 1 ? `<text x="${page.w - PAGE_MARGIN}" y="${PAGE_MARGIN + 10}" font-size="9" text-anchor="end" fill="#4a5563" font-family="${esc(FONT_FAMILY)}">page ${index + 1} of ${count}${ids.size === 0 ? ' · legend on page 1' : ''}</text>` : '',
    ...bodies,
    `<g transform="translate(${PAGE_MARGIN} ${n1(legendTop)}) scale(${PAGE_LEGEND})">${legend.svg}</g>`,
    '</svg>',
  ].join('\n');
  return { title: plan.title, svg, width: page.w, height: page.h };
}

/**
 * The diagram on pages of `size`: one page when it fits at 8 pt, else an overview and parts. The
 * parts are cut from `detail` when given (a compact design's full drawing, its NICs named).
 */
export function pageSvgs(scene: Scene, cap: Caption, size: PageSizeId, background: string | null = '#ffffff', detail: Scene | null = null): PageDocument[] {
  const page = PAGE_SIZES[size];
  const legendHeight = legendSvg(0, 0, (page.w - 2 * PAGE_MARGIN) / PAGE_LEGEND, legendIdsOf(scene)).height * PAGE_LEGEND;
  const withLegends = planPages(scene, size, legendHeight + 8, legendHeight + 8, detail);
  // The parts repeat the legend of what they show, unless leaving it to the overview saves pages.
  const without = planPages(scene, size, legendHeight + 8, 0, detail);
  const partLegend = without.length >= withLegends.length;
  const plans = partLegend ? withLegends : without;
  return plans.map((p, i) => pageSvg(scene, detail, cap, size, p, i, plans.length, background, partLegend));
}

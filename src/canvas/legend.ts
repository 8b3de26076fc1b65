/**
 * The legend as data: one list feeds the on-canvas legend (Legend.tsx) and the exported
 * pictures (an SVG fragment), so what a saved diagram explains is what the screen explains.
 */
import type { DiagramModel } from './elements';
import type { Decoration } from './highlight';
import { PALETTE } from './style';
import { FONT_FAMILY } from './metrics';

export type Swatch =
  | { kind: 'line'; color: string; width: number; dash?: 'dotted' | 'dashed'; badge?: string; faded?: boolean }
  | { kind: 'box'; fill: string; stroke: string; strokeWidth: number; dash?: 'dotted' | 'dashed'; double?: boolean; radius: number; w: number; h: number; text?: string; faded?: boolean; barrel?: boolean };

export interface LegendItem {
  id: string;
  label: string;
  swatch: Swatch;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
}

const END_SWATCH: Swatch = { kind: 'box', fill: '#ffffff', stroke: PALETTE.source, strokeWidth: 5, double: true, radius: 4, w: 34, h: 20 };

export const LEGEND: LegendSection[] = [
  {
    title: 'Migration path',
    items: [
      { id: 'chosen', label: 'Chosen path (✔ CHOSEN)', swatch: { kind: 'line', color: PALETTE.chosen, width: 6 } },
      { id: 'idle', label: 'Chosen path SMB leaves idle (CHOSEN · SMB IDLE)', swatch: { kind: 'line', color: PALETTE.chosen, width: 3, dash: 'dashed' } },
      { id: 'fallback', label: 'Fallback, numbered in order', swatch: { kind: 'line', color: PALETTE.fallback, width: 4, dash: 'dotted', badge: '1' } },
      { id: 'attempt', label: 'Network legacy tries and waits on', swatch: { kind: 'box', fill: PALETTE.attemptFill, stroke: PALETTE.attempt, strokeWidth: 5, double: true, radius: 3, w: 34, h: 16 } },
      { id: 'dimmed', label: 'Not on the path (faded)', swatch: { kind: 'line', color: PALETTE.dimmedLink, width: 2 } },
      { id: 'source', label: 'Source / destination node', swatch: END_SWATCH },
      // The compact drawing of a large cluster tags its ends FROM and TO (elements.ts endTag).
      { id: 'source-compact', label: 'Source / destination node (FROM / TO)', swatch: END_SWATCH },
      { id: 'failed', label: 'Failed in a what-if test ✕', swatch: { kind: 'line', color: PALETTE.failed, width: 3, dash: 'dashed' } },
    ],
  },
  {
    title: 'Elements',
    items: [
      { id: 'network', label: 'Network, used for live migration', swatch: { kind: 'box', fill: PALETTE.busFill, stroke: PALETTE.busBorder, strokeWidth: 2, radius: 3, w: 34, h: 14 } },
      { id: 'network-off', label: 'Network not used for live migration', swatch: { kind: 'box', fill: PALETTE.offFill, stroke: PALETTE.offBorder, strokeWidth: 2, radius: 3, w: 34, h: 14 } },
      { id: 'cable', label: 'Switchless cable (two NICs)', swatch: { kind: 'box', fill: PALETTE.cableFill, stroke: PALETTE.cableBorder, strokeWidth: 2, radius: 7, w: 34, h: 14 } },
      { id: 'nic', label: 'NIC (a line joins it to its network)', swatch: { kind: 'box', fill: PALETTE.nicFill, stroke: PALETTE.nicBorder, strokeWidth: 1.5, radius: 3, w: 26, h: 16 } },
      { id: 'router', label: 'Router', swatch: { kind: 'box', fill: PALETTE.routerFill, stroke: PALETTE.routerBorder, strokeWidth: 2, radius: 8, w: 30, h: 18, barrel: true } },
      { id: 'transit', label: 'Link between two routers', swatch: { kind: 'box', fill: PALETTE.transitFill, stroke: PALETTE.routerBorder, strokeWidth: 1.5, radius: 7, w: 30, h: 14 } },
      { id: 'down', label: 'Set to down in the design', swatch: { kind: 'box', fill: '#ffffff', stroke: PALETTE.down, strokeWidth: 2, dash: 'dashed', radius: 3, w: 30, h: 14 } },
    ],
  },
];

/** The title of the section the highlight fills (a pair, a what-if, legacy's tries). */
export const PATH_SECTION = LEGEND[0]!.title;

/**
 * The items of the migration path's section a design can show, for the room the on-screen legend
 * keeps for them whether or not a pair is lit (Legend.tsx): the ends' item of the design's scale,
 * and the SMB-idle item only with transport SMB. None for a design of fewer than two nodes.
 */
export function pathRoom(design: { nodeCount: number; compact: boolean; smb: boolean }): LegendItem[] {
  if (design.nodeCount < 2) return [];
  return LEGEND[0]!.items.filter((i) => (i.id === 'idle' ? design.smb : i.id === 'source' ? !design.compact : i.id === 'source-compact' ? design.compact : true));
}

/** One drawn element as the legend reads it: its kind (`'link'` for a line) and its classes. */
export interface LegendElement {
  kind: string;
  classes: readonly string[];
}

/**
 * The ids of the LEGEND items the given elements show: the one rule behind the legend on screen
 * and the legend of every export. It reads an element's kind and its kind and state classes
 * (cable, lm-ineligible, down, and the highlight's) only, so classes added for other reasons
 * (label sides, sizes, selection) never change what the legend lists.
 */
export function legendIdsOfElements(elements: Iterable<LegendElement>): Set<string> {
  const ids = new Set<string>();
  for (const { kind, classes: c } of elements) {
    const has = (x: string): boolean => c.includes(x);
    if (has('chosen')) ids.add('chosen');
    if (has('idle')) ids.add('idle');
    if (has('fallback')) ids.add('fallback');
    if (has('attempt')) ids.add('attempt');
    if (has('source') || has('destination')) ids.add(has('compact') ? 'source-compact' : 'source');
    if (has('failed')) ids.add('failed');
    if (has('dimmed')) ids.add('dimmed');
    if (has('down')) ids.add('down');
    if (kind === 'nic') ids.add('nic');
    if (kind === 'router') ids.add('router');
    if (kind === 'transit') ids.add('transit');
    if (kind === 'network') {
      ids.add(has('cable') ? 'cable' : has('lm-ineligible') ? 'network-off' : 'network');
      if (has('cable') && has('lm-ineligible')) ids.add('network-off');
    }
  }
  return ids;
}

const splitClasses = (s: string | undefined): string[] => (s ? s.split(' ').filter(Boolean) : []);

/** What the diagram on screen shows: its model's elements with the highlight's classes added. */
export function* diagramElements(model: DiagramModel, decorations: ReadonlyMap<string, Decoration>): Generator<LegendElement> {
  for (const n of model.nodes) yield { kind: n.kind, classes: [...n.classes, ...splitClasses(decorations.get(n.id)?.classes)] };
  for (const e of model.edges) yield { kind: 'link', classes: [...e.classes, ...splitClasses(decorations.get(e.id)?.classes)] };
}

/** The legend's sections keeping only the items in `only` (all without it); sections left empty are left out. */
export function legendSections(only?: ReadonlySet<string>): LegendSection[] {
  if (!only) return LEGEND;
  return LEGEND.map((section) => ({ ...section, items: section.items.filter((i) => only.has(i.id)) })).filter((section) => section.items.length > 0);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const DASH = { dotted: '1 6', dashed: '7 5' } as const;

/** One swatch as SVG, drawn in a 40 × 22 cell whose top-left corner is (x, y). */
export function swatchSvg(s: Swatch, x: number, y: number): string {
  const cx = x + 20;
  const cy = y + 11;
  const opacity = s.faded ? ' opacity="0.35"' : '';
  if (s.kind === 'line') {
    const dash = s.dash ? ` stroke-dasharray="${s.dash === 'dotted' ? `0.1 ${s.width + 3}` : DASH.dashed}"` : '';
    const cap = s.dash === 'dotted' ? ' stroke-linecap="round"' : '';
    const badge = s.badge
      ? `<rect x="${cx - 7}" y="${cy - 8}" width="14" height="16" rx="3" fill="#fff" stroke="${s.color}"/><text x="${cx}" y="${cy + 4}" font-size="11" font-weight="bold" text-anchor="middle" fill="${s.color}">${esc(s.badge)}</text>`
      : '';
    return `<g${opacity}><line x1="${x + 2}" y1="${cy}" x2="${x + 38}" y2="${cy}" stroke="${s.color}" stroke-width="${s.width}"${dash}${cap}/>${badge}</g>`;
  }
  const bx = cx - s.w / 2;
  const by = cy - s.h / 2;
  const dash = s.dash ? ` stroke-dasharray="${DASH[s.dash]}"` : '';
  const ry = s.barrel ? s.h / 2 : s.radius;
  const outer = `<rect x="${bx}" y="${by}" width="${s.w}" height="${s.h}" rx="${s.radius}" ry="${ry}" fill="${s.fill}" stroke="${s.stroke}" stroke-width="${s.double ? 1.5 : s.strokeWidth}"${dash}/>`;
  const inner = s.double ? `<rect x="${bx + 3.5}" y="${by + 3.5}" width="${s.w - 7}" height="${s.h - 7}" rx="${Math.max(1, s.radius - 2)}" fill="none" stroke="${s.stroke}" stroke-width="1.5"/>` : '';
  return `<g${opacity}>${outer}${inner}</g>`;
}

/**
 * The legend as an SVG group laid out in columns no wider than `maxWidth`; returns its height.
 * `only` keeps the items a drawing shows (sections left empty are left out).
 */
export function legendSvg(x: number, y: number, maxWidth: number, only?: ReadonlySet<string>): { svg: string; width: number; height: number } {
  const colW = 270;
  const cols = Math.max(1, Math.floor(maxWidth / colW));
  const rowH = 24;
  const parts: string[] = [];
  let top = y;
  for (const { title, items } of legendSections(only)) {
    parts.push(`<text x="${x}" y="${top + 14}" font-size="12" font-weight="bold" fill="${PALETTE.muted}" letter-spacing="0.5">${esc(title.toUpperCase())}</text>`);
    top += 22;
    items.forEach((item, i) => {
      const cx = x + (i % cols) * colW;
      const cy = top + Math.floor(i / cols) * rowH;
      parts.push(swatchSvg(item.swatch, cx, cy), `<text x="${cx + 48}" y="${cy + 15}" font-size="12" fill="${PALETTE.text}">${esc(item.label)}</text>`);
    });
    top += Math.ceil(items.length / cols) * rowH + 8;
  }
  return { svg: `<g font-family="${esc(FONT_FAMILY)}">${parts.join('')}</g>`, width: cols * colW, height: top - y };
}

export { esc as escapeXml };

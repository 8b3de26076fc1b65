/**
 * Sizes shared by the element builder (label boxes), the layout (spacing) and the stylesheet
 * (fonts, paddings), so that what the layout reserves is what cytoscape draws.
 *
 * Two scales: the full drawing (every NIC a labelled box with its addresses, networks as two-line
 * bars) and the compact one for large clusters (NICs as small tiles whose names appear as you
 * zoom in, networks as one-line rails, names of nodes and sites in a larger type), chosen by the
 * size of the cluster (`scaleFor`) so that a 16-node cluster reads at *Fit* (docs/DECISIONS.md, decision 190).
 */

/** cytoscape accepts double-quoted family names only. */
export const FONT_FAMILY = '"Segoe UI", "DejaVu Sans", Arial, sans-serif';

export const FONT = {
  site: 15,
  node: 13,
  nic: 11,
  network: 11,
  router: 11,
  // 11, as every other small label: the smallest text sets the scale of a page (8 pt at the least),
  // and a 10 px router link split the two-site example's sites in two on Letter.
  transit: 11,
  edge: 11,
} as const;

/** Line height factor of multi-line labels (the stylesheet's `line-height`). */
export const LINE = 1.25;
export const lineBox = (font: number, lines: number): number => Math.ceil(font * LINE * lines);

export const NIC = { padX: 7, padY: 5, minW: 64, gap: 8 } as const;
/** Compound paddings (cytoscape `padding`) and borders. */
export const HOST = { pad: 8, border: 2, labelGap: 5, minW: 96 } as const;
export const SITE = { pad: 18, border: 2, labelGap: 6 } as const;
export const BUS = { h: 36, padX: 14, labelPadX: 14, lanePitch: 52, end: 18 } as const;
export const ROUTER = { padX: 22, padY: 8, dropSpacing: 26 } as const;
export const TRANSIT = { padX: 9, h: 24 } as const;

/** Horizontal gap between items in a row, between a row and its band, and between blocks. */
export const GAP = { item: 40, rowBand: 40, block: 150, stackedBlock: 100 } as const;

export type ScaleKind = 'full' | 'compact';

export interface Metrics {
  kind: ScaleKind;
  /** The compact drawing's text size, as a factor of its base sizes (1 on the full drawing). */
  text: number;
  font: { [K in keyof typeof FONT]: number };
  nic: { padX: number; padY: number; minW: number; gap: number };
  host: { pad: number; border: number; labelGap: number; minW: number };
  site: { pad: number; border: number; labelGap: number };
  bus: { h: number; padX: number; labelPadX: number; lanePitch: number; end: number };
  router: { padX: number; padY: number; dropSpacing: number };
  transit: { padX: number; h: number };
  gap: { item: number; rowBand: number; block: number; stackedBlock: number };
}

export const FULL: Metrics = { kind: 'full', text: 1, font: FONT, nic: NIC, host: HOST, site: SITE, bus: BUS, router: ROUTER, transit: TRANSIT, gap: GAP };

/**
 * The compact drawing. A NIC is a tile of `nic.minW` × `COMPACT_NIC_H` whose name (`font.nic`)
 * cytoscape draws only from the zoom at which it is `COMPACT_NIC_READABLE` px tall.
 */
export const COMPACT: Metrics = {
  kind: 'compact',
  text: 1,
  font: { site: 22, node: 18, nic: 6, network: 14, router: 13, transit: 11, edge: 14 },
  nic: { padX: 2, padY: 2, minW: 26, gap: 5 },
  host: { pad: 6, border: 2, labelGap: 4, minW: 60 },
  site: { pad: 16, border: 2, labelGap: 6 },
  bus: { h: 22, padX: 10, labelPadX: 10, lanePitch: 30, end: 12 },
  router: { padX: 12, padY: 6, dropSpacing: 16 },
  transit: { padX: 8, h: 22 },
  gap: { item: 22, rowBand: 28, block: 120, stackedBlock: 80 },
};
export const COMPACT_NIC_H = 16;
/**
 * A compact node with this many NICs or more draws them as narrower tiles (`w` wide), so that its
 * box is no wider than its name: a row of nodes is as long as its names, not its tiles (issue 27,
 * the 64-node cluster with 8 NICs per node).
 */
export const COMPACT_NARROW_NIC = { from: 7, w: 18 } as const;
/**
 * A compact row of nodes (issue 27, round 3): a node's slot is its box plus `boxGap` to the next
 * box, or its name plus `nameSep` to the next name, whichever is wider — a name may use the gap
 * beside its box, and the gap is no wider than the names need (the full drawing keeps
 * `gap.item` between boxes, names no wider than their box plus 10).
 */
export const COMPACT_SLOT = { boxGap: 12, nameSep: 10 } as const;
/** The on-screen size (px) from which a compact NIC's name is drawn. */
export const COMPACT_NIC_READABLE = 9;

/**
 * The text sizes the compact drawing may take, as factors of its base sizes (the stylesheet has a
 * `text-<percent>` rule set for each): the smallest at which node names read at `NAME_TARGET_PX`
 * at *Fit*, as long as names stay within their nodes' NIC rows (src/canvas/scale.ts). Names,
 * sites, networks (their rails grow with their text) and fallback numbers follow the factor;
 * routers and router links up to 1.5, so that they do not widen the rows they end.
 */
export const TEXT_STEPS = [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5] as const;
export const NAME_TARGET_PX = 12;
/** A compact rail is as tall as its name (it does not grow at *Fit*): the drawing's text makes it read. */
export const NETWORK_TARGET_PX = 9.5;

export const textClass = (m: Metrics): string => `text-${Math.round(m.text * 100)}`;

/** The compact metrics at text factor `k`. */
export function compactAt(k: number): Metrics {
  const f = COMPACT.font;
  // From × 2 the cluster is wide, its rails long and its height to spare: their names grow more.
  const network = Math.round(f.network * k * (k >= 2 ? 1.2 : 1));
  const h = Math.max(COMPACT.bus.h, Math.ceil(network * LINE) + 6);
  return {
    ...COMPACT,
    text: k,
    font: { site: Math.round(f.site * k), node: Math.round(f.node * k), nic: f.nic, network, router: Math.round(f.router * Math.min(k, 1.5)), transit: Math.round(f.transit * Math.min(k, 1.5)), edge: Math.round(f.edge * k) },
    bus: { ...COMPACT.bus, h, lanePitch: h + (COMPACT.bus.lanePitch - COMPACT.bus.h) },
  };
}

/** Lines a node's label takes: a compact node's name has a line for its FROM / TO tag beside it. */
export const hostLabelLines = (m: Metrics): number => (m.kind === 'compact' ? 2 : 1);

/** Clusters of this many nodes or more are drawn compact. */
export const COMPACT_FROM_NODES = 9;

export const scaleFor = (nodeCount: number): Metrics => (nodeCount >= COMPACT_FROM_NODES ? COMPACT : FULL);

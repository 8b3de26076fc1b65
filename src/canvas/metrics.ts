/**
 * Sizes shared by the element builder (label boxes), the layout (spacing) and the stylesheet
 * (fonts, paddings), so that what the layout reserves is what cytoscape draws.
 *
 * Two scales: the full drawing (every NIC a labelled box with its addresses, networks as two-line
 * bars) and the compact one for large clusters (NICs as small tiles whose names appear as you
 * zoom in, networks as one-line rails, names of nodes and sites in a larger type), chosen by the
 * size of the cluster (`scaleFor`) so that a 16-node cluster reads at *Fit* (docs/DECISIONS.md).
 */

/** cytoscape accepts double-quoted family names only. */
export const FONT_FAMILY = '"Segoe UI", "DejaVu Sans", Arial, sans-serif';

export const FONT = {
  site: 15,
  node: 13,
  nic: 11,
  network: 11,
  router: 11,
  transit: 10,
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
  font: { [K in keyof typeof FONT]: number };
  nic: { padX: number; padY: number; minW: number; gap: number };
  host: { pad: number; border: number; labelGap: number; minW: number };
  site: { pad: number; border: number; labelGap: number };
  bus: { h: number; padX: number; labelPadX: number; lanePitch: number; end: number };
  router: { padX: number; padY: number; dropSpacing: number };
  transit: { padX: number; h: number };
  gap: { item: number; rowBand: number; block: number; stackedBlock: number };
}

export const FULL: Metrics = { kind: 'full', font: FONT, nic: NIC, host: HOST, site: SITE, bus: BUS, router: ROUTER, transit: TRANSIT, gap: GAP };

/**
 * The compact drawing. A NIC is a tile of `nic.minW` × `COMPACT_NIC_H` whose name (`font.nic`)
 * cytoscape draws only from the zoom at which it is `COMPACT_NIC_READABLE` px tall.
 */
export const COMPACT: Metrics = {
  kind: 'compact',
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
/** The on-screen size (px) from which a compact NIC's name is drawn. */
export const COMPACT_NIC_READABLE = 9;

/** Clusters of more nodes than this are drawn compact. */
export const COMPACT_FROM_NODES = 9;

export const scaleFor = (nodeCount: number): Metrics => (nodeCount >= COMPACT_FROM_NODES ? COMPACT : FULL);

/**
 * Sizes shared by the element builder (label boxes), the layout (spacing) and the stylesheet
 * (fonts, paddings), so that what the layout reserves is what cytoscape draws.
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

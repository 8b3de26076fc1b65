/**
 * Fitting the diagram into the canvas while keeping clear of a panel floating over it (the
 * designer's palette): the drawing goes into the largest free area beside the panel — right of
 * it, left of it, below or above — whichever shows it at the larger zoom. Pure.
 */
import type { Box } from './geometry';

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** `avoid` is in container pixels; `bounds` in model coordinates. */
/**
 * How far out a person may zoom: 0.08, or less when *Fit* needs less (a design of 32 sites stacked
 * fits at ≈ 0.03). cytoscape refuses a zoom below its minimum but still applies the pan, which
 * left such a design at the previous zoom, one corner in view.
 */
export const MIN_ZOOM = 0.08;

export function fitViewport(bounds: Box, width: number, height: number, avoid: Box | null, padding: number, maxZoom = 1): Viewport {
  const areas: Box[] = [{ x1: 0, y1: 0, x2: width, y2: height }];
  if (avoid) areas.push({ x1: avoid.x2, y1: 0, x2: width, y2: height }, { x1: 0, y1: 0, x2: avoid.x1, y2: height }, { x1: 0, y1: avoid.y2, x2: width, y2: height }, { x1: 0, y1: 0, x2: width, y2: avoid.y1 });
  const bw = Math.max(1, bounds.x2 - bounds.x1);
  const bh = Math.max(1, bounds.y2 - bounds.y1);
  let best: Viewport | null = null;
  areas.forEach((a, i) => {
    const aw = a.x2 - a.x1 - 2 * padding;
    const ah = a.y2 - a.y1 - 2 * padding;
    if (aw <= 0 || ah <= 0) return;
    // The whole canvas only counts when the panel does not cover the drawing there.
    const zoom = Math.min(maxZoom, aw / bw, ah / bh);
    const pan = { x: a.x1 + padding + (aw - bw * zoom) / 2 - bounds.x1 * zoom, y: a.y1 + padding + (ah - bh * zoom) / 2 - bounds.y1 * zoom };
    if (i === 0 && avoid) {
      const drawn = { x1: pan.x + bounds.x1 * zoom, y1: pan.y + bounds.y1 * zoom, x2: pan.x + bounds.x2 * zoom, y2: pan.y + bounds.y2 * zoom };
      // Written out, not geometry's `overlaps`: test/e2e/fitOnce.e2e.ts runs this function's own
      // source in the page, where no import reaches.
      if (drawn.x1 < avoid.x2 && avoid.x1 < drawn.x2 && drawn.y1 < avoid.y2 && avoid.y1 < drawn.y2) return;
    }
    if (!best || zoom > best.zoom + 1e-9) best = { zoom, pan };
  });
  return best ?? { zoom: Math.min(maxZoom, (width - 2 * padding) / bw, (height - 2 * padding) / bh), pan: { x: padding - bounds.x1, y: padding - bounds.y1 } };
}

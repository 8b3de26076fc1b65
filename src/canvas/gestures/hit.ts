/**
 * Where a pointer is on the diagram, in model coordinates, and which drawn elements it is over.
 * Compound boxes (sites around their nodes, nodes around their NICs) are hit by their bounding
 * box; the innermost one wins.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { Position } from '../../engine';
import type { Box } from '../geometry';

/** Model position of a point given relative to the container (a rendered position). */
export function modelPoint(cy: Core, rendered: Position): Position {
  const pan = cy.pan();
  const zoom = cy.zoom();
  return { x: (rendered.x - pan.x) / zoom, y: (rendered.y - pan.y) / zoom };
}

/** The box a drawn node occupies now (labels excluded), as cytoscape measures it. */
export const nodeBox = (n: NodeSingular): Box => {
  const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
  return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
};

export const contains = (b: Box, p: Position): boolean => p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
const area = (b: Box): number => (b.x2 - b.x1) * (b.y2 - b.y1);

/**
 * The innermost drawn node of a class (`site`, `host`, …) whose box contains the point; `boxes`
 * replaces the drawn boxes (e.g. as they were when a drag started), `except` is never the answer.
 */
export function innermost(cy: Core, p: Position, cls: string, boxes?: ReadonlyMap<string, Box>, except?: string): string | null {
  let best: { id: string; area: number } | null = null;
  cy.nodes(`.${cls}`).forEach((n) => {
    if (n.id() === except) return;
    const b = boxes?.get(n.id()) ?? nodeBox(n);
    if (contains(b, p) && (!best || area(b) < best.area)) best = { id: n.id(), area: area(b) };
  });
  return (best as { id: string } | null)?.id ?? null;
}

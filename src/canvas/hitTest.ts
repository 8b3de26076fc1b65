/**
 * A faster hit test. cytoscape finds the element under the pointer by measuring every element of
 * the diagram (≈ 6 ms for 744 elements, three times per click: move, press, release). Our own
 * geometry already knows where everything is, so cytoscape's test runs on the few elements whose
 * box holds the point — same elements, same order, same answer — and on all of them whenever our
 * boxes may be stale (while something is being dragged).
 */
import type { Core } from 'cytoscape';
import type { DiagramModel } from './elements';
import { estimateBoxes, union, type Box, type Geometry, type Pos } from './geometry';

export interface DrawnBoxes {
  /** Where every element may be hit: nodes with their labels, edges along their line. */
  hit: Map<string, Box>;
  /** The boxes drawn (labels outside them excluded). */
  drawn: Map<string, Box>;
}

export function drawnBoxes(model: DiagramModel, positions: ReadonlyMap<string, Pos>, geometry: Geometry): DrawnBoxes {
  const hit = new Map<string, Box>();
  const drawn = new Map<string, Box>();
  for (const [id, b] of estimateBoxes(model, positions, geometry)) {
    hit.set(id, b.outer);
    drawn.set(id, b.box);
  }
  for (const e of model.edges) {
    // A drop is a line between two known points; a router link to a transit subnet runs between
    // the two boxes (cytoscape clips it at their borders).
    const line = geometry.ends.get(e.id)?.line;
    if (line) {
      const { source: p, target: q } = line;
      hit.set(e.id, { x1: Math.min(p.x, q.x), y1: Math.min(p.y, q.y), x2: Math.max(p.x, q.x), y2: Math.max(p.y, q.y) });
      continue;
    }
    const sb = hit.get(e.source);
    const tb = hit.get(e.target);
    if (sb && tb) hit.set(e.id, union(sb, tb));
  }
  return { hit, drawn };
}

const inside = (b: Box, x: number, y: number, m: number): boolean => b.x1 - m <= x && x <= b.x2 + m && b.y1 - m <= y && y <= b.y2 + m;

interface ZSorted extends Array<unknown> {
  interactive: unknown[];
}
interface Renderer {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown[];
  getCachedZSortedEles(force?: boolean): ZSorted;
}

/**
 * Narrows cytoscape's hit test with `boxes()` (null: boxes unknown or stale, test everything).
 * Elements without a box are always tested. Uses two renderer internals, checked on install.
 */
export function installHitTest(cy: Core, boxes: () => ReadonlyMap<string, Box> | null): void {
  const r = (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  if (!r || typeof r.findNearestElements !== 'function' || typeof r.getCachedZSortedEles !== 'function') return;
  const original = r.findNearestElements;
  const zSorted = r.getCachedZSortedEles;
  r.findNearestElements = function (x, y, interactiveOnly, isTouch) {
    const known = boxes();
    if (!known) return original.call(this, x, y, interactiveOnly, isTouch);
    // cytoscape's widest tolerance: 24 px on screen (touch, edges), in diagram units.
    const margin = 24 / cy.zoom() + 4;
    const all = zSorted.call(this);
    const list = (interactiveOnly ? all.interactive : all) as { id(): string }[];
    const near = list.filter((el) => {
      const b = known.get(el.id());
      return !b || inside(b, x, y, margin);
    }) as unknown as ZSorted;
    near.interactive = near;
    r.getCachedZSortedEles = () => near;
    try {
      return original.call(this, x, y, false, isTouch);
    } finally {
      r.getCachedZSortedEles = zSorted;
    }
  };
}

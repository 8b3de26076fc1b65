/**
 * Where each drawn element may be hit, from our own geometry (no cytoscape measuring). The
 * renderer's hit test is narrowed to these boxes by `narrowHitTest` (./cyWorkarounds.ts).
 */
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
    // A router link between three sites or more: along its routed line (cytoscape tests the line itself within).
    const path = geometry.ends.get(e.id)?.path;
    if (path) {
      hit.set(e.id, path.reduce<Box>((b, q) => union(b, { x1: q.x, y1: q.y, x2: q.x, y2: q.y }), { x1: path[0]!.x, y1: path[0]!.y, x2: path[0]!.x, y2: path[0]!.y }));
      continue;
    }
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

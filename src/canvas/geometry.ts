/**
 * Geometry derived from leaf positions: each network bar spans the NICs and routers that drop
 * onto it, every drop is a vertical line (its end points are offsets from the element centres,
 * cytoscape's `source-endpoint` / `target-endpoint`), and the boxes cytoscape will draw, labels
 * included, for the layout and the overlap tests. Pure.
 */
import type { DiagramModel } from './elements';
import { hostLabelLines, lineBox } from './metrics';

export interface Pos {
  x: number;
  y: number;
}
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface EdgeEnds {
  /** cytoscape endpoint values: `"<dx>px <dy>px"` from the element's centre, or `outside-to-node`. */
  source: string;
  target: string;
  /** A drop's two end points in the diagram (absent for `outside-to-node`: cytoscape clips those). */
  line?: { source: Pos; target: Pos };
  /** A router link between three sites or more routed along the gaps (placement/wanRoutes.ts): its polyline, clipped at both boxes. */
  path?: Pos[];
  /** Its bends as cytoscape's `segment-weights` / `segment-distances` (absent: a straight line). */
  segments?: { weights: string; distances: string } | undefined;
}

export interface Geometry {
  /** Centre x and width of each network bar (its y is its position's). */
  buses: Map<string, { x: number; w: number }>;
  ends: Map<string, EdgeEnds>;
  /** Hosts whose NICs drop upwards: their label goes under the box, out of the way. */
  labelBelow: Set<string>;
}

export const boxOf = (p: Pos, w: number, h: number): Box => ({ x1: p.x - w / 2, y1: p.y - h / 2, x2: p.x + w / 2, y2: p.y + h / 2 });
export const union = (a: Box | null, b: Box): Box => (a ? { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) } : { ...b });
export const grow = (b: Box, d: number): Box => ({ x1: b.x1 - d, y1: b.y1 - d, x2: b.x2 + d, y2: b.y2 + d });
export const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
export const centre = (b: Box): Pos => ({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 });

const OUTSIDE = 'outside-to-node';
const tenth = (v: number): number => Math.round(v * 10) / 10;
const px = (d: Pos): string => `${d.x}px ${d.y}px`;

/** Offsets (from the centre) of the drops of one NIC or router, spread so that no two coincide. */
function spread(count: number, width: number, dropSpacing: number): number[] {
  if (count <= 1) return [0];
  const step = Math.min(dropSpacing, (width * 0.7) / (count - 1));
  return Array.from({ length: count }, (_, i) => (i - (count - 1) / 2) * step);
}

const isBusEdge = (model: DiagramModel, edgeId: string): boolean => model.byId.get(model.edgeById.get(edgeId)!.target)?.kind === 'network';

export function computeGeometry(model: DiagramModel, positions: ReadonlyMap<string, Pos>): Geometry {
  const attachX = new Map<string, number>();
  const sourceDx = new Map<string, number>();
  for (const [from, ids] of model.edgesFrom) {
    const p = positions.get(from);
    const el = model.byId.get(from);
    if (!p || !el) continue;
    const drops = ids.filter((id) => isBusEdge(model, id));
    // Left to right in the order of the bars' heights, so that drops never cross each other.
    drops.sort((a, b) => (positions.get(model.edgeById.get(a)!.target)?.y ?? 0) - (positions.get(model.edgeById.get(b)!.target)?.y ?? 0) || (a < b ? -1 : 1));
    const offsets = spread(drops.length, el.w, model.metrics.router.dropSpacing);
    drops.forEach((id, i) => {
      attachX.set(id, p.x + offsets[i]!);
      sourceDx.set(id, offsets[i]!);
    });
  }

  const buses = new Map<string, { x: number; w: number }>();
  for (const n of model.nodes) {
    if (n.kind !== 'network') continue;
    const xs = (model.edgesTo.get(n.id) ?? []).map((id) => attachX.get(id)).filter((x): x is number => x !== undefined);
    const own = positions.get(n.id);
    if (xs.length === 0) {
      buses.set(n.id, { x: own?.x ?? 0, w: n.w });
      continue;
    }
    const x1 = Math.min(...xs) - model.metrics.bus.end;
    const x2 = Math.max(...xs) + model.metrics.bus.end;
    buses.set(n.id, { x: (x1 + x2) / 2, w: Math.max(n.w, x2 - x1) });
  }

  const ends = new Map<string, EdgeEnds>();
  const up = new Map<string, number>();
  for (const e of model.edges) {
    const s = positions.get(e.source);
    const t = positions.get(e.target);
    const bus = buses.get(e.target);
    const src = model.byId.get(e.source);
    const tgt = model.byId.get(e.target);
    if (!s || !t || !bus || !src || !tgt) {
      ends.set(e.id, { source: OUTSIDE, target: OUTSIDE });
      continue;
    }
    const dy = t.y - s.y;
    if (Math.abs(dy) < (src.h + tgt.h) / 2 + 4) {
      ends.set(e.id, { source: OUTSIDE, target: OUTSIDE });
      continue;
    }
    const dir = Math.sign(dy);
    const ax = attachX.get(e.id) ?? s.x;
    const limit = bus.w / 2 - 6;
    const tx = Math.max(-limit, Math.min(limit, ax - bus.x));
    const from = { x: tenth(sourceDx.get(e.id) ?? 0), y: tenth((dir * src.h) / 2) };
    const to = { x: tenth(tx), y: tenth((-dir * tgt.h) / 2) };
    ends.set(e.id, { source: px(from), target: px(to), line: { source: { x: s.x + from.x, y: s.y + from.y }, target: { x: bus.x + to.x, y: t.y + to.y } } });
    if (src.kind === 'nic' && src.parent) up.set(src.parent, (up.get(src.parent) ?? 0) + (dir < 0 ? 1 : -1));
  }
  const labelBelow = new Set([...up].filter(([, v]) => v > 0).map(([k]) => k));
  return { buses, ends, labelBelow };
}

/** The box a leaf occupies (its label is inside it). */
export function leafBox(model: DiagramModel, id: string, p: Pos, geometry: Geometry): Box {
  const n = model.byId.get(id)!;
  const bus = n.kind === 'network' ? geometry.buses.get(id) : undefined;
  return bus ? boxOf({ x: bus.x, y: p.y }, bus.w, n.h) : boxOf(p, n.w, n.h);
}

export interface ElementBoxes {
  /** The drawn box (compounds: around their children, padding and border included). */
  box: Box;
  /** The box with its label (hosts' and sites' labels sit outside, above or below). */
  outer: Box;
}

/** A compound's boxes from its children's (already in `out`); `null` when none of them is placed. */
function compoundBoxes(model: DiagramModel, id: string, kids: readonly string[], out: ReadonlyMap<string, ElementBoxes>, geometry: Geometry): ElementBoxes | null {
  let inner: Box | null = null;
  for (const k of kids) {
    const b = out.get(k);
    if (b) inner = union(inner, b.outer);
  }
  if (!inner) return null;
  const n = model.byId.get(id)!;
  const site = n.kind === 'site';
  const { site: SITE, host: HOST, font } = model.metrics;
  const box = grow(inner, site ? SITE.pad + SITE.border : HOST.pad + HOST.border);
  const labelH = lineBox(site ? font.site : font.node, site ? 1 : hostLabelLines(model.metrics)) + (site ? SITE.labelGap : HOST.labelGap);
  const cx = (box.x1 + box.x2) / 2;
  const below = geometry.labelBelow.has(id);
  const label: Box = below ? { x1: cx - n.labelW / 2, y1: box.y2, x2: cx + n.labelW / 2, y2: box.y2 + labelH } : { x1: cx - n.labelW / 2, y1: box.y1 - labelH, x2: cx + n.labelW / 2, y2: box.y1 };
  return { box, outer: union(box, label) };
}

/** Boxes of every node of the diagram, as cytoscape sizes them (compounds from their children). */
export function estimateBoxes(model: DiagramModel, positions: ReadonlyMap<string, Pos>, geometry: Geometry): Map<string, ElementBoxes> {
  const out = new Map<string, ElementBoxes>();
  const visit = (id: string): ElementBoxes | null => {
    const done = out.get(id);
    if (done) return done;
    const kids = model.children.get(id);
    let result: ElementBoxes | null;
    if (!kids) {
      const p = positions.get(id);
      if (!p) return null;
      const box = leafBox(model, id, p, geometry);
      result = { box, outer: box };
    } else {
      for (const k of kids) visit(k);
      result = compoundBoxes(model, id, kids, out, geometry);
      if (!result) return null;
    }
    out.set(id, result);
    return result;
  };
  for (const n of model.nodes) visit(n.id);
  return out;
}

/**
 * `boxes` (from `estimateBoxes`) brought up to date after the leaf `id` was placed or moved in
 * `positions`, when that leaf changes nothing of `geometry` (a transit subnet: no drop ends on a
 * bar through it): its box and its ancestors' are computed again, the rest kept. The same boxes
 * as `estimateBoxes` gives (the map's order aside), without visiting every node again.
 */
export function refreshLeafBoxes(model: DiagramModel, positions: ReadonlyMap<string, Pos>, geometry: Geometry, boxes: Map<string, ElementBoxes>, id: string): void {
  const p = positions.get(id);
  if (p) {
    const box = leafBox(model, id, p, geometry);
    boxes.set(id, { box, outer: box });
  } else boxes.delete(id);
  for (let up = model.byId.get(id)?.parent ?? null; up !== null; up = model.byId.get(up)?.parent ?? null) {
    const r = compoundBoxes(model, up, model.children.get(up) ?? [], boxes, geometry);
    if (r) boxes.set(up, r);
    else boxes.delete(up);
  }
}

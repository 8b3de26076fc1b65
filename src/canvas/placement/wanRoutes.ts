/**
 * Router links shared by routers of three sites or more (WAN subnets, issue 27): drawn along the
 * gaps between sites instead of as straight lines across them. Pure (no cytoscape).
 *
 * The gaps are "channels": a vertical line in the middle of every gap of the x projection of the
 * top-level boxes (sites, hosts and routers in no site, shared bars), one in the left and one in
 * the right margin, and likewise horizontal lines. Projection gaps cross no site by construction.
 * Each such link has its own lane (its channels shifted by a few pixels), so lines of one link
 * share their lane (they read as one bus) and lines of two links run side by side.
 *
 * A line leaves its router by a straight leg (left, right, up or down) to the first channel of its
 * lane, runs along the channels (a shortest path on their crossings, around anything in the way)
 * and reaches the link's pill the same way. The pill itself is placed (automatic layout) on a free
 * crossing of its lane where the sum of its lines' lengths is least. Every leg and channel piece is
 * checked against every box it does not join; a router without a free way keeps the straight line.
 */
import type { DiagramModel } from '../elements';
import { computeGeometry, estimateBoxes, grow, overlaps, type Box, type ElementBoxes, type Geometry, type Pos } from '../geometry';

/** Distance of the outer channels from everything drawn. */
const MARGIN_FACTOR = 0.5;
/** The widest spacing of two links' lanes. */
const LANE = 10;
/** Lines keep this far off boxes they do not join. */
const CLEAR = 3;
/** What crossing one drop (a NIC's or router's line to its bar) adds to a leg's length. */
const DROP_COST = 400;
/** What passing through a box adds to a way's length: only taken when there is no free way. */
const BLOCKED_COST = 1e6;
/** What an L-shaped leg's bend adds: a straight leg is taken when it is about as short. */
const BEND_COST = 40;
/** How many of a pill's nearest spots are measured along the channels. */
const MEASURED_SPOTS = 4;
/** The longest stub of an L-shaped leg out of a box. */
const STUB = 24;

/** Transit subnets whose routers stand in three sites or more, in the model's order. */
export function wideTransits(model: DiagramModel): string[] {
  return model.nodes.filter((n) => n.kind === 'transit' && model.edgesTo.get(n.id)?.some((e) => model.edgeById.get(e)!.classes.includes('wan-link'))).map((n) => n.id);
}

interface Obstacle {
  id: string;
  box: Box;
}

export interface Channels {
  xs: number[];
  ys: number[];
  /** Offset of each wide transit's lane. */
  lane: Map<string, number>;
  /** Every top-level box but the transits' (what the channels keep clear of). */
  top: Obstacle[];
  /** Boxes inside each site (descendants), for the legs. */
  inside: Map<string, Obstacle[]>;
  /** The drops (NIC or router → bar lines) in each site: a leg may cross them, at a cost. */
  drops: Map<string, { a: Pos; b: Pos }[]>;
  /** Pills of transit subnets (wide or not). */
  pills: Obstacle[];
}

/** Middles of the gaps between merged intervals, and the two margins. */
function gapLines(intervals: [number, number][], margin: number): { lines: number[]; minGap: number } {
  if (intervals.length === 0) return { lines: [], minGap: 0 };
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const lines = [merged[0]![0] - margin];
  let minGap = 2 * margin;
  for (let i = 1; i < merged.length; i++) {
    const gap = merged[i]![0] - merged[i - 1]![1];
    lines.push(merged[i - 1]![1] + gap / 2);
    minGap = Math.min(minGap, gap);
  }
  lines.push(merged[merged.length - 1]![1] + margin);
  return { lines, minGap };
}

const topOf = (model: DiagramModel, id: string): string => {
  let cur = id;
  for (let p = model.byId.get(cur)?.parent ?? null; p !== null; p = model.byId.get(p)?.parent ?? null) cur = p;
  return cur;
};

export function channelsOf(model: DiagramModel, boxes: ReadonlyMap<string, ElementBoxes>, wide: readonly string[], geometry: Geometry): Channels {
  const drops = new Map<string, { a: Pos; b: Pos }[]>();
  for (const e of model.edges) {
    const line = geometry.ends.get(e.id)?.line;
    if (!line) continue;
    const site = topOf(model, e.source);
    let list = drops.get(site);
    if (!list) drops.set(site, (list = []));
    list.push({ a: line.source, b: line.target });
  }
  const top: Obstacle[] = [];
  const pills: Obstacle[] = [];
  const inside = new Map<string, Obstacle[]>();
  for (const [id, b] of boxes) {
    const n = model.byId.get(id);
    if (!n) continue;
    if (n.parent === null) {
      if (n.kind === 'transit') pills.push({ id, box: b.outer });
      else top.push({ id, box: b.outer });
      continue;
    }
    const site = topOf(model, id);
    let list = inside.get(site);
    if (!list) inside.set(site, (list = []));
    list.push({ id, box: b.outer });
  }
  const margin = model.metrics.gap.stackedBlock * MARGIN_FACTOR;
  const gx = gapLines(top.map((o) => [o.box.x1, o.box.x2]), margin);
  const gy = gapLines(top.map((o) => [o.box.y1, o.box.y2]), margin);
  const k = wide.length;
  const pitch = Math.min(LANE, (Math.min(gx.minGap, gy.minGap) * 0.4) / Math.max(1, k));
  const lane = new Map(wide.map((id, i) => [id, (i - (k - 1) / 2) * pitch]));
  return { xs: gx.lines, ys: gy.lines, lane, top, inside, pills, drops };
}

/** How many of the drops the axis-aligned segment a–b crosses. */
function dropsCrossed(a: Pos, b: Pos, drops: readonly { a: Pos; b: Pos }[]): number {
  let n = 0;
  for (const d of drops) {
    const cross = (p: Pos, q: Pos, r: Pos): number => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    const d1 = cross(d.a, d.b, a);
    const d2 = cross(d.a, d.b, b);
    const d3 = cross(a, b, d.a);
    const d4 = cross(a, b, d.b);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) n++;
  }
  return n;
}

/** Whether the axis-aligned segment a–b passes through any of the boxes (other than those skipped). */
function hits(a: Pos, b: Pos, list: readonly Obstacle[], skip: ReadonlySet<string>): boolean {
  const seg: Box = { x1: Math.min(a.x, b.x), y1: Math.min(a.y, b.y), x2: Math.max(a.x, b.x), y2: Math.max(a.y, b.y) };
  for (const o of list) {
    const g = o.box;
    // Open intervals: a vertical or horizontal segment (no width) counts when it runs inside the box.
    if (seg.x1 < g.x2 + CLEAR && g.x1 - CLEAR < seg.x2 && seg.y1 < g.y2 + CLEAR && g.y1 - CLEAR < seg.y2 && !skip.has(o.id)) return true;
  }
  return false;
}

const key = (p: Pos): string => `${Math.round(p.x * 100)},${Math.round(p.y * 100)}`;

/** An end of a routed line: a router (in a site) or the pill (top level). */
export interface RouteEnd {
  id: string;
  centre: Pos;
  /** Its ancestors (a router's site, for the leg's checks). */
  site: string | null;
  w: number;
  h: number;
}

/** The channel graph, its nodes numbered (their keys in `index`), its edges in adjacency arrays. */
interface Graph {
  index: Map<string, number>;
  keys: string[];
  at: Pos[];
  /** Node i's edges are `to` / `cost` from `first[i]` to `first[i + 1]`. */
  first: Int32Array;
  to: Int32Array;
  cost: Float64Array;
}

interface Leg {
  node: string;
  cost: number;
  /** The bend of an L-shaped leg. */
  via?: Pos;
}

/**
 * The channel graph of one lane: crossings and the legs' ends as nodes, channel pieces free of
 * every obstacle as edges. Returns the graph and each end's legs.
 */
function laneGraph(ch: Channels, offset: number, ends: readonly RouteEnd[], pills: readonly Obstacle[], self: string, spots: readonly Pos[] = []): { g: Graph; legs: Map<string, Leg[]> } {
  const xs = ch.xs.map((x) => x + offset);
  const ys = ch.ys.map((y) => y + offset);
  const onV = new Map<number, Pos[]>(xs.map((x) => [x, ys.map((y) => ({ x, y }))]));
  const onH = new Map<number, Pos[]>(ys.map((y) => [y, xs.map((x) => ({ x, y }))]));
  const xsDown = [...xs].reverse();
  const ysDown = [...ys].reverse();
  // Places a pill may take along a horizontal channel (placeWidePills): nodes of that channel.
  for (const p of spots) onH.get(p.y)?.push(p);
  const legs = new Map<string, Leg[]>();
  const others = pills.filter((p) => p.id !== self);
  for (const e of ends) {
    const c = e.centre;
    const list: Leg[] = [];
    const skip = new Set([e.id, self, ...(e.site ? [e.site] : [])]);
    const inside = e.site ? (ch.inside.get(e.site) ?? []) : [];
    const lists = [ch.top, inside, others];
    const drops = e.site ? (ch.drops.get(e.site) ?? []) : [];
    const blocked = (a: Pos, b: Pos): boolean => lists.some((l) => hits(a, b, l, skip));
    const firstX = (x0: number, sign: 1 | -1): number | undefined => (sign > 0 ? xs.find((x) => x >= x0 - 0.5) : xsDown.find((x) => x <= x0 + 0.5));
    const firstY = (y0: number, sign: 1 | -1): number | undefined => (sign > 0 ? ys.find((y) => y >= y0 - 0.5) : ysDown.find((y) => y <= y0 + 0.5));
    const add = (to: Pos, via: Pos | undefined, line: Pos[]): void => {
      // A leg through something (a router dragged onto a node) is kept, at a cost no free way reaches.
      const through = via ? blocked(c, via) || blocked(via, to) : blocked(c, to);
      line.push(to);
      const crossed = via ? dropsCrossed(c, via, drops) + dropsCrossed(via, to, drops) : dropsCrossed(c, to, drops);
      const cost = (via ? Math.abs(via.x - c.x) + Math.abs(via.y - c.y) + Math.abs(to.x - via.x) + Math.abs(to.y - via.y) : Math.abs(to.x - c.x) + Math.abs(to.y - c.y)) + crossed * DROP_COST + (through ? BLOCKED_COST : 0);
      list.push({ node: key(to), cost: cost + (via ? BEND_COST : 0), ...(via ? { via } : {}) });
    };
    for (const sign of [1, -1] as const) {
      // Straight out to the first channel across, left or right, down or up.
      const x = firstX(c.x, sign);
      if (x !== undefined) add({ x, y: c.y }, undefined, onV.get(x)!);
      const y = firstY(c.y, sign);
      if (y !== undefined) add({ x: c.x, y }, undefined, onH.get(y)!);
    }
    // A short stub out of the box (half-way to whatever is next, at most STUB), then along to the
    // first channel on either side: for a router boxed in by its neighbours and bars.
    for (const [dx, dy] of [[0, 1], [0, -1], [1, 0], [-1, 0]] as const) {
      const half = dx ? e.w / 2 : e.h / 2;
      const edge = dx ? c.x + dx * half : c.y + dy * half;
      let free = 2 * STUB;
      for (const l of lists)
        for (const o of l) {
          if (skip.has(o.id)) continue;
          const g = grow(o.box, CLEAR);
          const across = dx ? g.y1 < c.y && c.y < g.y2 : g.x1 < c.x && c.x < g.x2;
          if (!across) continue;
          const d = dx > 0 ? g.x1 - edge : dx < 0 ? edge - g.x2 : dy > 0 ? g.y1 - edge : edge - g.y2;
          if (d >= 0) free = Math.min(free, d);
        }
      const stub = Math.min(free / 2, STUB);
      if (stub < 2) continue;
      const via = dx ? { x: edge + dx * stub, y: c.y } : { x: c.x, y: edge + dy * stub };
      for (const sign of [1, -1] as const) {
        if (dx) {
          const y = firstY(via.y, sign);
          if (y !== undefined) add({ x: via.x, y }, via, onH.get(y)!);
        } else {
          const x = firstX(via.x, sign);
          if (x !== undefined) add({ x, y: via.y }, via, onV.get(x)!);
        }
      }
    }
    legs.set(e.id, list);
  }
  const index = new Map<string, number>();
  const keys: string[] = [];
  const at: Pos[] = [];
  const id = (p: Pos): number => {
    const k = key(p);
    let i = index.get(k);
    if (i === undefined) {
      i = keys.length;
      index.set(k, i);
      keys.push(k);
      at.push(p);
    }
    return i;
  };
  const pairs: number[] = [];
  const costs: number[] = [];
  const skip = new Set([self]);
  const walk = (pts: Pos[], along: 'x' | 'y'): void => {
    pts.sort((a, b) => a[along] - b[along]);
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      const ia = id(a);
      const ib = id(b);
      if (ia === ib) continue;
      pairs.push(ia, ib);
      costs.push(Math.abs(a.x - b.x) + Math.abs(a.y - b.y) + (hits(a, b, ch.top, skip) || hits(a, b, others, skip) ? BLOCKED_COST : 0));
    }
    if (pts.length === 1) id(pts[0]!);
  };
  for (const pts of onV.values()) walk(pts, 'y');
  for (const pts of onH.values()) walk(pts, 'x');
  // Adjacency arrays (both directions of each piece).
  const n = keys.length;
  const first = new Int32Array(n + 1);
  for (let e = 0; e < costs.length; e++) {
    first[pairs[2 * e]! + 1]!++;
    first[pairs[2 * e + 1]! + 1]!++;
  }
  for (let i = 0; i < n; i++) first[i + 1]! += first[i]!;
  const fill = first.slice(0, n);
  const to = new Int32Array(2 * costs.length);
  const cost = new Float64Array(2 * costs.length);
  for (let e = 0; e < costs.length; e++) {
    const a = pairs[2 * e]!;
    const b = pairs[2 * e + 1]!;
    to[fill[a]!] = b;
    cost[fill[a]!++] = costs[e]!;
    to[fill[b]!] = a;
    cost[fill[b]!++] = costs[e]!;
  }
  return { g: { index, keys, at, first, to, cost }, legs };
}

/** Shortest distances from the given starts (node key → initial cost), with the previous node of each (-1: a start); a binary heap, ties by node number. */
function dijkstra(g: Graph, starts: readonly Leg[]): { dist: Float64Array; prev: Int32Array } {
  const n = g.keys.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const hd: number[] = [];
  const hn: number[] = [];
  const less = (i: number, j: number): boolean => hd[i]! < hd[j]! || (hd[i] === hd[j] && hn[i]! < hn[j]!);
  const swap = (i: number, j: number): void => {
    const d = hd[i]!;
    hd[i] = hd[j]!;
    hd[j] = d;
    const v = hn[i]!;
    hn[i] = hn[j]!;
    hn[j] = v;
  };
  const push = (d: number, v: number): void => {
    hd.push(d);
    hn.push(v);
    for (let i = hd.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (!less(i, up)) break;
      swap(i, up);
      i = up;
    }
  };
  // Removes the heap's top; its distance and node are `hd0` / `hn0` (no tuple made per pop).
  let hd0 = 0;
  let hn0 = 0;
  const pop = (): void => {
    hd0 = hd[0]!;
    hn0 = hn[0]!;
    const ld = hd.pop()!;
    const ln = hn.pop()!;
    if (hd.length) {
      hd[0] = ld;
      hn[0] = ln;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < hd.length && less(l, m)) m = l;
        if (r < hd.length && less(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  };
  for (const s of starts) {
    const v = g.index.get(s.node);
    if (v !== undefined && s.cost < dist[v]!) {
      dist[v] = s.cost;
      push(s.cost, v);
    }
  }
  while (hd.length) {
    pop();
    const d = hd0;
    const v = hn0;
    if (done[v] || d > dist[v]!) continue;
    done[v] = 1;
    for (let e = g.first[v]!; e < g.first[v + 1]!; e++) {
      const w = g.to[e]!;
      if (done[w]) continue;
      const nd = d + g.cost[e]!;
      if (nd < dist[w]! - 1e-9) {
        dist[w] = nd;
        prev[w] = v;
        push(nd, w);
      }
    }
  }
  return { dist, prev };
}

/** Drops the middle one of three points in a line. */
function simplify(pts: Pos[]): Pos[] {
  const out: Pos[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = out[out.length - 2];
    if (last && before && ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) || (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))) out.pop();
    out.push(p);
  }
  return out;
}

const endOf = (model: DiagramModel, id: string, positions: ReadonlyMap<string, Pos>): RouteEnd | null => {
  const p = positions.get(id);
  if (!p) return null;
  const parent = model.byId.get(id)?.parent ?? null;
  const n = model.byId.get(id)!;
  return { id, centre: p, site: parent === null ? null : topOf(model, id), w: n.w, h: n.h };
};

/**
 * The routed line of every router → pill edge of the wide transits placed in `positions`: edge id →
 * its polyline from the router's centre to the pill's (bends included). Edges without a free way
 * are left out (drawn straight).
 */
export function routeWideLinks(model: DiagramModel, positions: ReadonlyMap<string, Pos>, boxes: ReadonlyMap<string, ElementBoxes>, geometry: Geometry): Map<string, Pos[]> {
  const out = new Map<string, Pos[]>();
  const wide = wideTransits(model).filter((id) => positions.has(id));
  if (wide.length === 0) return out;
  const ch = channelsOf(model, boxes, wideTransits(model), geometry);
  for (const t of wide) {
    const pill = endOf(model, t, positions)!;
    const edges = (model.edgesTo.get(t) ?? []).map((e) => model.edgeById.get(e)!);
    const ends = edges.map((e) => endOf(model, e.source, positions)).filter((e): e is RouteEnd => e !== null);
    const { g, legs } = laneGraph(ch, ch.lane.get(t) ?? 0, [pill, ...ends], ch.pills, t);
    const pillLegs = new Map<string, Leg>();
    for (const l of legs.get(t) ?? []) if (l.cost < (pillLegs.get(l.node)?.cost ?? Infinity)) pillLegs.set(l.node, l);
    const { dist, prev } = dijkstra(g, [...pillLegs.values()]);
    for (const e of edges) {
      const r = ends.find((x) => x.id === e.source);
      if (!r) continue;
      let best: Leg | null = null;
      let bd = Infinity;
      for (const l of legs.get(r.id) ?? []) {
        const d = (dist[g.index.get(l.node) ?? -1] ?? Infinity) + l.cost;
        if (d < bd) {
          bd = d;
          best = l;
        }
      }
      if (!best) continue;
      const pts: Pos[] = [r.centre, ...(best.via ? [best.via] : [])];
      let k = g.index.get(best.node) ?? -1;
      let last = k;
      for (; k >= 0; k = prev[k]!) {
        pts.push(g.at[k]!);
        last = k;
      }
      const pillVia = last >= 0 ? pillLegs.get(g.keys[last]!)?.via : undefined;
      if (pillVia) pts.push(pillVia);
      pts.push(pill.centre);
      out.set(e.id, simplify(pts));
    }
  }
  return out;
}

/**
 * Places the wide transits' pills (automatic layout): each on the free crossing of its lane whose
 * lines to its routers are shortest in sum, clear of every top-level box and of the pills placed
 * before it by `margin`. Returns the spots found (a transit without one is left to the caller).
 */
export function placeWidePills(model: DiagramModel, positions: ReadonlyMap<string, Pos>, boxes: ReadonlyMap<string, ElementBoxes>, geometry: Geometry, wide: readonly string[], margin: number): Map<string, Pos> {
  const out = new Map<string, Pos>();
  if (wide.length === 0) return out;
  const ch = channelsOf(model, boxes, wide, geometry);
  const placed: Obstacle[] = ch.pills.filter((p) => !wide.includes(p.id));
  for (const t of wide) {
    const n = model.byId.get(t)!;
    const off = ch.lane.get(t) ?? 0;
    const routers = (model.edgesTo.get(t) ?? []).map((e) => endOf(model, model.edgeById.get(e)!.source, positions)).filter((e): e is RouteEnd => e !== null);
    // Where the pill may go: along a horizontal channel of its lane, half-way (or a quarter of the
    // way) between two vertical channels, clear of every vertical channel of every lane (a pill
    // on a crossing would close that vertical channel to the other links' lines); else on a crossing.
    const reach = Math.max(0, ...[...ch.lane.values()].map(Math.abs));
    const fits = (box: Box): boolean => !ch.top.some((o) => overlaps(o.box, box)) && !placed.some((o) => overlaps(o.box, box));
    const between: Pos[] = [];
    const crossings: Pos[] = [];
    for (const y0 of ch.ys)
      for (let i = 0; i < ch.xs.length; i++) {
        const y = y0 + off;
        crossings.push({ x: ch.xs[i]! + off, y });
        if (i === 0) continue;
        for (const f of [0.5, 0.25, 0.75]) {
          const x = ch.xs[i - 1]! + f * (ch.xs[i]! - ch.xs[i - 1]!) + off;
          if (ch.xs.some((v) => Math.abs(v - x) < n.w / 2 + margin + reach + CLEAR)) continue;
          between.push({ x, y });
        }
      }
    const { g, legs } = laneGraph(ch, off, routers, placed, t, between);
    // The spots that fit, nearest first by their summed straight (x + y) distance to the routers;
    // the few nearest are measured along the channels (one shortest-path search from each: a
    // search per router and spot, for every candidate arrangement, made the largest design's
    // layout ≈ 3 × slower), and the shortest of those with a free way to every router is taken.
    const manhattan = (p: Pos): number => routers.reduce((s, r) => s + Math.abs(r.centre.x - p.x) + Math.abs(r.centre.y - p.y), 0);
    let best: Pos | null = null;
    for (const spots of [between, crossings]) {
      const ranked = spots
        .filter((p) => fits(grow({ x1: p.x - n.w / 2, y1: p.y - n.h / 2, x2: p.x + n.w / 2, y2: p.y + n.h / 2 }, margin)) && g.index.has(key(p)))
        .map((p) => ({ p, m: manhattan(p) }))
        .sort((a, b) => a.m - b.m || a.p.y - b.p.y || a.p.x - b.p.x)
        .slice(0, MEASURED_SPOTS);
      let bestCost = Infinity;
      for (const { p } of ranked) {
        const { dist } = dijkstra(g, [{ node: key(p), cost: 0 }]);
        let cost = 0;
        for (const r of routers) cost += Math.min(Infinity, ...(legs.get(r.id) ?? []).map((l) => (dist[g.index.get(l.node) ?? -1] ?? Infinity) + l.cost));
        if (cost < bestCost - 1e-9) {
          bestCost = cost;
          best = p;
        }
      }
      if (best && bestCost < BLOCKED_COST) break;
    }
    if (!best) continue;
    out.set(t, best);
    placed.push({ id: t, box: { x1: best.x - n.w / 2, y1: best.y - n.h / 2, x2: best.x + n.w / 2, y2: best.y + n.h / 2 } });
  }
  return out;
}


/** Where a line from a box's centre towards `toward` leaves the box. */
function clip(c: Pos, w: number, h: number, toward: Pos): Pos {
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  const sx = dx === 0 ? Infinity : w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

const inBox = (p: Pos, c: Pos, w: number, h: number): boolean => Math.abs(p.x - c.x) < w / 2 && Math.abs(p.y - c.y) < h / 2;

/** Where the piece p → q (p outside the box, q inside) enters the box (an axis-aligned piece: exact). */
function entry(p: Pos, q: Pos, c: Pos, w: number, h: number): Pos {
  const x = Math.max(c.x - w / 2, Math.min(c.x + w / 2, p.x));
  const y = Math.max(c.y - h / 2, Math.min(c.y + h / 2, p.y));
  if (p.y === q.y) return { x, y: p.y };
  if (p.x === q.x) return { x: p.x, y };
  return clip(c, w, h, p);
}

const fixed = (v: number): string => String(Math.round(v * 10000) / 10000);
const tenth = (v: number): number => Math.round(v * 10) / 10;

/**
 * The drawn geometry: `computeGeometry`, and for a design with router links between three sites
 * or more their routed lines: `path` (from the router's border to where the line enters the pill),
 * the `segments` cytoscape draws them with (weights and distances of the bends from the line
 * between the two centres, `edge-distances: node-position`), and the target end where the line
 * meets the pill (a pill moved off its lane with its routers is entered where its lane meets it).
 * What the canvas, the highlight layer, the hit test and the exports draw.
 */
export function drawnGeometry(model: DiagramModel, positions: ReadonlyMap<string, Pos>, geometry: Geometry = computeGeometry(model, positions)): Geometry {
  if (!wideTransits(model).some((id) => positions.has(id))) return geometry;
  const routes = routeWideLinks(model, positions, estimateBoxes(model, positions, geometry), geometry);
  for (const [id, pts] of routes) {
    const e = model.edgeById.get(id)!;
    const s = model.byId.get(e.source)!;
    const t = model.byId.get(e.target)!;
    const a = pts[0]!;
    const b = pts[pts.length - 1]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const l2 = dx * dx + dy * dy;
    if (l2 < 1) continue;
    const l = Math.sqrt(l2);
    // The bends outside both boxes, up to where the line first enters the pill.
    let bends: Pos[] = [];
    let end = b;
    for (let i = 1; i < pts.length; i++) {
      const q = pts[i]!;
      if (inBox(q, b, t.w, t.h)) {
        end = entry(pts[i - 1]!, q, b, t.w, t.h);
        break;
      }
      if (i < pts.length - 1 && !inBox(q, a, s.w, s.h)) bends.push(q);
    }
    const start = clip(a, s.w, s.h, bends[0] ?? end);
    // A line without a bend still gets one (half-way), so that it ends where it meets the pill.
    if (bends.length === 0) bends = [{ x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }];
    const weights = bends.map((p) => ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2);
    const distances = bends.map((p) => ((p.x - a.x) * -dy + (p.y - a.y) * dx) / l);
    const old = geometry.ends.get(id) ?? { source: 'outside-to-node', target: 'outside-to-node' };
    geometry.ends.set(id, {
      ...old,
      target: `${tenth(end.x - b.x)}px ${tenth(end.y - b.y)}px`,
      path: [start, ...bends, end],
      segments: { weights: weights.map(fixed).join(' '), distances: distances.map(fixed).join(' ') },
    });
  }
  return geometry;
}

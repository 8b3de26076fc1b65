/**
 * The automatic layout: a deterministic, hand-written layered layout (no force simulation), so
 * the same topology always gets the same drawing and tests can check it.
 *
 * Each site is a block (hosts in rows, its networks as bars in a band beside the rows, routers at
 * the row end that faces the next site); blocks stand side by side, stacked or — four sites or
 * more — in a grid of rows of sites, whichever lets the whole diagram fit a typical canvas at the
 * larger zoom; networks that span blocks get a shared band under everything; transit subnets
 * (router links) sit between their routers.
 */
import type { DiagramModel } from '../elements';
import { computeGeometry, estimateBoxes, refreshLeafBoxes, union, type Box, type Pos } from '../geometry';
import { layoutBlock, type BlockConfig, type BlockResult, type BlockSpec } from './block';
import { freeSpot } from './freeSpot';
import { laneCount, packLanes } from './barLanes';
import { placeWidePills, wideTransits } from './wanRoutes';

export type Arrangement = 'side-by-side' | 'stacked' | 'grid';

export interface AutoLayout {
  /** Every leaf of the diagram (NICs, networks, routers, transit subnets, empty hosts and sites). */
  positions: Map<string, Pos>;
  arrangement: Arrangement;
  rows: 1 | 2;
  /** The grid's sites a row (`grid` only). */
  columns?: number;
}

export interface AutoLayoutOptions {
  /** The canvas the layout is made to fit (its aspect ratio decides the arrangement). */
  viewport?: { w: number; h: number };
}

/** The diagram's share of a 1440 × 900 window (side panel and legend strip taken off). */
const DEFAULT_VIEWPORT = { w: 1000, h: 700 };
/** A later candidate must fit at a zoom this much larger to be preferred. */
const PREFER = 1.08;
/** The fewest blocks laid out in a grid as well (fewer keep their side-by-side or stacked drawing). */
const GRID_MIN_BLOCKS = 4;

interface Plan {
  blocks: BlockSpec[];
  /** Networks attached in more than one block: drawn in a band under everything. */
  shared: string[];
  /** Transit subnets between routers of different blocks. */
  crossTransits: string[];
}

function plan(model: DiagramModel): Plan {
  const blockOf = (id: string): string => {
    const el = model.byId.get(id)!;
    const owner = el.kind === 'nic' ? el.parent! : id;
    return model.siteOf.get(owner) ?? '';
  };
  const sites = model.nodes.filter((n) => n.kind === 'site').map((n) => n.id);
  const keys = [...sites, ''];
  const specs = new Map<string, BlockSpec>(keys.map((k) => [k, { site: k || null, hosts: [], routers: [], buses: [], transits: [] }]));
  const shared: string[] = [];
  const crossTransits: string[] = [];
  for (const n of model.nodes) {
    if (n.kind === 'host') specs.get(model.siteOf.get(n.id) ?? '')!.hosts.push(n.id);
    else if (n.kind === 'router') specs.get(model.siteOf.get(n.id) ?? '')!.routers.push(n.id);
    else if (n.kind === 'network' || n.kind === 'transit') {
      const blocks = new Set((model.edgesTo.get(n.id) ?? []).map((e) => blockOf(model.edgeById.get(e)!.source)));
      const [only] = blocks;
      const local = blocks.size === 1 ? only! : blocks.size === 0 && sites.length === 0 ? '' : null;
      if (local === null) (n.kind === 'network' ? shared : crossTransits).push(n.id);
      else specs.get(local)![n.kind === 'network' ? 'buses' : 'transits'].push(n.id);
    }
  }
  const blocks = keys.map((k) => specs.get(k)!).filter((b) => b.site !== null || b.hosts.length + b.routers.length + b.buses.length + b.transits.length > 0);
  return { blocks, shared, crossTransits };
}

function configFor(arrangement: Arrangement, rows: 1 | 2, index: number, count: number): BlockConfig {
  const last = index === count - 1;
  // A grid: every site as a middle site side by side (routers at the right end, in both rows).
  if (arrangement === 'grid') return { rows, band: rows === 2 ? 'between' : 'below', routerEnd: 'right', routerRow: 'alternate' };
  if (arrangement === 'side-by-side')
    return { rows, band: rows === 2 ? 'between' : 'below', routerEnd: last && count > 1 ? 'left' : 'right', routerRow: 'alternate' };
  // Stacked: the routers stand in the row that faces the neighbouring site.
  const first = index === 0 && count > 1;
  return { rows, band: rows === 2 ? 'between' : first ? 'above' : 'below', routerEnd: 'right', routerRow: first ? 'last' : last && count > 1 ? 'first' : 'alternate' };
}

function translate(pos: Map<string, Pos>, dx: number, dy: number): void {
  for (const p of pos.values()) {
    p.x += dx;
    p.y += dy;
  }
}

interface Candidate extends AutoLayout {
  bounds: Box;
}

/**
 * Block layouts made for one `autoLayout`, by block and configuration: the candidates share most
 * of them (a middle block is laid out alike side by side and stacked), and a block's layout
 * depends on nothing else. Each use gets its own copy (`arrange` moves it).
 */
type BlockCache = Map<string, BlockResult>;

function blockLayout(model: DiagramModel, spec: BlockSpec, index: number, cfg: BlockConfig, cache: BlockCache): BlockResult {
  const key = `${index}|${cfg.rows}|${cfg.band}|${cfg.routerEnd}|${cfg.routerRow}`;
  let r = cache.get(key);
  if (!r) {
    r = layoutBlock(model, spec, cfg);
    cache.set(key, r);
  }
  return { pos: new Map([...r.pos].map(([k, v]) => [k, { x: v.x, y: v.y }])), outer: { ...r.outer } };
}

/**
 * A grid's cells: the blocks in rows of `columns`, in order; each column as wide as its widest
 * block, each row as tall as its tallest, the gaps those of side by side (across) and stacked
 * (down). The left of each column, the top of each row, and the grid's size.
 */
function gridCells(results: readonly BlockResult[], columns: number, sideGap: number, stackGap: number): { colX: number[]; rowY: number[]; w: number; h: number } {
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...results.filter((_, i) => i % columns === c).map((r) => r.outer.x2 - r.outer.x1)));
  const heights = Array.from({ length: Math.ceil(results.length / columns) }, (_, k) => Math.max(0, ...results.filter((_, i) => Math.floor(i / columns) === k).map((r) => r.outer.y2 - r.outer.y1)));
  const colX: number[] = [];
  const rowY: number[] = [];
  widths.forEach((_, c) => colX.push(c === 0 ? 0 : colX[c - 1]! + widths[c - 1]! + sideGap));
  heights.forEach((_, k) => rowY.push(k === 0 ? 0 : rowY[k - 1]! + heights[k - 1]! + stackGap));
  return { colX, rowY, w: colX[columns - 1]! + widths[columns - 1]!, h: rowY[rowY.length - 1]! + heights[heights.length - 1]! };
}

function arrange(model: DiagramModel, p: Plan, arrangement: Arrangement, rows: 1 | 2, cache: BlockCache = new Map(), columns = 0): Candidate {
  const { bus: BUS, gap: GAP } = model.metrics;
  const positions = new Map<string, Pos>();
  const widest = Math.max(0, ...p.crossTransits.map((id) => model.byId.get(id)!.w));
  const sideGap = Math.max(GAP.block, widest + 100);
  const outers: Box[] = [];
  const results = p.blocks.map((spec, i) => blockLayout(model, spec, i, configFor(arrangement, rows, i, p.blocks.length), cache));
  const { colX, rowY } = arrangement === 'grid' ? gridCells(results, columns, sideGap, GAP.stackedBlock) : { colX: [], rowY: [] };
  let cursor = 0;
  results.forEach((r, i) => {
    const dx = arrangement === 'grid' ? colX[i % columns]! - r.outer.x1 : arrangement === 'side-by-side' ? cursor - r.outer.x1 : -r.outer.x1;
    const dy = arrangement === 'grid' ? rowY[Math.floor(i / columns)]! - r.outer.y1 : arrangement === 'side-by-side' ? 0 : cursor - r.outer.y1;
    translate(r.pos, dx, dy);
    for (const [k, v] of r.pos) positions.set(k, v);
    const outer = { x1: r.outer.x1 + dx, y1: r.outer.y1 + dy, x2: r.outer.x2 + dx, y2: r.outer.y2 + dy };
    outers.push(outer);
    cursor = arrangement === 'side-by-side' ? outer.x2 + sideGap : outer.y2 + GAP.stackedBlock;
  });
  let bounds: Box | null = null;
  for (const o of outers) bounds = union(bounds, o);

  // Networks shared by several blocks: a band under everything, in lanes.
  if (p.shared.length) {
    const spans = p.shared.map((id) => {
      const xs = (model.edgesTo.get(id) ?? []).map((e) => positions.get(model.edgeById.get(e)!.source)?.x).filter((x): x is number => x !== undefined);
      const w = model.byId.get(id)!.w;
      const mid = xs.length ? (Math.min(...xs) + Math.max(...xs)) / 2 : bounds ? (bounds.x1 + bounds.x2) / 2 : 0;
      const half = Math.max(w / 2, xs.length ? (Math.max(...xs) - Math.min(...xs)) / 2 + BUS.end : 0);
      return { id, x1: mid - half, x2: mid + half };
    });
    const lanes = packLanes(spans, 24);
    const top = (bounds?.y2 ?? 0) + GAP.rowBand + 10;
    for (const s of spans) positions.set(s.id, { x: (s.x1 + s.x2) / 2, y: top + lanes.get(s.id)! * BUS.lanePitch + BUS.h / 2 });
    const bottom = top + laneCount(lanes) * BUS.lanePitch;
    bounds = union(bounds, { x1: Math.min(...spans.map((s) => s.x1)), y1: top, x2: Math.max(...spans.map((s) => s.x2)), y2: bottom });
  }

  // Router links between blocks: between their routers, clear of every site box. A transit
  // subnet changes nothing of the geometry (no drop ends on a bar through it): computed once, and
  // after each subnet placed only its boxes (and its ancestors') again.
  const geometry = p.crossTransits.length ? computeGeometry(model, positions) : null;
  const boxes = geometry ? estimateBoxes(model, positions, geometry) : null;
  // Those between three sites or more: on a crossing of the gaps, their lines routed along them.
  const wide = new Set(wideTransits(model).filter((id) => p.crossTransits.includes(id)));
  const spots = wide.size ? placeWidePills(model, positions, boxes!, geometry!, [...wide], 16) : new Map<string, Pos>();
  for (const [id, spot] of spots) {
    const n = model.byId.get(id)!;
    positions.set(id, spot);
    refreshLeafBoxes(model, positions, geometry!, boxes!, id);
    bounds = union(bounds, { x1: spot.x - n.w / 2, y1: spot.y - n.h / 2, x2: spot.x + n.w / 2, y2: spot.y + n.h / 2 });
  }
  for (const id of p.crossTransits) {
    if (spots.has(id)) continue;
    const routers = (model.edgesTo.get(id) ?? []).map((e) => positions.get(model.edgeById.get(e)!.source)).filter((q): q is Pos => q !== undefined);
    const target = routers.length ? { x: routers.reduce((s, q) => s + q.x, 0) / routers.length, y: routers.reduce((s, q) => s + q.y, 0) / routers.length } : { x: 0, y: 0 };
    const obstacles = [...boxes!].filter(([k]) => model.byId.get(k)!.parent === null).map(([, b]) => b.outer);
    const n = model.byId.get(id)!;
    const spot = freeSpot(target, n.w, n.h, obstacles, 16);
    positions.set(id, spot);
    refreshLeafBoxes(model, positions, geometry!, boxes!, id);
    bounds = union(bounds, { x1: spot.x - n.w / 2, y1: spot.y - n.h / 2, x2: spot.x + n.w / 2, y2: spot.y + n.h / 2 });
  }
  return { positions, arrangement, rows, ...(arrangement === 'grid' ? { columns } : {}), bounds: bounds ?? { x1: 0, y1: 0, x2: 0, y2: 0 } };
}

/** The zoom at which the candidate fits the viewport (capped at 1: small diagrams are not blown up). */
function fitZoom(b: Box, viewport: { w: number; h: number }): number {
  const pad = 60;
  return Math.min(1, viewport.w / (b.x2 - b.x1 + pad), viewport.h / (b.y2 - b.y1 + pad));
}

export function autoLayout(model: DiagramModel, options: AutoLayoutOptions = {}): AutoLayout {
  const viewport = options.viewport ?? DEFAULT_VIEWPORT;
  const p = plan(model);
  const maxHosts = Math.max(0, ...p.blocks.map((b) => b.hosts.length));
  const choices: [Arrangement, 1 | 2, number][] = [['side-by-side', 1, 0]];
  if (p.shared.length === 0) {
    if (maxHosts >= 3) choices.push(['side-by-side', 2, 0]);
    if (p.blocks.length > 1) {
      choices.push(['stacked', 1, 0]);
      if (maxHosts >= 3) choices.push(['stacked', 2, 0]);
    }
  }
  const cache: BlockCache = new Map();
  if (p.shared.length === 0 && p.blocks.length >= GRID_MIN_BLOCKS)
    for (const rows of maxHosts >= 3 ? ([1, 2] as const) : ([1] as const))
      choices.push(['grid', rows, gridColumns(model, p, rows, viewport, cache)]);
  let best: Candidate | null = null;
  let bestZoom = 0;
  for (const [arrangement, rows, columns] of choices) {
    const c = arrange(model, p, arrangement, rows, cache, columns);
    const z = fitZoom(c.bounds, viewport);
    if (!best || z > bestZoom * PREFER) {
      best = c;
      bestZoom = z;
    }
  }
  const { positions, arrangement, rows, columns } = best!;
  return { positions, arrangement, rows, ...(columns !== undefined ? { columns } : {}) };
}

/**
 * The grid's column count: of the one whose rows of sites are as wide as the canvas's aspect asks
 * for, ⌈√(n × canvas aspect / site aspect)⌉ (the site's aspect that of the blocks' mean box, gaps
 * included), and its neighbours — each between 2 (1 is stacked) and n − 1 (n is side by side) —
 * the one whose cells fit the canvas at the largest zoom (the fewer columns on a tie). Chosen on
 * the blocks alone: the router links between sites sit in the gaps, and laying out each count
 * whole (links included) would double the automatic layout's time on the largest design.
 */
function gridColumns(model: DiagramModel, p: Plan, rows: 1 | 2, viewport: { w: number; h: number }, cache: BlockCache): number {
  const n = p.blocks.length;
  const { gap: GAP } = model.metrics;
  const widest = Math.max(0, ...p.crossTransits.map((id) => model.byId.get(id)!.w));
  const sideGap = Math.max(GAP.block, widest + 100);
  const results = p.blocks.map((spec, i) => blockLayout(model, spec, i, configFor('grid', rows, i, n), cache));
  const w = results.reduce((a, r) => a + r.outer.x2 - r.outer.x1 + sideGap, 0);
  const h = results.reduce((a, r) => a + r.outer.y2 - r.outer.y1 + GAP.stackedBlock, 0);
  const ideal = Math.ceil(Math.sqrt((n * (viewport.w / viewport.h)) / (w / h)));
  let best = 0;
  let bestZoom = 0;
  for (const c of [...new Set([ideal - 1, ideal, ideal + 1].map((k) => Math.max(2, Math.min(n - 1, k))))].sort((a, b) => a - b)) {
    const cells = gridCells(results, c, sideGap, GAP.stackedBlock);
    const z = fitZoom({ x1: 0, y1: 0, x2: cells.w, y2: cells.h }, viewport);
    if (z > bestZoom) {
      best = c;
      bestZoom = z;
    }
  }
  return best;
}

/**
 * One block of the layout: a site (or the hosts and routers in no site). Hosts stand in one or
 * two rows with their NICs side by side; the block's networks are horizontal bars in a band next
 * to the rows (below one row, above it, or between two rows), so every NIC drops straight onto
 * its bar. Routers stand at the end of a row that faces the neighbouring block.
 */
import type { DiagramModel } from '../elements';
import { computeGeometry, estimateBoxes, refreshLeafBoxes, union, type Box, type Pos } from '../geometry';
import { COMPACT_SLOT, hostLabelLines, lineBox } from '../metrics';
import { freeSpot } from './freeSpot';
import { laneCount, packLanes, type Span } from './barLanes';

export interface BlockSpec {
  site: string | null;
  hosts: string[];
  routers: string[];
  /** Networks drawn in this block's band, in topology order. */
  buses: string[];
  /** Transit subnets whose routers are all in this block. */
  transits: string[];
}

export interface BlockConfig {
  rows: 1 | 2;
  /** Where the band of network bars is, relative to the host rows. */
  band: 'below' | 'above' | 'between';
  routerEnd: 'left' | 'right';
  routerRow: 'alternate' | 'first' | 'last';
}

export interface BlockResult {
  pos: Map<string, Pos>;
  /** Everything the block draws, its site's box and label included. */
  outer: Box;
}

const LANE_GAP = 24;
/** Sideways shift of the second row when its drops would run along the first row's. */
const ROW_SHIFT = 30;

interface Placed {
  id: string;
  row: number;
  /** Half the item's height: NIC row plus the host's padding, or the router. */
  half: number;
}

/**
 * The room each host takes in its row: its foot (its box, or its name where that is wider, the
 * host centred on it) and the gap to the next host's foot. On the compact drawing a name may use
 * the gap beside its box (`COMPACT_SLOT`).
 */
function hostFoot(model: DiagramModel, h: string): { foot: number; inner: number } {
  const { nic: NIC, host: HOST } = model.metrics;
  const nics = model.children.get(h) ?? [];
  const host = model.byId.get(h)!;
  const inner = nics.reduce((w, id) => w + model.byId.get(id)!.w, 0) + NIC.gap * Math.max(0, nics.length - 1);
  const boxW = nics.length ? inner + 2 * (HOST.pad + HOST.border) : host.w;
  const labelPad = model.metrics.kind === 'compact' ? COMPACT_SLOT.nameSep - COMPACT_SLOT.boxGap : 10;
  return { foot: Math.max(boxW, host.labelW + labelPad), inner };
}

/** The gap between two hosts' feet in a row. */
const hostGap = (model: DiagramModel): number => (model.metrics.kind === 'compact' ? COMPACT_SLOT.boxGap : model.metrics.gap.item);

/**
 * Where two rows split a block's hosts: half each (the first row the larger), unless, on the
 * compact drawing, the routers at one row's end make that row the wider — then hosts move to the
 * other row while that narrows the block (a site's routers cost its rows no more width than they
 * must; each row's routers stand after its own hosts).
 */
function rowCut(model: DiagramModel, spec: BlockSpec, routerRows: readonly string[][]): number {
  const n = spec.hosts.length;
  const half = Math.ceil(n / 2);
  if (n < 2 || model.metrics.kind !== 'compact') return half;
  const GAP = model.metrics.gap;
  const gap = hostGap(model);
  const feet = spec.hosts.map((h) => hostFoot(model, h).foot);
  const routersW = routerRows.map((rs) => (rs.length ? rs.reduce((w, r) => w + model.byId.get(r)!.w, 0) + GAP.item * rs.length : 0));
  const widthOf = (cut: number): number => {
    const rows = [feet.slice(0, cut), feet.slice(cut)];
    return Math.max(...rows.map((f, i) => f.reduce((a, b) => a + b, 0) + gap * Math.max(0, f.length - 1) + routersW[i]!));
  };
  let best = half;
  let bestW = widthOf(half);
  for (let cut = 1; cut < n; cut++) {
    const w = widthOf(cut);
    if (w < bestW - 1e-9) {
      best = cut;
      bestW = w;
    }
  }
  return best;
}

function placeRows(model: DiagramModel, spec: BlockSpec, cfg: BlockConfig, pos: Map<string, Pos>, shift: number): Placed[] {
  const { host: HOST, gap: GAP, nic: NIC } = model.metrics;
  const routerRows: string[][] = Array.from({ length: cfg.rows }, () => []);
  spec.routers.forEach((r, i) => routerRows[cfg.routerRow === 'alternate' ? i % cfg.rows : cfg.routerRow === 'first' ? 0 : cfg.rows - 1]!.push(r));
  const cut = cfg.rows === 2 ? rowCut(model, spec, routerRows) : spec.hosts.length;
  const hostRows = cfg.rows === 2 ? [spec.hosts.slice(0, cut), spec.hosts.slice(cut)] : [spec.hosts];
  const gap = hostGap(model);
  const placed: Placed[] = [];
  const rowEnds: number[] = [];
  hostRows.forEach((hosts, row) => {
    let x = row === 1 ? shift : 0;
    for (const h of hosts) {
      const nics = model.children.get(h) ?? [];
      const host = model.byId.get(h)!;
      const { foot, inner } = hostFoot(model, h);
      const cx = x + foot / 2;
      if (nics.length === 0) {
        pos.set(h, { x: cx, y: 0 });
        placed.push({ id: h, row, half: host.h / 2 });
      } else {
        let nx = cx - inner / 2;
        let half = 0;
        for (const id of nics) {
          const nic = model.byId.get(id)!;
          pos.set(id, { x: nx + nic.w / 2, y: 0 });
          nx += nic.w + NIC.gap;
          half = Math.max(half, nic.h / 2);
          placed.push({ id, row, half: 0 });
        }
        placed.push({ id: h, row, half: half + HOST.pad + HOST.border });
      }
      x += foot + gap;
    }
    rowEnds.push(x - gap);
  });
  // Routers at the end facing the neighbour block: both rows' routers in one column, or on the
  // compact drawing each row's after its own hosts (`rowCut` balanced the rows with them).
  const compact = model.metrics.kind === 'compact';
  const right = Math.max(0, ...rowEnds) + GAP.item;
  routerRows.forEach((routers, row) => {
    const widths = routers.map((r) => model.byId.get(r)!.w);
    const total = widths.reduce((a, b) => a + b, 0) + GAP.item * Math.max(0, routers.length - 1);
    let x = cfg.routerEnd === 'right' ? (compact ? (rowEnds[row] ?? 0) + GAP.item : right) : -GAP.item - total;
    routers.forEach((r, i) => {
      pos.set(r, { x: x + widths[i]! / 2, y: 0 });
      placed.push({ id: r, row, half: model.byId.get(r)!.h / 2 });
      x += widths[i]! + GAP.item;
    });
  });
  return placed;
}

/** The horizontal extent of each bar: its NICs' and routers' drops, and at least its label. */
function spans(model: DiagramModel, buses: readonly string[], pos: ReadonlyMap<string, Pos>, fallbackX: number): Span[] {
  const BUS = model.metrics.bus;
  return buses.map((id) => {
    const xs: number[] = [];
    for (const e of model.edgesTo.get(id) ?? []) {
      const src = model.edgeById.get(e)!.source;
      const p = pos.get(src);
      if (!p) continue;
      const el = model.byId.get(src)!;
      if (el.kind === 'router') xs.push(p.x - el.w * 0.35, p.x + el.w * 0.35);
      else xs.push(p.x);
    }
    const w = model.byId.get(id)!.w;
    if (xs.length === 0) return { id, x1: fallbackX - w / 2, x2: fallbackX + w / 2 };
    const x1 = Math.min(...xs) - BUS.end;
    const x2 = Math.max(...xs) + BUS.end;
    const extra = Math.max(0, w - (x2 - x1)) / 2;
    return { id, x1: x1 - extra, x2: x2 + extra };
  });
}

/** Would a drop from the second row run along a drop from the first (same x, overlapping heights)? */
function dropsCollide(model: DiagramModel, placed: readonly Placed[], pos: ReadonlyMap<string, Pos>, lanes: ReadonlyMap<string, number>): boolean {
  const drops = (row: number) =>
    placed
      .filter((p) => p.row === row && model.byId.get(p.id)!.kind === 'nic')
      .flatMap((p) => (model.edgesFrom.get(p.id) ?? []).map((e) => ({ x: pos.get(p.id)!.x, lane: lanes.get(model.edgeById.get(e)!.target) ?? -1 })));
  const top = drops(0);
  return drops(1).some((b) => b.lane >= 0 && top.some((a) => Math.abs(a.x - b.x) < 4 && b.lane < a.lane));
}

/**
 * The band's lanes. On a compact drawing of two rows whose routers all stand in one row, the bars
 * those routers join take the lanes nearest that row, the others the lanes beyond: a router may
 * stand beside the other row's last hosts (`rowCut`), and its drops then cross no bar it does not
 * join. Otherwise one packing in the topology's order.
 */
function bandLanes(model: DiagramModel, spec: BlockSpec, cfg: BlockConfig, all: readonly Span[]): Map<string, number> {
  if (model.metrics.kind !== 'compact' || cfg.rows !== 2 || cfg.routerRow === 'alternate' || cfg.band !== 'between' || spec.routers.length === 0) return packLanes(all, LANE_GAP);
  const routers = new Set(spec.routers);
  const joined = (id: string): boolean => (model.edgesTo.get(id) ?? []).some((e) => routers.has(model.edgeById.get(e)!.source));
  const near = packLanes(all.filter((s) => joined(s.id)), LANE_GAP);
  const far = packLanes(all.filter((s) => !joined(s.id)), LANE_GAP);
  if (near.size === 0 || far.size === 0) return packLanes(all, LANE_GAP);
  // Lane 0 is next to the first row.
  const [first, second] = cfg.routerRow === 'first' ? [near, far] : [far, near];
  const offset = laneCount(first);
  return new Map([...all].map((s) => [s.id, first.has(s.id) ? first.get(s.id)! : offset + second.get(s.id)!]));
}

export function layoutBlock(model: DiagramModel, spec: BlockSpec, cfg: BlockConfig): BlockResult {
  const { bus: BUS, font: FONT, gap: GAP, host: HOST } = model.metrics;
  let pos = new Map<string, Pos>();
  let placed = placeRows(model, spec, cfg, pos, 0);
  const centreX = (): number => {
    const xs = [...pos.values()].map((p) => p.x);
    return xs.length ? (Math.min(...xs) + Math.max(...xs)) / 2 : 0;
  };
  let lanes = bandLanes(model, spec, cfg, spans(model, spec.buses, pos, centreX()));
  if (cfg.rows === 2 && dropsCollide(model, placed, pos, lanes)) {
    pos = new Map();
    placed = placeRows(model, spec, cfg, pos, ROW_SHIFT);
    lanes = bandLanes(model, spec, cfg, spans(model, spec.buses, pos, centreX()));
  }

  const half = [0, 1].map((row) => Math.max(22, ...placed.filter((p) => p.row === row).map((p) => p.half)));
  const bandH = lanes.size ? laneCount(lanes) * BUS.lanePitch - (BUS.lanePitch - BUS.h) : 0;
  const laneY = (k: number): number =>
    cfg.band === 'above' ? -(half[0]! + GAP.rowBand) - k * BUS.lanePitch - BUS.h / 2 : half[0]! + GAP.rowBand + k * BUS.lanePitch + BUS.h / 2;
  const labelRoom = 2 * (lineBox(FONT.node, hostLabelLines(model.metrics)) + HOST.labelGap) + 20;
  const row1Y = half[0]! + (bandH > 0 ? 2 * GAP.rowBand + bandH : Math.max(2 * GAP.rowBand, labelRoom)) + half[1]!;
  for (const p of placed) {
    if (p.row !== 1) continue;
    const q = pos.get(p.id);
    if (q) q.y = row1Y;
  }
  const spanById = new Map(spans(model, spec.buses, pos, centreX()).map((s) => [s.id, s]));
  for (const id of spec.buses) {
    const s = spanById.get(id)!;
    pos.set(id, { x: (s.x1 + s.x2) / 2, y: laneY(lanes.get(id)!) });
  }

  // Transit subnets between the block's routers: near their routers, where nothing else is. A
  // transit subnet changes nothing of the geometry (no drop ends on a bar through it), so the
  // geometry is computed once and only the placed subnet's boxes (and its site's) again.
  const geo = computeGeometry(model, pos);
  const placedBoxes = spec.transits.length ? estimateBoxes(model, pos, geo) : null;
  for (const id of spec.transits) {
    const routers = (model.edgesTo.get(id) ?? []).map((e) => pos.get(model.edgeById.get(e)!.source)).filter((p): p is Pos => p !== undefined);
    const target = routers.length ? { x: routers.reduce((s, p) => s + p.x, 0) / routers.length, y: routers.reduce((s, p) => s + p.y, 0) / routers.length } : { x: centreX(), y: 0 };
    const obstacles = [...placedBoxes!].filter(([k]) => k !== spec.site && model.byId.get(k)!.parent === spec.site).map(([, b]) => b.outer);
    const n = model.byId.get(id)!;
    pos.set(id, freeSpot(target, n.w, n.h, obstacles, 14));
    refreshLeafBoxes(model, pos, geo, placedBoxes!, id);
  }

  const boxes = placedBoxes ?? estimateBoxes(model, pos, geo);
  let outer: Box | null = null;
  if (spec.site) outer = boxes.get(spec.site)?.outer ?? null;
  else for (const [k, b] of boxes) if (model.byId.get(k)!.parent === null && model.byId.get(k)!.kind !== 'site') outer = union(outer, b.outer);
  if (!outer && spec.site) {
    // An empty site is a leaf: a box of its own size.
    const n = model.byId.get(spec.site)!;
    pos.set(spec.site, { x: 0, y: 0 });
    outer = { x1: -n.w / 2, y1: -n.h / 2, x2: n.w / 2, y2: n.h / 2 };
  }
  return { pos, outer: outer ?? { x1: 0, y1: 0, x2: 0, y2: 0 } };
}

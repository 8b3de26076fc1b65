/**
 * Where each element is drawn: the saved position (`document.layout`) when there is one, else the
 * automatic layout's, moved along with whatever related elements the user placed, so that a new
 * NIC appears beside its node's NICs rather than where the node used to be.
 *
 * What is saved: the positions of leaves (NICs, networks, routers, hosts without NICs, empty
 * sites) — cytoscape derives a compound's box from its children. Hosts and sites are saved too,
 * as the centre of their box (other tools place new elements from them), but never read back.
 * Transit subnets are not saved: they follow their routers.
 */
import type { Position } from '../../engine';
import { ownValue, setOwn } from '../../engine';
import type { DiagramModel } from '../elements';
import { centre as centreOf, computeGeometry, estimateBoxes, grow, overlaps, type Box, type Pos } from '../geometry';

const mean = (ds: Pos[]): Pos | null => (ds.length ? { x: ds.reduce((s, d) => s + d.x, 0) / ds.length, y: ds.reduce((s, d) => s + d.y, 0) / ds.length } : null);

function boxCentre(points: Pos[]): Pos | null {
  if (!points.length) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

export function viewPositions(model: DiagramModel, auto: ReadonlyMap<string, Pos>, saved: Readonly<Record<string, Position>>): Map<string, Pos> {
  const out = new Map<string, Pos>();
  const shift = (id: string): Pos | null => {
    const s = ownValue(saved, id);
    const a = auto.get(id);
    return s && a ? { x: s.x - a.x, y: s.y - a.y } : null;
  };
  const shifts = (ids: string[]): Pos[] => ids.map(shift).filter((d): d is Pos => d !== null);
  const siteShift = new Map<string | null, Pos | null>();
  const siteOfLeaf = (id: string): string | null => {
    const n = model.byId.get(id)!;
    if (n.kind === 'site') return n.id;
    if (n.kind === 'nic') return model.siteOf.get(n.parent!) ?? null;
    return n.kind === 'network' || n.kind === 'transit' ? n.parent : (model.siteOf.get(id) ?? null);
  };
  const leaves = [...auto.keys()].filter((id) => model.byId.get(id)?.kind !== 'transit');
  for (const id of leaves) {
    const site = siteOfLeaf(id);
    if (!siteShift.has(site)) siteShift.set(site, mean(shifts(leaves.filter((l) => siteOfLeaf(l) === site))));
  }
  const globalShift = mean(shifts(leaves)) ?? { x: 0, y: 0 };

  /** How far a leaf without a saved position moves: like its closest placed relatives. */
  const displacement = (id: string): Pos => {
    const n = model.byId.get(id)!;
    if (n.kind === 'nic') {
      const siblings = mean(shifts(model.children.get(n.parent!) ?? []));
      if (siblings) return siblings;
      const host = ownValue(saved, n.parent!);
      const autoCentre = boxCentre((model.children.get(n.parent!) ?? []).map((c) => auto.get(c)).filter((p): p is Pos => p !== undefined));
      if (host && autoCentre) return { x: host.x - autoCentre.x, y: host.y - autoCentre.y };
    }
    if (n.kind === 'network') {
      const attached = mean(shifts((model.edgesTo.get(id) ?? []).map((e) => model.edgeById.get(e)!.source)));
      if (attached) return attached;
    }
    return siteShift.get(siteOfLeaf(id)) ?? globalShift;
  };

  for (const id of leaves) {
    const s = ownValue(saved, id);
    const a = auto.get(id)!;
    if (s) out.set(id, { x: s.x, y: s.y });
    else {
      const d = displacement(id);
      out.set(id, { x: a.x + d.x, y: a.y + d.y });
    }
  }
  // Transit subnets follow their routers.
  for (const [id, a] of auto) {
    if (model.byId.get(id)?.kind !== 'transit') continue;
    const d = mean((model.edgesTo.get(id) ?? []).map((e) => model.edgeById.get(e)!.source).flatMap((r) => {
      const v = out.get(r);
      const w = auto.get(r);
      return v && w ? [{ x: v.x - w.x, y: v.y - w.y }] : [];
    })) ?? { x: 0, y: 0 };
    out.set(id, { x: a.x + d.x, y: a.y + d.y });
  }
  spreadOverlappingNics(model, out);
  separateSites(model, out);
  clearUnsavedBars(model, out, saved);
  clearBarsOffLabels(model, out);
  // A bar slid down (or up) can grow its site into the next one: push the sites apart again (a
  // site moves as a whole, so the bars' places within it hold).
  separateSites(model, out);
  return out;
}

/** Room kept between two sites pushed apart (model px). */
const SITE_GAP = 24;
const SITE_PASSES = 8;

/**
 * Sites never cover each other (issue 27): a site grows with what is dropped or moved into it,
 * and where its box (its name included) would overlap a site drawn after it, that later site is
 * drawn pushed away — along the axis it has to travel least, away from the grown one — with
 * everything in it (its nodes' NICs, its bars, its routers and their links). Sites are taken in
 * the diagram's order, so the push is the same every time; in an automatic layout (no two sites
 * overlap) nothing moves. Saved positions are not changed: the push is redone on every drawing,
 * and saved as drawn by the next move.
 */
function separateSites(model: DiagramModel, out: Map<string, Pos>): void {
  const sites = model.nodes.filter((n) => n.kind === 'site').map((n) => n.id);
  if (sites.length < 2) return;
  const inSite = (id: string): string | null => {
    const n = model.byId.get(id)!;
    if (n.kind === 'site') return id;
    if (n.kind === 'nic') return model.siteOf.get(n.parent!) ?? null;
    if (n.kind === 'network') return n.parent;
    if (n.kind === 'transit') {
      // A router link within one site goes with it.
      const of = new Set((model.edgesTo.get(id) ?? []).map((e) => model.siteOf.get(model.edgeById.get(e)!.source) ?? null));
      return of.size === 1 ? [...of][0]! : null;
    }
    return model.siteOf.get(id) ?? null;
  };
  for (let pass = 0; pass < SITE_PASSES; pass++) {
    const boxes = estimateBoxes(model, out, computeGeometry(model, out));
    let moved = false;
    for (let i = 0; i < sites.length && !moved; i++) {
      const a = boxes.get(sites[i]!)?.outer;
      if (!a) continue;
      for (let j = i + 1; j < sites.length && !moved; j++) {
        const b = boxes.get(sites[j]!)?.outer;
        if (!b || !overlaps(grow(a, SITE_GAP / 2), grow(b, SITE_GAP / 2))) continue;
        // The least travel that clears `a` by the gap, away from it.
        const right = a.x2 + SITE_GAP - b.x1;
        const left = b.x2 - (a.x1 - SITE_GAP);
        const down = a.y2 + SITE_GAP - b.y1;
        const up = b.y2 - (a.y1 - SITE_GAP);
        const options: Pos[] = [{ x: right, y: 0 }, { x: -left, y: 0 }, { x: 0, y: down }, { x: 0, y: -up }];
        const d = options.reduce((best, o) => (Math.abs(o.x) + Math.abs(o.y) < Math.abs(best.x) + Math.abs(best.y) ? o : best));
        for (const [id, p] of out) if (inSite(id) === sites[j]) out.set(id, { x: p.x + d.x, y: p.y + d.y });
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/**
 * A bar never hides a site's name or another bar (issue 27): a bar — placed by the user or not —
 * that lies over a site's name or over another bar slides up or down to the nearest height where
 * it covers neither (and no node, router or label it did not already cover). Bars are taken in
 * the diagram's order; the first of two bars stays. In an automatic layout nothing moves.
 */
function clearBarsOffLabels(model: DiagramModel, out: Map<string, Pos>): void {
  const bars = model.nodes.filter((n) => n.kind === 'network' && out.has(n.id)).map((n) => n.id);
  if (bars.length === 0) return;
  const geometry = computeGeometry(model, out);
  const boxes = estimateBoxes(model, out, geometry);
  const margin = Math.max(2, barMargin(model) / 2);
  // Site names: the strip of a site's outer box outside its drawn box.
  const siteNames: Box[] = [];
  for (const n of model.nodes) {
    if (n.kind !== 'site' || !model.children.has(n.id)) continue;
    const b = boxes.get(n.id);
    if (!b) continue;
    if (b.outer.y1 < b.box.y1) siteNames.push({ x1: b.outer.x1, y1: b.outer.y1, x2: b.outer.x2, y2: b.box.y1 });
    if (b.outer.y2 > b.box.y2) siteNames.push({ x1: b.outer.x1, y1: b.box.y2, x2: b.outer.x2, y2: b.outer.y2 });
  }
  const others: Box[] = [...boxes].filter(([k]) => {
    const n = model.byId.get(k)!;
    return n.kind !== 'nic' && n.kind !== 'network' && n.kind !== 'site';
  }).map(([, b]) => b.outer);
  const placed: Box[] = [];
  for (const id of bars) {
    const bus = geometry.buses.get(id);
    const p = out.get(id)!;
    if (!bus) continue;
    const n = model.byId.get(id)!;
    const at = (y: number): Box => ({ x1: bus.x - bus.w / 2, y1: y - n.h / 2, x2: bus.x + bus.w / 2, y2: y + n.h / 2 });
    const hides = (y: number): boolean => [...siteNames, ...placed].some((o) => overlaps(grow(o, margin), at(y)));
    // What it covers where it is (a user may have put it there) does not hold it back; nothing new.
    const already = others.filter((o) => overlaps(o, at(p.y)));
    const free = (y: number): boolean => !hides(y) && !others.some((o) => !already.includes(o) && overlaps(o, at(y)));
    let y = p.y;
    if (hides(p.y)) {
      for (let k = 1; k <= BAR_MAX_STEPS; k++) {
        const found = [p.y + k * BAR_STEP, p.y - k * BAR_STEP].find(free);
        if (found === undefined) continue;
        y = found;
        out.set(id, { x: p.x, y });
        break;
      }
    }
    placed.push(at(y));
  }
}

/**
 * A node's NICs that overlap side by side are spread into a row, in their order, around their
 * centre. It happens when positions saved in one drawing are shown in the other (a 9-node design,
 * drawn compact, loses a node: its small NIC tiles' positions would put the full drawing's wide
 * NIC boxes on top of each other); NICs that do not overlap stay where they are.
 */
function spreadOverlappingNics(model: DiagramModel, out: Map<string, Pos>): void {
  const gap = model.metrics.nic.gap;
  for (const [host, kids] of model.children) {
    if (model.byId.get(host)?.kind !== 'host' || kids.length < 2) continue;
    const nics = kids.filter((k) => out.has(k)).map((id) => ({ id, p: out.get(id)!, n: model.byId.get(id)! }));
    nics.sort((a, b) => a.p.x - b.p.x);
    const overlapping = nics.some((a, i) => nics.slice(i + 1).some((b) => Math.abs(a.p.x - b.p.x) < (a.n.w + b.n.w) / 2 && Math.abs(a.p.y - b.p.y) < (a.n.h + b.n.h) / 2));
    if (!overlapping) continue;
    const centre = mean(nics.map((x) => x.p))!;
    const width = nics.reduce((w, x) => w + x.n.w, 0) + gap * (nics.length - 1);
    let x = centre.x - width / 2;
    for (const nic of nics) {
      out.set(nic.id, { x: x + nic.n.w / 2, y: centre.y });
      x += nic.n.w + gap;
    }
  }
}

/**
 * How far a bar the placement adds keeps from what it would otherwise cover: 12 px, or less than
 * the gap between two lanes of the automatic layout (the compact drawing's lanes are 8 px apart),
 * so that an automatic layout never counts as covering itself.
 */
const barMargin = (model: DiagramModel): number => Math.min(12, model.metrics.bus.lanePitch - model.metrics.bus.h - 2);
const BAR_STEP = 10;
const BAR_MAX_STEPS = 400;

/**
 * A network bar without a saved position follows its NICs; once the user has placed nodes anywhere
 * they like, that spot can lie across a node (a new cable between three dropped nodes). Such a bar
 * slides up or down — its width is set by its NICs — to the nearest height where it covers no
 * node, NIC, router, label or other bar. Saved positions are never changed, and in an automatic
 * layout (nothing overlaps there) nothing moves.
 */
function clearUnsavedBars(model: DiagramModel, out: Map<string, Pos>, saved: Readonly<Record<string, Position>>): void {
  const unsaved = model.nodes.filter((n) => n.kind === 'network' && out.has(n.id) && !ownValue(saved, n.id)).map((n) => n.id);
  if (unsaved.length === 0 || out.size === unsaved.length) return;
  const start = new Map(unsaved.map((id) => [id, out.get(id)!]));
  // A host's name goes on the side its NICs do not drop to, so moving a bar can flip it: a bar
  // slid clear of a node whose name was below can find that name moved above, onto the bar.
  // First pass: hosts as they are drawn now. If the result still covers something, the second
  // pass keeps every bar clear of both places a host's name can take.
  clearBarsOnce(model, out, unsaved, false);
  if (!barsCoverSomething(model, out, unsaved)) return;
  for (const [id, p] of start) out.set(id, p);
  clearBarsOnce(model, out, unsaved, true);
}

/** The top-level things a bar must not cover (hosts carry their NICs and label inside their outer box). */
function isObstacle(model: DiagramModel, id: string, self: string, parent: string | null): boolean {
  if (id === self) return false;
  const n = model.byId.get(id)!;
  if (n.kind === 'nic') return false;
  if (n.kind === 'site') return id !== parent && model.children.has(id) === false;
  return true;
}

function barsCoverSomething(model: DiagramModel, out: ReadonlyMap<string, Pos>, unsaved: readonly string[]): boolean {
  const boxes = estimateBoxes(model, out, computeGeometry(model, out));
  return unsaved.some((id) => {
    const bar = boxes.get(id);
    const parent = model.byId.get(id)!.parent;
    return bar !== undefined && [...boxes].some(([k, b]) => isObstacle(model, k, id, parent) && overlaps(b.outer, bar.outer));
  });
}

function clearBarsOnce(model: DiagramModel, out: Map<string, Pos>, unsaved: readonly string[], bothLabelSides: boolean): void {
  const geometry = computeGeometry(model, out);
  const boxes = estimateBoxes(model, out, geometry);
  const obstacleBox = (k: string): Box => {
    const b = boxes.get(k)!;
    if (!bothLabelSides || model.byId.get(k)!.kind !== 'host') return b.outer;
    // The name's band, mirrored to the other side of the box.
    const above = b.box.y1 - b.outer.y1;
    const below = b.outer.y2 - b.box.y2;
    const band = Math.max(above, below);
    return { x1: b.outer.x1, y1: b.box.y1 - band, x2: b.outer.x2, y2: b.box.y2 + band };
  };
  const fixed = new Set<string>();
  const BAR_MARGIN = barMargin(model);
  for (const id of unsaved) {
    const bus = geometry.buses.get(id);
    const p = out.get(id)!;
    if (!bus) continue;
    const n = model.byId.get(id)!;
    // Bars still to be placed do not count yet: they move out of the way in their turn.
    const obstacles: Box[] = [...boxes.keys()]
      .filter((k) => isObstacle(model, k, id, n.parent) && (!unsaved.includes(k) || fixed.has(k)))
      .map(obstacleBox);
    const at = (y: number): Box => grow({ x1: bus.x - bus.w / 2, y1: y - n.h / 2, x2: bus.x + bus.w / 2, y2: y + n.h / 2 }, BAR_MARGIN);
    const free = (y: number): boolean => !obstacles.some((o) => overlaps(o, at(y)));
    fixed.add(id);
    if (free(p.y)) continue;
    for (let k = 1; k <= BAR_MAX_STEPS; k++) {
      const y = [p.y + k * BAR_STEP, p.y - k * BAR_STEP].find(free);
      if (y === undefined) continue;
      out.set(id, { x: p.x, y });
      const drawn = grow(at(y), -BAR_MARGIN);
      boxes.set(id, { box: drawn, outer: drawn });
      break;
    }
  }
}

/** Transit subnets moved along with their routers (during a drag, before anything is saved). */
export function followRouters(model: DiagramModel, auto: ReadonlyMap<string, Pos>, routers: ReadonlyMap<string, Pos>, transitId: string): Pos | null {
  const a = auto.get(transitId);
  if (!a) return null;
  const d = mean((model.edgesTo.get(transitId) ?? []).map((e) => model.edgeById.get(e)!.source).flatMap((r) => {
    const v = routers.get(r);
    const w = auto.get(r);
    return v && w ? [{ x: v.x - w.x, y: v.y - w.y }] : [];
  })) ?? { x: 0, y: 0 };
  return { x: a.x + d.x, y: a.y + d.y };
}

const round = (p: Pos): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });

/** The positions with each network bar at the x its drops give it (the geometry's), the rest as they are. */
export function barsAtDrops(model: DiagramModel, positions: ReadonlyMap<string, Pos>, geo = computeGeometry(model, positions)): Map<string, Pos> {
  const out = new Map(positions);
  for (const [id, bus] of geo.buses) {
    const p = positions.get(id);
    if (p) out.set(id, { x: bus.x, y: p.y });
  }
  return out;
}

/**
 * Which positions a layout saves — the one rule for Auto layout, pinning before an insert and a
 * drag: every drawn element where it is drawn (network bars at the x their drops give them),
 * compounds at their centres (as measured on screen when given, else estimated from the layout),
 * rounded to the pixel; never transit subnets, which follow their routers.
 */
export function savedPositions(model: DiagramModel, positions: ReadonlyMap<string, Pos>, compoundCentres?: ReadonlyMap<string, Pos>): Record<string, Position> {
  const geo = computeGeometry(model, positions);
  const out: Record<string, Position> = {};
  for (const [id, p] of barsAtDrops(model, positions, geo)) if (model.byId.get(id)?.kind !== 'transit') setOwn(out, id, round(p));
  if (compoundCentres) for (const [id, p] of compoundCentres) setOwn(out, id, round(p));
  else for (const [id, b] of estimateBoxes(model, positions, geo)) if (model.children.has(id)) setOwn(out, id, round(centreOf(b.box)));
  return out;
}

/**
 * The positions to save after the user moved elements (one `set-positions` edit): every drawn
 * element's position, so that nothing placed automatically jumps later (the first drag pins the
 * whole drawing), with the moved ones where they were dropped. Saved ids not drawn are left as
 * they are by the edit (it merges).
 */
export function positionsAfterMove(model: DiagramModel, current: ReadonlyMap<string, Pos>, compoundCentres: ReadonlyMap<string, Pos>): Record<string, Position> {
  return savedPositions(model, current, compoundCentres);
}

/** Did anything move (by at least half a pixel)? */
export function changedPositions(before: ReadonlyMap<string, Pos>, after: ReadonlyMap<string, Pos>): string[] {
  const out: string[] = [];
  for (const [id, p] of after) {
    const q = before.get(id);
    if (!q || Math.abs(q.x - p.x) >= 0.5 || Math.abs(q.y - p.y) >= 0.5) out.push(id);
  }
  return out;
}

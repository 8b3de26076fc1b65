/**
 * The drawing a topology gets: its model at the scale its size calls for (metrics.ts `scaleFor`)
 * and, on the compact scale, text as large as *Fit* needs for names to read — the smallest of
 * `TEXT_STEPS` at which node names are `NAME_TARGET_PX` and network names `NETWORK_TARGET_PX` on
 * screen when the diagram fits the canvases people have (a 1440 × 900 window, a 1024 × 700 one
 * with the side panel hidden), as long as every name stays within its node's row of NIC tiles (a
 * larger name would widen every node and shrink the fit in turn). Pure; the layout is returned so
 * that it is computed once.
 */
import type { Topology } from '../engine';
import { buildDiagram, type DiagramModel } from './elements';
import { computeGeometry, estimateBoxes, union, type Box, type Pos } from './geometry';
import { autoLayout } from './placement/auto';
import { COMPACT_SLOT, compactAt, NAME_TARGET_PX, NETWORK_TARGET_PX, scaleFor, TEXT_STEPS, type Metrics } from './metrics';
import { textWidth } from './textWidth';
import { fitViewport } from './viewport';

/** The diagram's share of a 1440 × 900 window, the designer's palette floating at its top left. */
export const TYPICAL_CANVAS = { w: 1015, h: 637, palette: { x1: 10, y1: 10, x2: 58, y2: 320 }, padding: 30 } as const;

/** A canvas the drawing is made for: its size and the panel floating over it (container px). */
export interface DrawingCanvas {
  w: number;
  h: number;
  palette: { x1: number; y1: number; x2: number; y2: number } | null;
  padding: number;
}

/**
 * The canvas of a 1024 × 700 window with the side panel hidden (App's *Hide panel*): about the
 * typical canvas, a little wider and lower.
 */
export const SMALL_CANVAS: DrawingCanvas = { w: 1024, h: 580, palette: TYPICAL_CANVAS.palette, padding: 30 };
/** The canvases a compact drawing's text is chosen for. */
export const DRAWING_CANVASES: readonly DrawingCanvas[] = [TYPICAL_CANVAS, SMALL_CANVAS];

export interface Drawing {
  model: DiagramModel;
  /** The automatic layout of `model`. */
  auto: Map<string, Pos>;
}

/** The zoom at which the automatic layout fits the typical canvas. */
export function typicalFitZoom(model: DiagramModel, positions: ReadonlyMap<string, Pos>, c: DrawingCanvas = TYPICAL_CANVAS): number {
  let b: Box | null = null;
  for (const [, x] of estimateBoxes(model, positions, computeGeometry(model, positions))) b = union(b, x.outer);
  if (!b) return 1;
  return fitViewport(b, c.w, c.h, c.palette, c.padding).zoom;
}

/**
 * The largest text factor at which every node's name fits its slot: over its NIC tiles and the
 * gap beside them, less the separation from the next name (metrics.ts `COMPACT_SLOT`).
 */
export function textScaleLimit(model: DiagramModel): number {
  const { nic, host } = model.metrics;
  let limit = Infinity;
  for (const n of model.nodes) {
    if (n.kind !== 'host') continue;
    const nics = model.children.get(n.id) ?? [];
    if (nics.length === 0) continue;
    const row = nics.reduce((w, id) => w + model.byId.get(id)!.w, 0) + (nics.length - 1) * nic.gap + 2 * (host.pad + host.border) + COMPACT_SLOT.boxGap - COMPACT_SLOT.nameSep;
    const perPx = textWidth(n.lines[0] ?? '', 100, true) / 100;
    if (perPx > 0) limit = Math.min(limit, row / perPx);
  }
  return limit / model.metrics.font.node * model.metrics.text;
}

/** The zoom at which `positions` fit every canvas of `canvases` (the smallest). */
export const drawingFitZoom = (model: DiagramModel, positions: ReadonlyMap<string, Pos>, canvases: readonly DrawingCanvas[] = DRAWING_CANVASES): number =>
  Math.min(...canvases.map((c) => typicalFitZoom(model, positions, c)));

/** Do node and network names read at *Fit* on every canvas (node names before they grow: textGrowth.ts)? */
export const readsAtFit = (model: DiagramModel, positions: ReadonlyMap<string, Pos>): boolean => reads(model, drawingFitZoom(model, positions));

/** How well a drawing reads at the zoom it fits the canvases at: node and network names on screen (px). */
function reads(model: DiagramModel, zoom: number, k = model.metrics.text): boolean {
  const m = k === model.metrics.text ? model.metrics : compactAt(k);
  return m.font.node * zoom >= NAME_TARGET_PX && m.font.network * zoom >= NETWORK_TARGET_PX;
}

/**
 * The last drawing made, by what its model draws and the canvases it was fitted to: an edit
 * that changes nothing drawn (a VM's memory on the compact scale, the planning assumptions, a kept
 * path test…) gets the same drawing back instead of up to three automatic layouts (2.6 s each on
 * the largest accepted design). `finalKey` is everything its model draws, `finalShape` what the
 * layout read of it (`layoutShape`): a rename that leaves the shape alike keeps the positions.
 */
let last: { finalKey: string; finalShape: string; firstMetrics: Metrics; steps: StepsRead; drawing: Drawing } | null = null;

/** Everything a model draws (its maps are indexes of its nodes and edges), and the canvases. */
const drawingKey = (m: DiagramModel, canvases: readonly DrawingCanvas[]): string => JSON.stringify([m.nodes, m.edges, m.metrics, canvases]);

/**
 * Does a host's name stay within its row of NIC tiles, so that the layout cannot see it? The
 * layout reads a host's name only through its width (`labelW`): the host's foot in its row
 * (placement/block.ts `hostFoot`: the box, or the name less the compact slot's overlap where that
 * is wider) and the name's box centred over the host's box (geometry.ts `compoundBoxes`: the outer
 * box, which the fit, the bars and the free spots avoid). A name no wider than the box changes
 * neither.
 */
function nameWithinRow(model: DiagramModel, n: DiagramModel['nodes'][number]): boolean {
  const nics = model.children.get(n.id);
  if (n.kind !== 'host' || !nics || nics.length === 0) return false;
  const { nic: NIC, host: HOST } = model.metrics;
  const boxW = nics.reduce((w, id) => w + model.byId.get(id)!.w, 0) + NIC.gap * (nics.length - 1) + 2 * (HOST.pad + HOST.border);
  const labelPad = model.metrics.kind === 'compact' ? COMPACT_SLOT.nameSep - COMPACT_SLOT.boxGap : 10;
  return n.labelW + Math.max(0, labelPad) <= boxW;
}

/**
 * What the automatic layout and the choice of the text step read of a model (issue 24: a node
 * renamed on the largest design laid it out again, ≈ 0.3–1 s, though a rename moves nothing):
 * every element's kind, parent, classes and sizes, the edges, the metrics and the canvases — with
 * no names where the layout cannot see them: a host whose name stays within its row of NIC tiles
 * (`nameWithinRow`: its width and name left out), and a NIC (the layout reads its box, which its
 * name sizes on the full scale only: `w` stays). On the compact scale every other element keeps
 * its text (a site's, a network's, a router's width follows the text step, which the first model
 * does not show). The names' room (`textScaleLimit`, which reads the hosts' names) is compared
 * apart, as far as the drawing asked about it (`StepsRead`).
 */
function layoutShape(m: DiagramModel, canvases: readonly DrawingCanvas[]): string {
  const compact = m.metrics.kind === 'compact';
  const nodes = m.nodes.map((n) => {
    if (nameWithinRow(m, n)) return [n.id, n.kind, n.parent, n.h, n.classes, 'within'];
    if (!compact || n.kind === 'nic') return [n.id, n.kind, n.parent, n.w, n.h, n.labelW, n.classes];
    return n;
  });
  return JSON.stringify([nodes, m.edges, m.metrics, canvases]);
}

/**
 * What a drawing asked of the names' room: every text step it chose among was one of
 * `TEXT_STEPS` up to `upTo`, taken only when within the room (`textScaleLimit`); `within` is how
 * many of those were. Another model with as many within the room makes the same choices.
 */
interface StepsRead {
  upTo: number;
  within: number;
}

const stepsWithin = (limit: number, upTo: number): number => TEXT_STEPS.filter((s) => s <= upTo && s <= limit).length;

/**
 * The drawing of `t`: on the compact scale, the smallest text factor at which node and network
 * names read at *Fit* on every canvas of `canvases` (the fit shrinks as the text grows; at most
 * three more layouts), within the names' room over their NIC tiles. When the last drawing's model
 * reads the same for the layout as this topology's at the same text step (`layoutShape`: a rename
 * within the names' room), its positions are kept with this topology's model: the layout would
 * give them again, so the rename moves nothing and costs no layout.
 */
export function drawingOf(t: Topology, canvases: readonly DrawingCanvas[] = DRAWING_CANVASES): Drawing {
  const metrics = scaleFor(t.nodes.length);
  let first: DiagramModel | null = null;
  if (last && last.firstMetrics === metrics) {
    // Straight at the last drawing's text step. The models of the smaller steps the layout went
    // through read the same too: they differ from it only in sizes that follow the text, and a
    // name within its row at the last (largest) step is within it at every smaller one; the
    // names' room is what the first step's model gives (the NIC tiles do not change with the text).
    const finalMetrics = last.drawing.model.metrics;
    const model = buildDiagram(t, finalMetrics);
    const finalKey = drawingKey(model, canvases);
    if (finalKey === last.finalKey) return last.drawing;
    if (layoutShape(model, canvases) === last.finalShape && (last.steps.upTo === 0 || stepsWithin(textScaleLimit({ ...model, metrics }), last.steps.upTo) === last.steps.within)) {
      const drawing = { model, auto: last.drawing.auto };
      last = { ...last, finalKey, drawing };
      return drawing;
    }
    if (finalMetrics === metrics) first = model;
  }
  first ??= buildDiagram(t, metrics);
  const read: StepsRead = { upTo: 0, within: 0 };
  const drawing = draw(t, first, canvases, read);
  last = { finalKey: drawingKey(drawing.model, canvases), finalShape: layoutShape(drawing.model, canvases), firstMetrics: metrics, steps: read, drawing };
  return drawing;
}

/**
 * An upper bound of the zoom at which any automatic layout of `model` fits `canvases` (the
 * smallest over them), without laying it out. Every arrangement (placement/auto.ts, block.ts)
 * puts at least half (rounded up) of each site's hosts side by side in one row, each on a foot
 * at least as wide as its box, so the layout is at least as wide as the widest such row of
 * boxes; a zoom fits a box within the canvas less its padding (`fitViewport`: every free area
 * lies within it), and is at most 1.
 */
export function fitZoomBound(model: DiagramModel, canvases: readonly DrawingCanvas[] = DRAWING_CANVASES): number {
  const { nic: NIC, host: HOST } = model.metrics;
  const bySite = new Map<string, number[]>();
  for (const n of model.nodes) {
    if (n.kind !== 'host') continue;
    const nics = model.children.get(n.id) ?? [];
    const inner = nics.reduce((w, id) => w + model.byId.get(id)!.w, 0) + NIC.gap * Math.max(0, nics.length - 1);
    const site = model.siteOf.get(n.id) ?? '';
    const widths = bySite.get(site) ?? [];
    widths.push(nics.length ? inner + 2 * (HOST.pad + HOST.border) : n.w);
    bySite.set(site, widths);
  }
  let row = 0;
  // Two rows put at least half of a site's hosts (rounded up) in one of them (the routers may move
  // hosts from one row to the other: block.ts `rowCut`): at least the narrowest half, side by side.
  for (const widths of bySite.values()) row = Math.max(row, [...widths].sort((a, b) => a - b).slice(0, Math.ceil(widths.length / 2)).reduce((a, b) => a + b, 0));
  if (row <= 0) return 1;
  return Math.min(1, ...canvases.map((c) => Math.max(0, c.w - 2 * c.padding) / row));
}

function draw(t: Topology, first: DiagramModel, canvases: readonly DrawingCanvas[], read: StepsRead = { upTo: 0, within: 0 }): Drawing {
  if (first.metrics.kind !== 'compact') return { model: first, auto: autoLayout(first).positions };
  const limit = textScaleLimit(first);
  // Every choice below is among the steps up to some `upTo`, within the names' room: recorded.
  const within = (upTo: number): number => {
    read.upTo = Math.max(read.upTo, upTo);
    read.within = stepsWithin(limit, read.upTo);
    return Math.min(upTo, limit);
  };
  let model = first;
  let step = 0;
  // The first round without its layout when no text factor could read even at the largest zoom
  // any layout of this model fits at (the largest designs: names cannot read at a zoom of 0.05):
  // the first layout only decided that the text goes to the largest step within the names' room,
  // which is known without it. Every drawing is the one the rounds below give (test: canvas-drawingGolden).
  const bound = fitZoomBound(model, canvases);
  if (!reads(model, bound) && TEXT_STEPS.every((s) => !reads(model, bound, s))) {
    const k = model.metrics.text;
    const next = Math.max(...TEXT_STEPS.filter((s) => s > k && s <= within(TEXT_STEPS[TEXT_STEPS.length - 1]!)), 0);
    if (!next) return { model, auto: autoLayout(model).positions };
    model = buildDiagram(t, compactAt(next));
    step = 1;
  }
  let auto = autoLayout(model).positions;
  for (; step < 3; step++) {
    const k = model.metrics.text;
    const zoom = drawingFitZoom(model, auto, canvases);
    if (reads(model, zoom)) break;
    const wanted = TEXT_STEPS.find((s) => s > k && reads(model, zoom, s)) ?? TEXT_STEPS[TEXT_STEPS.length - 1]!;
    const next = Math.max(...TEXT_STEPS.filter((s) => s > k && s <= within(wanted)), 0);
    if (!next) break;
    model = buildDiagram(t, compactAt(next));
    auto = autoLayout(model).positions;
  }
  return { model, auto };
}

/**
 * The drawing a topology gets: its model at the scale its size calls for (metrics.ts `scaleFor`)
 * and, on the compact scale, text as large as *Fit* needs for node names to read — the smallest
 * of `TEXT_STEPS` at which names are `NAME_TARGET_PX` on screen when the diagram fits a typical
 * canvas, as long as every name stays within its node's row of NIC tiles (a larger name would
 * widen every node and shrink the fit in turn). Pure; the layout is returned so that it is
 * computed once.
 */
import type { Topology } from '../engine';
import { buildDiagram, type DiagramModel } from './elements';
import { computeGeometry, estimateBoxes, union, type Box, type Pos } from './geometry';
import { autoLayout } from './placement/auto';
import { compactAt, NAME_TARGET_PX, TEXT_STEPS } from './metrics';
import { textWidth } from './textWidth';
import { fitViewport } from './viewport';

/** The diagram's share of a 1440 × 900 window, the designer's palette floating at its top left. */
export const TYPICAL_CANVAS = { w: 1015, h: 637, palette: { x1: 10, y1: 10, x2: 160, y2: 235 }, padding: 30 } as const;

export interface Drawing {
  model: DiagramModel;
  /** The automatic layout of `model`. */
  auto: Map<string, Pos>;
}

/** The zoom at which the automatic layout fits the typical canvas. */
export function typicalFitZoom(model: DiagramModel, positions: ReadonlyMap<string, Pos>): number {
  let b: Box | null = null;
  for (const [, x] of estimateBoxes(model, positions, computeGeometry(model, positions))) b = union(b, x.outer);
  if (!b) return 1;
  const c = TYPICAL_CANVAS;
  return fitViewport(b, c.w, c.h, c.palette, c.padding).zoom;
}

/** The largest text factor at which every node's name fits over its NIC tiles. */
export function textScaleLimit(model: DiagramModel): number {
  const { nic, host } = model.metrics;
  let limit = Infinity;
  for (const n of model.nodes) {
    if (n.kind !== 'host') continue;
    const nics = model.children.get(n.id)?.length ?? 0;
    if (nics === 0) continue;
    const row = nics * nic.minW + (nics - 1) * nic.gap + 2 * (host.pad + host.border);
    const perPx = textWidth(n.lines[0] ?? '', 100, true) / 100;
    if (perPx > 0) limit = Math.min(limit, row / perPx);
  }
  return limit / model.metrics.font.node * model.metrics.text;
}

/**
 * The last drawing made, by what its first model draws: an edit that changes nothing drawn (a
 * VM's memory on the compact scale, the planning assumptions, a kept path test…) gets the same
 * drawing back instead of up to three automatic layouts (2.6 s each on the largest accepted design).
 */
let last: { key: string; drawing: Drawing } | null = null;

/** Everything a model draws (its maps are indexes of its nodes and edges). */
const modelKey = (m: DiagramModel): string => JSON.stringify([m.nodes, m.edges, m.metrics]);

export function drawingOf(t: Topology): Drawing {
  const first = buildDiagram(t);
  const key = modelKey(first);
  if (last?.key === key) return last.drawing;
  const drawing = draw(t, first);
  last = { key, drawing };
  return drawing;
}

function draw(t: Topology, first: DiagramModel): Drawing {
  let model = first;
  let auto = autoLayout(model).positions;
  if (model.metrics.kind !== 'compact') return { model, auto };
  const limit = textScaleLimit(model);
  const base = model.metrics.font.node / model.metrics.text;
  // At most two more layouts: the factor the first fit asks for, then one step more if the taller
  // labels and rails made the fit smaller.
  for (let step = 0; step < 2; step++) {
    const k = model.metrics.text;
    const zoom = typicalFitZoom(model, auto);
    if (zoom * model.metrics.font.node >= NAME_TARGET_PX) break;
    const wanted = TEXT_STEPS.find((s) => s > k && base * s * zoom >= NAME_TARGET_PX) ?? TEXT_STEPS[TEXT_STEPS.length - 1]!;
    const next = Math.max(...TEXT_STEPS.filter((s) => s > k && s <= Math.min(wanted, limit)), 0);
    if (!next) break;
    model = buildDiagram(t, compactAt(next));
    auto = autoLayout(model).positions;
  }
  return { model, auto };
}

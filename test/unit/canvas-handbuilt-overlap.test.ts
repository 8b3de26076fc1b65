/**
 * Hand-built layouts never overlap (issue 27): whatever the user drops where, a site that grows
 * never covers another site, and a bar never hides a site's name or another bar. The layout is
 * saved as the canvas saves it (Auto layout's positions), then elements are dropped elsewhere —
 * a node (its NICs), a bar, a router — and drawn as the canvas draws them (viewPositions).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology, type Position, type TopologyDocument } from '../../src/engine';
import { buildDiagram, type DiagramModel } from '../../src/canvas/elements';
import { computeGeometry, estimateBoxes, overlaps, type Box, type Pos } from '../../src/canvas/geometry';
import { autoLayout, viewPositions } from '../../src/canvas/diagramLayout';
import { autoLayoutDocument } from '../../src/canvas/canvasApi';
import { EXAMPLES } from '../../src/examples';
import { drawingOf } from '../../src/canvas/scale';
import { manySiteDesigns, readableDesigns } from '../e2e/readableDesigns';

const modelOf = (doc: TopologyDocument): DiagramModel => {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return buildDiagram(r.topology);
};

/** Everything that overlaps that must not: site × site, bar × site name, bar × bar. */
function overlapsOf(m: DiagramModel, positions: ReadonlyMap<string, Pos>): string[] {
  const boxes = estimateBoxes(m, positions, computeGeometry(m, positions));
  const sites = m.nodes.filter((n) => n.kind === 'site' && boxes.has(n.id)).map((n) => n.id);
  const bars = m.nodes.filter((n) => n.kind === 'network' && boxes.has(n.id)).map((n) => n.id);
  const names = new Map<string, Box>();
  for (const s of sites) {
    const b = boxes.get(s)!;
    if (b.outer.y1 < b.box.y1) names.set(s, { ...b.outer, y2: b.box.y1 });
  }
  const out: string[] = [];
  sites.forEach((a, i) => sites.slice(i + 1).forEach((b) => overlaps(boxes.get(a)!.outer, boxes.get(b)!.outer) && out.push(`site ${a} × site ${b}`)));
  for (const bar of bars) {
    const b = boxes.get(bar)!.box;
    for (const [s, name] of names) if (overlaps(b, name)) out.push(`bar ${bar} × name of ${s}`);
  }
  bars.forEach((a, i) => bars.slice(i + 1).forEach((b) => overlaps(boxes.get(a)!.box, boxes.get(b)!.box) && out.push(`bar ${a} × bar ${b}`)));
  return out;
}

/** The saved layout with `id` dropped `d` away (a node: its NICs, as a drag of the node saves them). */
function dropped(m: DiagramModel, saved: Record<string, Position>, id: string, d: Pos): Record<string, Position> {
  const out = { ...saved };
  const ids = m.byId.get(id)!.kind === 'host' ? (m.children.get(id) ?? [id]) : [id];
  for (const k of ids) {
    const p = saved[k];
    if (p) out[k] = { x: p.x + d.x, y: p.y + d.y };
  }
  return out;
}

describe.each(['two-site-routed', 'two-site-16-node'])('hand-built layouts of %s', (example) => {
  const doc = EXAMPLES.find((e) => e.id === example)!.document;
  const m = modelOf(doc);
  const auto = autoLayout(m).positions;
  const saved = autoLayoutDocument(m);
  const movable = m.nodes.filter((n) => n.kind === 'host' || n.kind === 'network' || n.kind === 'router').map((n) => n.id);

  it('the automatic layout overlaps nothing, and drawing it saved moves nothing', () => {
    expect(overlapsOf(m, auto)).toEqual([]);
    const drawn = viewPositions(m, auto, saved);
    // (A bar's saved x is the one its drops give it: its height is what counts.)
    for (const [id, p] of drawn) {
      const q = auto.get(id)!;
      const bar = m.byId.get(id)!.kind === 'network';
      expect((bar || Math.abs(p.x - q.x) <= 1) && Math.abs(p.y - q.y) <= 1, id).toBe(true);
    }
  });

  it("a node of the first site dropped over the second: the second site is drawn clear of the first", () => {
    const host = m.nodes.find((n) => n.kind === 'host' && m.siteOf.get(n.id) === m.nodes.find((s) => s.kind === 'site')!.id)!.id;
    const second = m.nodes.filter((n) => n.kind === 'site')[1]!.id;
    const boxes = estimateBoxes(m, auto, computeGeometry(m, auto));
    const target = boxes.get(second)!.box;
    const from = boxes.get(host)!.box;
    const d = { x: (target.x1 + target.x2) / 2 - (from.x1 + from.x2) / 2, y: (target.y1 + target.y2) / 2 - (from.y1 + from.y2) / 2 };
    const layout = dropped(m, saved, host, d);
    // Drawn where it was dropped: it is the other site that gives way.
    const drawn = viewPositions(m, auto, layout);
    const nic = m.children.get(host)![0]!;
    expect(drawn.get(nic)).toEqual(layout[nic]);
    expect(overlapsOf(m, drawn)).toEqual([]);
  });

  it.skipIf(example !== 'two-site-16-node')('a bar of the first site slid down by its neighbours does not grow the site into the second (property counterexample)', () => {
    // Found by the property below: a node and two bars dropped lower in site A; the bar moved off
    // the node's name made site A 1 px taller than the gap to site B.
    let layout = saved;
    for (const [id, dx, dy] of [['a01', 0, 80], ['lm-b2', 0, -240], ['lm-a1', 0, 40]] as const) layout = dropped(m, layout, id, { x: dx, y: dy });
    expect(overlapsOf(m, viewPositions(m, auto, layout))).toEqual([]);
  });

  it('a bar dropped on another bar or on a site name moves off it', () => {
    const bars = m.nodes.filter((n) => n.kind === 'network').map((n) => n.id);
    const [a, b] = [bars[0]!, bars[1]!];
    const layout = { ...saved, [b]: { x: saved[a]!.x, y: saved[a]!.y + 3 } };
    expect(overlapsOf(m, viewPositions(m, auto, layout))).toEqual([]);
  });

  it('whatever is dropped where, nothing overlaps (property)', () => {
    const drop = fc.tuple(fc.constantFrom(...movable), fc.integer({ min: -12, max: 12 }).map((k) => k * 50), fc.integer({ min: -12, max: 12 }).map((k) => k * 40));
    fc.assert(
      fc.property(fc.array(drop, { minLength: 1, maxLength: 3 }), (drops) => {
        let layout = saved;
        for (const [id, dx, dy] of drops) layout = dropped(m, layout, id, { x: dx, y: dy });
        expect(overlapsOf(m, viewPositions(m, auto, layout))).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});

describe('automatic layouts: nothing to push apart, nothing moves', () => {
  it.each([...readableDesigns(), ...manySiteDesigns()])('%s', (_name, doc) => {
    const r = parseTopology(doc);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const { model: m, auto } = drawingOf(r.topology);
    expect(overlapsOf(m, auto)).toEqual([]);
    const drawn = viewPositions(m, auto, autoLayoutDocument(m));
    for (const [id, p] of drawn) {
      const q = auto.get(id)!;
      expect((m.byId.get(id)!.kind === 'network' || Math.abs(p.x - q.x) <= 1) && Math.abs(p.y - q.y) <= 1, id).toBe(true);
    }
  });
});

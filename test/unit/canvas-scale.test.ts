/**
 * The compact drawing of large clusters (metrics.ts `scaleFor`): which clusters get it, what each
 * element carries there, how the highlight tags its ends, and what reaches an export.
 */
import { describe, expect, it } from 'vitest';
import { parseTopology, selectMigrationPath, type Topology, type TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { buildDiagram, type DiagramModel } from '../../src/canvas/elements';
import { computeGeometry, estimateBoxes, union, type Box } from '../../src/canvas/geometry';
import { decorate } from '../../src/canvas/highlight';
import { autoLayout, viewPositions } from '../../src/canvas/diagramLayout';
import { COMPACT, COMPACT_NIC_H, COMPACT_SLOT, FULL } from '../../src/canvas/metrics';
import { buildScene } from '../../src/canvas/export/buildScene';
import { textWidth } from '../../src/canvas/textWidth';
import { fitViewport } from '../../src/canvas/viewport';
import { lookOf } from '../../src/canvas/applyView';
import { compactAt, NAME_TARGET_PX, TEXT_STEPS } from '../../src/canvas/metrics';
import { drawingOf, readsAtFit, textScaleLimit, typicalFitZoom, TYPICAL_CANVAS } from '../../src/canvas/scale';
import { generateTwoSiteCluster } from '../generate';

const topology = (doc: TopologyDocument): Topology => {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.topology;
};
const example = (id: string): Topology => topology(EXAMPLES.find((e) => e.id === id)!.document);
const twoSite = (nodesPerSite: number): Topology =>
  topology(generateTwoSiteCluster({ nodesPerSite, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 }));

describe('the scale a cluster is drawn at', () => {
  it.each([
    ['switchless-3-node', 'full', () => example('switchless-3-node')],
    ['switched-4-node', 'full', () => example('switched-4-node')],
    ['two-site-routed', 'full', () => example('two-site-routed')],
    ['switchless-4-node-mesh', 'full', () => example('switchless-4-node-mesh')],
    ['8 nodes (4 per site)', 'full', () => twoSite(4)],
    ['10 nodes (5 per site)', 'compact', () => twoSite(5)],
    ['two-site-16-node', 'compact', () => example('two-site-16-node')],
    ['64 nodes', 'compact', () => twoSite(32)],
  ] as const)('%s: %s', (_name, kind, make) => {
    const m = buildDiagram(make());
    expect(m.metrics.kind).toBe(kind);
    // Every element says which scale it is drawn at (the stylesheet's `.compact` rules).
    for (const el of [...m.nodes, ...m.edges]) expect(el.classes.includes('compact'), el.id).toBe(kind === 'compact');
  });
});

describe('the compact drawing', () => {
  const t = example('two-site-16-node');
  const { model: m } = drawingOf(t);
  const full = buildDiagram(t, FULL);

  it('draws NICs as tiles of one size named by the NIC only (addresses are in Details)', () => {
    for (const n of m.nodes.filter((x) => x.kind === 'nic')) {
      expect([n.w, n.h], n.id).toEqual([COMPACT.nic.minW, COMPACT_NIC_H]);
      expect(n.lines, n.id).toEqual([t.index.nics.get(n.id)!.name]);
    }
    // The full drawing of the same cluster lists each NIC's addresses.
    expect(full.byId.get('a01-lm1')!.lines).toEqual(['LM 1', '10.1.11.11/24']);
  });

  it('names nodes without their VMs, routers without their interfaces, networks on one line', () => {
    expect(m.byId.get('a01')!.lines).toEqual(['HV-A01']);
    expect(full.byId.get('a01')!.lines[0]).toMatch(/^HV-A01 \(\d+ VMs · \d+ GB\)$/);
    expect(m.byId.get('ra1')!.lines).toEqual(['Router A1']);
    expect(full.byId.get('ra1')!.lines.length).toBeGreaterThan(1);
    expect(m.byId.get('lm-a1')!.lines).toEqual([full.byId.get('lm-a1')!.lines.join(' · ')]);
    expect(m.byId.get('lm-a1')!.h).toBe(m.metrics.bus.h);
  });

  it('tags the ends FROM and TO on a line of their own, beyond the name, and a failed node by its border only', () => {
    const selection = selectMigrationPath(t, 'a01', 'b01', { mode: 'ws2025' });
    const input = { topology: t, selection, sourceNodeId: 'a01', destinationNodeId: 'b01', failed: ['b02', 'a05'], selectedIds: [] };
    const compact = decorate({ ...input, model: m });
    expect(compact.get('a01')!.label).toBe('HV-A01\nFROM');
    expect(compact.get('b01')!.label).toBe('HV-B01\nTO');
    expect(compact.get('b02')).toMatchObject({ label: 'HV-B02\n' });
    expect(compact.get('b02')!.classes.split(' ')).toContain('failed');
    // As drawn: the name next to the box, the tag beyond it (above a first-row node, below a
    // second-row one), a no-break space holding the line when there is no tag.
    // (Two rows a site: the drawing at × 1.25, its bars between its rows.)
    const two = buildDiagram(t, compactAt(1.25));
    const positions = autoLayout(two).positions;
    const geometry = computeGeometry(two, positions);
    const drawn = decorate({ ...input, model: two });
    expect(geometry.labelBelow.has('a01')).toBe(false);
    // (The last host of a site is in its second row: the routers' row takes fewer hosts, block.ts rowCut.)
    expect(geometry.labelBelow.has('a08')).toBe(true);
    expect(lookOf(two, 'a01', drawn, geometry).label).toBe('FROM\nHV-A01');
    expect(lookOf(two, 'a02', drawn, geometry).label).toBe('\u00a0\nHV-A02');
    expect(lookOf(two, 'a08', drawn, geometry).label).toBe('HV-A08\n\u00a0');
    const wide = decorate({ ...input, model: full });
    expect(wide.get('a01')!.label).toMatch(/ · SOURCE$/);
    expect(wide.get('b01')!.label).toMatch(/ · DESTINATION$/);
    expect(wide.get('b02')!.label).toMatch(/^✕ HV-B02/);
  });

  it('reserves room for each node name, its tag on its own line never wider', () => {
    for (const n of m.nodes.filter((x) => x.kind === 'host')) {
      expect(n.labelW, n.id).toBe(textWidth(n.lines[0]!, m.metrics.font.node, true));
      expect(textWidth('FROM', m.metrics.font.node, true)).toBeLessThan(n.labelW);
    }
  });

  it('fits the 16-node example so that node names are at least 11 px on a 1440 × 900 window', () => {
    // The diagram's share of a 1440 × 900 window: 1015 × 637 px, the narrow palette (over a compact
    // drawing) at its top left.
    const names = (model: DiagramModel): number => {
      const positions = autoLayout(model).positions;
      const boxes = estimateBoxes(model, positions, computeGeometry(model, positions));
      let b: Box | null = null;
      for (const [, x] of boxes) b = union(b, x.outer);
      const { zoom } = fitViewport(b!, 1015, 637, TYPICAL_CANVAS.palette, 30);
      return zoom * model.metrics.font.node;
    };
    expect(names(m)).toBeGreaterThanOrEqual(11);
    expect(names(m)).toBeCloseTo(m.metrics.font.node * typicalFitZoom(m, autoLayout(m).positions), 6);
    // The full drawing of the same cluster would show them at less than 8 px: why the compact one exists.
    expect(names(full)).toBeLessThan(8);
  });

  it('keeps compact NIC names out of exports (they would be the smallest text on paper)', () => {
    const plain = (model: DiagramModel) => decorate({ model, topology: t, selection: null, sourceNodeId: null, destinationNodeId: null, failed: [], selectedIds: [] });
    const scene = buildScene(m, autoLayout(m).positions, plain(m));
    const nics = scene.shapes.filter((s) => s.kind === 'nic');
    expect(nics.length).toBe(t.nics.length);
    for (const s of nics) expect(s.label, s.id).toBeNull();
    const hosts = scene.shapes.filter((s) => s.kind === 'host');
    for (const s of hosts) expect(s.label?.size, s.id).toBe(m.metrics.font.node);
    const fullScene = buildScene(full, autoLayout(full).positions, plain(full));
    expect(fullScene.shapes.find((s) => s.id === 'a01-lm1')!.label!.lines).toEqual(['LM 1', '10.1.11.11/24']);
  });
});

describe('the text size of the compact drawing', () => {
  it.each([
    // [cluster, text factor, names on a 1440 × 900 window at Fit (px, at least)] — the factor is the
    // smallest step at which node names read at 12 px and network names at 9.5 px on both canvases
    // (a 1440 × 900 window, a 1024 × 700 one with the side panel hidden), or the largest whose names
    // fit their NIC rows.
    // (× 1.25 before the narrow palette and the compact slots, issue 27 round 3.)
    ['10 nodes', 1, 12, () => twoSite(5)],
    // × 1.25 read on 1440 × 900 (issue 15) but its rails' names were 7 px on 1024 × 700 (issue 27).
    ['two-site-16-node', 1.75, 12, () => example('two-site-16-node')],
    ['64 nodes', 2, 8, () => twoSite(32)],
  ] as const)('%s: × %d, names ≥ %d px', (_name, k, px, make) => {
    const t = make();
    const { model, auto } = drawingOf(t);
    expect(model.metrics.text).toBe(k);
    // (× 1 is the compact drawing as `scaleFor` gives it, before any text step.)
    expect(model.metrics).toEqual(k === 1 ? COMPACT : compactAt(k));
    const zoom = typicalFitZoom(model, auto);
    expect(model.metrics.font.node * zoom).toBeGreaterThanOrEqual(px);
    // No smaller step would do, and no larger one fits the names over their NICs.
    const smaller = TEXT_STEPS.filter((s) => s < k);
    if (smaller.length && readsAtFit(model, auto))
      for (const s of smaller) {
        const other = buildDiagram(t, compactAt(s));
        expect(readsAtFit(other, autoLayout(other).positions), `× ${s}`).toBe(false);
      }
    const larger = TEXT_STEPS.find((s) => s > k);
    if (model.metrics.font.node * zoom < NAME_TARGET_PX && larger) expect(larger).toBeGreaterThan(textScaleLimit(model));
    // Every element carries the factor's class (the stylesheet's rules for it).
    for (const n of model.nodes) expect(n.classes, n.id).toContain(`text-${Math.round(k * 100)}`);
  });

  it('keeps names within their slots: node boxes are as wide as their NICs make them, names use the gap beside them', () => {
    const { model } = drawingOf(twoSite(32));
    for (const n of model.nodes.filter((x) => x.kind === 'host')) {
      const nics = model.children.get(n.id)!.length;
      const row = nics * model.metrics.nic.minW + (nics - 1) * model.metrics.nic.gap + 2 * (model.metrics.host.pad + model.metrics.host.border);
      expect(n.labelW, n.id).toBeLessThanOrEqual(row + COMPACT_SLOT.boxGap - COMPACT_SLOT.nameSep);
    }
  });
});

describe('an automatic layout as drawn', () => {
  it.each([
    ['two-site-16-node, compact', () => drawingOf(example('two-site-16-node'))],
    ['64 nodes, compact', () => drawingOf(twoSite(32))],
    ['two-site-16-node, full', () => {
      const model = buildDiagram(example('two-site-16-node'), FULL);
      return { model, auto: autoLayout(model).positions };
    }],
  ] as const)('%s: nothing moves when nothing is saved (bars 8 px apart do not count as covering each other)', (_name, make) => {
    const { model, auto } = make();
    const drawn = viewPositions(model, auto, {});
    const moved = [...auto].filter(([id, p]) => Math.abs(drawn.get(id)!.x - p.x) > 0.01 || Math.abs(drawn.get(id)!.y - p.y) > 0.01).map(([id]) => id);
    expect(moved).toEqual([]);
  });
});

describe('positions saved in the other drawing', () => {
  it('spreads a node\'s NICs that would overlap (compact tiles\' positions shown as full boxes), and leaves the rest', () => {
    // Saved while the cluster was drawn compact (9 nodes), shown full (8 nodes after a deletion).
    const t = twoSite(4);
    const full = buildDiagram(t, FULL);
    const compact = buildDiagram(t, compactAt(1));
    const saved = Object.fromEntries([...autoLayout(compact).positions].map(([id, p]) => [id, { x: p.x, y: p.y }]));
    const drawn = viewPositions(full, autoLayout(full).positions, saved);
    for (const host of full.nodes.filter((n) => n.kind === 'host')) {
      const nics = full.children.get(host.id)!.map((id) => ({ p: drawn.get(id)!, w: full.byId.get(id)!.w, saved: saved[id]! }));
      // Side by side, in the saved order, gap of the full drawing, around the saved centre.
      for (let i = 1; i < nics.length; i++) {
        expect(nics[i]!.p.x - nics[i - 1]!.p.x, host.id).toBeCloseTo((nics[i]!.w + nics[i - 1]!.w) / 2 + FULL.nic.gap, 6);
        expect(nics[i]!.p.y).toBe(nics[0]!.p.y);
      }
      // The row's middle is where the saved NICs' centre was.
      const rowMiddle = (nics[0]!.p.x - nics[0]!.w / 2 + nics.at(-1)!.p.x + nics.at(-1)!.w / 2) / 2;
      expect(rowMiddle, host.id).toBeCloseTo(nics.reduce((a, n) => a + n.saved.x, 0) / nics.length, 6);
    }
    // Saved positions of the full drawing itself move nothing.
    const own = Object.fromEntries([...autoLayout(full).positions].map(([id, p]) => [id, { x: p.x, y: p.y }]));
    const same = viewPositions(full, autoLayout(full).positions, own);
    for (const [id, p] of Object.entries(own)) expect(same.get(id), id).toEqual(p);
  });
});

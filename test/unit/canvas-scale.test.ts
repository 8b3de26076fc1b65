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
import { autoLayout } from '../../src/canvas/layout';
import { COMPACT, COMPACT_NIC_H, FULL } from '../../src/canvas/metrics';
import { buildScene } from '../../src/canvas/export/scene';
import { textWidth } from '../../src/canvas/text';
import { fitViewport } from '../../src/canvas/viewport';
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
    ['switchless-3-node', () => example('switchless-3-node'), 'full'],
    ['switched-4-node', () => example('switched-4-node'), 'full'],
    ['two-site-routed', () => example('two-site-routed'), 'full'],
    ['switchless-4-node-mesh', () => example('switchless-4-node-mesh'), 'full'],
    ['8 nodes (4 per site)', () => twoSite(4), 'full'],
    ['10 nodes (5 per site)', () => twoSite(5), 'compact'],
    ['two-site-16-node', () => example('two-site-16-node'), 'compact'],
    ['64 nodes', () => twoSite(32), 'compact'],
  ] as const)('%s: %s', (_name, make, kind) => {
    const m = buildDiagram(make());
    expect(m.metrics.kind).toBe(kind);
    // Every element says which scale it is drawn at (the stylesheet's `.compact` rules).
    for (const el of [...m.nodes, ...m.edges]) expect(el.classes.includes('compact'), el.id).toBe(kind === 'compact');
  });
});

describe('the compact drawing', () => {
  const t = example('two-site-16-node');
  const m = buildDiagram(t);
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
    expect(m.byId.get('lm-a1')!.h).toBe(COMPACT.bus.h);
  });

  it('tags the ends FROM and TO, and a failed node by its border only', () => {
    const selection = selectMigrationPath(t, 'a01', 'b01', { mode: 'ws2025' });
    const input = { topology: t, selection, sourceNodeId: 'a01', destinationNodeId: 'b01', failed: ['b02'], selectedIds: [] };
    const compact = decorate({ ...input, model: m });
    expect(compact.get('a01')!.label).toBe('HV-A01 · FROM');
    expect(compact.get('b01')!.label).toBe('HV-B01 · TO');
    expect(compact.get('b02')).toMatchObject({ label: 'HV-B02' });
    expect(compact.get('b02')!.classes.split(' ')).toContain('failed');
    const wide = decorate({ ...input, model: full });
    expect(wide.get('a01')!.label).toMatch(/ · SOURCE$/);
    expect(wide.get('b01')!.label).toMatch(/ · DESTINATION$/);
    expect(wide.get('b02')!.label).toMatch(/^✕ HV-B02/);
  });

  it('reserves room for each node name with its longest tag (FROM), and no more', () => {
    for (const n of m.nodes.filter((x) => x.kind === 'host')) expect(n.labelW, n.id).toBe(textWidth(`${n.lines[0]} · FROM`, COMPACT.font.node, true));
    expect(textWidth('HV-A01 · TO', COMPACT.font.node, true)).toBeLessThan(m.byId.get('a01')!.labelW);
  });

  it('fits the 16-node example so that node names are at least 11 px on a 1440 × 900 window', () => {
    // The diagram's share of a 1440 × 900 window: 1015 × 637 px, the palette's 150 × 225 px at its top left.
    const names = (model: DiagramModel): number => {
      const positions = autoLayout(model).positions;
      const boxes = estimateBoxes(model, positions, computeGeometry(model, positions));
      let b: Box | null = null;
      for (const [, x] of boxes) b = union(b, x.outer);
      const { zoom } = fitViewport(b!, 1015, 637, { x1: 10, y1: 10, x2: 160, y2: 235 }, 30);
      return zoom * model.metrics.font.node;
    };
    expect(names(m)).toBeGreaterThanOrEqual(11);
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
    for (const s of hosts) expect(s.label?.size, s.id).toBe(COMPACT.font.node);
    const fullScene = buildScene(full, autoLayout(full).positions, plain(full));
    expect(fullScene.shapes.find((s) => s.id === 'a01-lm1')!.label!.lines).toEqual(['LM 1', '10.1.11.11/24']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { generateLargestDesign, generateSitesCluster, generateSwitchlessMesh, generateTwoSiteCluster } from '../generate';
import { EXAMPLES } from '../../src/examples';
import { buildDiagram, type DiagramModel, isDrawingId, transitId } from '../../src/canvas/elements';
import { computeGeometry, estimateBoxes, overlaps, type Box, type Pos } from '../../src/canvas/geometry';
import { autoLayout, changedPositions, computeLayout, positionsAfterMove, viewPositions } from '../../src/canvas/diagramLayout';
import { freeSpot } from '../../src/canvas/placement/freeSpot';
import { packLanes } from '../../src/canvas/placement/barLanes';
import { linesWidth } from '../../src/canvas/textWidth';
import { fitViewport } from '../../src/canvas/viewport';
import { autoLayoutDocument } from '../../src/canvas/canvasApi';
import { DRAWING_CANVASES, drawingFitZoom, drawingOf } from '../../src/canvas/scale';

function modelOf(doc: TopologyDocument): DiagramModel {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return buildDiagram(r.topology);
}

const CASES: [string, TopologyDocument][] = [
  ...EXAMPLES.map((e): [string, TopologyDocument] => [e.id, e.document]),
  ['generated two-site 16 nodes, 1 LM network, 1 router per site', generateTwoSiteCluster({ nodesPerSite: 8, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 })],
  ['generated two-site 16 nodes, 3 routers per site', generateTwoSiteCluster({ nodesPerSite: 8, lmNetworksPerSite: 3, storageNetworksPerSite: 1, routersPerSite: 3 })],
  ['generated switchless 5-node mesh', generateSwitchlessMesh(5)],
  // Many sites: laid out in a grid (rows of sites).
  ['generated eight sites × 2, 1 router per site', generateSitesCluster({ sites: 8, nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 })],
  ['the largest accepted design (32 sites × 4 nodes × 8 NICs)', generateLargestDesign()],
  [
    'dual-stack NICs, a paused node, a NIC without address and a core router in no site',
    {
      format: 'lm-topology', version: 1,
      sites: [{ id: 'sa', name: 'North' }, { id: 'sb', name: 'South' }],
      nodes: [{ id: 'h1', name: 'HV1', site: 'sa' }, { id: 'h2', name: 'HV2', site: 'sa', state: 'paused' }, { id: 'h3', name: 'HV3', site: 'sb' }],
      nics: [
        { id: 'h1-a', node: 'h1', name: 'LM', addresses: ['10.1.0.1/24', 'fd00:1::1/64'], routes: [{ prefix: '10.2.0.0/24', via: '10.1.0.254' }] },
        { id: 'h1-b', node: 'h1', name: 'Spare', addresses: [] },
        { id: 'h2-a', node: 'h2', name: 'LM', addresses: ['10.1.0.2/24', 'fd00:1::2/64'], state: 'down' },
        { id: 'h3-a', node: 'h3', name: 'LM', addresses: ['10.2.0.3/24'], routes: [{ prefix: '10.1.0.0/24', via: '10.2.0.254' }] },
      ],
      networks: [{ id: 'lm-n', name: 'LM North', prefixes: ['10.1.0.0/24'] }, { id: 'lm-s', name: 'LM South', prefixes: ['10.2.0.0/24'] }],
      routers: [
        { id: 'core', name: 'Core', interfaces: ['10.1.0.254/24', '10.2.0.254/24'] },
        { id: 'edge-n', name: 'Edge North', site: 'sa', interfaces: ['10.1.0.253/24', '192.168.0.1/30'] },
        { id: 'edge-s', name: 'Edge South', site: 'sb', interfaces: ['10.2.0.253/24', '192.168.0.2/30'] },
      ],
    },
  ],
];

/** Every pair of overlapping boxes among siblings (same compound), labels included. */
function siblingOverlaps(m: DiagramModel, positions: Map<string, Pos>): string[] {
  const boxes = estimateBoxes(m, positions, computeGeometry(m, positions));
  const byParent = new Map<string | null, string[]>();
  for (const n of m.nodes) byParent.set(n.parent, [...(byParent.get(n.parent) ?? []), n.id]);
  const out: string[] = [];
  for (const ids of byParent.values())
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const a = boxes.get(ids[i]!)!.outer;
        const b = boxes.get(ids[j]!)!.outer;
        if (overlaps(a, b)) out.push(`${ids[i]} × ${ids[j]}`);
      }
  return out;
}

const inside = (inner: Box, outer: Box): boolean => inner.x1 >= outer.x1 && inner.y1 >= outer.y1 && inner.x2 <= outer.x2 && inner.y2 <= outer.y2;

describe.each(CASES)('auto layout of %s', (_name, doc) => {
  const m = modelOf(doc);
  const layout = autoLayout(m);
  const positions = layout.positions;
  const geometry = computeGeometry(m, positions);
  const boxes = estimateBoxes(m, positions, geometry);

  it('positions every element', () => {
    for (const n of m.nodes) expect(boxes.get(n.id), n.id).toBeDefined();
    for (const [id, p] of positions) expect(Number.isFinite(p.x) && Number.isFinite(p.y), id).toBe(true);
  });

  it('overlaps no boxes and no labels', () => {
    expect(siblingOverlaps(m, positions)).toEqual([]);
    // Children stay inside their compound (so overlaps are only possible among siblings).
    for (const n of m.nodes) if (n.parent) expect(inside(boxes.get(n.id)!.outer, boxes.get(n.parent)!.box), n.id).toBe(true);
  });

  it('leaves room for every label inside its box, with the longest highlight tag', () => {
    for (const n of m.nodes) {
      if (n.kind === 'site' || n.kind === 'host') continue;
      // A compact NIC is a tile whose name is cut to fit (the stylesheet's ellipsis), shown as you zoom in.
      if (n.kind === 'nic' && m.metrics.kind === 'compact') continue;
      const tag = n.kind === 'network' ? 'TRY 1 · 20 s TIMEOUT · ' : n.kind === 'nic' ? '✕ ' : 'FB 1,2 · ';
      const font = m.metrics.font[n.kind];
      const width = linesWidth([tag + n.lines[0], ...n.lines.slice(1)], font, n.kind === 'network');
      const drawnW = boxes.get(n.id)!.box.x2 - boxes.get(n.id)!.box.x1;
      expect(width, n.id).toBeLessThanOrEqual(drawnW);
    }
  });

  it('draws every NIC drop as a vertical line onto its network', () => {
    for (const e of m.edges) {
      if (m.byId.get(e.target)!.kind !== 'network' || m.byId.get(e.source)!.kind !== 'nic') continue;
      const ends = geometry.ends.get(e.id)!;
      const s = /^(-?[\d.]+)px (-?[\d.]+)px$/.exec(ends.source);
      const t = /^(-?[\d.]+)px (-?[\d.]+)px$/.exec(ends.target);
      expect(s && t, e.id).toBeTruthy();
      const sx = positions.get(e.source)!.x + Number(s![1]);
      const tx = geometry.buses.get(e.target)!.x + Number(t![1]);
      expect(Math.abs(sx - tx), e.id).toBeLessThan(0.2);
    }
  });

  it('puts networks next to what they join', () => {
    for (const n of m.nodes) {
      if (n.kind !== 'network') continue;
      const bus = boxes.get(n.id)!.box;
      for (const id of m.edgesTo.get(n.id) ?? []) {
        const from = m.edgeById.get(id)!.source;
        const src = positions.get(from)!;
        // A NIC stands over its bar; a router at least overlaps it (its drops are spread over its width).
        const half = m.byId.get(from)!.kind === 'router' ? m.byId.get(from)!.w / 2 : 0;
        expect(src.x + half, id).toBeGreaterThanOrEqual(bus.x1 - 0.5);
        expect(src.x - half, id).toBeLessThanOrEqual(bus.x2 + 0.5);
        expect(Math.abs(src.y - (bus.y1 + bus.y2) / 2), id).toBeLessThan(600);
      }
    }
  });

  it('is deterministic', () => {
    const again = autoLayout(modelOf(structuredClone(doc))).positions;
    expect([...again]).toEqual([...positions]);
  });

  it('keeps the positions the user set and moves unsaved NICs with their placed siblings', () => {
    const nic = m.nodes.find((n) => n.kind === 'nic' && (m.children.get(n.parent!) ?? []).length > 1)!;
    const sibling = m.children.get(nic.parent!)!.find((id) => id !== nic.id)!;
    const saved = { [sibling]: { x: positions.get(sibling)!.x + 500, y: positions.get(sibling)!.y - 300 } };
    const view = viewPositions(m, positions, saved);
    expect(view.get(sibling)).toEqual(saved[sibling]);
    expect(view.get(nic.id)).toEqual({ x: positions.get(nic.id)!.x + 500, y: positions.get(nic.id)!.y - 300 });
    // Saving the automatic layout changes nothing on screen (bars aside: their x follows their drops).
    const all = viewPositions(m, positions, autoLayoutDocument(m));
    for (const [id, p] of all) {
      if (m.byId.get(id)!.kind === 'network') continue;
      const q = positions.get(id)!;
      expect(Math.abs(p.x - q.x) <= 1 && Math.abs(p.y - q.y) <= 1, id).toBe(true);
    }
  });
});

describe('layout choices', () => {
  it('stacks the two sites of the 16-node example, two rows each, and puts the two small sites one above the other', () => {
    const big = autoLayout(modelOf(EXAMPLES.find((e) => e.id === 'two-site-16-node')!.document));
    expect([big.arrangement, big.rows]).toEqual(['stacked', 2]);
    const small = autoLayout(modelOf(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document));
    expect(small.arrangement).toBe('stacked');
  });

  it('lays out 32 sites in a grid that fits at least 3 times the zoom of a column of the same sites', () => {
    const r = parseTopology(generateLargestDesign());
    if (!r.ok) throw new Error('the largest design did not parse');
    const { model: m, auto } = drawingOf(r.topology);
    const boxes = estimateBoxes(m, auto, computeGeometry(m, auto));
    const site = (i: number): Box => boxes.get(`site-${i}`)!.outer;
    // A column of the same 32 site boxes, stacked with the stacked arrangement's gap: as wide as the
    // widest, as tall as all of them; the zoom it fits the drawing's canvases at (≈ 0.021).
    const sites = Array.from({ length: 32 }, (_, i) => site(i + 1));
    const column = { x1: 0, y1: 0, x2: Math.max(...sites.map((b) => b.x2 - b.x1)), y2: sites.reduce((h, b) => h + b.y2 - b.y1, 0) + 31 * m.metrics.gap.stackedBlock };
    const columnZoom = Math.min(...DRAWING_CANVASES.map((c) => fitViewport(column, c.w, c.h, c.palette, c.padding).zoom));
    expect(drawingFitZoom(m, auto)).toBeGreaterThanOrEqual(3 * columnZoom);
    const l = autoLayout(m);
    expect([l.arrangement, l.columns]).toEqual(['grid', 4]);
    // Each row of the grid holds 4 sites, in order: site 1 to 4 side by side at one height, site 5 under site 1.
    expect(site(2).x1).toBeGreaterThan(site(1).x2);
    expect(site(4).y1).toBe(site(1).y1);
    expect(site(5).y1).toBeGreaterThan(site(1).y2);
    expect(site(5).x1).toBe(site(1).x1);
  });

  it('keeps one to three sites side by side or stacked (no grid)', () => {
    for (const sites of [1, 2, 3]) {
      const l = autoLayout(modelOf(generateSitesCluster({ sites, nodesPerSite: 4, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 })));
      expect(['side-by-side', 'stacked'], String(sites)).toContain(l.arrangement);
      expect(l.columns).toBeUndefined();
    }
  });

  it('draws a network shared by two sites in a band under both', () => {
    const doc = generateTwoSiteCluster({ nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 0, routersPerSite: 1 });
    // A stretched management subnet: one network across both sites.
    const stretched: TopologyDocument = {
      ...doc,
      networks: [...(doc.networks ?? []), { id: 'stretched', name: 'Stretched', prefixes: ['10.9.0.0/24'] }],
      nics: [...(doc.nics ?? []), { id: 'a01-x', node: 'a01', name: 'X', addresses: ['10.9.0.1/24'] }, { id: 'b01-x', node: 'b01', name: 'X', addresses: ['10.9.0.2/24'] }],
    };
    const m = modelOf(stretched);
    const l = autoLayout(m);
    expect(l.arrangement).toBe('side-by-side');
    const boxes = estimateBoxes(m, l.positions, computeGeometry(m, l.positions));
    expect(boxes.get('stretched')!.box.y1).toBeGreaterThan(Math.max(boxes.get('site-a')!.outer.y2, boxes.get('site-b')!.outer.y2));
    expect(siblingOverlaps(m, l.positions)).toEqual([]);
  });

  it('lays out an empty topology and a topology with empty sites and unattached networks', () => {
    const doc: TopologyDocument = {
      format: 'lm-topology', version: 1,
      sites: [{ id: 's1', name: 'Empty site' }, { id: 's2', name: 'Another' }],
      nodes: [{ id: 'h', name: 'Host without NIC', site: 's2' }],
      networks: [{ id: 'lonely', name: 'Lonely', prefixes: ['10.0.0.0/24'] }],
    };
    const m = modelOf(doc);
    const l = computeLayout(m, {});
    // Leaves: the empty site, the host without NIC, the network.
    expect([...l.positions.keys()].sort()).toEqual(['h', 'lonely', 's1']);
    expect(siblingOverlaps(m, l.positions)).toEqual([]);
    expect(computeLayout(modelOf({ format: 'lm-topology', version: 1 }), {}).positions.size).toBe(0);
  });
});

describe('saving moved positions', () => {
  const m = modelOf(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
  const auto = autoLayout(m).positions;

  it('pins every element on the first move, never transit subnets', () => {
    const current = new Map(auto);
    current.set('n1-lm', { x: 1000.4, y: 2000.6 });
    const next = positionsAfterMove(m, current, new Map([['n1', { x: 5, y: 6 }]]));
    expect(next['n1-lm']).toEqual({ x: 1000, y: 2001 });
    expect(Object.keys(next).length).toBe([...current.keys()].filter((id) => !isDrawingId(id)).length + 1 - (current.has('n1') ? 1 : 0));
    expect(next.n1).toEqual({ x: 5, y: 6 });
    expect(Object.keys(next).some((id) => isDrawingId(id))).toBe(false);
    expect(changedPositions(auto, current)).toEqual(['n1-lm']);
  });

  it('saves the automatic layout with every leaf and compound', () => {
    const doc = autoLayoutDocument(m);
    for (const id of ['n1', 'n1-lm', 'site-a', 'lm-a', 'ra']) expect(doc[id], id).toBeDefined();
    expect(doc[transitId('172.16.0.0/30')]).toBeUndefined();
    for (const p of Object.values(doc)) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });
});

describe('helpers', () => {
  it('packs bars into the first lane they fit in', () => {
    const lanes = packLanes(
      [
        { id: 'a', x1: 0, x2: 100 },
        { id: 'b', x1: 50, x2: 150 },
        { id: 'c', x1: 130, x2: 200 },
        { id: 'd', x1: 0, x2: 300 },
      ],
      20,
    );
    expect([...lanes]).toEqual([['a', 0], ['b', 1], ['c', 0], ['d', 2]]);
  });

  it('finds the free spot nearest the target', () => {
    expect(freeSpot({ x: 0, y: 0 }, 20, 20, [], 5)).toEqual({ x: 0, y: 0 });
    const p = freeSpot({ x: 0, y: 0 }, 20, 20, [{ x1: -50, y1: -50, x2: 50, y2: 50 }], 5);
    expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThanOrEqual(65);
    expect(Math.hypot(p.x, p.y)).toBeLessThanOrEqual(72);
  });

  it('fits the drawing beside a floating panel when that shows it larger', () => {
    const bounds = { x1: 0, y1: 0, x2: 800, y2: 200 };
    const plain = fitViewport(bounds, 1000, 700, null, 30);
    expect(plain.zoom).toBe(1);
    expect(plain.pan).toEqual({ x: 100, y: 250 });
    // A palette in the top-left corner: the drawing fits below it at full size.
    const beside = fitViewport(bounds, 1000, 700, { x1: 10, y1: 10, x2: 160, y2: 330 }, 30);
    expect(beside.zoom).toBe(1);
    expect(beside.pan.y).toBeGreaterThanOrEqual(330);
  });
});

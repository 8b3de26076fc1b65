/**
 * Issue 27, round 3: a 64-node two-site cluster with 8 NICs per node reads at *Fit* on both canvases
 * the compact drawing is made for (node names ≥ 11 px, network names ≥ 9 px on screen) — names use
 * the gap beside their box (metrics.ts `COMPACT_SLOT`), a site's routers move hosts to its other row
 * (block.ts `rowCut`), the palette over a compact drawing is narrow (scale.ts `TYPICAL_CANVAS`) —
 * and on every compact drawing no node's name overlaps another's, a NIC tile, a router or a bar, and
 * no router's drop runs through a bar the router does not join.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { computeGeometry, estimateBoxes, type Box } from '../../src/canvas/geometry';
import { hostLabelLines, lineBox } from '../../src/canvas/metrics';
import { drawingOf, DRAWING_CANVASES, typicalFitZoom, type Drawing } from '../../src/canvas/scale';
import { generateLargestDesign, generateMeshGroups, generateSitesCluster, generateTwoSiteCluster } from '../generate';
import { largeEightNic } from '../e2e/readableDesigns';

function topologyOf(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** Node and network names on screen (px) at the drawing's fit, on each canvas. */
const sizesAtFit = ({ model, auto }: Drawing) =>
  DRAWING_CANVASES.map((c) => {
    const zoom = typicalFitZoom(model, auto, c);
    return { node: model.metrics.font.node * zoom, network: model.metrics.font.network * zoom };
  });

describe('the 64-node cluster with 8 NICs per node at Fit', () => {
  it('reads on a 1440 × 900 window beside the side panel and on a 1024 × 700 one: node names ≥ 11 px, network names ≥ 9 px', () => {
    // Before: 8.2 / 8.3 px (both names), the palette 150 px wide, nodes 217 model px apart, the
    // routers after a row of 16 nodes.
    const d = drawingOf(topologyOf(largeEightNic()));
    for (const s of sizesAtFit(d)) {
      expect(s.node).toBeGreaterThanOrEqual(11);
      expect(s.network).toBeGreaterThanOrEqual(9);
    }
  });

  it("puts fewer hosts in the row that ends with the site's routers", () => {
    const { model, auto } = drawingOf(topologyOf(largeEightNic()));
    const boxes = estimateBoxes(model, auto, computeGeometry(model, auto));
    for (const site of ['site-a', 'site-b']) {
      const rows = new Map<number, { hosts: number; routers: number }>();
      for (const n of model.nodes) {
        if ((n.kind !== 'host' && n.kind !== 'router') || model.siteOf.get(n.id) !== site) continue;
        const b = boxes.get(n.id)!.box;
        const y = Math.round((b.y1 + b.y2) / 2);
        const r = rows.get(y) ?? { hosts: 0, routers: 0 };
        r[n.kind === 'host' ? 'hosts' : 'routers']++;
        rows.set(y, r);
      }
      expect([...rows.values()].sort((a, b) => a.routers - b.routers)).toEqual([{ hosts: 17, routers: 0 }, { hosts: 15, routers: 2 }]);
    }
  });
});

const overlap = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Pairs (name of a node, what it overlaps) on the drawing: other names, NIC tiles, routers, bars. */
function nameOverlaps({ model, auto }: Drawing): string[] {
  const geometry = computeGeometry(model, auto);
  const boxes = estimateBoxes(model, auto, geometry);
  const labelH = lineBox(model.metrics.font.node, hostLabelLines(model.metrics)) + model.metrics.host.labelGap;
  const names: [string, Box][] = [];
  for (const n of model.nodes) {
    if (n.kind !== 'host' || !model.children.get(n.id)?.length) continue;
    const box = boxes.get(n.id)!.box;
    const cx = (box.x1 + box.x2) / 2;
    const y = geometry.labelBelow.has(n.id) ? { y1: box.y2, y2: box.y2 + labelH } : { y1: box.y1 - labelH, y2: box.y1 };
    names.push([n.id, { x1: cx - n.labelW / 2, x2: cx + n.labelW / 2, ...y }]);
  }
  const others: [string, Box][] = model.nodes.filter((n) => n.kind === 'nic' || n.kind === 'router' || n.kind === 'network').map((n) => [n.id, boxes.get(n.id)!.box]);
  const out: string[] = [];
  names.forEach(([id, a], i) => {
    for (const [other, b] of names.slice(i + 1)) if (overlap(a, b)) out.push(`${id} × ${other}`);
    for (const [other, b] of others) if (overlap(a, b)) out.push(`${id} × ${other}`);
  });
  return out;
}

/** A router's drops that run through a bar the router does not join (the line would suggest it does). */
function routerCrossings({ model, auto }: Drawing): string[] {
  const geometry = computeGeometry(model, auto);
  const boxes = estimateBoxes(model, auto, geometry);
  const bars = model.nodes.filter((n) => n.kind === 'network').map((n) => [n.id, boxes.get(n.id)!.box] as const);
  const out: string[] = [];
  for (const r of model.nodes.filter((n) => n.kind === 'router')) {
    const edges = model.edgesFrom.get(r.id) ?? [];
    const joined = new Set(edges.map((e) => model.edgeById.get(e)!.target));
    for (const e of edges) {
      const line = geometry.ends.get(e)?.line;
      if (!line) continue;
      const [y1, y2] = [Math.min(line.source.y, line.target.y), Math.max(line.source.y, line.target.y)];
      for (const [id, b] of bars) if (!joined.has(id) && b.x1 < line.source.x && line.source.x < b.x2 && b.y1 < y2 && y1 < b.y2) out.push(`${e} × ${id}`);
    }
  }
  return out;
}

describe('names on a compact drawing', () => {
  it.each<[string, () => TopologyDocument]>([
    ['example two-site-16-node', () => EXAMPLES.find((e) => e.id === 'two-site-16-node')!.document],
    ['64 nodes, 8 NICs each', largeEightNic],
    ['two sites × 32', () => generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
    ['four sites × 8', () => generateSitesCluster({ sites: 4, nodesPerSite: 8, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
    ['mesh groups 4 × 3', () => generateMeshGroups({ groups: 4, groupSize: 3, switchedLm: 1, switchedStorage: 1 })],
    ['the largest accepted design, 32 sites in a grid', () => generateLargestDesign()],
  ])('overlap no other name, NIC tile, router or bar, and no router drop crosses a bar it does not join: %s', (_, make) => {
    const d = drawingOf(topologyOf(make()));
    expect(nameOverlaps(d)).toEqual([]);
    // A router beside the other row's last hosts: its drops cross no bar it does not join (block.ts bandLanes).
    expect(routerCrossings(d)).toEqual([]);
  });

  it('overlap nothing on any two-site cluster of 5 to 24 nodes a site, 1 to 3 routers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 24 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 }), (nodesPerSite, lm, storage, routers) => {
        const d = drawingOf(topologyOf(generateTwoSiteCluster({ nodesPerSite, lmNetworksPerSite: lm, storageNetworksPerSite: storage, routersPerSite: routers })));
        expect(nameOverlaps(d)).toEqual([]);
        expect(routerCrossings(d)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

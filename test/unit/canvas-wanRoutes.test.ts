/**
 * Issue 27: router links shared by routers of three sites or more (WAN subnets) are drawn along
 * the gaps between sites (src/canvas/placement/wanRoutes.ts), so no such line passes through a
 * site, bar, node, NIC, router or pill it does not join. Counted as decision 402 counted them:
 * every router → WAN subnet line, each of its segments against every drawn box (sites and hosts
 * by their drawn box, leaves by theirs) other than its router, the router's site and its own pill.
 * Before this work (straight lines) four sites × 8 had 26 crossings and the largest design 120 of
 * 128 lines crossing something.
 */
import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { buildDiagram, type DiagramModel } from '../../src/canvas/elements';
import { estimateBoxes, type Box, type Pos } from '../../src/canvas/geometry';
import { autoLayout } from '../../src/canvas/placement/auto';
import { drawnGeometry, wideTransits } from '../../src/canvas/placement/wanRoutes';
import { drawingOf } from '../../src/canvas/scale';
import { generateLargestDesign, generateSitesCluster, generateTwoSiteCluster } from '../generate';

function topologyOf(doc: TopologyDocument) {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** Whether the segment a–b passes through the inside of the box (Liang–Barsky; touching a side is not crossing). */
function segmentCrosses(a: Pos, b: Pos, box: Box): boolean {
  const eps = 0.5;
  const x1 = box.x1 + eps;
  const y1 = box.y1 + eps;
  const x2 = box.x2 - eps;
  const y2 = box.y2 - eps;
  if (x1 >= x2 || y1 >= y2) return false;
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - x1],
    [dx, x2 - a.x],
    [-dy, a.y - y1],
    [dy, y2 - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

interface Count {
  lines: number;
  linesCrossing: number;
  crossings: number;
  /** The first few, by name, for a failing test's message. */
  examples: string[];
}

/** The drawn line of every router → WAN subnet edge against every box it does not join. */
function countCrossings(model: DiagramModel, positions: ReadonlyMap<string, Pos>): Count {
  const geometry = drawnGeometry(model, positions);
  const boxes = estimateBoxes(model, positions, geometry);
  const wide = new Set(wideTransits(model));
  const out: Count = { lines: 0, linesCrossing: 0, crossings: 0, examples: [] };
  for (const e of model.edges) {
    if (!wide.has(e.target)) continue;
    const s = positions.get(e.source);
    const t = positions.get(e.target);
    if (!s || !t) continue;
    out.lines++;
    const path = geometry.ends.get(e.id)?.path ?? [s, t];
    const skip = new Set([e.source, e.target]);
    for (let p = model.byId.get(e.source)?.parent ?? null; p !== null; p = model.byId.get(p)?.parent ?? null) skip.add(p);
    let crossed = false;
    for (const [id, b] of boxes) {
      if (skip.has(id)) continue;
      for (let i = 1; i < path.length; i++)
        if (segmentCrosses(path[i - 1]!, path[i]!, b.box)) {
          out.crossings++;
          crossed = true;
          if (out.examples.length < 5) out.examples.push(`${model.byId.get(e.source)!.lines[0]} → ${e.target.replace('\ufdd0', ' ')} through ${model.byId.get(id)!.lines[0]}`);
          break;
        }
    }
    if (crossed) out.linesCrossing++;
  }
  return out;
}

const sites = (n: number, nodesPerSite: number, routersPerSite = 2): TopologyDocument => generateSitesCluster({ sites: n, nodesPerSite, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite });

describe('router links between three sites or more cross nothing they do not join', () => {
  // Name, design, the arrangement the automatic layout takes (so both grid and stacked are covered).
  const TABLE: [string, () => TopologyDocument, string, number][] = [
    ['four sites × 8 (golden)', () => generateSitesCluster({ sites: 4, nodesPerSite: 8, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 }), 'stacked', 8],
    ['three sites × 4', () => sites(3, 4), 'stacked', 6],
    ['three sites × 4, dual stack', () => generateSitesCluster({ sites: 3, nodesPerSite: 4, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 2, dualStack: true }), 'stacked', 12],
    ['five sites × 3', () => sites(5, 3), 'grid', 10],
    ['eight sites × 2', () => sites(8, 2), 'grid', 16],
    ['eight sites × 4', () => sites(8, 4, 3), 'grid', 24],
    ['six sites × 3', () => sites(6, 3), 'grid', 12],
  ];

  it.each(TABLE)('%s: zero crossings', (_name, make, arrangement, lines) => {
    const t = topologyOf(make());
    const model = buildDiagram(t);
    const layout = autoLayout(model);
    expect(layout.arrangement).toBe(arrangement);
    const c = countCrossings(model, layout.positions);
    expect(c.lines).toBe(lines);
    expect(c.examples).toEqual([]);
    expect(c.crossings).toBe(0);
  });

  it('the golden four sites × 8 as drawn (compact drawing, text grown): zero crossings', () => {
    const t = topologyOf(TABLE[0]![1]());
    const d = drawingOf(t);
    const c = countCrossings(d.model, d.auto);
    expect(c.lines).toBe(8);
    expect(c.examples).toEqual([]);
    expect(c.crossings).toBe(0);
  });

  it('the largest accepted design as drawn (32 sites in a grid, 4 WAN subnets of 32 routers): zero crossings of 128 lines', () => {
    const t = topologyOf(generateLargestDesign());
    const d = drawingOf(t);
    const c = countCrossings(d.model, d.auto);
    expect(c.lines).toBe(128);
    expect(c.examples).toEqual([]);
    expect(c.crossings).toBe(0);
    expect(c.linesCrossing).toBe(0);
  }, 120_000);

  it('a two-site router link is not routed (its routers face each other across the gap)', () => {
    const t = topologyOf(generateTwoSiteCluster({ nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 }));
    const model = buildDiagram(t);
    expect(wideTransits(model)).toEqual([]);
    expect(model.edges.some((e) => e.classes.includes('wan-link'))).toBe(false);
  });

  it('every design of 3–8 sites × 1–4 nodes × 1–3 routers a site (72 of them): zero crossings', () => {
    const failed: string[] = [];
    for (let n = 3; n <= 8; n++)
      for (let nodes = 1; nodes <= 4; nodes++)
        for (let routers = 1; routers <= 3; routers++) {
          const t = topologyOf(sites(n, nodes, routers));
          const model = buildDiagram(t);
          const c = countCrossings(model, autoLayout(model).positions);
          expect(c.lines).toBe(n * routers);
          if (c.crossings > 0) failed.push(`${n} × ${nodes} × ${routers}: ${c.examples.join('; ')}`);
        }
    expect(failed).toEqual([]);
  }, 120_000);
});

/**
 * A hand-made two-site design whose routers are in no site (issue 27): after *Auto layout* each
 * site's networks stay under that site, and no drop crosses a bar of the other site — the routed
 * HV01 → HV03 path drawn across Live Migration A made HV03 look as if it joined it.
 */
import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { buildDiagram, type DiagramModel } from '../../src/canvas/elements';
import { autoLayout } from '../../src/canvas/diagramLayout';
import { computeGeometry, estimateBoxes, type Box } from '../../src/canvas/geometry';
import { EXAMPLES } from '../../src/examples';
import { generateTwoSiteCluster } from '../generate';

const model = (doc: TopologyDocument): DiagramModel => {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return buildDiagram(r.topology);
};

/** The same design with its routers taken out of their sites (as a user who drops them anywhere). */
const siteless = (doc: TopologyDocument): TopologyDocument => {
  const d = structuredClone(doc);
  for (const r of d.routers ?? []) delete (r as { site?: string }).site;
  delete d.layout;
  return d;
};

/** Drops that run through a bar of another site (a site's bar: one whose parent is that site). */
function crossSiteCrossings(m: DiagramModel): string[] {
  const pos = autoLayout(m).positions;
  const geo = computeGeometry(m, pos);
  const boxes = estimateBoxes(m, pos, geo);
  const out: string[] = [];
  for (const e of m.edges) {
    const line = geo.ends.get(e.id)?.line;
    if (!line) continue;
    const from = m.siteOf.get(m.byId.get(e.source)!.kind === 'nic' ? m.byId.get(e.source)!.parent! : e.source) ?? null;
    for (const n of m.nodes) {
      if (n.kind !== 'network' || n.id === e.target || n.parent === null || n.parent === from) continue;
      const b: Box = boxes.get(n.id)!.box;
      const [y1, y2] = [Math.min(line.source.y, line.target.y), Math.max(line.source.y, line.target.y)];
      if (line.source.x > b.x1 && line.source.x < b.x2 && y1 < b.y2 && y2 > b.y1) out.push(`${e.id} through ${n.id}`);
    }
  }
  return out;
}

const routed = EXAMPLES.find((e) => e.id === 'two-site-routed')!.document;
const generated = generateTwoSiteCluster({ nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 });

describe('routers in no site, in a two-site design', () => {
  it.each([
    ['Two-site routed, routers taken out of their sites', siteless(routed), { 'mgmt-a': 'site-a', 'lm-a': 'site-a', 'mgmt-b': 'site-b', 'lm-b': 'site-b' }],
    ['a generated 2 + 2 design, routers in no site', siteless(generated), { 'mgmt-a': 'site-a', 'lm-a1': 'site-a', 'st-a1': 'site-a', 'mgmt-b': 'site-b', 'lm-b1': 'site-b', 'st-b1': 'site-b' }],
  ] as const)('%s: each site keeps its networks, no drop crosses the other site', (_name, doc, parents) => {
    const m = model(doc);
    const drawnIn = Object.fromEntries(Object.keys(parents).map((id) => [id, m.byId.get(id)!.parent]));
    expect(drawnIn).toEqual(parents);
    expect(crossSiteCrossings(m)).toEqual([]);
  });

  it('a router joining networks of both sites stays at the top level', () => {
    const d = siteless(routed);
    // Router A also on Management B: it serves both sites.
    const ra = d.routers!.find((r) => r.id === 'ra')!;
    const mgmtB = d.networks!.find((n) => n.id === 'mgmt-b')!.prefixes[0]!;
    ra.interfaces = [...ra.interfaces, mgmtB.replace(/0\/24$/, '254/24')];
    const m = model(d);
    expect(m.byId.get('ra')!.parent).toBeNull();
    expect(m.byId.get('rb')!.parent).toBe('site-b');
  });
});

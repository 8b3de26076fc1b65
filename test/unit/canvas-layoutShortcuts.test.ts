/**
 * Issue 24, round 2: the shortcuts that make the largest design's drawing faster hold what they
 * rest on — the zoom bound (scale.ts `fitZoomBound`) is never below the zoom a layout really fits
 * at, and the boxes brought up to date after a transit subnet is placed (geometry.ts
 * `refreshLeafBoxes`) are the boxes computed afresh.
 */
import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { buildDiagram } from '../../src/canvas/elements';
import { computeGeometry, estimateBoxes, refreshLeafBoxes } from '../../src/canvas/geometry';
import { autoLayout } from '../../src/canvas/placement/auto';
import { compactAt, NAME_TARGET_PX, TEXT_STEPS } from '../../src/canvas/metrics';
import { drawingFitZoom, fitZoomBound, SMALL_CANVAS, TYPICAL_CANVAS } from '../../src/canvas/scale';
import { generateMeshGroups, generateSitesCluster, generateSwitchlessMesh, generateTwoSiteCluster, generateWidestDesign } from '../generate';

function topologyOf(doc: TopologyDocument) {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

const DESIGNS: [string, () => TopologyDocument][] = [
  ...EXAMPLES.map((e): [string, () => TopologyDocument] => [`example ${e.id}`, () => e.document]),
  ['two sites × 8', () => generateTwoSiteCluster({ nodesPerSite: 8, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
  ['two sites × 32', () => generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
  ['switchless mesh 8', () => generateSwitchlessMesh(8)],
  ['four sites × 8', () => generateSitesCluster({ sites: 4, nodesPerSite: 8, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
  ['mesh groups 4 × 3', () => generateMeshGroups({ groups: 4, groupSize: 3, switchedLm: 1, switchedStorage: 1 })],
];

describe('fitZoomBound', () => {
  it.each(DESIGNS)('is at least the zoom the layout fits at, every text step and canvas: %s', (_, make) => {
    const t = topologyOf(make());
    for (const k of [undefined, ...TEXT_STEPS]) {
      const model = k === undefined ? buildDiagram(t) : buildDiagram(t, compactAt(k));
      const positions = autoLayout(model).positions;
      for (const canvases of [[TYPICAL_CANVAS], [SMALL_CANVAS], [TYPICAL_CANVAS, SMALL_CANVAS]])
        expect(fitZoomBound(model, canvases)).toBeGreaterThanOrEqual(drawingFitZoom(model, positions, canvases) - 1e-12);
    }
  }, 60_000);

  it('tells, on the widest design (64 nodes × 16 NICs in two sites), that no text step reads at Fit (so its first layout is skipped)', () => {
    // The largest design before the NIC limit (issue 24, round 3: 8 sites of 16 nodes × 32 NICs) was this wide.
    const model = buildDiagram(topologyOf(generateWidestDesign()));
    const bound = fitZoomBound(model);
    expect(bound).toBeLessThan(1);
    // Even the largest step's names are under the target at the bound.
    expect(compactAt(TEXT_STEPS[TEXT_STEPS.length - 1]!).font.node * bound).toBeLessThan(NAME_TARGET_PX);
  });
});

describe('refreshLeafBoxes', () => {
  it.each(DESIGNS)('gives the boxes estimateBoxes gives after each transit subnet is placed: %s', (_, make) => {
    const model = buildDiagram(topologyOf(make()));
    const full = autoLayout(model).positions;
    const transits = model.nodes.filter((n) => n.kind === 'transit').map((n) => n.id);
    const positions = new Map([...full].filter(([id]) => !transits.includes(id)));
    const geometry = computeGeometry(model, positions);
    const boxes = estimateBoxes(model, positions, geometry);
    for (const id of transits) {
      positions.set(id, full.get(id)!);
      refreshLeafBoxes(model, positions, geometry, boxes, id);
      expect(new Map([...boxes].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(new Map([...estimateBoxes(model, positions, computeGeometry(model, positions))].sort(([a], [b]) => (a < b ? -1 : 1))));
    }
  }, 60_000);
});

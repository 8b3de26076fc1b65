/**
 * Issue 24, round 2: making the drawing faster (src/canvas/scale.ts `drawingOf`, the automatic
 * layout in src/canvas/placement/) must not move anything drawn. The fingerprints in
 * test/fixtures/drawing-golden.json were written by the code before that work (the text factor
 * chosen, and a SHA-256 of every laid-out position, exact to the last bit); every example and a
 * spread of generated designs, the largest accepted one included, must give them still.
 * To write them again after a change that is meant to move things: `GOLDEN_WRITE=1 npx vitest run
 * test/unit/canvas-drawingGolden.test.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { drawingOf, SMALL_CANVAS, TYPICAL_CANVAS } from '../../src/canvas/scale';
import { autoLayout } from '../../src/canvas/placement/auto';
import { buildDiagram } from '../../src/canvas/elements';
import { generateLargestDesign, generateMeshGroups, generateSitesCluster, generateSwitchlessMesh, generateTwoSiteCluster, generateWidestDesign } from '../generate';

const FILE = new URL('../fixtures/drawing-golden.json', import.meta.url);

const DESIGNS: [string, () => TopologyDocument][] = [
  ...EXAMPLES.map((e): [string, () => TopologyDocument] => [`example ${e.id}`, () => e.document]),
  ['two sites × 2', () => generateTwoSiteCluster({ nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 })],
  ['two sites × 8', () => generateTwoSiteCluster({ nodesPerSite: 8, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
  ['two sites × 32', () => generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
  ['switchless mesh 5', () => generateSwitchlessMesh(5)],
  ['switchless mesh 8', () => generateSwitchlessMesh(8)],
  ['four sites × 8', () => generateSitesCluster({ sites: 4, nodesPerSite: 8, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
  ['three sites × 4, dual stack', () => generateSitesCluster({ sites: 3, nodesPerSite: 4, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 2, dualStack: true })],
  ['mesh groups 4 × 3', () => generateMeshGroups({ groups: 4, groupSize: 3, switchedLm: 1, switchedStorage: 1 })],
  ['largest accepted design', () => generateLargestDesign()],
  ['widest accepted design (64 nodes × 16 NICs)', () => generateWidestDesign()],
];

/** Designs whose drawing alone is held (each canvas alone and the plain layout take up to four layouts more). */
const DRAWING_ONLY = new Set(['largest accepted design', 'widest accepted design (64 nodes × 16 NICs)']);

/** The text factor and a hash of every position, in a fixed order. */
function fingerprint(positions: ReadonlyMap<string, { x: number; y: number }>, text: number): { text: number; count: number; sha: string } {
  const rows = [...positions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, p]) => `${id}\t${p.x}\t${p.y}`);
  return { text, count: rows.length, sha: createHash('sha256').update(rows.join('\n')).digest('hex') };
}

function topologyOf(doc: TopologyDocument) {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

type Fingerprint = ReturnType<typeof fingerprint>;
type Golden = Record<string, { drawing: Fingerprint; typical?: Fingerprint; small?: Fingerprint; plain?: Fingerprint }>;

describe('the drawing of every example and generated design is what it was before the speed work', () => {
  const write = process.env.GOLDEN_WRITE === '1';
  const golden: Golden = write ? {} : (JSON.parse(readFileSync(FILE, 'utf8')) as Golden);

  it.each(DESIGNS)('%s', (name, make) => {
    const t = topologyOf(make());
    const d = drawingOf(t);
    // Each canvas alone too (a different fit, so possibly a different text factor), and the plain
    // automatic layout of the first model (the largest design: only the drawing, as the others
    // take up to four layouts each there).
    const got: Golden[string] = { drawing: fingerprint(d.auto, d.model.metrics.text) };
    if (!DRAWING_ONLY.has(name)) {
      const typical = drawingOf(t, [TYPICAL_CANVAS]);
      const small = drawingOf(t, [SMALL_CANVAS]);
      const first = buildDiagram(t);
      got.typical = fingerprint(typical.auto, typical.model.metrics.text);
      got.small = fingerprint(small.auto, small.model.metrics.text);
      got.plain = fingerprint(autoLayout(first).positions, first.metrics.text);
    }
    if (write) golden[name] = got;
    else expect(got).toEqual(golden[name]);
  }, 120_000);

  it('has a fingerprint for every design', () => {
    if (write) writeFileSync(FILE, JSON.stringify(golden, null, 2) + '\n');
    expect(Object.keys(golden).sort()).toEqual(DESIGNS.map(([n]) => n).sort());
  });
});

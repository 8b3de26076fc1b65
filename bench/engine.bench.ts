/**
 * Engine benchmark (issue 2): analyzeAllPairs on a generated two-site cluster of 64 nodes with
 * 8 NICs each. Budget: 16 ms for the whole all-pairs (both modes), one animation frame.
 * Prints figures; asserts nothing.
 */
import { analyzeAllPairs, parseTopology, selectMigrationPath, type Topology } from '../src/engine';
import { generateTwoSiteCluster } from '../src/engine/generate';
import { median, report, timeRuns } from './util';

export function benchEngine(): void {
  const doc = generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2 });
  const parsedOnce = parseTopology(doc);
  if (!parsedOnce.ok) throw new Error(JSON.stringify(parsedOnce.errors));
  const t0 = parsedOnce.topology;
  const nicsPerNode = t0.nics.length / t0.nodes.length;
  console.log(`cluster: ${t0.nodes.length} nodes, ${nicsPerNode} NICs each, ${t0.networks.length} networks, ${t0.routers.length} routers, ${t0.nodes.length * (t0.nodes.length - 1)} ordered pairs`);

  const parseTimes = timeRuns(7, () => parseTopology(doc));
  report('parseTopology (validation + derived facts + diagnostics)', parseTimes);

  // Each run on a freshly parsed topology (as after an edit); the parse itself is not timed here.
  const fresh = (): Topology => (parseTopology(doc) as { topology: Topology }).topology;
  const allPairs = timeRuns(15, (t) => analyzeAllPairs(t), fresh);
  report('analyzeAllPairs, both modes, on a freshly parsed topology', allPairs, 16);
  report('parseTopology + analyzeAllPairs (a whole edit)', timeRuns(9, () => analyzeAllPairs(fresh())));
  const pairs = t0.nodes.length * (t0.nodes.length - 1);
  console.log(`  per pair (both modes): ${((median(allPairs) * 1000) / pairs).toFixed(2)} µs`);

  const result = analyzeAllPairs(t0);
  console.log(`  summary: ${JSON.stringify(result.summary)}`);
  const s = t0.nodes[0]!.id;
  const d = t0.nodes[t0.nodes.length - 1]!.id;
  report('selectMigrationPath one pair with exclusions, ws2025', timeRuns(50, () => selectMigrationPath(t0, s, d)));
  report('selectMigrationPath one pair with exclusions, legacy', timeRuns(50, () => selectMigrationPath(t0, s, d, { mode: 'legacy' })));
}

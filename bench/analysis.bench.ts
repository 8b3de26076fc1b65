/**
 * All-pairs analysis benchmark (issue 6) on the engine bench's 64-node two-site cluster:
 * the matrix (analyzeAllPairs after an edit), the N-1 analysis (budget 1 s; it runs in a Web
 * Worker in the app), the checks, and the cost of handing the N-1 report back from the worker.
 * Prints figures; asserts nothing.
 */
import { analyzeAllPairs, analyzeResilience, parseTopology, runChecks, type Topology } from '../src/engine';
import { generateTwoSiteCluster } from '../test/generate';
import { report, timeRuns } from './util';

export function benchAnalysis(): void {
  const doc = generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2 });
  const fresh = (): Topology => {
    const r = parseTopology(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.topology;
  };
  const t0 = fresh();
  console.log(`cluster: ${t0.nodes.length} nodes, ${t0.nics.length} NICs, ${t0.networks.length} networks, ${t0.routers.length} routers`);

  report('matrix: analyzeAllPairs on a freshly parsed topology', timeRuns(15, (t) => analyzeAllPairs(t), fresh), 16);
  const n1 = timeRuns(7, (t) => analyzeResilience(t), fresh);
  report('N-1: analyzeResilience on a freshly parsed topology', n1, 1000);
  report('N-1 in the worker: parseTopology + analyzeResilience', timeRuns(5, () => analyzeResilience(fresh())), 1000);
  const r = analyzeResilience(t0);
  report('N-1 report handed back by the worker (structuredClone)', timeRuns(7, () => structuredClone(r)));
  const moved = r.impacts.reduce((s, m) => s + m.moved.length, 0);
  console.log(`  ${r.impacts.length} elements analysed, ${r.singlePointsOfFailure.length} single points of failure, ${moved} moved pairs in all`);
  const pairs = analyzeAllPairs(t0);
  report('checks: runChecks with the all-pairs result given', timeRuns(9, (t) => runChecks(t, pairs), () => t0));
  report('checks: runChecks on a freshly parsed topology', timeRuns(9, (t) => runChecks(t), fresh));
  console.log(`  findings: ${runChecks(t0).map((d) => d.code).join(', ') || 'none'}`);
}

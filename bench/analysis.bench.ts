/**
 * All-pairs analysis benchmark (issues 6 and 16) on the bench's 64-node clusters: the N-1
 * analysis (budget 100 ms; it runs in a Web Worker in the app), the checks, and the cost of
 * handing the N-1 report back from the worker. Prints figures; asserts nothing.
 */
import { analyzeAllPairs, analyzeResilience, runChecks, type Topology } from '../src/engine';
import { allocations } from './alloc';
import { parsed, shapes } from './shapes';
import { cpuRuns, median, report, timeRuns } from './util';

const N1_BUDGET_MS = 100;

export function benchAnalysis(): void {
  const all = shapes();
  const alloc = allocations();
  for (const [i, shape] of all.entries()) {
    const fresh = (): Topology => parsed(shape.doc);
    const t0 = fresh();
    console.log(`\n### ${shape.name}: ${t0.nodes.length} nodes, ${t0.nics.length} NICs, ${t0.networks.length} networks, ${t0.routers.length} routers`);
    report('N-1: analyzeResilience on a freshly parsed topology', timeRuns(7, (t) => analyzeResilience(t), fresh), N1_BUDGET_MS);
    const cpu = cpuRuns(7, (t) => analyzeResilience(t), fresh);
    console.log(`  CPU time of the process per run: median ${median(cpu).toFixed(1)} ms (min ${Math.min(...cpu).toFixed(1)})`);
    if (i > 0) continue;
    const mb = alloc.find((a) => a.shape === shape.name && a.what === 'n-1')?.mb;
    if (mb !== undefined) console.log(`  allocated per run: ${mb.toFixed(1)} MB`);
    report('N-1 in the worker: parseTopology + analyzeResilience', timeRuns(5, () => analyzeResilience(fresh())), N1_BUDGET_MS);
    const r = analyzeResilience(t0);
    report('N-1 report handed back by the worker (structuredClone)', timeRuns(7, () => structuredClone(r)));
    const moved = r.impacts.reduce((s, m) => s + m.moved.length, 0);
    console.log(`  ${r.impacts.length} elements analysed, ${r.singlePointsOfFailure.length} single points of failure, ${moved} moved pairs in all`);
    const pairs = analyzeAllPairs(t0);
    report('checks: runChecks with the all-pairs result given', timeRuns(9, (t) => runChecks(t, pairs), () => t0));
    report('checks: runChecks on a freshly parsed topology', timeRuns(9, (t) => runChecks(t), fresh));
    console.log(`  findings: ${runChecks(t0).map((d) => d.code).join(', ') || 'none'}`);
  }
}

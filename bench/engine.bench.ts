/**
 * Engine benchmark (issues 2 and 16): analyzeAllPairs, both modes, on 64-node clusters with 8
 * NICs per node, of several shapes (bench/shapes.ts). Budget per shape: 8 ms median and 2 MB
 * allocated per run. Wall-clock figures on this shared machine swing with its load, so the CPU
 * time of the process per run is printed too. Prints figures; asserts nothing.
 */
import { analyzeAllPairs, parseTopology, selectMigrationPath, type Topology } from '../src/engine';
import { allocations } from './alloc';
import { parsed, shapes } from './shapes';
import { cpuRuns, median, report, timeRuns } from './util';

const BUDGET_MS = 8;
const BUDGET_MB = 2;

export function benchEngine(): void {
  const all = shapes();
  const alloc = allocations();
  for (const [i, shape] of all.entries()) {
    const fresh = (): Topology => parsed(shape.doc);
    const t0 = fresh();
    console.log(`\n### ${shape.name}`);
    console.log(`cluster: ${t0.nodes.length} nodes, ${t0.nics.length / t0.nodes.length} NICs each, ${t0.networks.length} networks, ${t0.addresses.length} addresses, ${t0.routers.length} routers, ${t0.nodes.length * (t0.nodes.length - 1)} ordered pairs`);
    if (i === 0) report('parseTopology (validation + derived facts + diagnostics)', timeRuns(7, () => parseTopology(shape.doc)));
    // Each run on a freshly parsed topology (as after an edit); the parse itself is not timed here.
    const times = timeRuns(21, (t) => analyzeAllPairs(t), fresh);
    report('analyzeAllPairs, both modes, on a freshly parsed topology', times, BUDGET_MS);
    const cpu = cpuRuns(21, (t) => analyzeAllPairs(t), fresh);
    console.log(`  CPU time of the process per run: median ${median(cpu).toFixed(2)} ms (min ${Math.min(...cpu).toFixed(2)})`);
    const mb = alloc.find((a) => a.shape === shape.name && a.what === 'all-pairs')?.mb;
    if (mb !== undefined) console.log(`  allocated per run: ${mb.toFixed(2)} MB  budget ${BUDGET_MB} MB: ${mb <= BUDGET_MB ? 'within' : 'OVER'}`);
    const result = analyzeAllPairs(t0);
    console.log(`  summary: ${JSON.stringify(result.summary)}`);
    if (i === 0) {
      report('parseTopology + analyzeAllPairs (a whole edit)', timeRuns(9, () => analyzeAllPairs(fresh())));
      const s = t0.nodes[0]!.id;
      const d = t0.nodes[t0.nodes.length - 1]!.id;
      report('selectMigrationPath one pair with exclusions, ws2025', timeRuns(50, () => selectMigrationPath(t0, s, d)));
      report('selectMigrationPath one pair with exclusions, legacy', timeRuns(50, () => selectMigrationPath(t0, s, d, { mode: 'legacy' })));
      report('one pair\'s full selections read from an all-pairs result (both modes, first read)', timeRuns(50, (r) => { r.selection(4000, 'ws2025'); r.selection(4000, 'legacy'); }, () => analyzeAllPairs(t0)));
    }
  }
}

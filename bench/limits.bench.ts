/**
 * Issue 24 — what the app accepts, it serves: the figures of the goal, in Node, for the largest
 * design the app accepts (8 sites × 16 nodes at 32 NICs each, 256 networks, 128 routers, 56
 * routes on each live migration NIC, 10,000 VMs) and for a 64-node cluster with Windows Server's
 * 8,000 VMs, next to their budgets. Prints figures; asserts nothing. The Maintenance tab's and a
 * node's Details' rendering are measured in the component tests' terms (rows drawn), not here.
 */
import { analyzeAllPairs, drainEveryNode, parseTopology, planDrain, runChecks, type Topology, type TopologyDocument } from '../src/engine';
import { applyEdit, type Edit } from '../src/engine/edit';
import { buildReport } from '../src/engine/io';
import { generateLargestDesign, generateTwoSiteCluster, spreadVms } from '../test/generate';
import { report, timeRuns } from './util';

function parsed(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.topology;
}

const heapMB = (): number => process.memoryUsage().heapUsed / 2 ** 20;

/** Wall time and the highest heap growth seen while `fn` runs (sampled after it, and at each GC-visible step). */
function once(label: string, fn: () => unknown, budgetMs: number, budgetMB?: number): void {
  (globalThis as { gc?: () => void }).gc?.();
  const before = heapMB();
  const t = performance.now();
  const kept = fn();
  const ms = performance.now() - t;
  const grew = heapMB() - before;
  void kept;
  const heap = budgetMB === undefined ? '' : `; heap +${grew.toFixed(0)} MB (budget ${budgetMB} MB: ${grew <= budgetMB ? 'within' : 'OVER'})`;
  console.log(`${label}: ${ms.toFixed(0)} ms (budget ${budgetMs} ms: ${ms <= budgetMs ? 'within' : 'OVER'})${heap}`);
}

export function benchLimits(): void {
  const largest = generateLargestDesign({ vms: true });
  console.log(`largest accepted design: ${largest.nodes!.length} nodes, ${largest.nics!.length} NICs, ${largest.networks!.length} networks, ${largest.routers!.length} routers, ${largest.vms!.length} VMs; ${(JSON.stringify(largest).length / 2 ** 20).toFixed(1)} MB of JSON`);
  once('open: parse', () => parsed(largest), 2000);
  const t = parsed(largest);
  once('open: all pairs, both modes', () => analyzeAllPairs(t), 2000);
  const all = analyzeAllPairs(t);
  once('Validation: runChecks', () => runChecks(t, all), 1000);
  const vm = largest.vms![0]!;
  // The parse the store keeps for the document: an edit starts from it.
  const before = (() => {
    const r = parseTopology(largest);
    if (!r.ok) throw new Error('refused');
    return { topology: r.topology, diagnostics: r.diagnostics };
  })();
  const edit = (e: Edit) => () => {
    const r = applyEdit(largest, e, before);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 2)));
  };
  report("edit: one VM's memory (only the VMs parsed again)", timeRuns(5, edit({ type: 'update-vm', id: vm.id, patch: { memoryGB: vm.memoryGB + 1 } })), 200);
  report('edit: 10 VMs added to a node', timeRuns(5, edit({ type: 'batch', edits: [{ type: 'delete-vms', ids: largest.vms!.slice(0, 10).map((v) => v.id) }, { type: 'add-vms', node: largest.nodes![1]!.id, memoryGB: 8, count: 10 }] })), 200);
  report('edit: a node moved on the diagram (positions)', timeRuns(5, edit({ type: 'set-positions', positions: { [largest.nodes![0]!.id]: { x: 10, y: 20 } } })), 200);
  report('edit: the planning assumptions', timeRuns(5, edit({ type: 'set-planning', planning: { precopyOverhead: 0.3 } })), 200);
  report('edit: a node renamed (the whole document parsed again)', timeRuns(3, edit({ type: 'update-node', id: largest.nodes![0]!.id, patch: { name: 'Renamed' } })), 200);
  report('drain of one node (78 VMs), ws2025', timeRuns(5, () => planDrain(t, t.nodes[0]!.id)), 200);
  once('every node in turn, 10,000 VMs, both modes', () => drainEveryNode(t), 1000);
  once('report export (HTML + Markdown), every pair', () => buildReport(t, all, [], {}), 5000, 500);

  const eight = generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2, name: '64 nodes, 8,000 VMs' });
  eight.vms = spreadVms(eight.nodes!, 8_000);
  console.log(`\n64-node two-site cluster with 8,000 VMs (Windows Server's maximum)`);
  once('open: parse', () => parsed(eight), 2000);
  const e = parsed(eight);
  report('drain of one node (125 VMs), ws2025', timeRuns(5, () => planDrain(e, e.nodes[0]!.id)), 200);
  once('every node in turn, both modes', () => drainEveryNode(e), 1000);
  once('report export, every pair', () => buildReport(e, analyzeAllPairs(e), [], {}), 5000, 500);
}

/**
 * Issue 24 — what the app accepts, it serves: the figures of the goal, in Node, for the largest
 * design the app accepts (round 3: 32 sites × 4 nodes at 8 NICs each — 1,024 NICs, the limit —
 * 256 networks, 128 routers, 62 routes on each live migration NIC, 10,000 VMs), every kind of
 * edit on it beside the 200 ms an edit may take, and a 64-node cluster with Windows Server's
 * 8,000 VMs, next to their budgets. Prints figures; asserts nothing. `EDITS_ONLY=1` stops after
 * the edits. The Maintenance tab's and a node's Details' rendering are measured in the component
 * tests' terms (rows drawn), not here.
 */
import { analyzeAllPairs, drainEveryNode, parseTopology, planDrain, runChecks, type Topology, type TopologyDocument } from '../src/engine';
import { applyEdit, copyNodes, type Edit } from '../src/engine/edit';
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
  // Every kind of edit, with the parse it needs (the store's path: `applyEdit` from the kept parse).
  const node = largest.nodes![0]!;
  const nic = largest.nics!.find((n) => n.node === node.id && n.id.endsWith('-lm1'))!;
  const network = largest.networks!.find((n) => n.id === 'lm-a1')!;
  const router = largest.routers![0]!;
  const site = largest.sites![0]!;
  const clip = copyNodes(largest, [largest.nodes![1]!.id])!;
  const edits: [string, Edit][] = [
    ["one VM's memory", { type: 'update-vm', id: vm.id, patch: { memoryGB: vm.memoryGB + 1 } }],
    ['10 VMs deleted and 10 added to a node (one batch)', { type: 'batch', edits: [{ type: 'delete-vms', ids: largest.vms!.slice(0, 10).map((v) => v.id) }, { type: 'add-vms', node: largest.nodes![1]!.id, memoryGB: 8, count: 10 }] }],
    ['a node moved on the diagram (positions)', { type: 'set-positions', positions: { [node.id]: { x: 10, y: 20 } } }],
    ['the planning assumptions', { type: 'set-planning', planning: { precopyOverhead: 0.3 } }],
    ['the design renamed', { type: 'update-topology', patch: { name: 'Renamed' } }],
    ['a node renamed', { type: 'update-node', id: node.id, patch: { name: 'Renamed' } }],
    ['a NIC renamed', { type: 'update-nic', id: nic.id, patch: { name: 'Renamed' } }],
    ['a network renamed', { type: 'update-network', id: network.id, patch: { name: 'Renamed' } }],
    ['a router renamed', { type: 'update-router', id: router.id, patch: { name: 'Renamed' } }],
    ['a site renamed', { type: 'update-site', id: site.id, patch: { name: 'Renamed' } }],
    ['a node drained (state)', { type: 'update-node', id: node.id, patch: { state: 'paused' } }],
    ["a NIC's speed", { type: 'update-nic', id: nic.id, patch: { speedGbps: 50 } }],
    ["a NIC's address", { type: 'update-nic', id: nic.id, patch: { addresses: [nic.addresses[0]!.replace(/\.(\d+)\//, '.250/')] } }],
    ["a network's metric", { type: 'update-network', id: network.id, patch: { metric: 5000 } }],
    ['a network failed (state)', { type: 'update-network', id: network.id, patch: { state: 'down' } }],
    ["a router's interfaces", { type: 'update-router', id: router.id, patch: { interfaces: router.interfaces.slice(0, -1) } }],
    ['a route added', { type: 'add-route', nic: nic.id, route: { prefix: '192.168.50.0/24', via: nic.routes![0]!.via } }],
    ['the live migration order', { type: 'set-live-migration', networkOrder: [...largest.liveMigration!.networkOrder!].reverse() }],
    ['a node deleted (its 8 NICs and 78 VMs with it)', { type: 'delete', ids: [node.id] }],
    ['a NIC deleted', { type: 'delete', ids: [nic.id] }],
    ['a network deleted', { type: 'delete', ids: [largest.networks!.find((n) => n.id.startsWith('st-'))!.id] }],
    ['a router deleted', { type: 'delete', ids: [router.id] }],
    ['a node moved to another site', { type: 'move', ids: [node.id], to: largest.sites![1]!.id }],
  ];
  for (const [what, e] of edits) report(`edit: ${what}`, timeRuns(5, edit(e)), 200);
  // What adds an element, on the design with its last node, network and router gone (at the limits, it is refused).
  const fewer = applyEdit(largest, { type: 'delete', ids: [largest.nodes!.at(-1)!.id, largest.networks!.at(-1)!.id, largest.routers!.at(-1)!.id] }, before);
  if (!fewer.ok) throw new Error('refused');
  const adds: [string, Edit][] = [
    ['a node added to a site', { type: 'add-node', site: site.id }],
    ['a NIC added', { type: 'add-nic', node: largest.nodes![5]!.id }],
    ['a node pasted (8 NICs)', { type: 'paste', clip }],
    ['a network added', { type: 'add-network' }],
    ['a router added', { type: 'add-router', site: site.id }],
  ];
  for (const [what, e] of adds)
    report(
      `edit: ${what}`,
      timeRuns(5, () => {
        const r = applyEdit(fewer.document, e, fewer);
        if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 2)));
      }),
      200,
    );
  report('drain of one node (78 VMs), ws2025', timeRuns(5, () => planDrain(t, t.nodes[0]!.id)), 200);
  if (process.env.EDITS_ONLY === '1') return;
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

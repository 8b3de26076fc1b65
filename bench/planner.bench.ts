/**
 * Maintenance planner benchmark (issue 12), on the generated two-site cluster of 64 nodes with
 * SMB and 4 parallel migrations: planDrain for a node running 200 VMs (budget 20 ms), and every
 * node in turn with 2,000 VMs (64 drains per mode, budget 300 ms). Prints figures; asserts nothing.
 */
import { drainEveryNode, parseTopology, planDrain, type Topology, type TopologyDocument, type VmDoc } from '../src/engine';
import { generateTwoSiteCluster } from '../test/generate';
import { report, timeRuns } from './util';

const SIZES = [4, 8, 8, 12, 16, 16, 24, 32, 48, 64];

function withVms(base: TopologyDocument, perNode: (i: number) => number): Topology {
  const vms: VmDoc[] = [];
  (base.nodes ?? []).forEach((n, i) => {
    for (let k = 0; k < perNode(i); k++) vms.push({ id: `vm-${n.id}-${k}`, name: `${n.name}-VM${k}`, node: n.id, memoryGB: SIZES[(i * 7 + k * 3) % SIZES.length]!, ...(k % 17 === 16 ? { state: 'off' as const } : {}) });
  });
  const r = parseTopology({ ...base, liveMigration: { ...base.liveMigration, transport: 'smb', maxParallelMigrations: 4 }, vms });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

export function benchPlanner(): void {
  const base = generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2 });
  const one = withVms(base, (i) => (i === 0 ? 200 : 20));
  const source = one.nodes[0]!.id;
  console.log(`cluster: ${one.nodes.length} nodes, SMB, 4 parallel migrations; ${one.index.vmsByNode.get(source)!.length} VMs on ${source}, ${one.vms.length} in all`);
  const ws = planDrain(one, source);
  const legacy = planDrain(one, source, { mode: 'legacy' });
  console.log(`  drain of ${source}: ${ws.totalSeconds.toFixed(0)} s (ws2025), ${legacy.totalSeconds.toFixed(0)} s (legacy, ${legacy.waitingSeconds} s waiting)`);
  report('planDrain, one node with 200 VMs, ws2025', timeRuns(41, () => planDrain(one, source)), 20);
  report('planDrain, one node with 200 VMs, legacy', timeRuns(41, () => planDrain(one, source, { mode: 'legacy' })), 20);

  const all = withVms(base, (i) => 31 + (i < 16 ? 1 : 0)); // 64 × 31 + 16 = 2,000 VMs
  console.log(`every node in turn: ${all.nodes.length} nodes, ${all.vms.length} VMs`);
  report('drainEveryNode (64 drains in each mode = 128 plans)', timeRuns(7, () => drainEveryNode(all)), 300);
}

/**
 * Where each VM of a drain goes (migration-time.md §2): one chosen node, or balanced — the up
 * nodes the source reaches in the mode (only those of its own site when it has any there), each
 * running VM to the one with the least planned memory, ties by id.
 */
import type { Topology, Vm } from '../model/types';

/** Picks destinations for VMs given in drain order; call once per VM, in that order. */
export interface DestinationPicker {
  pick(vm: Vm): string | null;
}

/**
 * Candidates of the balanced rule, ascending id. `reaches(d)`: the source has a chosen path to d.
 * The nodes of the source's own site are asked first, the others only when none of them is
 * reachable: a path is a selection to compute, and in an 8-site design 7 in 8 were not needed.
 */
export function balancedCandidates(topology: Topology, sourceNodeId: string, reaches: (d: string) => boolean): string[] {
  const source = topology.index.nodes.get(sourceNodeId);
  const site = source?.site ?? null;
  const up = topology.nodes.filter((n) => n.id !== sourceNodeId && n.state === 'up');
  const local = site === null ? [] : up.filter((n) => n.site === site && reaches(n.id));
  return (local.length > 0 ? local : up.filter((n) => reaches(n.id))).map((n) => n.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Memory of the running VMs on each node, summed in the VMs' order (as the planner always did),
 * once per topology: every drain of every-node started by going through all 10,000 VMs.
 */
const runningMemory = new WeakMap<Topology, Map<string, number>>();
function runningMemoryByNode(topology: Topology): Map<string, number> {
  let m = runningMemory.get(topology);
  if (!m) {
    m = new Map();
    for (const vm of topology.vms) if (vm.state === 'running') m.set(vm.node, (m.get(vm.node) ?? 0) + vm.memoryGB);
    runningMemory.set(topology, m);
  }
  return m;
}

export function balancedPicker(topology: Topology, candidates: readonly string[]): DestinationPicker {
  const memory = runningMemoryByNode(topology);
  const planned = new Map<string, number>(candidates.map((id) => [id, memory.get(id) ?? 0]));
  return {
    pick(vm) {
      let best: string | null = null;
      // Candidates are in id order, so the first of equal planned memory wins the tie.
      for (const id of candidates) if (best === null || planned.get(id)! < planned.get(best)!) best = id;
      if (best !== null && vm.state === 'running') planned.set(best, planned.get(best)! + vm.memoryGB);
      return best;
    },
  };
}

export const fixedPicker = (nodeId: string): DestinationPicker => ({ pick: () => nodeId });

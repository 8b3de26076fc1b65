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

/** Candidates of the balanced rule, ascending id. `reaches(d)`: the source has a chosen path to d. */
export function balancedCandidates(topology: Topology, sourceNodeId: string, reaches: (d: string) => boolean): string[] {
  const source = topology.index.nodes.get(sourceNodeId);
  const all = topology.nodes.filter((n) => n.id !== sourceNodeId && n.state === 'up' && reaches(n.id));
  const site = source?.site ?? null;
  const local = site === null ? [] : all.filter((n) => n.site === site);
  return (local.length > 0 ? local : all).map((n) => n.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function balancedPicker(topology: Topology, candidates: readonly string[]): DestinationPicker {
  const planned = new Map<string, number>(candidates.map((id) => [id, 0]));
  for (const vm of topology.vms) if (vm.state === 'running' && planned.has(vm.node)) planned.set(vm.node, planned.get(vm.node)! + vm.memoryGB);
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

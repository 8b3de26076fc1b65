/** Which VMs a drain moves, in which order (migration-time.md §1). */
import type { Vm } from '../model/types';

/** UTF-16 code unit order, as everywhere in the spec (not the locale's). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The VMs on `nodeId`: memory descending, then name, then id. */
export function drainOrder(vms: readonly Vm[], nodeId: string): Vm[] {
  return vms
    .filter((v) => v.node === nodeId)
    .sort((a, b) => b.memoryGB - a.memoryGB || byCodeUnits(a.name, b.name) || byCodeUnits(a.id, b.id));
}

/**
 * The selection of a pair as the planner needs it: chosen path, fallbacks and delay, without the
 * exclusions and their messages (a drain asks for up to one selection per node, and every-node
 * for all of them). Assembled where every selection is, in select.ts.
 */
import { selectPair } from '../model/select';
import type { Mode, Selection, Topology } from '../model/types';

export function pairSelection(topology: Topology, s: string, d: string, mode: Mode, timeout: number): Selection {
  return selectPair(topology, s, d, mode, timeout, false);
}

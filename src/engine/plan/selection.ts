/**
 * The selection of a pair as the planner needs it: chosen path, fallbacks and delay, without the
 * exclusions and their messages (a drain asks for up to one selection per node, and every-node
 * for all of them). Assembled where every selection is, in select.ts.
 */
import { selectPair, type PairPathCache } from '../model/select';
import type { Mode, Selection, Topology } from '../model/types';

/** Ranked paths of pairs already asked for: both modes' drains of a node share them (issue 24). */
export type PathCache = PairPathCache;

export function pairSelection(topology: Topology, s: string, d: string, mode: Mode, timeout: number, cache?: PathCache): Selection {
  return selectPair(topology, s, d, mode, timeout, false, cache);
}

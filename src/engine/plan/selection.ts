/**
 * The selection of a pair as the planner needs it: chosen path, fallbacks and delay, without the
 * exclusions and their messages (a drain asks for up to one selection per node, and every-node
 * for all of them). Built from select.ts's own steps, the way all-pairs builds its selections.
 */
import { failedSelection, legacyCore, nodeCheck, prepare, rankedPaths, ws2025Core } from '../model/select';
import type { Mode, PathCandidate, Selection, Topology } from '../model/types';

/** Ranked paths of pairs already asked for, by `source \0 destination`: both modes' drains of a node share them. */
export type PathCache = Map<string, readonly PathCandidate[]>;

export function pairSelection(topology: Topology, s: string, d: string, mode: Mode, timeout: number, cache?: PathCache): Selection {
  const failed = nodeCheck(topology, s, d);
  if (failed) return failedSelection(mode, s, d, failed);
  const p = prepare(topology);
  const key = `${s}\u0000${d}`;
  let paths = cache?.get(key);
  if (!paths) {
    paths = rankedPaths(p, s, d, null);
    cache?.set(key, paths);
  }
  const core = mode === 'ws2025' ? ws2025Core(paths) : legacyCore(p, s, d, paths, timeout);
  return { mode, sourceNodeId: s, destinationNodeId: d, ...core, excluded: [] };
}

/**
 * The selection of a pair as the planner needs it: chosen path, fallbacks and delay, without the
 * exclusions and their messages (a drain asks for up to one selection per node, and every-node
 * for all of them). Built from select.ts's own steps, the way all-pairs builds its selections.
 */
import { failedSelection, legacyCore, nodeCheck, prepare, rankedPaths, ws2025Core } from '../model/select';
import type { Mode, Selection, Topology } from '../model/types';

export function pairSelection(topology: Topology, s: string, d: string, mode: Mode, timeout: number): Selection {
  const failed = nodeCheck(topology, s, d);
  if (failed) return failedSelection(mode, s, d, failed);
  const p = prepare(topology);
  const paths = rankedPaths(p, s, d, null);
  const core = mode === 'ws2025' ? ws2025Core(paths) : legacyCore(p, s, d, paths, timeout);
  return { mode, sourceNodeId: s, destinationNodeId: d, ...core, excluded: [] };
}

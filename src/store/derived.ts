/**
 * Values derived from the store's state that more than one reader needs, computed once. The
 * pair's selection is read by the canvas (the highlight) and by the panels (path, comparison,
 * why): both go through here, so a click computes it once per mode.
 */
import { selectMigrationPath, type Mode, type Selection, type Topology } from '../engine';
import type { AppState } from './appStore';

export interface PairSelections {
  ws2025: Selection;
  legacy: Selection;
}

// Per topology (the design with the what-if failures applied: a new failure is a new topology),
// a few pairs, modes and timeouts; a topology no longer referenced takes its entries with it.
const cache = new WeakMap<Topology, Map<string, Selection>>();
const PER_TOPOLOGY = 64;

/** The selection of one pair in one mode, memoised per topology, pair, mode and timeout. */
export function selectionFor(t: Topology, source: string, destination: string, mode: Mode, timeout: number): Selection {
  let byKey = cache.get(t);
  if (!byKey) cache.set(t, (byKey = new Map()));
  const key = `${mode}\u0000${timeout}\u0000${source}\u0000${destination}`;
  let s = byKey.get(key);
  if (!s) {
    if (byKey.size >= PER_TOPOLOGY) byKey.clear();
    byKey.set(key, (s = selectMigrationPath(t, source, destination, { mode, legacyTimeoutSeconds: timeout })));
  }
  return s;
}

/** The selection in the mode the user is looking at, or null while the pair is incomplete. */
export function activeSelection(s: AppState): Selection | null {
  const { sourceNodeId: src, destinationNodeId: dst, mode, legacyTimeoutSeconds: timeout } = s.ui;
  return src && dst ? selectionFor(s.effective, src, dst, mode, timeout) : null;
}

let last: PairSelections | null = null;
/** The selection in both modes (the comparison), or null while the pair is incomplete. Same object while neither changes. */
export function pairSelections(s: AppState): PairSelections | null {
  const { sourceNodeId: src, destinationNodeId: dst, legacyTimeoutSeconds: timeout } = s.ui;
  if (!src || !dst) return null;
  const ws2025 = selectionFor(s.effective, src, dst, 'ws2025', timeout);
  const legacy = selectionFor(s.effective, src, dst, 'legacy', timeout);
  if (last?.ws2025 !== ws2025 || last.legacy !== legacy) last = { ws2025, legacy };
  return last;
}

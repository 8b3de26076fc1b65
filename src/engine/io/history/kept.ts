/**
 * The design's kept migration history and its past migrations, memoised per parsed topology. Light
 * on purpose (no script, no file reader): the All pairs and Maintenance tabs read it.
 */
import type { Topology } from '../../model/types';
import { pastMigrations, type PastMigrations } from './migrations';
import { readHistory } from './observations';
import type { HistoryRecord } from './types';

const kept = new WeakMap<Topology, { record: HistoryRecord; past: PastMigrations } | null>();

export function historyOf(t: Topology): { record: HistoryRecord; past: PastMigrations } | null {
  if (kept.has(t)) return kept.get(t)!;
  const record = readHistory(t.document);
  const out = record ? { record, past: pastMigrations(t, record) } : null;
  kept.set(t, out);
  return out;
}

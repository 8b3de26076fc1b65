/**
 * The migration history kept with a design: `observations.history`, beside the path test (same
 * top-level field, kept by the format). Read defensively: what is not understood is left out.
 */
import type { TopologyDocument } from '../../model/types';
import { isRecord } from '../../model/shape';
import { OBSERVATIONS_FIELD, withObservation } from '../verify/observations';
import type { HistoryEvent, HistoryEventKind, HistoryRecord } from './types';

const KINDS = new Set<string>(['role-moving', 'completed', 'long-blackout', 'connection-failed']);
const STRINGS = ['vm', 'from', 'to', 'host', 'code', 'message'] as const;

function readEvent(v: unknown): HistoryEvent | null {
  if (!isRecord(v) || typeof v.kind !== 'string' || !KINDS.has(v.kind) || typeof v.node !== 'string' || typeof v.time !== 'string' || Number.isNaN(Date.parse(v.time))) return null;
  const e: HistoryEvent = { kind: v.kind as HistoryEventKind, node: v.node, time: v.time };
  if (typeof v.eventId === 'number') e.eventId = v.eventId;
  if (typeof v.blackoutSeconds === 'number' && v.blackoutSeconds >= 0) e.blackoutSeconds = v.blackoutSeconds;
  for (const k of STRINGS) if (typeof v[k] === 'string') e[k] = v[k];
  return e;
}

const cache = new WeakMap<object, HistoryRecord | null>();

/** The history kept with the design, or null. Memoised per stored object (documents are immutable). */
export function readHistory(doc: TopologyDocument): HistoryRecord | null {
  const o = doc[OBSERVATIONS_FIELD];
  if (!isRecord(o) || !isRecord(o.history)) return null;
  const v = o.history;
  if (cache.has(v)) return cache.get(v)!;
  let record: HistoryRecord | null = null;
  if (v.format === 'lm-history' && Array.isArray(v.events)) {
    record = {
      format: 'lm-history',
      version: 1,
      events: v.events.map(readEvent).filter((e): e is HistoryEvent => e !== null),
      notes: Array.isArray(v.notes) ? v.notes.filter((n): n is string => typeof n === 'string') : [],
    };
    for (const k of ['cluster', 'collectedAt', 'collectedOn', 'fileName', 'importedAt'] as const) if (typeof v[k] === 'string') record[k] = v[k];
    if (typeof v.days === 'number') record.days = v.days;
  }
  cache.set(v, record);
  return record;
}

/** The document with the history replaced (null: removed). */
export const withHistory = (doc: TopologyDocument, record: HistoryRecord | null): TopologyDocument => withObservation(doc, 'history', record);

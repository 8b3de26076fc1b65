/**
 * The observations kept with a design: the top-level `observations` field of the topology
 * document (unknown top-level fields are kept by the format, so they survive save → open). The
 * field is plain JSON anyone may edit, so it is read defensively: what is not understood is left
 * out, never an error — the design itself is what the parser checks.
 */
import { LIMITS, OBSERVATIONS_FIELD, observationValues } from '../../model/limits';
import type { TopologyDocument } from '../../model/types';
import { isRecord } from '../../model/shape';
import { CONNECT_OUTCOMES } from './names';
import type { ConnectAttempt, ConnectOutcome, ObservationsDoc, PathTestRecord } from './types';

export { OBSERVATIONS_FIELD };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const OUTCOMES = new Set<string>(CONNECT_OUTCOMES);

function readAttempt(v: unknown): ConnectAttempt | null {
  if (!isRecord(v)) return null;
  const { source, sourceAddress, destination, destinationAddress, port, outcome, seconds } = v;
  if (typeof source !== 'string' || typeof sourceAddress !== 'string' || typeof destination !== 'string' || typeof destinationAddress !== 'string') return null;
  if (typeof port !== 'number' || typeof outcome !== 'string' || !OUTCOMES.has(outcome)) return null;
  const a: ConnectAttempt = { source, sourceAddress, destination, destinationAddress, port, outcome: outcome as ConnectOutcome, seconds: typeof seconds === 'number' && seconds >= 0 ? seconds : null };
  if (typeof v.windowsGaveUp === 'boolean') a.windowsGaveUp = v.windowsGaveUp;
  if (typeof v.error === 'string') a.error = v.error;
  return a;
}

const cache = new WeakMap<object, PathTestRecord | null>();

/** The path test kept with the design, or null. Memoised per stored object (documents are immutable). */
export function readPathTest(doc: TopologyDocument): PathTestRecord | null {
  const o = doc[OBSERVATIONS_FIELD];
  if (!isRecord(o) || !isRecord(o.pathTest)) return null;
  const v = o.pathTest;
  if (cache.has(v)) return cache.get(v)!;
  let record: PathTestRecord | null = null;
  if (v.format === 'lm-path-test' && Array.isArray(v.attempts)) {
    record = {
      format: 'lm-path-test',
      version: 1,
      attempts: v.attempts.map(readAttempt).filter((a): a is ConnectAttempt => a !== null),
      notes: Array.isArray(v.notes) ? v.notes.filter((n): n is string => typeof n === 'string') : [],
    };
    for (const k of ['design', 'cluster', 'collectedAt', 'collectedOn', 'scope', 'fileName', 'importedAt'] as const) {
      const s = str(v[k]);
      if (s !== undefined) record[k] = s;
    }
    if (typeof v.timeoutSeconds === 'number') record.timeoutSeconds = v.timeoutSeconds;
  }
  cache.set(v, record);
  return record;
}

/**
 * The document with one kind of observation (`pathTest`, `history`) replaced; null removes it, and
 * the field goes when nothing is left. What else `observations` holds is kept as it is.
 */
export function withObservation(doc: TopologyDocument, key: string, record: object | null): TopologyDocument {
  const before = isRecord(doc[OBSERVATIONS_FIELD]) ? (doc[OBSERVATIONS_FIELD] as ObservationsDoc) : {};
  const { [key]: _old, ...rest } = before;
  const next: ObservationsDoc = record ? { ...rest, [key]: record } : rest;
  const out: TopologyDocument = { ...doc };
  if (Object.keys(next).length === 0) delete out[OBSERVATIONS_FIELD];
  else out[OBSERVATIONS_FIELD] = next;
  return out;
}

/** The document with the path test replaced (null: removed). */
export const withPathTest = (doc: TopologyDocument, record: PathTestRecord | null): TopologyDocument => withObservation(doc, 'pathTest', record);

/**
 * True when the document keeps more observations than the format accepts: the path test, the
 * migration history and anything added by hand to `observations` share one limit of values
 * (LIMITS.observationValues; the inventory's origin has its own). The imports say what to clear
 * instead of the parser's words.
 */
export function keepsTooMuch(doc: TopologyDocument): boolean {
  return observationValues(doc) > LIMITS.observationValues;
}

/**
 * The design's kept path test and its comparison, memoised per parsed topology. Light on purpose:
 * the Validation badge reads it on a first visit, so it imports neither the script nor the file
 * reader (test/e2e/bundle.e2e.ts checks where they end up).
 */
import type { Topology } from '../../model/types';
import { comparePathTest, type PathTestComparison } from './compare';
import { readPathTest } from './observations';
import type { PathTestRecord } from './types';

const compared = new WeakMap<Topology, { record: PathTestRecord; comparison: PathTestComparison } | null>();

/** The design's kept path test and its comparison with the design, or null. */
export function pathTestOf(t: Topology): { record: PathTestRecord; comparison: PathTestComparison } | null {
  if (compared.has(t)) return compared.get(t)!;
  const record = readPathTest(t.document);
  const out = record ? { record, comparison: comparePathTest(t, record) } : null;
  compared.set(t, out);
  return out;
}

/** Checking the design against the cluster: the path test script, its result file, the comparison. */
export { buildPathTestScript, designNodes, PATH_TEST_FILE, PATH_TEST_SCRIPT_FILE, PATH_TEST_FORMAT, LIVE_MIGRATION_PORT, SMB_PORT, ALL_PAIRS_UP_TO, CONNECT_BATCH } from './script';
export { parsePathTest, shortName, MAX_ATTEMPTS, MAX_PATH_TEST_BYTES, type PathTestRead } from './parse';
export { comparePathTest, type MeasuredRow, type Measurement, type PathTestComparison, type Prediction, type UnmatchedAttempt } from './compare';
export { readPathTest, withPathTest, OBSERVATIONS_FIELD } from './observations';
export type { ConnectAttempt, ConnectOutcome, ObservationsDoc, PathTestRecord } from './types';

import type { Topology } from '../../model/types';
import { comparePathTest as compare, type PathTestComparison as Comparison } from './compare';
import { readPathTest as read } from './observations';
import type { PathTestRecord as Rec } from './types';

const compared = new WeakMap<Topology, { record: Rec; comparison: Comparison } | null>();

/** The design's kept path test and its comparison with the design, or null. Memoised per parsed topology. */
export function pathTestOf(t: Topology): { record: Rec; comparison: Comparison } | null {
  if (compared.has(t)) return compared.get(t)!;
  const record = read(t.document);
  const out = record ? { record, comparison: compare(t, record) } : null;
  compared.set(t, out);
  return out;
}

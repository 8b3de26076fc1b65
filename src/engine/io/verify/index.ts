/** Checking the design against the cluster: the path test script, its result file, the comparison. */
export { buildPathTestScript, designNodes, PATH_TEST_FILE, PATH_TEST_SCRIPT_FILE, PATH_TEST_FORMAT, LIVE_MIGRATION_PORT, SMB_PORT, ALL_PAIRS_UP_TO, CONNECT_BATCH } from './script';
export { shortName } from './names';
export { pathTestOf } from './kept';
export { parsePathTest, MAX_ATTEMPTS, MAX_PATH_TEST_BYTES, type PathTestRead } from './parse';
export { comparePathTest, type MeasuredRow, type Measurement, type PathTestComparison, type Prediction, type UnmatchedAttempt } from './compare';
export { keepsTooMuch, readPathTest, withPathTest, OBSERVATIONS_FIELD } from './observations';
export type { ConnectAttempt, ConnectOutcome, ObservationsDoc, PathTestRecord } from './types';

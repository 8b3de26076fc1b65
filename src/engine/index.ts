/** The engine's public entry: pure TypeScript, no React, DOM, zustand or cytoscape. */
export { parseTopology, FORMAT, VERSION } from './model/parse';
export { reparseTopology, type ParsedTopology } from './model/reparse';
export {
  DEFAULT_TRANSPORT, DEFAULT_MAX_PARALLEL_MIGRATIONS, DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR, DEFAULT_PLANNING,
  MAX_PARALLEL_MIGRATIONS_RANGE, SMB_BANDWIDTH_LIMIT_FACTOR_RANGE, ATC_MAX_MIGRATIONS_RANGE,
} from './model/defaults';
export { selectMigrationPath, DEFAULT_LEGACY_TIMEOUT_SECONDS } from './model/select';
export { LEGACY_TIMEOUT_RANGE, MAX_LEGACY_TIMEOUT_SECONDS, isLegacyTimeout } from './model/timeout';
export { analyzeAllPairs, PAIR_FAILURES } from './analysis/allPairs';
export { clusterOwnNetwork, orderNetworks, orderText, orderBasisText } from './model/order';
export { streamsOf, chosenPairIdle, smbCandidates, smbPreferred, rdmaText, transportText, TRANSPORT_LABEL, type Stream } from './model/streams';
export { derivedMetric, derivedMetricTerms, METRIC_RDMA_DEDUCTION, METRIC_SPEED_DEDUCTION_MAX, type MetricTerms } from './model/derive';
export { parseClusterInventory, INVENTORY_SCRIPT } from './io/inventory';
export { REASON_TEXT, networkName, nodeName, nicLabel, routerName, nodeFailureMessage } from './text/messages';
export { elementTitle } from './text/elementTitle';
export { MODE_LABEL, MODE_TITLE, modeInSentence, formatSeconds } from './text/modeText';
export { analyzeResilience, rankImpacts } from './analysis/resilience';
export type { ElementImpact, LegacyImpact, MovedPair, PairRef, ResilienceOptions, ResilienceReport } from './analysis/resilience';
export { runChecks, multiNicNetworks } from './analysis/checks';
export { describeOrigin, ATC_DRIFT_NOTICE } from './text/originText';
export { readOrigin, atcManagesLiveMigration, networkIntent, intentTypesText, WS2025_BUILD } from './model/origin';
export type { TopologyOrigin, OriginHost, OriginIntent, NetworkAtc, AtcOverrides, IntentType } from './model/origin';
export { compareModes, type ModeComparison } from './analysis/compareModes';
export { describeImpact, describeLegacyImpact, elementLabel, movedGroups, networkPairLabel, pairList } from './text/impactText';
export type * from './model/types';
export { elementKind, type ElementKind } from './model/elementKind';
export { ownValue, setOwn } from './model/own';
export { applyFailures, failableKind, type FailableKind } from './model/whatif';
export { parseCidr, prefixContains } from './model/address';
export { planDrain, drainEveryNode, drainCsv, everyNodeCsv, calibrateEfficiency, formatDuration, compareSentence, drainCounts, noVmMoves, drainTotalText, vmSummary, streamLabel, streamsLabel, transferBits, timelineLanes, heldSlot, assumptionRows, TRANSPORT_NAME } from './plan';
export type { Calibration, CalibrationInput, DrainFigures, DrainMigration, DrainOptions, DrainPlan, DrainStream, EveryNodeResult, NodeDrainRow } from './plan';
// Issue 23: the kept path test and its comparison (light: no script, no file reader — those are in src/engine/io).
export { pathTestOf } from './io/verify/kept';
export type { MeasuredRow, Measurement, PathTestComparison, Prediction, UnmatchedAttempt } from './io/verify/compare';
export type { ConnectAttempt, ConnectOutcome, ObservationsDoc, PathTestRecord } from './io/verify/types';
// Issue 23 item 2: the kept migration history, its past migrations and the calibration from them.
export { historyOf } from './io/history/kept';
export { calibrateFromHistory } from './plan';
export type { HistoryCalibration, ObservedMigration, TransportCalibration } from './plan';
export type { ConnectionFailure, PastMigration, PastMigrations, UnmatchedEvent } from './io/history/migrations';
export type { HistoryEvent, HistoryEventKind, HistoryRecord } from './io/history/types';

/** The engine's public entry: pure TypeScript, no React, DOM, zustand or cytoscape. */
export { parseTopology, FORMAT, VERSION } from './parse';
export {
  DEFAULT_TRANSPORT, DEFAULT_MAX_PARALLEL_MIGRATIONS, DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR, DEFAULT_PLANNING,
  MAX_PARALLEL_MIGRATIONS_RANGE, SMB_BANDWIDTH_LIMIT_FACTOR_RANGE,
} from './defaults';
export { selectMigrationPath, DEFAULT_LEGACY_TIMEOUT_SECONDS } from './select';
export { LEGACY_TIMEOUT_RANGE, MAX_LEGACY_TIMEOUT_SECONDS, isLegacyTimeout } from './timeout';
export { analyzeAllPairs, PAIR_FAILURES } from './allPairs';
export { clusterOwnNetwork, orderNetworks, orderText, orderBasisText } from './order';
export { streamsOf, rdmaText, transportText, TRANSPORT_LABEL, type Stream } from './streams';
export { parseClusterInventory, INVENTORY_SCRIPT } from './inventory';
export { REASON_TEXT, networkName, nodeName, nicLabel, routerName, nodeFailureMessage } from './messages';
export { analyzeResilience, rankImpacts } from './resilience';
export type { ElementImpact, LegacyImpact, MovedPair, PairRef, ResilienceOptions, ResilienceReport } from './resilience';
export { runChecks, multiNicNetworks } from './checks';
export { describeOrigin, ATC_DRIFT_NOTICE } from './originText';
export { readOrigin, atcManagesLiveMigration, networkIntent, intentTypesText, WS2025_BUILD } from './origin';
export type { TopologyOrigin, OriginHost, OriginIntent, NetworkAtc, AtcOverrides, IntentType } from './origin';
export { compareModes, type ModeComparison } from './analysis/compareModes';
export { describeImpact, describeLegacyImpact, elementLabel, movedGroups, networkPairLabel, pairList } from './analysis/impactText';
export type * from './types';
export { planDrain, drainEveryNode, drainCsv, everyNodeCsv, calibrateEfficiency, formatDuration, compareSentence, vmSummary, streamLabel, streamsLabel, transferBits, timelineLanes, heldSlot, assumptionRows, TRANSPORT_NAME } from './plan';
export type { Calibration, CalibrationInput, DrainFigures, DrainMigration, DrainOptions, DrainPlan, DrainStream, EveryNodeResult, NodeDrainRow } from './plan';

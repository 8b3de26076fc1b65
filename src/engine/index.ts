/** The engine's public entry: pure TypeScript, no React, DOM, zustand or cytoscape. */
export { parseTopology, FORMAT, VERSION } from './parse';
export {
  DEFAULT_TRANSPORT, DEFAULT_MAX_PARALLEL_MIGRATIONS, DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR, DEFAULT_PLANNING,
  MAX_PARALLEL_MIGRATIONS_RANGE, SMB_BANDWIDTH_LIMIT_FACTOR_RANGE,
} from './defaults';
export { selectMigrationPath, DEFAULT_LEGACY_TIMEOUT_SECONDS } from './select';
export { analyzeAllPairs } from './allPairs';
export { parseClusterInventory, INVENTORY_SCRIPT } from './inventory';
export { REASON_TEXT, networkName, nodeName, nicLabel, routerName, nodeFailureMessage } from './messages';
export { analyzeResilience, rankImpacts } from './resilience';
export type { ElementImpact, LegacyImpact, MovedPair, PairRef, ResilienceOptions, ResilienceReport } from './resilience';
export { runChecks } from './checks';
export { compareModes, type ModeComparison } from './analysis/compareModes';
export { describeImpact, describeLegacyImpact, elementLabel, movedGroups, networkPairLabel, pairList } from './analysis/impactText';
export type * from './types';

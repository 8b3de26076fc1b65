/** The engine's public entry: pure TypeScript, no React, DOM, zustand or cytoscape. */
export { parseTopology, FORMAT, VERSION } from './parse';
export { selectMigrationPath, DEFAULT_LEGACY_TIMEOUT_SECONDS } from './select';
export { analyzeAllPairs } from './allPairs';
export { REASON_TEXT, networkName, nodeName, nicLabel, routerName, nodeFailureMessage } from './messages';
export type * from './types';

/** What past migrations took: the history script, its result file, the migrations paired from it. */
export { buildHistoryScript, HISTORY_FILE, HISTORY_SCRIPT_FILE, HISTORY_FORMAT, HISTORY_DEFAULT_DAYS, HISTORY_DEFAULT_MAX_EVENTS, HISTORY_QUERIES } from './script';
export { parseHistory, readTime, MAX_HISTORY_EVENTS, MAX_HISTORY_BYTES, type HistoryRead } from './parse';
export { readHistory, withHistory } from './observations';
export { pastMigrations, PAIR_WITHIN_MS, type ConnectionFailure, type PastMigration, type PastMigrations, type UnmatchedEvent } from './migrations';
export { historyOf } from './kept';
export type { HistoryEvent, HistoryEventKind, HistoryRecord } from './types';

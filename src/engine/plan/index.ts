/** The maintenance planner (migration-time.md): how long draining a node takes, in both modes. */
export { planDrain, transferBits, rateSettings } from './drain';
export { drainEveryNode, figuresOf, type DrainFigures, type EveryNodeResult, type NodeDrainRow } from './everyNode';
export { drainCsv, everyNodeCsv } from './csv';
export { calibrateEfficiency, type Calibration, type CalibrationInput } from './calibrate';
export { calibrateFromHistory, type HistoryCalibration, type ObservedMigration, type TransportCalibration } from './historyCalibration';
export { formatDuration, compareSentence, drainCounts, noVmMoves, drainTotalText, vmSummary } from './text';
export { streamLabel, streamsLabel } from './describe';
export { timelineLanes, heldSlot } from './lanes';
export { assumptionRows, TRANSPORT_NAME } from './assumptions';
export type { DrainMigration, DrainOptions, DrainPlan, DrainStream } from './types';

/** Result types of `planDrain` (migration-time.md, "Result"): plain JSON. */
import type { Stream } from '../model/streams';
import type { Mode } from '../model/types';

/** A stream of a migration: `streamsOf` (selection-algorithm.md, "Transport and streams"). */
export type DrainStream = Stream;

export interface DrainMigration {
  vmId: string;
  destinationNodeId: string | null;
  startSeconds: number;
  transferStartSeconds: number;
  transferEndSeconds: number;
  endSeconds: number;
  streams: DrainStream[];
  /** Transfer bits (memory × (1 + precopyOverhead)) / transfer seconds, Gbps; 0 when none. */
  averageGbps: number;
  failure?: 'no-path' | 'no-destination';
}

export interface DrainPlan {
  sourceNodeId: string;
  mode: Mode;
  /** In the order of migration-time.md §1. */
  migrations: DrainMigration[];
  /** The latest endSeconds (0 when nothing moves). */
  totalSeconds: number;
  /** Sum of the initiation delays of the running VMs that have a destination. */
  waitingSeconds: number;
  failure?: 'unknown-node';
}

export interface DrainOptions {
  mode?: Mode;
  legacyTimeoutSeconds?: number;
  /** Every VM goes to this node instead of the balanced choice. */
  destination?: string;
}

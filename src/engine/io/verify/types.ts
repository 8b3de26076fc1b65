/**
 * What a path test observed, as the design keeps it: the top-level `observations.pathTest` of the
 * topology document (the format keeps unknown top-level fields). Names and addresses are kept as
 * the file gave them, so an observation that matches nothing in the design is never lost.
 */

export type ConnectOutcome = 'connected' | 'refused' | 'timed-out' | 'unreachable' | 'no-source-address' | 'failed';

export interface ConnectAttempt {
  /** The source node as the script named it (the design's name). */
  source: string;
  sourceAddress: string;
  destination: string;
  destinationAddress: string;
  port: number;
  outcome: ConnectOutcome;
  /** Seconds until it connected or failed; null when it never started. */
  seconds: number | null;
  /**
   * True when Windows itself gave up the connection (SocketError TimedOut), false when the
   * script's own `-TimeoutSeconds` ended it: only the first measures Windows' connect timeout.
   */
  windowsGaveUp?: boolean;
  /** The socket error or exception message, for the tooltip. */
  error?: string;
}

export interface PathTestRecord {
  format: 'lm-path-test';
  version: 1;
  /** The design name the script was generated for. */
  design?: string;
  cluster?: string;
  collectedAt?: string;
  /** The computer the script ran on. */
  collectedOn?: string;
  timeoutSeconds?: number;
  scope?: string;
  /** The file it was imported from, and when. */
  fileName?: string;
  importedAt?: string;
  attempts: ConnectAttempt[];
  notes: string[];
}

export interface ObservationsDoc {
  pathTest?: PathTestRecord;
  [extra: string]: unknown;
}

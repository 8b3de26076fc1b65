/**
 * What the event logs said about past live migrations, as the design keeps it: the top-level
 * `observations.history` of the topology document (beside `observations.pathTest`). Names are kept
 * as the logs gave them, so an event that matches nothing in the design is listed, never lost.
 */

/**
 * - `role-moving`: FailoverClustering 1641, "Clustered role 'VM' is moving from cluster node 'A' to
 *   cluster node 'B'." (optional: not in Microsoft's documentation, docs/DECISIONS.md decision 334)
 * - `completed`: Hyper-V VMMS 20415, "… successfully completed the live migration of virtual
 *   machine 'VM' with a blackout time of N seconds" (optional, practitioners' sources only)
 * - `long-blackout`: Hyper-V VMMS 20417, the same "… with an unexpectedly long blackout time of N
 *   seconds" (Microsoft: *Troubleshoot live migration issues*)
 * - `connection-failed`: a live migration's connection to a host that timed out (0x8007274C) or was
 *   refused (0x8007274D) (Microsoft: the same article, event 21502)
 */
export type HistoryEventKind = 'role-moving' | 'completed' | 'long-blackout' | 'connection-failed';

export interface HistoryEvent {
  kind: HistoryEventKind;
  /** The node whose log held the event (as the file named it). */
  node: string;
  /** When it was logged: ISO 8601 as the file gave it, normalised to UTC. */
  time: string;
  eventId?: number;
  /** The VM (the clustered role's name for `role-moving`). */
  vm?: string;
  /** `role-moving`: from node A to node B. */
  from?: string;
  to?: string;
  /** `completed` / `long-blackout`: the blackout in seconds. */
  blackoutSeconds?: number;
  /** `connection-failed`: the host it could not reach, and the code (0x8007274C timed out, 0x8007274D refused). */
  host?: string;
  code?: string;
  /** The event's message, clipped, for the tooltip. */
  message?: string;
}

export interface HistoryRecord {
  format: 'lm-history';
  version: 1;
  cluster?: string;
  collectedAt?: string;
  /** The computer the script ran on. */
  collectedOn?: string;
  /** The window read, in days before collectedAt. */
  days?: number;
  /** The file it was imported from, and when. */
  fileName?: string;
  importedAt?: string;
  events: HistoryEvent[];
  notes: string[];
}

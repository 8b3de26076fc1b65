/**
 * The report's maintenance section: every node drained in turn (estimates, both modes) and the
 * assumptions behind the figures. Absent when the design has no VMs.
 */
import { nodeName } from '../../text/messages';
import { assumptionRows } from '../../plan/assumptions';
import { drainEveryNode } from '../../plan/everyNode';
import { formatDuration } from '../../plan/text';
import { DEFAULT_LEGACY_TIMEOUT_SECONDS } from '../../model/select';
import type { Topology } from '../../model/types';

export interface MaintenanceSection {
  head: string[];
  rows: string[][];
  /** The sums row. */
  total: string[];
  assumptions: [string, string][];
}

export const MAINTENANCE_INTRO =
  'Estimates, not measurements: each node drained alone from the placement of the design, one after the other (as Cluster-Aware Updating does), by the assumptions below. Legacy waits for a connection timeout on each network that does not connect, for every VM.';

export function maintenanceSection(t: Topology, legacyTimeoutSeconds = DEFAULT_LEGACY_TIMEOUT_SECONDS): MaintenanceSection | null {
  if (t.vms.length === 0) return null;
  const r = drainEveryNode(t, { legacyTimeoutSeconds });
  const stuck = (n: number): string => (n > 0 ? ` (${n} cannot move)` : '');
  return {
    head: ['Node', 'VMs', 'Memory running (GB)', 'Windows Server 2025', 'Legacy', 'Legacy waiting for timeouts'],
    rows: r.rows.map((row) => [
      nodeName(t, row.nodeId),
      String(row.vmCount),
      String(Math.round(row.memoryGB)),
      formatDuration(row.ws2025.totalSeconds) + stuck(row.ws2025.stuck),
      formatDuration(row.legacy.totalSeconds) + stuck(row.legacy.stuck),
      formatDuration(row.legacy.waitingSeconds),
    ]),
    total: ['All nodes', String(r.sums.vmCount), String(Math.round(r.sums.memoryGB)), formatDuration(r.sums.ws2025.totalSeconds), formatDuration(r.sums.legacy.totalSeconds), formatDuration(r.sums.legacy.waitingSeconds)],
    assumptions: assumptionRows(t, legacyTimeoutSeconds),
  };
}

/** A drain plan as CSV (RFC 4180: comma-separated, CRLF, quotes doubled), one row per VM. */
import { nodeName } from '../text/messages';
import { streamsLabel } from './describe';
import type { Topology } from '../model/types';
import type { EveryNodeResult } from './everyNode';
import type { DrainPlan } from './types';

export const csvCell = (v: string | number): string => {
  const s = typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : v;
  // A leading = + - @ would make a spreadsheet run it as a formula, and so would a TAB or CR
  // before one (spreadsheets skip them; OWASP's CSV injection list): quote it as text.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function drainCsv(topology: Topology, plan: DrainPlan): string {
  const head = ['VM', 'Memory (GB)', 'State', 'Destination', 'Start (s)', 'Transfer start (s)', 'Transfer end (s)', 'End (s)', 'Waiting for timeouts (s)', 'Copying (s)', 'Switchover (s)', 'Average rate (Gbps)', 'Streams', 'Networks', 'Outcome'];
  const rows = plan.migrations.map((m) => {
    const vm = topology.index.vms.get(m.vmId);
    const outcome = m.failure === 'no-path' ? 'no path' : m.failure === 'no-destination' ? 'no destination' : vm?.state === 'off' ? 'moved while off' : 'live migrated (estimate)';
    return [
      vm?.name ?? m.vmId,
      vm?.memoryGB ?? '',
      vm?.state ?? '',
      m.destinationNodeId === null ? '' : nodeName(topology, m.destinationNodeId),
      m.startSeconds,
      m.transferStartSeconds,
      m.transferEndSeconds,
      m.endSeconds,
      m.transferStartSeconds - m.startSeconds,
      m.failure ? 0 : m.transferEndSeconds - m.transferStartSeconds,
      m.failure ? 0 : m.endSeconds - m.transferEndSeconds,
      m.averageGbps,
      m.streams.length,
      streamsLabel(topology, m.streams),
      outcome,
    ].map(csvCell);
  });
  return [head.map(csvCell), ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** Every node in turn as CSV: one row per node, then the sums. */
export function everyNodeCsv(topology: Topology, r: EveryNodeResult): string {
  const head = ['Node', 'VMs', 'Running VMs', 'Memory running (GB)', 'Windows Server 2025 (s)', 'Legacy (s)', 'Legacy waiting for timeouts (s)', 'VMs that cannot move (2025)', 'VMs that cannot move (legacy)'];
  const rows = r.rows.map((x) => [nodeName(topology, x.nodeId), x.vmCount, x.runningCount, x.memoryGB, x.ws2025.totalSeconds, x.legacy.totalSeconds, x.legacy.waitingSeconds, x.ws2025.stuck, x.legacy.stuck]);
  const s = r.sums;
  rows.push(['All nodes', s.vmCount, r.rows.reduce((a, x) => a + x.runningCount, 0), s.memoryGB, s.ws2025.totalSeconds, s.legacy.totalSeconds, s.legacy.waitingSeconds, s.ws2025.stuck, s.legacy.stuck]);
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

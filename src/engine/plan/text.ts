/** Words for drain figures, shared by the planner, the report and the CSV. */
import type { DrainPlan } from './types';

const MAX_HOURS = 10_000;

/** `45 s`, `12 min 30 s`, `26 min`, `1 h 5 min`; rounded to the second (tenths under 10 s). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  // No drain takes a year: past 10,000 h a figure is a sign of extreme inputs, not a time to read
  // to the minute ("97777777777777800 h 58 min" came from a VM of 1e30 bytes).
  if (seconds >= MAX_HOURS * 3600) return `more than ${MAX_HOURS.toLocaleString('en-US')} h`;
  if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`;
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return r > 0 ? `${m} min ${r} s` : `${m} min`;
  return `${r} s`;
}

/**
 * How many VMs a plan live-migrates and how many cannot move. A VM that is off moves without a
 * live migration and counts in neither.
 */
export function drainCounts(plan: DrainPlan): { moved: number; stuck: number } {
  let moved = 0;
  let stuck = 0;
  for (const m of plan.migrations) {
    if (m.failure) stuck++;
    else if (m.endSeconds > 0) moved++;
  }
  return { moved, stuck };
}

/** A drain in which VMs should move and none does: it has no duration to show (issue 27). */
export const noVmMoves = (plan: DrainPlan): boolean => {
  const { moved, stuck } = drainCounts(plan);
  return moved === 0 && stuck > 0;
};

/** "12 min 30 s", or "no VM moves (12 cannot)" for a drain in which none of them does. */
export function drainTotalText(plan: DrainPlan): string {
  if (!noVmMoves(plan)) return formatDuration(plan.totalSeconds);
  const { stuck } = drainCounts(plan);
  return `no VM moves (${stuck === 1 ? 'the VM cannot' : `all ${stuck} cannot`})`;
}

/**
 * "Windows Server 2025: 12 min 30 s · legacy: 26 min, of which 13 min 20 s waiting for connection
 * timeouts"; a mode in which no VM moves says so instead of a duration.
 */
export function compareSentence(ws2025: DrainPlan, legacy: DrainPlan): string {
  const waiting = noVmMoves(legacy)
    ? legacy.waitingSeconds > 0
      ? `: each gives up after its connection timeouts (${formatDuration(legacy.totalSeconds)})`
      : ''
    : legacy.waitingSeconds > 0
      ? `, of which ${formatDuration(legacy.waitingSeconds)} waiting for connection timeouts`
      : ', no time waiting for connection timeouts';
  return `Windows Server 2025: ${drainTotalText(ws2025)} · legacy: ${drainTotalText(legacy)}${waiting}`;
}

const gb = (x: number): string => `${Math.round(x * 10) / 10} GB`;

/** "12 VMs · 192 GB" (the memory of all of them), "(2 off)" when some are off; "No VMs". */
export function vmSummary(vms: readonly { memoryGB: number; state: 'running' | 'off' }[], withOff = true): string {
  if (vms.length === 0) return 'No VMs';
  const off = vms.filter((v) => v.state === 'off').length;
  const memory = vms.reduce((s, v) => s + v.memoryGB, 0);
  return `${vms.length} VM${vms.length === 1 ? '' : 's'} · ${gb(memory)}${withOff && off > 0 ? ` (${off} off)` : ''}`;
}

/**
 * Past migrations from the kept events: each clustered role's move (FailoverClustering 1641, the
 * start) paired with the VM's completed live migration (VMMS 20415 / 20417, the end and its blackout)
 * — the first completion of the same VM after the start, within 6 hours and before that VM's next
 * move. A move without completion, or a completion without move, is a migration without duration.
 * Names are matched as Windows compares computer names (case-insensitive, first label) and VMs by
 * name (case-insensitive); what matches nothing in the design is listed, never dropped.
 */
import type { Topology } from '../../model/types';
import { shortName } from '../verify/names';
import type { HistoryEvent, HistoryRecord } from './types';

/** A completion later than this after the move is not its end. */
export const PAIR_WITHIN_MS = 6 * 3600 * 1000;

export interface PastMigration {
  /** The VM as the logs named it, and the design's VM of that name (null: none). */
  vm: string;
  vmId: string | null;
  /** Node names as the logs gave them (null: not known — a completion without its move). */
  from: string | null;
  to: string | null;
  sourceNodeId: string | null;
  destinationNodeId: string | null;
  /** ISO times: the move's start (null without a 1641) and the completion (null without a 20415 / 20417). */
  start: string | null;
  end: string | null;
  /** end − start, when both are known. */
  seconds: number | null;
  blackoutSeconds: number | null;
  longBlackout: boolean;
  /** The node that logged the completion. */
  loggedOn: string | null;
  /** No other migration from or to either of its nodes overlapped it (only then does it calibrate the model alone). */
  alone: boolean;
}

export interface UnmatchedEvent {
  event: HistoryEvent;
  why: string;
}

export interface ConnectionFailure {
  event: HistoryEvent;
  nodeId: string | null;
  hostNodeId: string | null;
  refused: boolean;
}

export interface PastMigrations {
  /** Newest first. */
  migrations: PastMigration[];
  failures: ConnectionFailure[];
  unmatched: UnmatchedEvent[];
  /** Durations of the design's VMs (paired migrations), by VM id, oldest first. */
  byVm: Map<string, number[]>;
}

const vmKey = (name: string): string => name.trim().replace(/^virtual machine /i, '').toLowerCase();

export function pastMigrations(t: Topology, record: HistoryRecord): PastMigrations {
  const nodeIds = new Map(t.nodes.map((n) => [shortName(n.name), n.id]));
  const vmIds = new Map<string, string>();
  for (const vm of t.vms) if (!vmIds.has(vmKey(vm.name))) vmIds.set(vmKey(vm.name), vm.id);
  const nodeOf = (name: string | undefined | null): string | null => (name ? (nodeIds.get(shortName(name)) ?? null) : null);
  const unmatched: UnmatchedEvent[] = [];
  const unknownNodes = (e: HistoryEvent): string[] => [e.node, e.from, e.to, e.kind === 'connection-failed' ? e.host : undefined].filter((n): n is string => !!n && nodeOf(n) === null);

  const events = [...record.events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const moves: HistoryEvent[] = [];
  const ends: HistoryEvent[] = [];
  const failures: ConnectionFailure[] = [];
  for (const e of events) {
    const unknown = [...new Set(unknownNodes(e))];
    if (unknown.length > 0) {
      unmatched.push({ event: e, why: `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a node' : 'are not nodes'} of the design` });
      continue;
    }
    if (e.kind === 'role-moving') moves.push(e);
    else if (e.kind === 'connection-failed') failures.push({ event: e, nodeId: nodeOf(e.node), hostNodeId: nodeOf(e.host), refused: e.code === '0x8007274D' });
    else ends.push(e);
  }

  const used = new Set<HistoryEvent>();
  const migrations: PastMigration[] = [];
  const endsByVm = new Map<string, HistoryEvent[]>();
  for (const e of ends) endsByVm.set(vmKey(e.vm!), [...(endsByVm.get(vmKey(e.vm!)) ?? []), e]);
  const movesByVm = new Map<string, HistoryEvent[]>();
  for (const m of moves) movesByVm.set(vmKey(m.vm!), [...(movesByVm.get(vmKey(m.vm!)) ?? []), m]);

  const base = (vm: string) => ({ vm, vmId: vmIds.get(vmKey(vm)) ?? null, alone: false });
  for (const [key, list] of movesByVm) {
    list.forEach((m, i) => {
      const start = Date.parse(m.time);
      const next = list[i + 1] ? Date.parse(list[i + 1]!.time) : Infinity;
      const end = (endsByVm.get(key) ?? []).find((e) => !used.has(e) && Date.parse(e.time) >= start && Date.parse(e.time) - start <= PAIR_WITHIN_MS && Date.parse(e.time) <= next);
      if (end) used.add(end);
      const vmId = vmIds.get(key) ?? null;
      // A move of a role that is no VM of the design and never completed a live migration is not a VM (a file server, the cluster group…).
      if (!end && vmId === null && t.vms.length > 0) {
        unmatched.push({ event: m, why: `the role '${m.vm}' is no VM of the design and no live migration of it completed` });
        return;
      }
      migrations.push({
        ...base(m.vm!),
        from: m.from!,
        to: m.to!,
        sourceNodeId: nodeOf(m.from),
        destinationNodeId: nodeOf(m.to),
        start: m.time,
        end: end?.time ?? null,
        seconds: end ? (Date.parse(end.time) - start) / 1000 : null,
        blackoutSeconds: end?.blackoutSeconds ?? null,
        longBlackout: end?.kind === 'long-blackout',
        loggedOn: end?.node ?? null,
      });
    });
  }
  for (const e of ends) {
    if (used.has(e)) continue;
    migrations.push({
      ...base(e.vm!),
      from: null,
      to: null,
      sourceNodeId: null,
      destinationNodeId: null,
      start: null,
      end: e.time,
      seconds: null,
      blackoutSeconds: e.blackoutSeconds ?? null,
      longBlackout: e.kind === 'long-blackout',
      loggedOn: e.node,
    });
  }
  for (const m of migrations) {
    if (m.vmId === null) unmatched.push({ event: { kind: m.start ? 'role-moving' : 'completed', node: m.loggedOn ?? m.from ?? '', time: m.start ?? m.end!, vm: m.vm }, why: `the VM '${m.vm}' is not in the design (listed, not used for calibration)` });
  }
  // Alone: no other paired migration sharing a node overlaps it.
  const timed = migrations.filter((m) => m.seconds !== null);
  for (const m of timed) {
    const [a0, a1] = [Date.parse(m.start!), Date.parse(m.end!)];
    m.alone = !timed.some((o) => o !== m && Date.parse(o.start!) < a1 && a0 < Date.parse(o.end!) && [o.sourceNodeId, o.destinationNodeId].some((n) => n !== null && (n === m.sourceNodeId || n === m.destinationNodeId)));
  }
  migrations.sort((a, b) => (b.start ?? b.end!).localeCompare(a.start ?? a.end!));
  const byVm = new Map<string, number[]>();
  for (const m of [...migrations].reverse()) if (m.vmId !== null && m.seconds !== null) byVm.set(m.vmId, [...(byVm.get(m.vmId) ?? []), m.seconds]);
  return { migrations, failures: failures.reverse(), unmatched, byVm };
}

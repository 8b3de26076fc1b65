/**
 * The live migration settings dialog's model, as in Failover Cluster Manager: every cluster
 * network, in preference order, with "enabled for live migration". Writing it back changes only
 * what the user changed: the order is written when they reordered (enabled networks, in list
 * order) — as Failover Cluster Manager does, reordering makes the order explicit; *Reset to the
 * cluster's default* empties it; exclusions are the unchecked networks; an excluded network never
 * stays in the order (that would only produce a warning, the exclusion wins).
 * The same dialog holds the hosts' performance option (transport) and the cluster-wide limits.
 */
import {
  ATC_MAX_MIGRATIONS_RANGE, MAX_PARALLEL_MIGRATIONS_RANGE, orderNetworks, type Topology, type Transport,
} from '../../engine';
import type { Edit } from '../../engine/edit';

export interface LmRow {
  id: string;
  name: string;
  prefixes: string[];
  enabled: boolean;
  /** Why the network carries no live migration even when enabled. */
  note: string | null;
}

/** What the order will be: the cluster's default (no MigrationNetworkOrder) or an explicit one. */
export type OrderKind = 'default' | 'explicit';

export interface LmDraft {
  rows: LmRow[];
  /** The user moved a row: OK writes the list as an explicit order. */
  reordered: boolean;
  /** The order OK will write (or keep). */
  orderKind: OrderKind;
  transport: Transport;
  /** As typed, validated on OK and shown inline. */
  maxParallel: string;
  /** The SMB bandwidth limit in percent of the node's physical bandwidth, as typed; 0 = no cap. */
  smbLimitPercent: string;
  /** (1.2) The networks SMB Multichannel is constrained to (New-SmbMultichannelConstraint); none = no constraint. */
  smbConstraint: string[];
}

export const TRANSPORTS: { value: Transport; label: string; help: string }[] = [
  { value: 'tcpip', label: 'TCP/IP', help: 'One TCP connection: memory is copied as it is.' },
  { value: 'compression', label: 'Compression', help: "Windows' default: one TCP connection, memory compressed first (CPU for bandwidth)." },
  { value: 'smb', label: 'SMB', help: 'SMB Multichannel spreads the copy over the fastest NIC pairs the nodes share (RDMA first), on any network unless constrained below; SMB Direct uses RDMA where both NICs are RDMA-capable.' },
];

const percentText = (factor: number): string => String(factor / 100);

function rowsOf(t: Topology, networkOrder: readonly string[], enabled: (id: string) => boolean): LmRow[] {
  return orderNetworks(t.networks, networkOrder, t.clusterNetworkId).map((n) => ({
    id: n.id,
    name: n.name,
    prefixes: n.prefixes,
    enabled: enabled(n.id),
    note:
      n.role === 'none'
        ? 'Role None: the cluster does not use it.'
        : n.state === 'down'
          ? 'Down: it carries nothing.'
          : n.id === t.clusterNetworkId
            ? "The cluster's own network (lowest metric): heartbeats and CSV."
            : null,
  }));
}

export function initialDraft(t: Topology): LmDraft {
  const excluded = new Set(t.liveMigration.excludedNetworks);
  const lm = t.liveMigration;
  return {
    rows: rowsOf(t, lm.networkOrder, (id) => !excluded.has(id)),
    reordered: false,
    orderKind: lm.networkOrder.length === 0 ? 'default' : 'explicit',
    transport: lm.transport,
    maxParallel: String(lm.maxParallelMigrations),
    smbLimitPercent: percentText(lm.smbBandwidthLimitFactor),
    smbConstraint: [...lm.smbMultichannelNetworks],
  };
}

/** Checks or unchecks a network of the SMB Multichannel constraint. */
export function setConstrained(draft: LmDraft, id: string, on: boolean): LmDraft {
  const rest = draft.smbConstraint.filter((x) => x !== id);
  return { ...draft, smbConstraint: on ? [...rest, id] : rest };
}

/** The constraint set to the networks the draft enables for live migration (role None left out). */
export function constrainToLiveMigration(t: Topology, draft: LmDraft): LmDraft {
  return { ...draft, smbConstraint: draft.rows.filter((r) => r.enabled && t.index.networks.get(r.id)?.role !== 'none').map((r) => r.id) };
}

/** Moves the row at `from` to index `to` (as in a drag: it ends up at `to`). The order becomes explicit. */
export function moveRow(draft: LmDraft, from: number, to: number): LmDraft {
  if (from === to || from < 0 || to < 0 || from >= draft.rows.length || to >= draft.rows.length) return draft;
  const rows = [...draft.rows];
  const [row] = rows.splice(from, 1);
  rows.splice(to, 0, row!);
  return { ...draft, rows, reordered: true, orderKind: 'explicit' };
}

/** Back to the cluster's default order: the rows in that order, and OK empties MigrationNetworkOrder. */
export function resetOrder(t: Topology, draft: LmDraft): LmDraft {
  const enabled = new Map(draft.rows.map((r) => [r.id, r.enabled]));
  return { ...draft, rows: rowsOf(t, [], (id) => enabled.get(id) ?? true), reordered: false, orderKind: 'default' };
}

export function setEnabled(draft: LmDraft, id: string, enabled: boolean): LmDraft {
  return { ...draft, rows: draft.rows.map((r) => (r.id === id ? { ...r, enabled } : r)) };
}

/** What the dialog says about the order, naming the cluster's own network. */
export function orderStatus(t: Topology, draft: LmDraft): { title: string; detail: string | null } {
  const own = t.clusterNetworkId === null ? null : t.index.networks.get(t.clusterNetworkId)!;
  if (draft.orderKind === 'default')
    return {
      title: "Order: the cluster's default (no MigrationNetworkOrder) — by metric, lowest first.",
      detail: own ? `'${own.name}' carries the cluster's own traffic, so the default order tries it last.` : null,
    };
  return {
    title: draft.reordered ? 'Order: explicit — OK writes this order (MigrationNetworkOrder).' : 'Order: explicit (MigrationNetworkOrder), as set on the cluster.',
    detail: own ? `'${own.name}' carries the cluster's own traffic; the default order would try it last.` : null,
  };
}

export interface FieldErrors {
  maxParallel?: string;
  smbLimitPercent?: string;
}

/** Inline validation of the two numbers; the values to write when they are right. */
/**
 * The limits' inline errors. Under Network ATC (`atc`), MaximumVirtualMachineMigrations takes 1 to
 * 10 ("Manage Network ATC"), so the dialog says so instead of 1 to 64.
 */
export function checkLimits(draft: LmDraft, atc = false): { errors: FieldErrors; maxParallelMigrations?: number; smbBandwidthLimitFactor?: number } {
  const errors: FieldErrors = {};
  const { min, max } = atc ? ATC_MAX_MIGRATIONS_RANGE : MAX_PARALLEL_MIGRATIONS_RANGE;
  const parallel = Number(draft.maxParallel.trim());
  if (draft.maxParallel.trim() === '' || !Number.isInteger(parallel) || parallel < min || parallel > max)
    errors.maxParallel = atc
      ? `Network ATC manages live migration on this cluster: parallel live migrations must be a whole number from ${min} to ${max} (its MaximumVirtualMachineMigrations).`
      : `Parallel live migrations must be a whole number from ${min} to ${max}.`;
  const percent = Number(draft.smbLimitPercent.trim());
  const factor = Math.round(percent * 100);
  if (draft.smbLimitPercent.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100)
    errors.smbLimitPercent = 'The SMB bandwidth limit is a percentage from 0 (no limit) to 100.';
  else if (Math.abs(percent * 100 - factor) > 1e-6) errors.smbLimitPercent = 'The SMB bandwidth limit takes at most two decimals (the cluster stores hundredths of a percent).';
  return {
    errors,
    ...(errors.maxParallel ? {} : { maxParallelMigrations: parallel }),
    ...(errors.smbLimitPercent ? {} : { smbBandwidthLimitFactor: factor }),
  };
}

/** The edit OK applies (one undo step), or the inline errors. */
export function draftEdit(t: Topology, draft: LmDraft, atc = false): Edit | FieldErrors {
  const limits = checkLimits(draft, atc);
  if (limits.maxParallelMigrations === undefined || limits.smbBandwidthLimitFactor === undefined) return limits.errors;
  const excludedSet = new Set(draft.rows.filter((r) => !r.enabled).map((r) => r.id));
  // Exclusions in network order, so that the file does not depend on how the list was sorted.
  const excludedNetworks = t.networks.filter((n) => excludedSet.has(n.id)).map((n) => n.id);
  const networkOrder =
    draft.orderKind === 'default'
      ? []
      : draft.reordered
        ? draft.rows.filter((r) => r.enabled).map((r) => r.id)
        : t.liveMigration.networkOrder.filter((id) => !excludedSet.has(id));
  return {
    type: 'set-live-migration',
    networkOrder,
    excludedNetworks,
    transport: draft.transport,
    maxParallelMigrations: limits.maxParallelMigrations,
    smbBandwidthLimitFactor: limits.smbBandwidthLimitFactor,
    // In network order, like the exclusions; [] removes the constraint.
    smbMultichannelNetworks: t.networks.filter((n) => draft.smbConstraint.includes(n.id)).map((n) => n.id),
  };
}

export const isEdit = (r: Edit | FieldErrors): r is Edit => 'type' in r;

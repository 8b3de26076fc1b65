/**
 * The live migration settings dialog's model, as in Failover Cluster Manager: every cluster
 * network, in preference order, with "enabled for live migration". Writing it back changes only
 * what the user changed: the order is written when they reordered (enabled networks, in list
 * order); exclusions are the unchecked networks; an excluded network never stays in the order
 * (that would only produce a warning, the exclusion wins).
 */
import type { Topology } from '../../engine';
import type { Edit } from '../../engine/edit';

export interface LmRow {
  id: string;
  name: string;
  prefixes: string[];
  enabled: boolean;
  /** Why the network carries no live migration even when enabled. */
  note: string | null;
}

export interface LmDraft {
  rows: LmRow[];
  reordered: boolean;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function initialDraft(t: Topology): LmDraft {
  const ordered = t.liveMigration.networkOrder.filter((id) => t.index.networks.has(id));
  const listed = new Set(ordered);
  const rest = t.networks.filter((n) => !listed.has(n.id)).sort((a, b) => a.metric - b.metric || byText(a.name, b.name) || byText(a.id, b.id));
  const excluded = new Set(t.liveMigration.excludedNetworks);
  const rows = [...ordered.map((id) => t.index.networks.get(id)!), ...rest].map((n) => ({
    id: n.id,
    name: n.name,
    prefixes: n.prefixes,
    enabled: !excluded.has(n.id),
    note: n.role === 'none' ? 'Role None: the cluster does not use it.' : n.state === 'down' ? 'Down: it carries nothing.' : null,
  }));
  return { rows, reordered: false };
}

/** Moves the row at `from` to index `to` (as in a drag: it ends up at `to`). */
export function moveRow(draft: LmDraft, from: number, to: number): LmDraft {
  if (from === to || from < 0 || to < 0 || from >= draft.rows.length || to >= draft.rows.length) return draft;
  const rows = [...draft.rows];
  const [row] = rows.splice(from, 1);
  rows.splice(to, 0, row!);
  return { rows, reordered: true };
}

export function setEnabled(draft: LmDraft, id: string, enabled: boolean): LmDraft {
  return { ...draft, rows: draft.rows.map((r) => (r.id === id ? { ...r, enabled } : r)) };
}

export function draftEdit(t: Topology, draft: LmDraft): Edit {
  const excludedSet = new Set(draft.rows.filter((r) => !r.enabled).map((r) => r.id));
  // Exclusions in network order, so that the file does not depend on how the list was sorted.
  const excludedNetworks = t.networks.filter((n) => excludedSet.has(n.id)).map((n) => n.id);
  const networkOrder = draft.reordered
    ? draft.rows.filter((r) => r.enabled).map((r) => r.id)
    : t.liveMigration.networkOrder.filter((id) => !excludedSet.has(id));
  return { type: 'set-live-migration', networkOrder, excludedNetworks };
}

/**
 * The cluster's live migration preference order (topology-format.md, derived fact 7) — the one
 * place it is computed. Everything that shows or uses an order (selection, all pairs, N-1, checks,
 * the Why view, the matrix, the report, the settings dialog, the apply script) reads it from here
 * or from `Topology.preferenceOrder`, which is built by it.
 *
 * With no `MigrationNetworkOrder` (never configured), Failover Clustering ranks the networks by
 * metric but puts its own network — the lowest metric among cluster-role networks, which carries
 * heartbeats and CSV redirection — at the bottom: live migration takes the second-lowest first.
 */
import type { Network, Topology } from './types';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byMetric = (a: Network, b: Network): number => a.metric - b.metric || byString(a.name, b.name) || byString(a.id, b.id);

/**
 * The network Failover Clustering uses for its own traffic: the lowest metric (then name, then
 * id) among all networks whose role is `cluster` or `clusterAndClient`, whatever their state.
 */
export function clusterOwnNetwork<N extends Network>(networks: readonly N[]): N | null {
  let best: N | null = null;
  for (const n of networks) if (n.role !== 'none' && (best === null || byMetric(n, best) < 0)) best = n;
  return best;
}

/**
 * `candidates` in the cluster's order. With a `networkOrder`: the candidates it lists, in that
 * order, then the others by metric, name and id. Without one (the cluster's default): by metric,
 * name and id, except `ownNetworkId`, which goes last.
 */
export function orderNetworks<N extends Network>(candidates: readonly N[], networkOrder: readonly string[], ownNetworkId: string | null): N[] {
  const byId = new Map(candidates.map((n) => [n.id, n]));
  const listed: N[] = [];
  for (const id of new Set(networkOrder)) {
    const n = byId.get(id);
    if (n) listed.push(n);
  }
  const listedIds = new Set(listed.map((n) => n.id));
  const rest = candidates.filter((n) => !listedIds.has(n.id)).sort(byMetric);
  if (networkOrder.length === 0 && ownNetworkId !== null) {
    const own = rest.findIndex((n) => n.id === ownNetworkId);
    if (own >= 0) rest.push(...rest.splice(own, 1));
  }
  return [...listed, ...rest];
}

/** How the order came about, in a sentence (the Why view, the report). */
export function orderText(t: Topology): string {
  const own = t.clusterNetworkId === null ? null : t.index.networks.get(t.clusterNetworkId)!;
  if (t.liveMigration.networkOrder.length > 0)
    return 'Explicit live migration order (MigrationNetworkOrder): the listed networks first, in that order; any others after them by metric.';
  if (!own) return "The cluster's default order (no MigrationNetworkOrder): by metric, lowest first.";
  return `The cluster's default order (no MigrationNetworkOrder): by metric, lowest first, except '${own.name}', which carries the cluster's own traffic (heartbeats, CSV) and is tried last.`;
}

/** Why a network has its place: '' when listed in the explicit order; otherwise a short note in brackets. */
export function orderBasisText(t: Topology, networkId: string): string {
  if (t.liveMigration.networkOrder.length > 0) return t.liveMigration.networkOrder.includes(networkId) ? '' : ' (not listed: by metric)';
  return networkId === t.clusterNetworkId ? " (cluster default: the cluster's own network goes last)" : ' (cluster default: by metric)';
}

/**
 * What the apply script must do, as data: the live migration order and exclusions by network
 * name (names are what a cluster and a design share; IDs are resolved on the cluster at run time),
 * the subnets that prove a name points at the right network, and the static routes per node.
 */
import { orderNetworks } from '../../model/order';
import type { Network, Topology, Transport } from '../../model/types';

export interface PlannedNetwork {
  name: string;
  /** IPv4 network addresses (no length) the cluster network must have, as Get-ClusterNetwork shows them. */
  ipv4Subnets: string[];
}

export interface PlannedRoute {
  node: string;
  interfaceAlias: string;
  destinationPrefix: string;
  nextHop: string;
}

export interface ApplyPlan {
  topologyName: string;
  /**
   * 'explicit': the design has a MigrationNetworkOrder, written as `order`. 'default': the design
   * uses the cluster's default order: `order` is empty and the script clears the parameter.
   */
  orderKind: 'explicit' | 'default';
  /** The network the cluster's default order tries last (its own network), for the script's comment. */
  clusterNetworkName: string | null;
  order: PlannedNetwork[];
  excluded: PlannedNetwork[];
  nodes: string[];
  routes: PlannedRoute[];
  /** `Set-VMHost -VirtualMachineMigrationPerformanceOption` value on every node. */
  performanceOption: 'TCPIP' | 'Compression' | 'SMB';
  /** Cluster properties; `smbBandwidthLimitFactor` null when the limit is off (SetSMBBandwidthLimit 0). */
  maximumParallelMigrations: number;
  setSmbBandwidthLimit: 0 | 1;
  smbBandwidthLimitFactor: number | null;
  /** Default gateways of the design, which the script leaves alone (shown in its comments). */
  defaultRoutes: PlannedRoute[];
  warnings: string[];
}

const isDefault = (prefix: string): boolean => prefix === '0.0.0.0/0' || prefix === '::/0';

function planned(n: Network): PlannedNetwork {
  return { name: n.name, ipv4Subnets: n.prefixes.filter((p) => !p.includes(':')).map((p) => p.split('/')[0]!) };
}

/**
 * The complete explicit order of the design (format §7 with the simulated network states left
 * out: a network's state is a what-if, not a setting). Writing every enabled network, not only the
 * listed ones, leaves the cluster no room to rank the rest by metrics that may differ from the
 * design's. Only for an explicit order: a design on the cluster's default never has the derived
 * order written as if the user had chosen it.
 */
function designOrder(t: Topology): Network[] {
  const excluded = new Set(t.liveMigration.excludedNetworks);
  return orderNetworks(t.networks.filter((n) => !excluded.has(n.id) && n.role !== 'none'), t.liveMigration.networkOrder, t.clusterNetworkId);
}

const PERFORMANCE_OPTION: Record<Transport, ApplyPlan['performanceOption']> = { tcpip: 'TCPIP', compression: 'Compression', smb: 'SMB' };

export function planApply(t: Topology): ApplyPlan {
  const warnings: string[] = [];
  const orderKind = t.liveMigration.networkOrder.length > 0 ? 'explicit' : 'default';
  const order = orderKind === 'explicit' ? designOrder(t) : [];
  const excluded = [...new Set(t.liveMigration.excludedNetworks)].map((id) => t.index.networks.get(id)).filter((n): n is Network => n !== undefined);

  const named = [...order, ...excluded];
  const seen = new Map<string, number>();
  for (const n of named) seen.set(n.name.toLowerCase(), (seen.get(n.name.toLowerCase()) ?? 0) + 1);
  for (const [name, count] of seen)
    if (count > 1) warnings.push(`${count} networks of the design are named '${named.find((n) => n.name.toLowerCase() === name)!.name}': the script finds cluster networks by name, so it will stop. Give each network the name it has on the cluster.`);
  for (const n of named.filter((x) => x.implicit))
    warnings.push(`Network '${n.name}' (${n.prefixes.join(', ')}) was found from NIC addresses and named by the app: the script will stop unless the cluster has a network of that name and subnet. Declare it with its cluster name.`);
  if (orderKind === 'explicit' && order.length === 0) warnings.push('No network is enabled for live migration in the design: the script leaves MigrationNetworkOrder unchanged.');

  const routes: PlannedRoute[] = [];
  const defaultRoutes: PlannedRoute[] = [];
  for (const node of t.nodes)
    for (const nicId of t.index.nicsByNode.get(node.id) ?? []) {
      const nic = t.index.nics.get(nicId)!;
      for (const r of nic.routes) {
        const route = { node: node.name, interfaceAlias: nic.name, destinationPrefix: r.prefix, nextHop: r.via };
        (isDefault(r.prefix) ? defaultRoutes : routes).push(route);
      }
    }
  const lm = t.liveMigration;
  return {
    topologyName: t.name,
    orderKind,
    clusterNetworkName: t.clusterNetworkId === null ? null : t.index.networks.get(t.clusterNetworkId)!.name,
    order: order.map(planned),
    excluded: excluded.map(planned),
    nodes: t.nodes.map((n) => n.name),
    routes,
    performanceOption: PERFORMANCE_OPTION[lm.transport],
    maximumParallelMigrations: lm.maxParallelMigrations,
    setSmbBandwidthLimit: lm.smbBandwidthLimitFactor === 0 ? 0 : 1,
    smbBandwidthLimitFactor: lm.smbBandwidthLimitFactor === 0 ? null : lm.smbBandwidthLimitFactor,
    defaultRoutes,
    warnings,
  };
}

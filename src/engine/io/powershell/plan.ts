/**
 * What the apply script must do, as data. The rule (issue 21): the script changes only what the
 * design STATES — a field present in the document, set in the app or imported from the cluster —
 * and leaves every absent one as the cluster has it, saying so. Networks are named (names are what
 * a cluster and a design share; IDs are resolved on the cluster at run time), with the subnets
 * that prove a name points at the right network.
 *
 * Never loosen: the exclusions written are the design's, plus its role-none networks, plus (at
 * run time) every network the cluster excludes now that the design does not name. `changes` and
 * `leftAlone` are what the *PowerShell…* dialog lists.
 */
import { MAX_PARALLEL_MIGRATIONS_RANGE, SMB_BANDWIDTH_LIMIT_FACTOR_RANGE, statedLiveMigration } from '../../model/defaults';
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

/** `Set-VMHost -VirtualMachineMigrationPerformanceOption` values. */
export type PerformanceOption = 'TCPIP' | 'Compression' | 'SMB';

/** One node's SMB Multichannel constraint: toward every other node of the design, only these adapters. */
export interface PlannedSmbConstraint {
  node: string;
  interfaceAliases: string[];
}

export interface ApplyPlan {
  topologyName: string;
  /**
   * 'explicit': the design has a MigrationNetworkOrder, written as `order`. 'default': the design
   * states the cluster's default order (an empty list): the script clears the parameter.
   * 'unstated': the document has no `networkOrder`: MigrationNetworkOrder is left as it is.
   */
  orderKind: 'explicit' | 'default' | 'unstated';
  /** The network the cluster's default order tries last (its own network), for the script's comment. */
  clusterNetworkName: string | null;
  order: PlannedNetwork[];
  /** The exclusions written (the design's, then its role-none networks); null when the design states none (left as it is). */
  excluded: PlannedNetwork[] | null;
  /** Names of the role-none networks among `excluded`. */
  roleNone: string[];
  /** Every network the design names: the cluster's other networks keep their exclusion and their place in the order. */
  designNetworkNames: string[];
  nodes: string[];
  routes: PlannedRoute[];
  /** Default gateways of the design, which the script leaves alone (shown in its comments). */
  defaultRoutes: PlannedRoute[];
  /** Each node's performance option; null: not in the design (left as each node has it). */
  performanceOption: PerformanceOption | null;
  /** Simultaneous live migrations; null: not in the design. */
  maximumParallelMigrations: number | null;
  /** SMBBandwidthLimitFactor (0 = no cap: SetSMBBandwidthLimit 0); null: not in the design. */
  smbBandwidthLimitFactor: number | null;
  /** Format 1.2 `smbMultichannelNetworks`; null: not in the design (constraints left as they are). */
  smbConstraints: PlannedSmbConstraint[] | null;
  smbMultichannelNetworkNames: string[];
  /** What the script will change, in words (the dialog's list). */
  changes: string[];
  /** What it leaves as the cluster has it, because the design does not state it. */
  leftAlone: string[];
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

const PERFORMANCE_OPTION: Record<Transport, PerformanceOption> = { tcpip: 'TCPIP', compression: 'Compression', smb: 'SMB' };

/** A whole number in [min, max], else null: only such a number is ever written into a script. */
export function wholeIn(n: unknown, min: number, max: number): number | null {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

const list = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(', ');

export function planApply(t: Topology): ApplyPlan {
  const warnings: string[] = [];
  const changes: string[] = [];
  const leftAlone: string[] = [];
  const stated = statedLiveMigration(t);
  const lm = t.liveMigration;

  // The order and the exclusions.
  const orderKind: ApplyPlan['orderKind'] = stated.networkOrder === undefined ? 'unstated' : stated.networkOrder.length > 0 ? 'explicit' : 'default';
  const order = orderKind === 'explicit' ? designOrder(t) : [];
  const exclusionsStated = stated.excludedNetworks !== undefined;
  const designExcluded = [...new Set(lm.excludedNetworks)].map((id) => t.index.networks.get(id)).filter((n): n is Network => n !== undefined);
  const roleNone = t.networks.filter((n) => n.role === 'none' && !designExcluded.includes(n));
  const excluded = exclusionsStated ? [...designExcluded, ...roleNone] : null;

  const named = [...order, ...(excluded ?? [])];
  const seen = new Map<string, number>();
  for (const n of named) seen.set(n.name.toLowerCase(), (seen.get(n.name.toLowerCase()) ?? 0) + 1);
  for (const [name, count] of seen)
    if (count > 1) warnings.push(`${count} networks of the design are named '${named.find((n) => n.name.toLowerCase() === name)!.name}': the script finds cluster networks by name, so it will stop. Give each network the name it has on the cluster.`);
  for (const n of named.filter((x) => x.implicit))
    warnings.push(`Network '${n.name}' (${n.prefixes.join(', ')}) was found from NIC addresses and named by the app: the script will stop unless the cluster has a network of that name and subnet. Declare it with its cluster name.`);
  if (orderKind === 'explicit' && order.length === 0) warnings.push('No network is enabled for live migration in the design: the script leaves MigrationNetworkOrder unchanged.');

  if (orderKind === 'explicit' && order.length > 0)
    changes.push(`MigrationNetworkOrder: ${order.map((n) => n.name).join(' > ')}. A cluster network the design does not name keeps its place after these.`);
  else if (orderKind === 'default') changes.push("MigrationNetworkOrder cleared: the cluster's default order (by metric), as designed.");
  else if (orderKind === 'unstated') leftAlone.push('MigrationNetworkOrder: the design has no live migration order, so the cluster keeps its own.');
  if (excluded !== null) {
    const parts = [
      excluded.length > 0 ? `excludes ${list(excluded.map((n) => n.name))}${roleNone.length > 0 ? ` (${list(roleNone.map((n) => n.name))}: role none, excluded to be safe)` : ''}` : 'excludes no network of the design',
      'keeps every exclusion of a network the design does not name',
      'a network the cluster excludes now that the design enables is named in -WhatIf and asked about before it becomes eligible',
    ];
    changes.push(`MigrationExcludeNetworks: ${parts.join('; ')}.`);
  } else leftAlone.push('MigrationExcludeNetworks: the design states no exclusions, so the cluster keeps its own.');

  // Host and cluster settings.
  const performanceOption = stated.transport !== undefined ? PERFORMANCE_OPTION[lm.transport] : null;
  if (performanceOption !== null) changes.push(`Live migration performance option of every node: ${performanceOption} (Set-VMHost).`);
  else leftAlone.push('Performance option (TCP/IP, Compression, SMB): not in the design, so each node keeps its own.');

  let maximumParallelMigrations: number | null = null;
  if (stated.maxParallelMigrations !== undefined) {
    maximumParallelMigrations = wholeIn(lm.maxParallelMigrations, MAX_PARALLEL_MIGRATIONS_RANGE.min, MAX_PARALLEL_MIGRATIONS_RANGE.max);
    if (maximumParallelMigrations === null) warnings.push(`Simultaneous live migrations ${String(lm.maxParallelMigrations)} is not a whole number from ${MAX_PARALLEL_MIGRATIONS_RANGE.min} to ${MAX_PARALLEL_MIGRATIONS_RANGE.max}: the script leaves it as the cluster has it.`);
    else
      changes.push(
        `Simultaneous live migrations: ${maximumParallelMigrations} (cluster property MaximumParallelMigrations, from the 2022-09 cumulative update; on a cluster without it, each node's Set-VMHost -MaximumVirtualMachineMigrations).`,
      );
  }
  if (maximumParallelMigrations === null) leftAlone.push('Simultaneous live migrations: not in the design, so the cluster keeps its own.');

  let smbBandwidthLimitFactor: number | null = null;
  if (stated.smbBandwidthLimitFactor !== undefined) {
    smbBandwidthLimitFactor = wholeIn(lm.smbBandwidthLimitFactor, SMB_BANDWIDTH_LIMIT_FACTOR_RANGE.min, SMB_BANDWIDTH_LIMIT_FACTOR_RANGE.max);
    if (smbBandwidthLimitFactor === null) warnings.push(`SMB bandwidth limit factor ${String(lm.smbBandwidthLimitFactor)} is not a whole number from 0 to 10000: the script leaves it as the cluster has it.`);
    else if (smbBandwidthLimitFactor === 0) changes.push('SMB bandwidth limit for live migration: off (SetSMBBandwidthLimit 0).');
    else
      changes.push(
        `SMB bandwidth limit for live migration: ${smbBandwidthLimitFactor / 100} % of each node's bandwidth (SetSMBBandwidthLimit 1, SMBBandwidthLimitFactor ${smbBandwidthLimitFactor}). It needs the FS-SMBBW feature on every node (the script checks, never installs) and the 2022-09 cumulative update; without it the cap is reported as not possible.`,
      );
  }
  if (smbBandwidthLimitFactor === null) leftAlone.push('SMB bandwidth limit: not in the design, so the cluster keeps its own.');

  // Format 1.2: the SMB Multichannel constraint, per node toward every other node.
  let smbConstraints: PlannedSmbConstraint[] | null = null;
  const smbNames = lm.smbMultichannelNetworks.map((id) => t.index.networks.get(id)?.name).filter((n): n is string => n !== undefined);
  if (stated.smbMultichannelNetworks !== undefined && lm.smbMultichannelNetworks.length > 0) {
    const wanted = new Set(lm.smbMultichannelNetworks);
    smbConstraints = [];
    for (const node of t.nodes) {
      const aliases: string[] = [];
      for (const nicId of t.index.nicsByNode.get(node.id) ?? []) {
        const onWanted = (t.index.addressesByNic.get(nicId) ?? []).some((i) => wanted.has(t.addresses[i]!.networkId));
        const name = t.index.nics.get(nicId)!.name;
        if (onWanted && !aliases.includes(name)) aliases.push(name);
      }
      if (aliases.length === 0) warnings.push(`Node '${node.name}' has no adapter on ${list(smbNames)}: the script sets no SMB Multichannel constraint on it.`);
      else smbConstraints.push({ node: node.name, interfaceAliases: aliases });
    }
    if (t.nodes.length > 1)
      changes.push(`SMB Multichannel constraint on each node (New-SmbMultichannelConstraint), toward every other node: only its adapters on ${list(smbNames)}.`);
  } else leftAlone.push('SMB Multichannel constraints: not in the design, so each node keeps its own.');

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
  if (routes.length > 0) changes.push(`Static routes: ${routes.length} added where missing (New-NetRoute); default gateways are not changed.`);

  return {
    topologyName: t.name,
    orderKind,
    clusterNetworkName: t.clusterNetworkId === null ? null : t.index.networks.get(t.clusterNetworkId)!.name,
    order: order.map(planned),
    excluded: excluded === null ? null : excluded.map(planned),
    roleNone: exclusionsStated ? roleNone.map((n) => n.name) : [],
    designNetworkNames: t.networks.map((n) => n.name),
    nodes: t.nodes.map((n) => n.name),
    routes,
    defaultRoutes,
    performanceOption,
    maximumParallelMigrations,
    smbBandwidthLimitFactor,
    smbConstraints,
    smbMultichannelNetworkNames: smbNames,
    changes,
    leftAlone,
    warnings,
  };
}

/**
 * The facts Failover Clustering derives from addresses (topology-format.md, "Derived facts"):
 * networks from subnets (creating implicit ones), role, metric, router attachment, eligibility
 * and the live migration preference order. Input is a document already validated by parse.ts.
 */
import { implicitNetworkId, isDefaultRoute, parseCidr, prefixContains } from './address';
import { clusterOwnNetwork, orderNetworks } from './order';
import { DEFAULT_MAX_PARALLEL_MIGRATIONS, DEFAULT_PLANNING, DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR, DEFAULT_TRANSPORT } from './defaults';
import type {
  Eligibility, Network, NetworkMedium, NetworkRole, Nic, NicAddress, Node, Planning, Router, Subnet, Topology, TopologyDocument, TopologyIndex, Vm,
} from './types';

const METRIC_BASE: Record<NetworkRole, number> = { cluster: 40000, clusterAndClient: 80000, none: 100000 };

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** AutoMetric's RDMA step and the cap of the speed step (derived fact 4, 1.2). */
export const METRIC_RDMA_DEDUCTION = 19200;
export const METRIC_SPEED_DEDUCTION_MAX = 9600;

/**
 * Derived fact 4 (1.2), AutoMetric-like: the role's base, −19200 when the network has NICs and all
 * are RDMA-capable, −floor(100 × the lowest NIC speed) capped at 9600 (none when a NIC has no
 * speed or there is no NIC), + the network's position. `nics`: every NIC with an address on the
 * network, whatever its state.
 */
export function derivedMetric(role: NetworkRole, nics: readonly Pick<Nic, 'rdma' | 'speedGbps'>[], position: number): number {
  const rdma = nics.length > 0 && nics.every((n) => n.rdma) ? METRIC_RDMA_DEDUCTION : 0;
  let speed = 0;
  if (nics.length > 0 && nics.every((n) => n.speedGbps !== null)) {
    const lowest = Math.min(...nics.map((n) => n.speedGbps!));
    // floor(100 × speed) of the decimal the user wrote: 0.29 × 100 is 28.999… in binary floating point.
    speed = Math.min(METRIC_SPEED_DEDUCTION_MAX, Math.floor(Math.round(lowest * 100 * 1e6) / 1e6));
  }
  return METRIC_BASE[role] - rdma - speed + position;
}

/** The terms of a derived metric (derived fact 4), for saying why: metric = base − rdma − speed + position. */
export interface MetricTerms {
  base: number;
  rdma: number;
  speed: number;
  /** The lowest NIC speed the speed term comes from (null: none). */
  lowestGbps: number | null;
  position: number;
}

/** The terms of network `id`'s derived metric in `t` (null when the metric is written in the file, or no such network). */
export function derivedMetricTerms(t: Topology, id: string): MetricTerms | null {
  const position = t.networks.findIndex((n) => n.id === id);
  const n = t.networks[position];
  if (!n || !n.metricDerived) return null;
  const nics = [...new Set((t.index.addressesByNetwork.get(id) ?? []).map((i) => t.addresses[i]!.nicId))].map((x) => t.index.nics.get(x)!);
  const rdma = nics.length > 0 && nics.every((x) => x.rdma) ? METRIC_RDMA_DEDUCTION : 0;
  const known = nics.length > 0 && nics.every((x) => x.speedGbps !== null);
  const lowestGbps = known ? Math.min(...nics.map((x) => x.speedGbps!)) : null;
  const speed = derivedMetric('cluster', known ? nics.map((x) => ({ rdma: false, speedGbps: x.speedGbps })) : [], 0) - METRIC_BASE.cluster;
  return { base: METRIC_BASE[n.role], rdma, speed: -speed, lowestGbps, position };
}

export function buildTopology(doc: TopologyDocument): Topology {
  const planning = planningOf(doc);
  const nics: Nic[] = (doc.nics ?? []).map((n) => ({
    id: n.id, node: n.node, name: n.name, addresses: [...n.addresses],
    speedGbps: n.speedGbps ?? null, rdma: n.rdma ?? false, state: n.state ?? 'up',
    routes: (n.routes ?? []).map((r) => ({ prefix: r.prefix, via: r.via })),
  }));
  const nodes = buildNodes(doc, nics, planning);
  const vms = buildVms(doc);
  const routers: Router[] = (doc.routers ?? []).map((r) => ({
    id: r.id, name: r.name, site: r.site ?? null, state: r.state ?? 'up', interfaces: [...r.interfaces],
  }));

  // Networks: declared ones, then one per subnet that no declared network covers.
  const declared = doc.networks ?? [];
  const networkBySubnet = new Map<string, string>();
  type Draft = Omit<Network, 'role' | 'metric' | 'medium' | 'mediumDerived'> & { role?: NetworkRole; metric?: number; medium?: NetworkMedium };
  const networkDrafts: Draft[] = declared.map((n) => {
    const prefixes = n.prefixes.map((p) => parseCidr(p)!.subnet);
    prefixes.forEach((p) => networkBySubnet.set(p, n.id));
    return {
      id: n.id, name: n.name, prefixes, role: n.role, metric: n.metric, state: n.state ?? 'up', medium: n.medium,
      implicit: false, roleDerived: n.role === undefined, metricDerived: n.metric === undefined,
    };
  });
  const usedIds = new Set<string>([...(doc.sites ?? []), ...nodes, ...nics, ...declared, ...routers, ...vms].map((e) => e.id));
  const usedNames = new Set(declared.map((n) => n.name));
  let implicitCount = 0;
  const addresses: NicAddress[] = [];
  for (const nic of nics) {
    nic.addresses.forEach((text, position) => {
      const c = parseCidr(text)!;
      let networkId = networkBySubnet.get(c.subnet);
      if (networkId === undefined) {
        networkId = implicitNetworkId(c.subnet);
        for (let k = 2; usedIds.has(networkId); k++) networkId = `${implicitNetworkId(c.subnet)}-${k}`;
        let name: string;
        do name = `Cluster Network ${++implicitCount}`;
        while (usedNames.has(name));
        usedIds.add(networkId);
        usedNames.add(name);
        networkBySubnet.set(c.subnet, networkId);
        networkDrafts.push({
          id: networkId, name, prefixes: [c.subnet], state: 'up', implicit: true, roleDerived: true, metricDerived: true,
        });
      }
      addresses.push({
        index: addresses.length, nicId: nic.id, nodeId: nic.node, position, cidr: text, address: c.text,
        family: c.family, prefixLength: c.prefixLength, subnet: c.subnet, networkId,
      });
    });
  }

  // Role: clusterAndClient when any NIC on the network has a default route.
  const withDefaultRoute = new Set<string>();
  const nicById = new Map(nics.map((n) => [n.id, n]));
  for (const a of addresses) {
    if (nicById.get(a.nicId)!.routes.some((r) => isDefaultRoute(r.prefix))) withDefaultRoute.add(a.networkId);
  }
  const nicsOnNetwork = new Map<string, Set<Nic>>();
  for (const a of addresses) {
    let set = nicsOnNetwork.get(a.networkId);
    if (!set) nicsOnNetwork.set(a.networkId, (set = new Set()));
    set.add(nicById.get(a.nicId)!);
  }
  const networks: Network[] = networkDrafts.map((n, position) => {
    const role = n.role ?? (withDefaultRoute.has(n.id) ? 'clusterAndClient' : 'cluster');
    const metric = n.metric ?? derivedMetric(role, [...(nicsOnNetwork.get(n.id) ?? [])], position);
    // medium is filled in once router attachment is known (below).
    return { ...n, role, metric, medium: n.medium ?? 'switch', mediumDerived: n.medium === undefined };
  });

  // Subnets: every cluster network prefix and every router interface subnet.
  const subnets: Subnet[] = [];
  const subnetByPrefix = new Map<string, number>();
  const subnetOf = (prefix: string): number => {
    let i = subnetByPrefix.get(prefix);
    if (i === undefined) {
      i = subnets.length;
      subnets.push({ prefix, family: prefix.includes(':') ? 6 : 4, networkId: networkBySubnet.get(prefix) ?? null, routerIds: [] });
      subnetByPrefix.set(prefix, i);
    }
    return i;
  };
  networks.forEach((n) => n.prefixes.forEach(subnetOf));
  const subnetsByRouter = new Map<string, number[]>();
  const networkCidrs = [...networkBySubnet.keys()].map((p) => parseCidr(p)!);
  for (const r of [...routers].sort((a, b) => byString(a.id, b.id))) {
    const own: number[] = [];
    for (const itf of r.interfaces) {
      const c = parseCidr(itf)!;
      // A router is attached to the subnet that contains its address: a cluster network's prefix
      // when one does (whatever prefix length the interface was written with), else its own subnet.
      const inNetwork = networkCidrs.find((pc) => prefixContains(pc, c));
      const s = subnetOf(inNetwork?.subnet ?? c.subnet);
      if (!own.includes(s)) {
        own.push(s);
        subnets[s]!.routerIds.push(r.id);
      }
    }
    subnetsByRouter.set(r.id, own);
  }

  // Derived medium (docs/DECISIONS.md, decision 308): a switchless cable is a network of exactly two
  // NICs, of two different nodes, and no router — in a cluster that is switchless: two nodes in all,
  // or a mesh where one of the two nodes is cabled so to two peers or more. Two nodes of a larger
  // cluster that share such networks with each other only (a site's pair in a two-site design)
  // are on a switch.
  const pairOf = new Map<string, [string, string]>();
  const peers = new Map<string, Set<string>>();
  for (const n of networks) {
    if (!n.mediumDerived) continue;
    // The NICs of the network in the order of their first address (the addresses of 256 networks were scanned once each).
    const nicIds = new Set([...(nicsOnNetwork.get(n.id) ?? [])].map((x) => x.id));
    const nodeIds = [...new Set([...nicIds].map((id) => nicById.get(id)!.node))];
    const routed = n.prefixes.some((p) => subnets[subnetByPrefix.get(p)!]!.routerIds.length > 0);
    if (nicIds.size !== 2 || nodeIds.length !== 2 || routed) continue;
    const [a, b] = nodeIds as [string, string];
    pairOf.set(n.id, [a, b]);
    for (const [x, y] of [[a, b], [b, a]] as const) {
      if (!peers.has(x)) peers.set(x, new Set());
      peers.get(x)!.add(y);
    }
  }
  const meshed = (id: string): boolean => (peers.get(id)?.size ?? 0) >= 2;
  for (const n of networks) {
    if (!n.mediumDerived) continue;
    const pair = pairOf.get(n.id);
    n.medium = pair && (nodes.length <= 2 || meshed(pair[0]) || meshed(pair[1])) ? 'cable' : 'switch';
  }

  const excluded = new Set(doc.liveMigration?.excludedNetworks ?? []);
  // Keyed by network id: no prototype, so that an id like 'toString' or '__proto__' is just a key.
  const eligibility = Object.create(null) as Record<string, Eligibility>;
  for (const n of networks) {
    eligibility[n.id] = excluded.has(n.id)
      ? { eligible: false, reason: 'excluded-by-setting' }
      : n.role === 'none'
        ? { eligible: false, reason: 'role-none' }
        : n.state !== 'up'
          ? { eligible: false, reason: 'network-down' }
          : { eligible: true };
  }
  const order = doc.liveMigration?.networkOrder ?? [];
  const clusterNetworkId = clusterOwnNetwork(networks)?.id ?? null;
  const preferenceOrder = orderNetworks(networks.filter((n) => eligibility[n.id]?.eligible === true), order, clusterNetworkId).map((n) => n.id);

  const index: TopologyIndex = {
    sites: new Map((doc.sites ?? []).map((s) => [s.id, { id: s.id, name: s.name }])),
    nodes: new Map(nodes.map((n) => [n.id, n])),
    nics: nicById,
    networks: new Map(networks.map((n) => [n.id, n])),
    routers: new Map(routers.map((r) => [r.id, r])),
    vms: new Map(vms.map((v) => [v.id, v])),
    vmsByNode: vmsByNode(vms),
    nicsByNode: groupBy(nics, (n) => n.node, (n) => n.id),
    addressesByNic: groupBy(addresses, (a) => a.nicId, (a) => a.index),
    addressesByNetwork: groupBy(addresses, (a) => a.networkId, (a) => a.index),
    subnetByPrefix,
    subnetsByRouter,
    preferencePosition: new Map(preferenceOrder.map((id, i) => [id, i])),
  };

  return {
    document: doc,
    name: doc.name ?? 'Untitled topology',
    description: doc.description ?? '',
    sites: [...index.sites.values()],
    nodes, nics, networks, routers, vms,
    liveMigration: {
      networkOrder: [...order], excludedNetworks: [...excluded],
      transport: doc.liveMigration?.transport ?? DEFAULT_TRANSPORT,
      maxParallelMigrations: doc.liveMigration?.maxParallelMigrations ?? DEFAULT_MAX_PARALLEL_MIGRATIONS,
      smbBandwidthLimitFactor: doc.liveMigration?.smbBandwidthLimitFactor ?? DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR,
      smbMultichannelNetworks: [...(doc.liveMigration?.smbMultichannelNetworks ?? [])],
    },
    planning,
    layout: { ...(doc.layout ?? {}) },
    addresses, subnets, eligibility, preferenceOrder, clusterNetworkId, index,
  };
}

/** The nodes (their effective bandwidth needs the NICs and the planning's speed of a NIC without one). */
export function buildNodes(doc: TopologyDocument, nics: readonly Pick<Nic, 'node' | 'speedGbps'>[], planning: Planning): Node[] {
  // The physical bandwidth of a node defaults to the sum of its NICs' speeds, whatever their state.
  const nicSpeedSum = new Map<string, number>();
  for (const n of nics) nicSpeedSum.set(n.node, (nicSpeedSum.get(n.node) ?? 0) + (n.speedGbps ?? planning.unknownSpeedGbps));
  return (doc.nodes ?? []).map((n) => ({
    id: n.id, name: n.name, site: n.site ?? null, state: n.state ?? 'up',
    physicalBandwidthGbps: n.physicalBandwidthGbps ?? null,
    effectiveBandwidthGbps: n.physicalBandwidthGbps ?? nicSpeedSum.get(n.id) ?? 0,
  }));
}

export function buildVms(doc: TopologyDocument): Vm[] {
  return (doc.vms ?? []).map((v) => ({ id: v.id, name: v.name, node: v.node, memoryGB: v.memoryGB, state: v.state ?? 'running' }));
}

export function vmsByNode(vms: readonly Vm[]): Map<string, string[]> {
  return groupBy(vms, (v) => v.node, (v) => v.id);
}

export function planningOf(doc: TopologyDocument): Planning {
  const p = doc.planning ?? {};
  const e = p.efficiency ?? {};
  const d = DEFAULT_PLANNING;
  return {
    efficiency: { tcpip: e.tcpip ?? d.efficiency.tcpip, compression: e.compression ?? d.efficiency.compression, smb: e.smb ?? d.efficiency.smb },
    compressionMaxGbps: p.compressionMaxGbps ?? d.compressionMaxGbps,
    unknownSpeedGbps: p.unknownSpeedGbps ?? d.unknownSpeedGbps,
    precopyOverhead: p.precopyOverhead ?? d.precopyOverhead,
    switchoverSeconds: p.switchoverSeconds ?? d.switchoverSeconds,
  };
}

function groupBy<T, V>(items: readonly T[], key: (t: T) => string, value: (t: T) => V): Map<string, V[]> {
  const m = new Map<string, V[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(value(it));
    else m.set(k, [value(it)]);
  }
  return m;
}

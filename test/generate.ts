/**
 * Generators of realistic topologies: the larger built-in examples, the benchmark's cluster and
 * the seeds of property tests. Deterministic: the same options give the same document, every time.
 */
import type { NetworkDoc, NicDoc, NodeDoc, RouterDoc, TopologyDocument, VmDoc } from '../src/engine/model/types';

export interface TwoSiteOptions {
  nodesPerSite: number;
  /** Routed live migration networks per site (each NIC routes to every LM network of the other site). */
  lmNetworksPerSite: number;
  /** Site-local storage networks per site (RDMA, not routed). */
  storageNetworksPerSite: number;
  /** Routers per site; router k of site A links to router k of site B over a /30. */
  routersPerSite: number;
  name?: string;
  /** Give every node realistic VMs (`realisticVms`); without it the cluster has none. */
  vms?: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The workloads VMs are drawn from, in the order they are handed out: a kind (the VM's name
 * prefix) and its memory in GB. Every size from 4 to 64 GB that a real host carries is here.
 */
const VM_PATTERN: readonly (readonly [kind: string, memoryGB: number])[] = [
  ['SQL', 64], ['APP', 8], ['WEB', 4], ['FS', 16], ['RDS', 32], ['APP', 16], ['DC', 4],
  ['SQL', 32], ['WEB', 8], ['FS', 8], ['EXCH', 48], ['RDS', 24], ['APP', 12],
];

/**
 * Realistic VMs for the given nodes, with no randomness: node k (0-based) carries
 * 5 + (4k + 3) mod 11 VMs — 8, 12, 5, 9, 13, 6, 10, 14, 7, 11, 15, then again — taken in turn
 * from `VM_PATTERN` (sizes 4–64 GB). Names number each kind across the cluster (SQL01, APP03…);
 * ids are `vm-` and the lower-case name, so unique across all kinds.
 */
export function realisticVms(nodes: readonly NodeDoc[]): VmDoc[] {
  const vms: VmDoc[] = [];
  const perKind = new Map<string, number>();
  let next = 0;
  nodes.forEach((node, k) => {
    const count = 5 + ((4 * k + 3) % 11);
    for (let v = 0; v < count; v++) {
      const [kind, memoryGB] = VM_PATTERN[next++ % VM_PATTERN.length]!;
      const n = (perKind.get(kind) ?? 0) + 1;
      perKind.set(kind, n);
      const name = `${kind}${pad(n)}`;
      vms.push({ id: `vm-${name.toLowerCase()}`, name, node: node.id, memoryGB });
    }
  });
  return vms;
}

/**
 * A multi-site cluster without a stretched subnet: per site a management network (excluded from
 * live migration, default gateway), routed LM networks and local storage networks.
 */
export function generateTwoSiteCluster(o: TwoSiteOptions): TopologyDocument {
  const sites = [
    { id: 'site-a', name: 'Site A', code: 'a', octet: 1 },
    { id: 'site-b', name: 'Site B', code: 'b', octet: 2 },
  ];
  const nodes: NodeDoc[] = [];
  const nics: NicDoc[] = [];
  const networks: NetworkDoc[] = [];
  const routers: RouterDoc[] = [];
  const order: string[] = [];
  const excluded: string[] = [];
  const routerCount = Math.max(1, o.routersPerSite);

  for (const site of sites) {
    const other = sites.find((s) => s !== site)!;
    networks.push({ id: `mgmt-${site.code}`, name: `Management ${site.code.toUpperCase()}`, prefixes: [`10.${site.octet}.0.0/24`] });
    excluded.push(`mgmt-${site.code}`);
    for (let l = 1; l <= o.lmNetworksPerSite; l++) {
      networks.push({ id: `lm-${site.code}${l}`, name: `Live Migration ${site.code.toUpperCase()}${l}`, prefixes: [`10.${site.octet}.${10 + l}.0/24`] });
      order.push(`lm-${site.code}${l}`);
    }
    for (let s = 1; s <= o.storageNetworksPerSite; s++) {
      networks.push({ id: `st-${site.code}${s}`, name: `Storage ${site.code.toUpperCase()}${s}`, prefixes: [`10.${site.octet}.${100 + s}.0/24`] });
    }
    for (let r = 1; r <= routerCount; r++) {
      const itfs = [`10.${site.octet}.0.${r}/24`];
      for (let l = 1; l <= o.lmNetworksPerSite; l++) itfs.push(`10.${site.octet}.${10 + l}.${r}/24`);
      // The WAN link between router r of both sites, and a site-local link between the site's routers.
      itfs.push(`172.16.${r}.${site.octet}/30`, `172.17.${site.octet}.${r}/29`);
      routers.push({ id: `r${site.code}${r}`, name: `Router ${site.code.toUpperCase()}${r}`, site: site.id, interfaces: itfs });
    }
    for (let n = 1; n <= o.nodesPerSite; n++) {
      const id = `${site.code}${pad(n)}`;
      const host = 10 + n;
      nodes.push({ id, name: `HV-${site.code.toUpperCase()}${pad(n)}`, site: site.id });
      nics.push({
        id: `${id}-mgmt`, node: id, name: 'Management', addresses: [`10.${site.octet}.0.${host}/24`], speedGbps: 10,
        routes: [{ prefix: '0.0.0.0/0', via: `10.${site.octet}.0.1` }],
      });
      for (let l = 1; l <= o.lmNetworksPerSite; l++) {
        const gw = ((l - 1) % routerCount) + 1;
        nics.push({
          id: `${id}-lm${l}`, node: id, name: `LM ${l}`, addresses: [`10.${site.octet}.${10 + l}.${host}/24`], speedGbps: 25,
          routes: Array.from({ length: o.lmNetworksPerSite }, (_, k) => ({ prefix: `10.${other.octet}.${11 + k}.0/24`, via: `10.${site.octet}.${10 + l}.${gw}` })),
        });
      }
      for (let s = 1; s <= o.storageNetworksPerSite; s++) {
        nics.push({ id: `${id}-st${s}`, node: id, name: `Storage ${s}`, addresses: [`10.${site.octet}.${100 + s}.${host}/24`], speedGbps: 25, rdma: true });
      }
    }
  }
  return {
    format: 'lm-topology',
    version: 1,
    name: o.name ?? `Two-site cluster, ${o.nodesPerSite * 2} nodes`,
    description: 'A stretched cluster without a stretched subnet: live migration between sites is routed; storage stays in each site.',
    sites: sites.map(({ id, name }) => ({ id, name })),
    nodes, nics, networks, routers,
    liveMigration: { networkOrder: order, excludedNetworks: excluded },
    ...(o.vms === true ? { vms: realisticVms(nodes) } : {}),
  };
}

/**
 * A switchless full mesh: every pair of nodes cabled directly, one /24 per cable, plus management.
 * With `vms`, every node gets realistic VMs (`realisticVms`).
 */
export function generateSwitchlessMesh(nodeCount: number, name?: string, options: { vms?: boolean } = {}): TopologyDocument {
  const nodes: NodeDoc[] = [];
  const nics: NicDoc[] = [];
  const networks: NetworkDoc[] = [{ id: 'mgmt', name: 'Management', prefixes: ['10.0.0.0/24'] }];
  const order: string[] = [];
  for (let i = 1; i <= nodeCount; i++) {
    nodes.push({ id: `n${i}`, name: `HV${pad(i)}` });
    nics.push({ id: `n${i}-mgmt`, node: `n${i}`, name: 'Management', addresses: [`10.0.0.${10 + i}/24`], speedGbps: 10, routes: [{ prefix: '0.0.0.0/0', via: '10.0.0.1' }] });
  }
  for (let i = 1; i <= nodeCount; i++)
    for (let j = i + 1; j <= nodeCount; j++) {
      const id = `link-${i}${j}`;
      networks.push({ id, name: `Direct ${i}-${j}`, prefixes: [`10.${i}${j}.0.0/24`] });
      order.push(id);
      nics.push({ id: `n${i}-to${j}`, node: `n${i}`, name: `Port to HV${pad(j)}`, addresses: [`10.${i}${j}.0.${i}/24`], speedGbps: 25, rdma: true });
      nics.push({ id: `n${j}-to${i}`, node: `n${j}`, name: `Port to HV${pad(i)}`, addresses: [`10.${i}${j}.0.${j}/24`], speedGbps: 25, rdma: true });
    }
  return {
    format: 'lm-topology',
    version: 1,
    name: name ?? `Switchless ${nodeCount}-node full mesh`,
    description: 'Every pair of nodes is cabled directly (no storage switch); each cable is its own subnet and cluster network.',
    nodes, nics, networks,
    routers: [{ id: 'gw', name: 'Default gateway', interfaces: ['10.0.0.1/24'] }],
    liveMigration: { networkOrder: order, excludedNetworks: ['mgmt'] },
    ...(options.vms === true ? { vms: realisticVms(nodes) } : {}),
  };
}

/** A site's letters in ids: a–z, then aa, ab… (sites past the 26th once got characters past 'z', U+007F among them). */
const siteCode = (i: number): string => (i < 26 ? String.fromCharCode(97 + i) : String.fromCharCode(96 + Math.floor(i / 26), 97 + (i % 26)));

export interface SitesOptions {
  sites: number;
  nodesPerSite: number;
  /** Routed live migration networks per site (each routes to every LM network of every other site). */
  lmNetworksPerSite: number;
  storageNetworksPerSite: number;
  routersPerSite: number;
  /** Every NIC, network, route and router interface gets an IPv6 address next to its IPv4 one. */
  dualStack?: boolean;
  name?: string;
  /** Node n's host number on every subnet is `hostBase + n` (default 10; routers take 1, 2…). */
  hostBase?: number;
}

/**
 * Any number of sites without a stretched subnet (the two-site generator's shape, generalised):
 * router k of every site shares one WAN subnet, so a pair of sites is one or two router hops
 * apart. With `dualStack`, each address has an IPv6 twin and every route a twin of its family.
 */
export function generateSitesCluster(o: SitesOptions): TopologyDocument {
  const v6 = o.dualStack === true;
  const sites = Array.from({ length: o.sites }, (_, i) => ({ id: `site-${i + 1}`, name: `Site ${i + 1}`, code: siteCode(i), octet: i + 1 }));
  const nodes: NodeDoc[] = [];
  const nics: NicDoc[] = [];
  const networks: NetworkDoc[] = [];
  const routers: RouterDoc[] = [];
  const order: string[] = [];
  const excluded: string[] = [];
  const routerCount = Math.max(1, o.routersPerSite);
  const both = (four: string, six: string): string[] => (v6 ? [four, six] : [four]);

  for (const site of sites) {
    const s = site.octet;
    networks.push({ id: `mgmt-${site.code}`, name: `Management ${site.code.toUpperCase()}`, prefixes: both(`10.${s}.0.0/24`, `fd00:${s}::/64`) });
    excluded.push(`mgmt-${site.code}`);
    for (let l = 1; l <= o.lmNetworksPerSite; l++) {
      networks.push({ id: `lm-${site.code}${l}`, name: `Live Migration ${site.code.toUpperCase()}${l}`, prefixes: both(`10.${s}.${10 + l}.0/24`, `fd00:${s}:${10 + l}::/64`) });
      order.push(`lm-${site.code}${l}`);
    }
    for (let k = 1; k <= o.storageNetworksPerSite; k++)
      networks.push({ id: `st-${site.code}${k}`, name: `Storage ${site.code.toUpperCase()}${k}`, prefixes: both(`10.${s}.${100 + k}.0/24`, `fd00:${s}:${100 + k}::/64`) });
    for (let r = 1; r <= routerCount; r++) {
      const itfs = both(`10.${s}.0.${r}/24`, `fd00:${s}::${r}/64`);
      for (let l = 1; l <= o.lmNetworksPerSite; l++) itfs.push(...both(`10.${s}.${10 + l}.${r}/24`, `fd00:${s}:${10 + l}::${r}/64`));
      itfs.push(...both(`172.16.${r}.${s}/24`, `fd01:${r}::${s}/64`), ...both(`172.17.${s}.${r}/29`, `fd02:${s}::${r}/64`));
      routers.push({ id: `r${site.code}${r}`, name: `Router ${site.code.toUpperCase()}${r}`, site: site.id, interfaces: itfs });
    }
    for (let n = 1; n <= o.nodesPerSite; n++) {
      const id = `${site.code}${pad(n)}`;
      const host = (o.hostBase ?? 10) + n;
      nodes.push({ id, name: `HV-${site.code.toUpperCase()}${pad(n)}`, site: site.id });
      nics.push({
        id: `${id}-mgmt`, node: id, name: 'Management', addresses: both(`10.${s}.0.${host}/24`, `fd00:${s}::${host}/64`), speedGbps: 10,
        routes: v6 ? [{ prefix: '0.0.0.0/0', via: `10.${s}.0.1` }, { prefix: '::/0', via: `fd00:${s}::1` }] : [{ prefix: '0.0.0.0/0', via: `10.${s}.0.1` }],
      });
      for (let l = 1; l <= o.lmNetworksPerSite; l++) {
        const gw = ((l - 1) % routerCount) + 1;
        const routes: { prefix: string; via: string }[] = [];
        for (const other of sites) {
          if (other === site) continue;
          for (let k = 1; k <= o.lmNetworksPerSite; k++) {
            routes.push({ prefix: `10.${other.octet}.${10 + k}.0/24`, via: `10.${s}.${10 + l}.${gw}` });
            if (v6) routes.push({ prefix: `fd00:${other.octet}:${10 + k}::/64`, via: `fd00:${s}:${10 + l}::${gw}` });
          }
        }
        nics.push({ id: `${id}-lm${l}`, node: id, name: `LM ${l}`, addresses: both(`10.${s}.${10 + l}.${host}/24`, `fd00:${s}:${10 + l}::${host}/64`), speedGbps: 25, routes });
      }
      for (let k = 1; k <= o.storageNetworksPerSite; k++)
        nics.push({ id: `${id}-st${k}`, node: id, name: `Storage ${k}`, addresses: both(`10.${s}.${100 + k}.${host}/24`, `fd00:${s}:${100 + k}::${host}/64`), speedGbps: 25, rdma: true });
    }
  }
  return {
    format: 'lm-topology',
    version: 1,
    name: o.name ?? `${o.sites}-site cluster, ${o.nodesPerSite * o.sites} nodes${v6 ? ', dual-stack' : ''}`,
    description: 'Sites without a stretched subnet: live migration between sites is routed over a shared WAN subnet per router.',
    sites: sites.map(({ id, name }) => ({ id, name })),
    nodes, nics, networks, routers,
    liveMigration: { networkOrder: order, excludedNetworks: excluded },
  };
}

export interface MeshGroupsOptions {
  /** Groups of nodes, each cabled as a switchless full mesh. */
  groups: number;
  groupSize: number;
  /** Switched live migration and storage networks every node is on. */
  switchedLm: number;
  switchedStorage: number;
  name?: string;
}

/**
 * Switchless meshes side by side: each group's nodes are cabled to each other (one subnet per
 * cable), preferred for live migration; switched networks join every node. Between groups,
 * legacy times out on every cable network before it reaches a switched one.
 */
export function generateMeshGroups(o: MeshGroupsOptions): TopologyDocument {
  const nodes: NodeDoc[] = [];
  const nics: NicDoc[] = [];
  const networks: NetworkDoc[] = [{ id: 'mgmt', name: 'Management', prefixes: ['10.0.0.0/16'] }];
  const order: string[] = [];
  const switched: string[] = [];
  for (let l = 1; l <= o.switchedLm; l++) {
    networks.push({ id: `lm${l}`, name: `Live Migration ${l}`, prefixes: [`10.${l}.0.0/16`] });
    switched.push(`lm${l}`);
  }
  for (let k = 1; k <= o.switchedStorage; k++) networks.push({ id: `st${k}`, name: `Storage ${k}`, prefixes: [`10.${100 + k}.0.0/16`] });
  const id = (g: number, i: number): string => `g${pad(g)}n${i}`;
  for (let g = 1; g <= o.groups; g++)
    for (let i = 1; i <= o.groupSize; i++) {
      const n = id(g, i);
      const host = `${g}.${10 + i}`;
      nodes.push({ id: n, name: `HV-G${pad(g)}-${i}` });
      nics.push({ id: `${n}-mgmt`, node: n, name: 'Management', addresses: [`10.0.${host}/16`], speedGbps: 10, routes: [{ prefix: '0.0.0.0/0', via: '10.0.0.1' }] });
      for (let l = 1; l <= o.switchedLm; l++) nics.push({ id: `${n}-lm${l}`, node: n, name: `LM ${l}`, addresses: [`10.${l}.${host}/16`], speedGbps: 25 });
      for (let k = 1; k <= o.switchedStorage; k++) nics.push({ id: `${n}-st${k}`, node: n, name: `Storage ${k}`, addresses: [`10.${100 + k}.${host}/16`], speedGbps: 25, rdma: true });
    }
  for (let g = 1; g <= o.groups; g++)
    for (let i = 1; i <= o.groupSize; i++)
      for (let j = i + 1; j <= o.groupSize; j++) {
        const net = `link-${g}-${i}${j}`;
        networks.push({ id: net, name: `Direct G${g} ${i}-${j}`, prefixes: [`172.${16 + (g % 16)}.${Math.floor(g / 16) * 100 + i * 10 + j}.0/24`] });
        order.push(net);
        nics.push({ id: `${id(g, i)}-to${j}`, node: id(g, i), name: `Port to ${j}`, addresses: [`172.${16 + (g % 16)}.${Math.floor(g / 16) * 100 + i * 10 + j}.${i}/24`], speedGbps: 100, rdma: true });
        nics.push({ id: `${id(g, j)}-to${i}`, node: id(g, j), name: `Port to ${i}`, addresses: [`172.${16 + (g % 16)}.${Math.floor(g / 16) * 100 + i * 10 + j}.${j}/24`], speedGbps: 100, rdma: true });
      }
  return {
    format: 'lm-topology',
    version: 1,
    name: o.name ?? `${o.groups} switchless meshes of ${o.groupSize} nodes`,
    description: 'Switchless groups: direct cables inside each group, switched networks across groups.',
    nodes, nics, networks,
    routers: [{ id: 'gw', name: 'Default gateway', interfaces: ['10.0.0.1/16'] }],
    liveMigration: { networkOrder: [...order, ...switched], excludedNetworks: ['mgmt'] },
  };
}

/**
 * The largest design the app accepts (issue 24, round 3: at most 1,024 NICs), in the shape that
 * costs most to open, analyse and draw: 32 sites of 4 nodes, 8 NICs a node (management, 2 routed
 * live migration networks with 62 routes each — the limit is 64 — and 5 storage networks), 128
 * nodes, 1,024 NICs, 256 networks and 128 routers — every count but the sites at its limit — and,
 * with `vms`, 10,000 VMs (the limit; Windows Server has at most 8,000), 78 or 79 a node. Measured
 * against 8 sites × 16 nodes with 7 live migration networks (more routes: 44,000 against 16,000)
 * and 64 nodes × 16 NICs, it is the slowest to parse, to plan every drain and to draw
 * (bench/README.md, issue 24 round 3).
 */
export function generateLargestDesign(options: { vms?: boolean } = {}): TopologyDocument {
  const doc = generateSitesCluster({ sites: 32, nodesPerSite: 4, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 4, hostBase: 100, name: 'Largest accepted design' });
  if (options.vms === true) doc.vms = spreadVms(doc.nodes!, 10_000);
  return doc;
}

/**
 * The widest design the limits allow: Windows Server's 64 nodes in two sites of 32, 16 NICs each
 * (management, 7 routed live migration networks, 8 storage networks: 1,024 NICs), 16 routers a
 * site, with `vms` 10,000 VMs. Cheaper than `generateLargestDesign` to parse, analyse and draw,
 * but its sites are the widest (32 hosts of 16 NICs side by side), so its drawing fits at the
 * smallest zoom: the compact drawing's shortcut for a design no text step can read at Fit
 * (decision 371) is taken on it.
 */
export function generateWidestDesign(options: { vms?: boolean } = {}): TopologyDocument {
  const doc = generateSitesCluster({ sites: 2, nodesPerSite: 32, lmNetworksPerSite: 7, storageNetworksPerSite: 8, routersPerSite: 16, hostBase: 100, name: 'Widest accepted design' });
  if (options.vms === true) doc.vms = spreadVms(doc.nodes!, 10_000);
  return doc;
}

/** `count` VMs over the nodes in turn, sized from `VM_PATTERN` (4–64 GB), a tenth of them off. */
export function spreadVms(nodes: readonly NodeDoc[], count: number): VmDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const [kind, memoryGB] = VM_PATTERN[i % VM_PATTERN.length]!;
    const name = `${kind}-${String(i + 1).padStart(5, '0')}`;
    const vm: VmDoc = { id: `vm-${i + 1}`, name, node: nodes[i % nodes.length]!.id, memoryGB };
    if (i % 10 === 9) vm.state = 'off';
    return vm;
  });
}

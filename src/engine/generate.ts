/**
 * Generators of realistic topologies: the larger built-in examples, the benchmark's cluster and
 * the seeds of property tests. Deterministic: the same options give the same document, every time.
 */
import type { NetworkDoc, NicDoc, NodeDoc, RouterDoc, TopologyDocument } from './types';

export interface TwoSiteOptions {
  nodesPerSite: number;
  /** Routed live migration networks per site (each NIC routes to every LM network of the other site). */
  lmNetworksPerSite: number;
  /** Site-local storage networks per site (RDMA, not routed). */
  storageNetworksPerSite: number;
  /** Routers per site; router k of site A links to router k of site B over a /30. */
  routersPerSite: number;
  name?: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

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
  };
}

/** A switchless full mesh: every pair of nodes cabled directly, one /24 per cable, plus management. */
export function generateSwitchlessMesh(nodeCount: number, name?: string): TopologyDocument {
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
  };
}

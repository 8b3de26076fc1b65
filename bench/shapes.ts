/**
 * The benchmark's 64-node clusters, 8 NICs per node, of several shapes: what Windows Server's
 * cluster maximum looks like in a few common designs.
 */
import { parseTopology, type Topology, type TopologyDocument } from '../src/engine';
import { generateMeshGroups, generateSitesCluster, generateTwoSiteCluster } from '../test/generate';

export interface Shape {
  name: string;
  doc: TopologyDocument;
}

export function shapes(): Shape[] {
  return [
    { name: 'two sites, routed LM (the bench\'s first cluster)', doc: generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2 }) },
    { name: 'four sites, routed LM over shared WAN subnets', doc: generateSitesCluster({ sites: 4, nodesPerSite: 16, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2 }) },
    { name: 'two sites, dual-stack (IPv4 + IPv6 everywhere)', doc: generateSitesCluster({ sites: 2, nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2, dualStack: true }) },
    { name: '16 switchless 4-node meshes + switched LM and storage', doc: generateMeshGroups({ groups: 16, groupSize: 4, switchedLm: 2, switchedStorage: 2 }) },
  ];
}

/** A fresh parse of a shape's document (each run starts from one, as after an edit); throws on a refusal. */
export function parsed(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/**
 * Built-in example topologies: the shared examples and two written by the test generators
 * (test/generate.ts; a unit test keeps these files equal to what the generators give).
 */
import type { TopologyDocument } from '../engine';
import switched from './switched-4-node.json';
import smbMultichannel from './smb-multichannel.json';
import switchless from './switchless-3-node.json';
import mesh4 from './switchless-4-node-mesh.json';
import twoSite16 from './two-site-16-node.json';
import twoSite from './two-site-routed.json';

export interface Example {
  id: string;
  name: string;
  summary: string;
  document: TopologyDocument;
  /** The pair shown when the example opens. */
  pair: [string, string];
}

export const EXAMPLES: Example[] = [
  { id: 'switchless-3-node', name: 'Switchless 3-node', summary: 'Direct-cabled storage: legacy waits 40 s, 2025 connects at once.', document: switchless as TopologyDocument, pair: ['n2', 'n3'] },
  { id: 'switched-4-node', name: 'Switched 4-node', summary: 'Two storage networks through switches.', document: switched as TopologyDocument, pair: ['n1', 'n3'] },
  { id: 'two-site-routed', name: 'Two-site routed', summary: 'Stretched cluster without a stretched subnet: routed live migration.', document: twoSite as TopologyDocument, pair: ['n1', 'n3'] },
  {
    id: 'smb-multichannel',
    name: 'SMB Multichannel (3-node)',
    summary: 'Live migration set to its own network; with SMB the memory still goes over the RDMA storage networks.',
    document: smbMultichannel as TopologyDocument,
    pair: ['n1', 'n2'],
  },
  { id: 'switchless-4-node-mesh', name: 'Switchless 4-node full mesh', summary: 'Six cables, six subnets: most networks join only one pair.', document: mesh4 as TopologyDocument, pair: ['n1', 'n4'] },
  {
    id: 'two-site-16-node',
    name: 'Two-site 16-node',
    summary: 'Eight nodes per site, two routed LM networks, two storage networks per site.',
    document: twoSite16 as TopologyDocument,
    pair: ['a01', 'b01'],
  },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0]!;

export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}

/**
 * The three realistic inventories, end to end: file bytes → parseClusterInventory → topology.
 * Each fixture is written the way one PowerShell would write it (see test/fixtures/inventory).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectMigrationPath } from '../../src/engine';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import type { NicDoc, RouterDoc, Topology } from '../../src/engine/model/types';

const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/inventory/${name}`, import.meta.url)));

function imported(name: string): { topology: Topology; messages: string[] } {
  const r = parseClusterInventory(bytesOf(name));
  if (!r.ok) throw new Error(`${name} did not import: ${JSON.stringify(r.errors)}`);
  return { topology: r.topology, messages: r.diagnostics.map((d) => d.message) };
}

const G = {
  mgmtA: '3f2a1c4e-8b1d-4c0e-9a5f-1d2e3f4a5b01',
  mgmtB: '3f2a1c4e-8b1d-4c0e-9a5f-1d2e3f4a5b02',
  lmA: '7c9e6a1b-2d3f-4e5a-8b7c-9d0e1f2a3b11',
  lmB: '7c9e6a1b-2d3f-4e5a-8b7c-9d0e1f2a3b12',
};
const H = {
  mgmt: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e101',
  s1: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e102',
  s2: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e103',
  iscsi: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e104',
};
const S = {
  mgmt: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c01',
  l12: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c12',
  l13: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c13',
  l23: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c23',
};

interface Expected {
  file: string;
  name: string;
  sites: { id: string; name: string }[];
  nodes: { id: string; name: string; site: string | null; state: string }[];
  networks: { id: string; prefixes: string[]; role: string; metric: number; state: string }[];
  /** Some NICs, exactly as the document should hold them. */
  nics: NicDoc[];
  nicCount: number;
  routers: RouterDoc[];
  liveMigration: { networkOrder: string[]; excludedNetworks: string[] };
  /** Substrings of import notes that must be there. */
  notes: string[];
  noteCount: number;
}

const CASES: Expected[] = [
  {
    file: 'ps51-two-site.json',
    name: 'CLU-STRETCH',
    sites: [
      { id: 'site-seattle', name: 'Seattle' },
      { id: 'site-portland', name: 'Portland' },
    ],
    nodes: [
      { id: 'hv01', name: 'HV01', site: 'site-seattle', state: 'up' },
      { id: 'hv02', name: 'HV02', site: 'site-seattle', state: 'up' },
      { id: 'hv03', name: 'HV03', site: 'site-portland', state: 'paused' },
      { id: 'hv04', name: 'HV04', site: 'site-portland', state: 'up' },
    ],
    networks: [
      { id: G.mgmtA, prefixes: ['10.1.0.0/24', 'fd00:1::/64'], role: 'clusterAndClient', metric: 70384, state: 'up' },
      { id: G.mgmtB, prefixes: ['10.2.0.0/24'], role: 'clusterAndClient', metric: 70385, state: 'up' },
      { id: G.lmA, prefixes: ['10.1.10.0/24'], role: 'cluster', metric: 39840, state: 'up' },
      { id: G.lmB, prefixes: ['10.2.10.0/24'], role: 'cluster', metric: 39841, state: 'up' },
    ],
    nics: [
      {
        id: 'hv01-vethernet-management',
        node: 'hv01',
        name: 'vEthernet (Management)',
        // the fe80:: address (with its %12 zone) is left out
        addresses: ['10.1.0.11/24', 'fd00:1::11/64'],
        routes: [{ prefix: '0.0.0.0/0', via: '10.1.0.1' }],
      },
      {
        id: 'hv01-vethernet-live-migration',
        node: 'hv01',
        name: 'vEthernet (Live Migration)',
        addresses: ['10.1.10.11/24'],
        // the same route twice (active and persistent store) is imported once
        routes: [{ prefix: '10.2.10.0/24', via: '10.1.10.1' }],
      },
      {
        id: 'hv02-vethernet-live-migration',
        node: 'hv02',
        name: 'vEthernet (Live Migration)',
        addresses: ['10.1.10.12/24'],
        routes: [{ prefix: '10.2.10.0/24', via: '10.1.10.1' }],
      },
      {
        // routes reported as hv03.contoso.local
        id: 'hv03-slot-3-port-1',
        node: 'hv03',
        name: 'SLOT 3 Port 1',
        addresses: ['10.2.10.13/24'],
        speedGbps: 25,
        rdma: true,
        routes: [{ prefix: '10.1.10.0/24', via: '10.2.10.1' }],
      },
      {
        // the route via 10.1.0.1 (not on 10.2.0.0/24) is left out
        id: 'hv04-ethernet',
        node: 'hv04',
        name: 'Ethernet',
        addresses: ['10.2.0.14/24'],
        speedGbps: 10,
        routes: [{ prefix: '0.0.0.0/0', via: '10.2.0.1' }],
      },
      {
        // adapter listed as 'slot 3 port 1'; interface Failed
        id: 'hv04-slot-3-port-1',
        node: 'hv04',
        name: 'SLOT 3 Port 1',
        addresses: ['10.2.10.14/24'],
        speedGbps: 25,
        rdma: true,
        state: 'down',
        routes: [{ prefix: '10.1.10.0/24', via: '10.2.10.1' }],
      },
    ],
    nicCount: 8,
    routers: [
      { id: 'gw-10-1-0-1', name: 'Gateway 10.1.0.1', site: 'site-seattle', interfaces: ['10.1.0.1/24', '192.0.2.1/24'] },
      { id: 'gw-10-1-10-1', name: 'Gateway 10.1.10.1', site: 'site-seattle', interfaces: ['10.1.10.1/24', '192.0.2.2/24'] },
      { id: 'gw-10-2-0-1', name: 'Gateway 10.2.0.1', site: 'site-portland', interfaces: ['10.2.0.1/24', '192.0.2.3/24'] },
      { id: 'gw-10-2-10-1', name: 'Gateway 10.2.10.1', site: 'site-portland', interfaces: ['10.2.10.1/24', '192.0.2.4/24'] },
    ],
    liveMigration: { networkOrder: [G.lmA, G.lmB], excludedNetworks: [G.mgmtA, G.mgmtB] },
    notes: [
      'Network Live Migration B was Partitioned',
      'No link speed is known for hv01-vethernet-management, hv01-vethernet-live-migration, hv02-vethernet-management, hv02-vethernet-live-migration',
      'The route to 10.1.0.0/24 via 10.1.0.1 of HV04 Ethernet was left out',
      '1 route of adapters that carry no cluster network (vEthernet (Backup)) was not imported',
      'one transit network, 192.0.2.0/24',
      'names network 0b6f3e2a-9c1d-4f5e-8a7b-6c5d4e3f2a10, which is not in the inventory',
      '1 link-local interface address, 1 route through a link-local gateway',
    ],
    noteCount: 7,
  },
  {
    file: 'ps7-numeric.json',
    name: 'CLU-HCI',
    sites: [],
    nodes: [
      { id: 'hv11', name: 'HV11', site: null, state: 'up' },
      { id: 'hv12', name: 'HV12', site: null, state: 'up' },
      { id: 'hv13', name: 'HV13', site: null, state: 'paused' },
      { id: 'hv14', name: 'HV14', site: null, state: 'down' },
    ],
    networks: [
      // FD00:0:0:A:: written in capitals becomes RFC 5952 text
      { id: H.mgmt, prefixes: ['10.0.0.0/24', 'fd00:0:0:a::/64'], role: 'clusterAndClient', metric: 70240, state: 'up' },
      { id: H.s1, prefixes: ['10.10.1.0/24'], role: 'cluster', metric: 30240, state: 'up' },
      { id: H.s2, prefixes: ['10.10.2.0/24'], role: 'cluster', metric: 30241, state: 'up' },
      { id: H.iscsi, prefixes: ['192.168.100.0/24'], role: 'none', metric: 80240, state: 'up' },
    ],
    nics: [
      {
        id: 'hv11-management',
        node: 'hv11',
        name: 'Management',
        addresses: ['10.0.0.11/24', 'fd00:0:0:a::11/64'],
        speedGbps: 1,
        routes: [
          { prefix: '0.0.0.0/0', via: '10.0.0.1' },
          { prefix: '::/0', via: 'fd00:0:0:a::1' },
        ],
      },
      {
        // its default route has no Node, only PSComputerName hv12.contoso.local
        id: 'hv12-management',
        node: 'hv12',
        name: 'Management',
        addresses: ['10.0.0.12/24', 'fd00:0:0:a::12/64'],
        speedGbps: 1,
        routes: [
          { prefix: '0.0.0.0/0', via: '10.0.0.1' },
          { prefix: '::/0', via: 'fd00:0:0:a::1' },
        ],
      },
      { id: 'hv14-slot-3-port-1', node: 'hv14', name: 'SLOT 3 Port 1', addresses: ['10.10.1.14/24'], speedGbps: 25, rdma: true, state: 'down' },
      { id: 'hv13-iscsi', node: 'hv13', name: 'iSCSI', addresses: ['192.168.100.13/24'], speedGbps: 10 },
    ],
    nicCount: 16,
    routers: [
      { id: 'gw-10-0-0-1', name: 'Gateway 10.0.0.1', interfaces: ['10.0.0.1/24', '192.0.2.1/24'] },
      { id: 'gw-fd00-0-0-a--1', name: 'Gateway fd00:0:0:a::1', interfaces: ['fd00:0:0:a::1/64', '192.0.2.2/24'] },
    ],
    // joined by ',' as older tools wrote it; exclusions null
    liveMigration: { networkOrder: [H.s1, H.s2], excludedNetworks: [] },
    notes: ['one transit network, 192.0.2.0/24'],
    noteCount: 1,
  },
  {
    file: 'switchless-3-node.json',
    name: 'CLU-EDGE',
    sites: [],
    nodes: [
      { id: 'edge1', name: 'EDGE1', site: null, state: 'up' },
      { id: 'edge2', name: 'EDGE2', site: null, state: 'up' },
      { id: 'edge3', name: 'EDGE3', site: null, state: 'up' },
    ],
    networks: [
      { id: S.mgmt, prefixes: ['192.168.1.0/24'], role: 'clusterAndClient', metric: 70000, state: 'up' },
      { id: S.l12, prefixes: ['10.12.0.0/24'], role: 'cluster', metric: 30000, state: 'up' },
      { id: S.l13, prefixes: ['10.13.0.0/24'], role: 'cluster', metric: 30001, state: 'up' },
      { id: S.l23, prefixes: ['10.23.0.0/24'], role: 'cluster', metric: 30002, state: 'up' },
    ],
    nics: [
      { id: 'edge1-management', node: 'edge1', name: 'Management', addresses: ['192.168.1.11/24'], speedGbps: 1, routes: [{ prefix: '0.0.0.0/0', via: '192.168.1.1' }] },
      { id: 'edge1-smb1', node: 'edge1', name: 'SMB1', addresses: ['10.12.0.1/24'], speedGbps: 25, rdma: true },
      { id: 'edge3-smb2', node: 'edge3', name: 'SMB2', addresses: ['10.23.0.3/24'], speedGbps: 25, rdma: true },
    ],
    nicCount: 9,
    // one gateway: nothing to join, no transit network
    routers: [{ id: 'gw-192-168-1-1', name: 'Gateway 192.168.1.1', interfaces: ['192.168.1.1/24'] }],
    liveMigration: { networkOrder: [S.l12, S.l13, S.l23], excludedNetworks: [S.mgmt] },
    notes: [],
    noteCount: 0,
  },
];

describe.each(CASES)('importing $file', (c) => {
  const { topology, messages } = imported(c.file);
  const doc = topology.document;

  it('names the topology after the cluster', () => {
    expect(topology.name).toBe(c.name);
    expect(doc.description).toMatch(new RegExp(`of ${c.name}, collected \\d{1,2} [A-Z][a-z]+ 20\\d\\d, \\d\\d:\\d\\d`));
  });

  it('maps fault domains to sites and nodes with their state', () => {
    expect(topology.sites).toEqual(c.sites);
    expect(topology.nodes).toMatchObject(c.nodes); // (1.1 adds bandwidth fields)
  });

  it('keeps each network by its GUID, with subnets in network-address form, role, metric and state', () => {
    expect(topology.networks.map((n) => ({ id: n.id, prefixes: n.prefixes, role: n.role, metric: n.metric, state: n.state }))).toEqual(c.networks);
    expect(topology.networks.every((n) => !n.implicit && !n.roleDerived && !n.metricDerived)).toBe(true);
  });

  it('turns interfaces into NICs with addresses, speed, RDMA, state and routes', () => {
    expect(doc.nics).toHaveLength(c.nicCount);
    for (const nic of c.nics) expect(doc.nics?.find((n) => n.id === nic.id)).toEqual(nic);
  });

  it('makes a router of each gateway', () => {
    expect(doc.routers ?? []).toEqual(c.routers);
  });

  it('reads the live migration order and exclusions', () => {
    expect(topology.liveMigration).toMatchObject(c.liveMigration); // (1.1 adds transport and limits)
  });

  it('says what it assumed or left out', () => {
    const importNotes = messages.filter((m) => !m.startsWith('No live migration path'));
    for (const note of c.notes) expect(importNotes.some((m) => m.includes(note)), `note "${note}" in ${JSON.stringify(importNotes)}`).toBe(true);
    expect(importNotes).toHaveLength(c.noteCount);
  });

  it('imports to the same topology from UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM, and text', () => {
    const raw = bytesOf(c.file);
    const text = new TextDecoder('utf-8').decode(raw).replace(/^\uFEFF/, '');
    const utf8 = new TextEncoder().encode(text);
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
    const inputs: (string | Uint8Array)[] = [utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), le, be, text, `\uFEFF${text}`];
    for (const input of inputs) {
      const r = parseClusterInventory(input);
      expect(r.ok && r.topology.document).toEqual(doc);
    }
  });
});

describe('an imported cluster is ready for path selection', () => {
  it('routes live migration between sites through the assumed transit network', () => {
    const { topology } = imported('ps51-two-site.json');
    const s = selectMigrationPath(topology, 'hv03', 'hv01');
    expect(s.chosen).toMatchObject({
      kind: 'routed',
      sourceNicId: 'hv03-slot-3-port-1',
      destinationNicId: 'hv01-vethernet-live-migration',
      routerIds: ['gw-10-2-10-1', 'gw-10-1-10-1'],
    });
  });

  it('uses the direct link of a switchless cluster', () => {
    const { topology } = imported('switchless-3-node.json');
    expect(selectMigrationPath(topology, 'edge1', 'edge3').chosen).toMatchObject({ kind: 'direct', sourceNicId: 'edge1-smb2', destinationNicId: 'edge3-smb1' });
  });
});

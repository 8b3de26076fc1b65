/** Format 1.1 (topology-format.md, fields marked (1.1)): validation with JSON paths, defaults, derived medium. */
import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { load, readFixture } from './helpers';

/** Two nodes on one switched network (with a router), one switchless cable between them, two VMs. */
function base(): TopologyDocument {
  return {
    format: 'lm-topology',
    version: 1,
    name: 'Format 1.1',
    nodes: [
      { id: 'n1', name: 'HV01' },
      { id: 'n2', name: 'HV02', physicalBandwidthGbps: 50 },
    ],
    nics: [
      { id: 'n1-a', node: 'n1', name: 'A', addresses: ['10.0.1.11/24'], speedGbps: 25 },
      { id: 'n2-a', node: 'n2', name: 'A', addresses: ['10.0.1.12/24'], speedGbps: 25 },
      { id: 'n1-x', node: 'n1', name: 'X', addresses: ['10.0.9.11/24'] },
      { id: 'n2-x', node: 'n2', name: 'X', addresses: ['10.0.9.12/24'], speedGbps: 10 },
    ],
    networks: [
      { id: 'net-a', name: 'Net A', prefixes: ['10.0.1.0/24'] },
      { id: 'net-x', name: 'Cable', prefixes: ['10.0.9.0/24'] },
    ],
    routers: [{ id: 'r1', name: 'R1', interfaces: ['10.0.1.1/24'] }],
    liveMigration: { transport: 'smb', maxParallelMigrations: 4, smbBandwidthLimitFactor: 0 },
    vms: [
      { id: 'vm1', name: 'SQL01', node: 'n1', memoryGB: 64 },
      { id: 'vm2', name: 'Web01', node: 'n2', memoryGB: 8, state: 'off' },
    ],
    planning: { efficiency: { smb: 0.95 }, unknownSpeedGbps: 5, precopyOverhead: 0 },
  };
}

type Mut = (d: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

function errorsOf(mutate: Mut) {
  const d = structuredClone(base());
  mutate(d);
  const r = parseTopology(d);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('format 1.1: errors, each with its JSON path', () => {
  const cases: [string, Mut, string, RegExp][] = [
    ['unknown transport', (d) => (d.liveMigration.transport = 'rdma'), 'liveMigration.transport', /one of 'tcpip', 'compression', 'smb', not "rdma"/],
    ['parallel migrations 0', (d) => (d.liveMigration.maxParallelMigrations = 0), 'liveMigration.maxParallelMigrations', /from 1 to 64, not 0/],
    ['parallel migrations 65', (d) => (d.liveMigration.maxParallelMigrations = 65), 'liveMigration.maxParallelMigrations', /from 1 to 64, not 65/],
    ['parallel migrations not whole', (d) => (d.liveMigration.maxParallelMigrations = 2.5), 'liveMigration.maxParallelMigrations', /whole number/],
    ['SMB factor above 10000', (d) => (d.liveMigration.smbBandwidthLimitFactor = 10001), 'liveMigration.smbBandwidthLimitFactor', /from 0 to 10,000/],
    ['SMB factor negative', (d) => (d.liveMigration.smbBandwidthLimitFactor = -1), 'liveMigration.smbBandwidthLimitFactor', /from 0 to 10,000/],
    ['SMB factor as text', (d) => (d.liveMigration.smbBandwidthLimitFactor = '25%'), 'liveMigration.smbBandwidthLimitFactor', /must be a number/],
    ['physical bandwidth 0', (d) => (d.nodes[0].physicalBandwidthGbps = 0), 'nodes[0].physicalBandwidthGbps', /from 0.001 to 100,000, not 0\./],
    ['unknown medium', (d) => (d.networks[0].medium = 'wifi'), 'networks[0].medium', /one of 'switch', 'cable'/],
    ['VMs not a list', (d) => (d.vms = {}), 'vms', /must be a list/],
    ['VM without memory', (d) => delete d.vms[0].memoryGB, 'vms[0].memoryGB', /VM 'vm1' is missing the required field 'memoryGB'/],
    ['VM memory 0', (d) => (d.vms[0].memoryGB = 0), 'vms[0].memoryGB', /from 0.001 to 262,144, not 0\./],
    ['VM state', (d) => (d.vms[1].state = 'saved'), 'vms[1].state', /one of 'running', 'off'/],
    ['unknown field in a VM', (d) => (d.vms[0].cpu = 4), 'vms[0].cpu', /Unknown field 'cpu' in VM 'vm1'/],
    ['VM on a missing node', (d) => (d.vms[0].node = 'n9'), 'vms[0].node', /VM 'vm1' runs on node 'n9', which does not exist/],
    ['VM id equal to a node id', (d) => (d.vms[1].id = 'n1'), 'vms[1].id', /id 'n1' is used twice \(first at nodes\[0\]\.id\)/],
    ['two VMs with one id', (d) => (d.vms[1].id = 'vm1'), 'vms[1].id', /used twice \(first at vms\[0\]\.id\)/],
    ['planning not an object', (d) => (d.planning = 3), 'planning', /must be an object/],
    ['efficiency not an object', (d) => (d.planning.efficiency = 0.9), 'planning.efficiency', /must be an object/],
    ['efficiency 0', (d) => (d.planning.efficiency.smb = 0), 'planning.efficiency.smb', /from 0.01 to 10, not 0\./],
    ['unknown efficiency key', (d) => (d.planning.efficiency.rdma = 2), 'planning.efficiency.rdma', /Unknown field 'rdma'/],
    ['compression ceiling 0', (d) => (d.planning.compressionMaxGbps = 0), 'planning.compressionMaxGbps', /from 0.001 to 100,000, not 0\./],
    ['unknown speed negative', (d) => (d.planning.unknownSpeedGbps = -10), 'planning.unknownSpeedGbps', /from 0.001 to 100,000, not -10\./],
    ['pre-copy overhead negative', (d) => (d.planning.precopyOverhead = -0.1), 'planning.precopyOverhead', /from 0 to 10, not -0.1\./],
    ['switchover negative', (d) => (d.planning.switchoverSeconds = -1), 'planning.switchoverSeconds', /from 0 to 3,600, not -1\./],
    ['unknown planning field', (d) => (d.planning.dirtyRate = 1), 'planning.dirtyRate', /Unknown field 'dirtyRate' in the planning assumptions/],
  ];
  it.each(cases)('%s', (_name, mutate, path, message) => {
    const errors = errorsOf(mutate);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)!.message).toMatch(message);
  });
});

describe('format 1.1: parsed values and defaults', () => {
  it('exposes every field as written', () => {
    const t = load(base());
    expect(t.liveMigration).toEqual({ networkOrder: [], excludedNetworks: [], transport: 'smb', maxParallelMigrations: 4, smbBandwidthLimitFactor: 0, smbMultichannelNetworks: [] });
    expect(t.vms).toEqual([
      { id: 'vm1', name: 'SQL01', node: 'n1', memoryGB: 64, state: 'running' },
      { id: 'vm2', name: 'Web01', node: 'n2', memoryGB: 8, state: 'off' },
    ]);
    expect(t.index.vmsByNode.get('n1')).toEqual(['vm1']);
    // Given keys kept, missing ones defaulted: smb 0.95 given; tcpip 0.8 and compression 1.6 default.
    expect(t.planning).toEqual({ efficiency: { tcpip: 0.8, compression: 1.6, smb: 0.95 }, compressionMaxGbps: 10, unknownSpeedGbps: 5, precopyOverhead: 0, switchoverSeconds: 1 });
  });

  it('derives physical bandwidth from NIC speeds, with unknown speeds at planning.unknownSpeedGbps', () => {
    const t = load(base());
    // HV01: 25 (n1-a) + 5 (n1-x has no speed; unknownSpeedGbps 5) = 30. HV02: 50 as written.
    expect(t.index.nodes.get('n1')).toMatchObject({ physicalBandwidthGbps: null, effectiveBandwidthGbps: 30 });
    expect(t.index.nodes.get('n2')).toMatchObject({ physicalBandwidthGbps: 50, effectiveBandwidthGbps: 50 });
    // A NIC that is down still counts (the adapter exists): 25 + 5 = 30.
    const d = base();
    d.nics![0]!.state = 'down';
    expect(load(d).index.nodes.get('n1')!.effectiveBandwidthGbps).toBe(30);
  });

  it('derives the medium: a cable is two NICs of two nodes and no router', () => {
    const t = load(base());
    // net-a has the router r1 → switch; net-x has exactly n1-x and n2-x → cable.
    expect(t.networks.map((n) => [n.id, n.medium, n.mediumDerived])).toEqual([['net-a', 'switch', true], ['net-x', 'cable', true]]);
    const d = base();
    d.networks![1]!.medium = 'switch';
    d.networks![0]!.medium = 'cable';
    expect(load(d).networks.map((n) => [n.id, n.medium, n.mediumDerived])).toEqual([['net-a', 'cable', false], ['net-x', 'switch', false]]);
    // Two NICs of one node on a network: not a cable.
    const one = base();
    one.nics![3]!.node = 'n1';
    expect(load(one).index.networks.get('net-x')!.medium).toBe('switch');
  });

  it('reads a 1.0 file unchanged, with every 1.1 default', () => {
    const doc = readFixture('switched-4-node.json') as TopologyDocument;
    const before = JSON.stringify(doc);
    const t = load(doc);
    expect(JSON.stringify(t.document)).toBe(before);
    expect(t.vms).toEqual([]);
    expect(t.liveMigration).toMatchObject({ transport: 'compression', maxParallelMigrations: 1, smbBandwidthLimitFactor: 2500 });
    expect(t.planning).toEqual({ efficiency: { tcpip: 0.8, compression: 1.6, smb: 0.9 }, compressionMaxGbps: 10, unknownSpeedGbps: 10, precopyOverhead: 0.1, switchoverSeconds: 1 });
    expect(t.nodes.every((n) => n.physicalBandwidthGbps === null)).toBe(true);
  });

  it('never gives an implicit network the id of a VM', () => {
    const d = base();
    d.vms![0]!.id = 'net-10-7-0-0-24';
    d.nics![0]!.addresses.push('10.7.0.11/24');
    const t = load(d);
    expect(t.networks.find((n) => n.implicit)!.id).toBe('net-10-7-0-0-24-2');
  });

  it('accepts a saved position for a VM without a diagnostic', () => {
    const r = parseTopology({ ...base(), layout: { vm1: { x: 1, y: 2 } } });
    expect(r.ok && r.diagnostics.filter((x) => x.code === 'unknown-layout-id')).toEqual([]);
  });
});

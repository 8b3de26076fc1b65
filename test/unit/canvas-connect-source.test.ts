/**
 * Shift+drag from a node's box to a network on the compact drawing (issue 27): the box is mostly
 * NIC tiles, so the press lands on a tile — the connection must create a NIC on the node, as
 * documented, not unplug that tile's NIC from its own network.
 */
import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { applyEdit } from '../../src/engine/edit/apply';
import { connectSource } from '../../src/canvas/gestures/connectLine';
import { nothingConnected } from '../../src/canvas/interaction';
import { EXAMPLES } from '../../src/examples';

// The 16-node example (compact) with a network no node is on yet.
const base = EXAMPLES.find((e) => e.id === 'two-site-16-node')!.document;
const sixteen: TopologyDocument = { ...base, networks: [...base.networks!, { id: 'backup', name: 'Backup', prefixes: ['10.1.200.0/24'] }] };
const topology = (doc: TopologyDocument): Topology => {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.topology;
};

describe('where a connection starts', () => {
  const t = topology(sixteen);
  it.each([
    // compact, from, to → source
    ['a tile on Live Migration A1 dragged to Backup, compact: its node', true, 'a03-lm1', 'backup', 'a03'],
    ['the same on the full drawing: the NIC itself', false, 'a03-lm1', 'backup', 'a03-lm1'],
    ['a tile dragged to its own network: the NIC', true, 'a03-lm1', 'lm-a1', 'a03-lm1'],
    ['a node: the node', true, 'a03', 'backup', 'a03'],
  ] as const)('%s', (_name, compact, from, to, source) => {
    expect(connectSource(t, compact, from, to)).toBe(source);
  });

  it('the edit it gives creates a NIC on the node and leaves the tile on its network', () => {
    const from = connectSource(t, true, 'a03-lm1', 'backup');
    const r = applyEdit(sixteen, { type: 'connect', from, to: 'backup' });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const after = topology(r.document);
    expect(after.index.nicsByNode.get('a03')!.length).toBe(t.index.nicsByNode.get('a03')!.length + 1);
    const nets = (id: string) => (after.index.addressesByNic.get(id) ?? []).map((i) => after.addresses[i]!.networkId);
    expect(nets('a03-lm1')).toEqual(['lm-a1']);
    expect(after.index.nicsByNode.get('a03')!.flatMap(nets)).toContain('backup');
  });
});

describe('a connection that connects nothing (issue 27)', () => {
  const t = topology(sixteen);
  it.each([
    ['a03', 'nothing', /^Nothing connected: the drag was let go over nothing it can connect to\. To connect node HV-A03, release the drag over a network, a NIC, a node or a router\.$/],
    ['a03-lm1', 'itself', /^Nothing connected: the drag was let go on NIC HV-A03 'LM 1' itself\. To connect NIC HV-A03 'LM 1', release/],
    ['backup', 'itself', /let go on network 'Backup' itself/],
    ['ra1', 'nothing', /To connect router 'Router A1', release/],
  ] as const)('from %s, let go on %s: says why, naming the element', (from, on, text) => {
    expect(nothingConnected(t, from, on)).toMatch(text);
  });
});

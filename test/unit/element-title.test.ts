/** The diagram's tooltips (engine `elementTitle`), hand-checked against src/examples/two-site-16-node.json. */
import { describe, expect, it } from 'vitest';
import { elementTitle, parseTopology, type TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';

const doc = EXAMPLES.find((e) => e.id === 'two-site-16-node')!.document;
const topology = (d: TopologyDocument) => {
  const r = parseTopology(d);
  if (!r.ok) throw new Error('invalid');
  return r.topology;
};

describe('elementTitle', () => {
  const t = topology(doc);
  it.each([
    ['a NIC: node, name, addresses, speed, networks', 'a01-lm1', 'HV-A01 · NIC LM 1\n10.1.11.11/24\n25 Gb/s\nOn Live Migration A1'],
    ['an RDMA-capable NIC', 'a01-st1', 'HV-A01 · NIC Storage 1\n10.1.101.11/24\n25 Gb/s · RDMA-capable\nOn Storage A1'],
    ['a node: site, NICs, VMs (8 VMs, 176 GB on HV-A01)', 'a01', 'Node HV-A01 · Site A\n5 NICs · 8 VMs · 176 GB'],
    ['a network first in networkOrder', 'lm-a1', 'Network Live Migration A1\n10.1.11.0/24\nLive migration #1 · 8 NICs'],
    ['a network in excludedNetworks', 'mgmt-a', 'Network Management A\n10.1.0.0/24\nExcluded from live migration · 8 NICs'],
    ['a router named "Router …" (no "Router Router")', 'ra1', 'Router A1\n10.1.0.1/24, 10.1.11.1/24, 10.1.12.1/24, 172.16.1.1/30, 172.17.1.1/29'],
    ['a site named "Site …"', 'site-a', 'Site A\n8 nodes'],
  ])('%s', (_what, id, text) => {
    expect(elementTitle(t, id)).toBe(text);
  });

  it('says what is down, and nothing for an unknown id', () => {
    const down = topology({ ...doc, nics: doc.nics!.map((n) => (n.id === 'a01-lm1' ? { ...n, state: 'down' as const } : n)), nodes: doc.nodes!.map((n) => (n.id === 'a02' ? { ...n, state: 'paused' as const } : n)) });
    expect(elementTitle(down, 'a01-lm1')!.split('\n').at(-1)).toBe('State: down');
    expect(elementTitle(down, 'a02')!.split('\n').at(-1)).toBe('State: paused');
    expect(elementTitle(t, 'no-such-element')).toBeNull();
  });
});

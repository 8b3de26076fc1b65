/** streamsOf and rdmaText (selection-algorithm.md, *Transport and streams*), on named fixtures. */
import { describe, expect, it } from 'vitest';
import { rdmaText, selectMigrationPath, streamsOf, type Mode, type NicDoc, type Stream, type TopologyDocument, type Transport } from '../../src/engine';
import { load, readFixture } from './helpers';

const fixture = (name: string): TopologyDocument => readFixture(name) as TopologyDocument;
const nicOf = (d: TopologyDocument, id: string): NicDoc => d.nics!.find((n) => n.id === id)!;

function withTransport(d: TopologyDocument, transport: Transport): TopologyDocument {
  return { ...d, liveMigration: { ...d.liveMigration, transport } };
}

/** switched-4-node with a second NIC of HV01 on Storage 1 (a multi-NIC cluster network). */
function multiNic(): TopologyDocument {
  const d = fixture('switched-4-node.json');
  d.nics!.splice(2, 0, { id: 'n1-s1b', node: 'n1', name: 'SLOT 4 Port 1', addresses: ['10.10.1.21/24'], speedGbps: 25, rdma: true });
  return d;
}

/** switched-4-node with every storage NIC dual-stack (IPv4 and IPv6 on the same NIC). */
function dualStack(): TopologyDocument {
  const d = fixture('switched-4-node.json');
  d.networks = d.networks!.map((n, k) => (n.id === 'mgmt' ? n : { ...n, prefixes: [...n.prefixes, `fd00:${k}::/64`] }));
  for (const nic of d.nics!) {
    const k = nic.id.endsWith('-s1') ? 1 : nic.id.endsWith('-s2') ? 2 : 0;
    if (k) nic.addresses.push(`fd00:${k}::${nic.node.slice(1)}/64`);
  }
  return d;
}

const s = (sourceNicId: string, destinationNicId: string, rdma: boolean): Stream => ({ sourceNicId, destinationNicId, rdma });

type Case = [name: string, doc: () => TopologyDocument, source: string, destination: string, mode: Mode, expected: Stream[]];

const cases: Case[] = [
  // Compression (the default): one stream, and never RDMA even on RDMA NICs.
  ['compression: one stream, no RDMA', () => fixture('switched-4-node.json'), 'n1', 'n2', 'ws2025', [s('n1-s1', 'n2-s1', false)]],
  ['tcpip: one stream, no RDMA', () => withTransport(fixture('switched-4-node.json'), 'tcpip'), 'n1', 'n2', 'ws2025', [s('n1-s1', 'n2-s1', false)]],
  // SMB: Storage 1 chosen; Storage 2's pair has the same 25 Gb/s RDMA NICs at both ends → a second stream.
  ['smb: both storage networks, SMB Direct', () => withTransport(fixture('switched-4-node.json'), 'smb'), 'n1', 'n2', 'ws2025', [s('n1-s1', 'n2-s1', true), s('n1-s2', 'n2-s2', true)]],
  ['smb legacy: the same streams', () => withTransport(fixture('switched-4-node.json'), 'smb'), 'n1', 'n2', 'legacy', [s('n1-s1', 'n2-s1', true), s('n1-s2', 'n2-s2', true)]],
  // HV02's Storage 2 NIC at 10 Gb/s ≠ 25 Gb/s of the chosen destination NIC → not a stream.
  ['smb: another destination speed is not a stream', () => {
    const d = withTransport(fixture('switched-4-node.json'), 'smb');
    nicOf(d, 'n2-s2').speedGbps = 10;
    return d;
  }, 'n1', 'n2', 'ws2025', [s('n1-s1', 'n2-s1', true)]],
  // A missing speed equals only a missing one: all four storage NICs without speed → still two streams…
  ['smb: missing speeds on all four NICs match', () => {
    const d = withTransport(fixture('switched-4-node.json'), 'smb');
    for (const id of ['n1-s1', 'n1-s2', 'n2-s1', 'n2-s2']) delete nicOf(d, id).speedGbps;
    return d;
  }, 'n1', 'n2', 'ws2025', [s('n1-s1', 'n2-s1', true), s('n1-s2', 'n2-s2', true)]],
  // …but a missing speed on one source NIC only does not equal 25.
  ['smb: a missing speed does not equal a known one', () => {
    const d = withTransport(fixture('switched-4-node.json'), 'smb');
    delete nicOf(d, 'n1-s2').speedGbps;
    return d;
  }, 'n1', 'n2', 'ws2025', [s('n1-s1', 'n2-s1', true)]],
  // A missing rdma is false: it does not match the chosen RDMA NIC.
  ['smb: a NIC without rdma does not match an RDMA one', () => {
    const d = withTransport(fixture('switched-4-node.json'), 'smb');
    delete nicOf(d, 'n1-s2').rdma;
    return d;
  }, 'n1', 'n2', 'ws2025', [s('n1-s1', 'n2-s1', true)]],
  // Two NICs of HV01 on Storage 1. ws2025 ranks by source network, routers, destination network,
  // then source NIC id: n1-s1 < n1-s1b. Streams: the chosen pair, n1-s1b on the same network, then Storage 2.
  ['smb: a multi-NIC network gives a stream per NIC pair', () => withTransport(multiNic(), 'smb'), 'n1', 'n2', 'ws2025', [s('n1-s1', 'n2-s1', true), s('n1-s1b', 'n2-s1', true), s('n1-s2', 'n2-s2', true)]],
  // Legacy: n1-s1b → n2-s1 is not a fallback (fallbacks are on later networks) but is a stream.
  ['smb legacy: extra NIC pairs on the chosen network', () => withTransport(multiNic(), 'smb'), 'n1', 'n2', 'legacy', [s('n1-s1', 'n2-s1', true), s('n1-s1b', 'n2-s1', true), s('n1-s2', 'n2-s2', true)]],
  // Dual stack: IPv4 and IPv6 paths on one NIC pair are one stream.
  ['smb: a NIC pair counts once, whatever its addresses', () => withTransport(dualStack(), 'smb'), 'n1', 'n2', 'ws2025', [s('n1-s1', 'n2-s1', true), s('n1-s2', 'n2-s2', true)]],
  // Two sites: HV01 → HV03 is routed (Live Migration A → B via the routers): a single stream, never RDMA.
  ['smb: a routed path is a single stream without RDMA', () => {
    const d = withTransport(fixture('two-site-routed.json'), 'smb');
    for (const nic of d.nics!) nic.rdma = true;
    return d;
  }, 'n1', 'n3', 'ws2025', [s('n1-lm', 'n3-lm', false)]],
  // Switchless: HV01 ↔ HV02 share only their cable: one stream, SMB Direct.
  ['smb switchless: the cable only', () => withTransport(fixture('switchless-3-node.json'), 'smb'), 'n1', 'n2', 'ws2025', [s('n1-to2', 'n2-to1', true)]],
  // No path (the node is down): no stream.
  ['nothing chosen: no stream', () => {
    const d = withTransport(fixture('switched-4-node.json'), 'smb');
    d.nodes![1]!.state = 'down';
    return d;
  }, 'n1', 'n2', 'ws2025', []],
];

describe('streamsOf', () => {
  it.each(cases)('%s', (_name, doc, source, destination, mode, expected) => {
    const t = load(doc());
    expect(streamsOf(t, selectMigrationPath(t, source, destination, { mode }))).toEqual(expected);
  });

  it('does not change the selection itself', () => {
    const plain = load(fixture('switched-4-node.json'));
    const smb = load(withTransport(fixture('switched-4-node.json'), 'smb'));
    for (const mode of ['ws2025', 'legacy'] as const) expect(selectMigrationPath(smb, 'n1', 'n3', { mode })).toEqual(selectMigrationPath(plain, 'n1', 'n3', { mode }));
  });
});

describe('rdmaText: "RDMA" only where SMB Direct is used', () => {
  const cases: [string, () => TopologyDocument, string, string, string | null][] = [
    ['SMB, direct, both RDMA', () => withTransport(fixture('switched-4-node.json'), 'smb'), 'n1', 'n2', 'RDMA (SMB Direct)'],
    ['Compression', () => fixture('switched-4-node.json'), 'n1', 'n2', 'RDMA-capable, not used: the transport is Compression'],
    ['TCP/IP', () => withTransport(fixture('switched-4-node.json'), 'tcpip'), 'n1', 'n2', 'RDMA-capable, not used: the transport is TCP/IP'],
    ['routed', () => {
      const d = withTransport(fixture('two-site-routed.json'), 'smb');
      for (const nic of d.nics!) nic.rdma = true;
      return d;
    }, 'n1', 'n3', 'RDMA-capable, not used: routed, and RDMA is not used between subnets'],
    ['one end only', () => {
      const d = withTransport(fixture('switched-4-node.json'), 'smb');
      delete nicOf(d, 'n2-s1').rdma;
      return d;
    }, 'n1', 'n2', 'RDMA-capable only on HV01: not used'],
    ['no RDMA NIC', () => fixture('two-site-routed.json'), 'n1', 'n2', null],
  ];
  it.each(cases)('%s', (_name, doc, source, destination, expected) => {
    const t = load(doc());
    expect(rdmaText(t, selectMigrationPath(t, source, destination).chosen!)).toBe(expected);
  });
});

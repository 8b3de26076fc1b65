/** streamsOf and rdmaText (selection-algorithm.md, *Transport and streams*), on named fixtures. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rdmaText, selectMigrationPath, streamsOf, type Mode, type NicDoc, type Stream, type TopologyDocument, type Transport } from '../../src/engine';
import { topologyArb } from './arbitraries';
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

/** A stream; its network is looked up from the fixture's NIC names (see `net`). */
const s = (sourceNicId: string, destinationNicId: string, rdma: boolean, networkId = net(sourceNicId)): Stream => ({ sourceNicId, destinationNicId, networkId, rdma });
/** The network of a fixture NIC by its id: nN-s1 Storage 1, nN-s2 Storage 2, nN-lm Live Migration A or B, nA-toB the cable link-AB. */
function net(nicId: string): string {
  const [, node, suffix] = /^n(\d)-(.*)$/.exec(nicId)!;
  if (suffix!.startsWith('to')) return `link-${[node, suffix!.slice(2)].sort().join('')}`;
  if (suffix === 'lm') return Number(node) <= 2 ? 'lm-a' : 'lm-b';
  return ({ s1: 'storage-1', s1b: 'storage-1', s2: 'storage-2' } as Record<string, string>)[suffix!]!;
}

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

/** smb-multichannel.json with liveMigration changed. */
function smbExample(lm: Partial<NonNullable<TopologyDocument['liveMigration']>> = {}): TopologyDocument {
  const d = fixture('smb-multichannel.json');
  d.liveMigration = { ...d.liveMigration, ...lm };
  return d;
}
const st = (sourceNicId: string, destinationNicId: string, networkId: string, rdma: boolean): Stream => ({ sourceNicId, destinationNicId, networkId, rdma });

interface ExpectedStreams {
  topology: string;
  source: string;
  destination: string;
  mode: Mode;
  smbMultichannelNetworks?: string[];
  chosenNetworkId: string;
  streams: Stream[];
}

describe('expected-streams.json (1.2, the shared examples)', () => {
  const rows = readFixture('expected-streams.json') as ExpectedStreams[];
  it.each(rows.map((r) => [`${r.topology} ${r.source}→${r.destination} ${r.mode}${r.smbMultichannelNetworks ? ` constraint ${r.smbMultichannelNetworks.join(',')}` : ''}`, r] as const))('%s', (_name, row) => {
    const d = fixture(row.topology);
    if (row.smbMultichannelNetworks) d.liveMigration = { ...d.liveMigration, smbMultichannelNetworks: row.smbMultichannelNetworks };
    const t = load(d);
    const sel = selectMigrationPath(t, row.source, row.destination, { mode: row.mode });
    expect(sel.chosen?.sourceNetworkId).toBe(row.chosenNetworkId);
    expect(streamsOf(t, sel)).toEqual(row.streams);
  });
});

// Hand-checked cases of SMB Multichannel's choice (selection-algorithm.md, Transport and streams, 1.2).
const smbCases: [name: string, doc: () => TopologyDocument, source: string, destination: string, expected: Stream[]][] = [
  // Legacy mode connects on the same chosen path (lm is first in the order): the same streams.
  ['legacy: the same streams as ws2025', () => smbExample(), 'n1', 'n2', [st('n1-sa', 'n2-sa', 'storage-a', true), st('n1-sb', 'n2-sb', 'storage-b', true)]],
  // Mixed speeds without RDMA: Management 10, Live migration 10 → with storage RDMA gone, HV01→HV03:
  // Storage A 25/25 = 25, Storage B 25/10 = 10, LM 10, Mgmt 10 → Storage A alone (highest speed), not RDMA.
  ['mixed speeds, no RDMA: only the fastest pair', () => {
    const d = smbExample();
    for (const n of d.nics!) delete n.rdma;
    return d;
  }, 'n1', 'n3', [st('n1-sa', 'n3-sa', 'storage-a', false)]],
  // Same, HV01→HV02: both storage pairs at 25 → two streams, by metric (Storage A before Storage B).
  ['mixed speeds, no RDMA: every pair of the top speed', () => {
    const d = smbExample();
    for (const n of d.nics!) delete n.rdma;
    return d;
  }, 'n1', 'n2', [st('n1-sa', 'n2-sa', 'storage-a', false), st('n1-sb', 'n2-sb', 'storage-b', false)]],
  // RDMA beats speed: HV03's Storage B at 10 Gbps RDMA, the others non-RDMA at 25 → HV03→HV01 uses Storage B alone.
  ['RDMA first, even slower', () => {
    const d = smbExample();
    for (const n of d.nics!) if (n.id !== 'n3-sb' && n.id !== 'n1-sb') delete n.rdma;
    return d;
  }, 'n3', 'n1', [st('n3-sb', 'n1-sb', 'storage-b', true)]],
  // The chosen pair survives: every NIC at 10 Gbps without RDMA → all four networks carry, the chosen (lm) first,
  // then by metric: Live migration (40000−1000+1) is listed first anyway; Storage A 40000−1000+2, Storage B +3, Management 80000−1000+0.
  ['the chosen pair first when it is a stream, then by metric', () => {
    const d = smbExample();
    for (const n of d.nics!) {
      delete n.rdma;
      n.speedGbps = 10;
    }
    return d;
  }, 'n1', 'n2', [st('n1-lm', 'n2-lm', 'lm', false), st('n1-sa', 'n2-sa', 'storage-a', false), st('n1-sb', 'n2-sb', 'storage-b', false), st('n1-mgmt', 'n2-mgmt', 'mgmt', false)]],
  // A constraint leaving nothing: HV03's Storage B NIC down and the constraint on Storage B only → the chosen path alone.
  ['a constraint that leaves no pair: the chosen path alone', () => {
    const d = smbExample({ smbMultichannelNetworks: ['storage-b'] });
    d.nics!.find((n) => n.id === 'n3-sb')!.state = 'down';
    return d;
  }, 'n1', 'n3', [st('n1-lm', 'n3-lm', 'lm', false)]],
  // A network that is down carries nothing, even for SMB: Storage A down → Storage B's pair alone.
  ['a network down carries no stream', () => {
    const d = smbExample();
    d.networks!.find((n) => n.id === 'storage-a')!.state = 'down';
    return d;
  }, 'n1', 'n2', [st('n1-sb', 'n2-sb', 'storage-b', true)]],
  // Role none does not stop SMB (it is not live migration's setting): Storage A role none → still a stream.
  ['role none still carries SMB', () => {
    const d = smbExample();
    d.networks!.find((n) => n.id === 'storage-a')!.role = 'none';
    return d;
  }, 'n1', 'n2', [st('n1-sb', 'n2-sb', 'storage-b', true), st('n1-sa', 'n2-sa', 'storage-a', true)]],
  // Dual stack across two networks: Storage A's NICs also have IPv6 addresses on a network "SMB v6"
  // with metric 100 → the pair counts once, on the network that ranks first by metric (SMB v6).
  ['a NIC pair on two networks counts once, on the lower-metric network', () => {
    const d = smbExample();
    d.networks!.push({ id: 'v6', name: 'SMB v6', prefixes: ['fd00:11::/64'], metric: 100 });
    d.nics!.find((n) => n.id === 'n1-sa')!.addresses.push('fd00:11::11/64');
    d.nics!.find((n) => n.id === 'n2-sa')!.addresses.push('fd00:11::12/64');
    return d;
  }, 'n1', 'n2', [st('n1-sa', 'n2-sa', 'v6', true), st('n1-sb', 'n2-sb', 'storage-b', true)]],
  // Family mismatch: on a dual-stack Storage A, HV01 has only IPv4 and HV02 only IPv6 → no pair there.
  ['addresses of different families on one network are no pair', () => {
    const d = smbExample();
    d.networks!.find((n) => n.id === 'storage-a')!.prefixes.push('fd00:11::/64');
    d.nics!.find((n) => n.id === 'n2-sa')!.addresses = ['fd00:11::12/64'];
    return d;
  }, 'n1', 'n2', [st('n1-sb', 'n2-sb', 'storage-b', true)]],
  // A routed chosen path is a single stream even when the nodes share an RDMA network elsewhere.
  ['a routed chosen path stays a single stream', () => {
    const d = withTransport(fixture('two-site-routed.json'), 'smb');
    for (const nic of d.nics!) nic.rdma = true;
    d.liveMigration!.excludedNetworks = [];
    return d;
  }, 'n1', 'n3', [st('n1-lm', 'n3-lm', 'lm-a', false)]],
];

describe('streamsOf with SMB Multichannel (1.2, hand-checked)', () => {
  it.each(smbCases)('%s', (_name, doc, source, destination, expected) => {
    const t = load(doc());
    const mode: Mode = _name.startsWith('legacy') ? 'legacy' : 'ws2025';
    expect(streamsOf(t, selectMigrationPath(t, source, destination, { mode }))).toEqual(expected);
  });
});

/** Generated topologies with random speeds, RDMA, transport and an SMB Multichannel constraint. */
const capabilityArb = fc
  .tuple(
    topologyArb(),
    fc.array(fc.constantFrom(undefined, 1, 10, 10, 25, 25, 100), { minLength: 25, maxLength: 25 }),
    fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
    fc.constantFrom<Transport>('tcpip', 'compression', 'smb', 'smb'),
    fc.subarray([0, 1, 2, 3, 4]),
  )
  .map(([doc, speeds, rdma, transport, constraint]) => {
    doc.nics!.forEach((n, i) => {
      if (speeds[i] !== undefined) n.speedGbps = speeds[i];
      if (rdma[i]) n.rdma = true;
    });
    const nets = doc.networks!.map((n) => n.id);
    doc.liveMigration = { ...doc.liveMigration, transport, smbMultichannelNetworks: constraint.filter((k) => k < nets.length).map((k) => nets[k]!) };
    return doc;
  });

describe('streamsOf properties (1.2)', () => {
  const each = (doc: TopologyDocument, fn: (streams: Stream[], sel: ReturnType<typeof selectMigrationPath>, t: ReturnType<typeof load>) => void): void => {
    const t = load(doc);
    for (const a of t.nodes) for (const b of t.nodes) if (a.id !== b.id) for (const mode of ['ws2025', 'legacy'] as const) {
      const sel = selectMigrationPath(t, a.id, b.id, { mode });
      fn(streamsOf(t, sel), sel, t);
    }
  };
  const isChosenAlone = (streams: Stream[], sel: ReturnType<typeof selectMigrationPath>): boolean =>
    streams.length === 1 && streams[0]!.sourceNicId === sel.chosen?.sourceNicId && streams[0]!.destinationNicId === sel.chosen.destinationNicId;

  it('the streams are of one type and one speed', () => {
    fc.assert(
      fc.property(capabilityArb, (doc) =>
        each(doc, (streams, _sel, t) => {
          const speed = (id: string): number => t.index.nics.get(id)!.speedGbps ?? t.planning.unknownSpeedGbps;
          expect(new Set(streams.map((x) => x.rdma)).size).toBeLessThanOrEqual(1);
          expect(new Set(streams.map((x) => Math.min(speed(x.sourceNicId), speed(x.destinationNicId)))).size).toBeLessThanOrEqual(1);
        }),
      ),
      { numRuns: 80 },
    );
  });

  it('with a constraint, every stream lies on a constrained network (or is the chosen path alone)', () => {
    fc.assert(
      fc.property(capabilityArb, (doc) =>
        each(doc, (streams, sel, t) => {
          const only = t.liveMigration.smbMultichannelNetworks;
          if (t.liveMigration.transport !== 'smb' || only.length === 0 || isChosenAlone(streams, sel)) return;
          for (const x of streams) expect(only).toContain(x.networkId);
        }),
      ),
      { numRuns: 80 },
    );
  });

  it('with TCP/IP or Compression, or a routed path, the streams are the chosen path alone', () => {
    fc.assert(
      fc.property(capabilityArb, (doc) =>
        each(doc, (streams, sel, t) => {
          if (!sel.chosen) return expect(streams).toEqual([]);
          if (t.liveMigration.transport === 'smb' && sel.chosen.kind === 'direct') return;
          expect(streams).toEqual([{ sourceNicId: sel.chosen.sourceNicId, destinationNicId: sel.chosen.destinationNicId, networkId: sel.chosen.sourceNetworkId, rdma: false }]);
        }),
      ),
      { numRuns: 80 },
    );
  });

  it('SMB never leaves a faster or RDMA pair of the two nodes idle for a slower one', () => {
    fc.assert(
      fc.property(capabilityArb, (doc) =>
        each(doc, (streams, sel, t) => {
          if (t.liveMigration.transport !== 'smb' || sel.chosen?.kind !== 'direct' || t.liveMigration.smbMultichannelNetworks.length > 0 || isChosenAlone(streams, sel)) return;
          const speed = (id: string): number => t.index.nics.get(id)!.speedGbps ?? t.planning.unknownSpeedGbps;
          const first = streams[0]!;
          const rank = (rdma: boolean, gbps: number): number => (rdma ? 1e6 : 0) + gbps;
          const best = rank(first.rdma, Math.min(speed(first.sourceNicId), speed(first.destinationNicId)));
          // Every usable pair on a shared up network ranks no higher than the streams.
          for (const a of t.addresses) for (const b of t.addresses) {
            if (a.nodeId !== sel.sourceNodeId || b.nodeId !== sel.destinationNodeId || a.networkId !== b.networkId || a.family !== b.family) continue;
            const na = t.index.nics.get(a.nicId)!;
            const nb = t.index.nics.get(b.nicId)!;
            if (na.state !== 'up' || nb.state !== 'up' || t.index.networks.get(a.networkId)!.state !== 'up') continue;
            expect(rank(na.rdma && nb.rdma, Math.min(speed(na.id), speed(nb.id)))).toBeLessThanOrEqual(best);
          }
        }),
      ),
      { numRuns: 80 },
    );
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

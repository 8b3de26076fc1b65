/** selectMigrationPath: each rule of selection-algorithm.md on small named fixtures. */
import { describe, expect, it } from 'vitest';
import { analyzeAllPairs, selectMigrationPath, type Reason, type TopologyDocument } from '../../src/engine';
import { applyFailures } from '../../src/engine/model/whatif';
import { load, readFixture } from './helpers';

const twoSite = (): TopologyDocument => structuredClone(readFixture('two-site-routed.json')) as TopologyDocument;
const switchless = (): TopologyDocument => structuredClone(readFixture('switchless-3-node.json')) as TopologyDocument;
const switched = (): TopologyDocument => structuredClone(readFixture('switched-4-node.json')) as TopologyDocument;
const reasonsOf = (sel: { excluded: { elementId: string; reason: Reason }[] }) => Object.fromEntries(sel.excluded.map((e) => [e.elementId, e.reason]));

/**
 * A routed chain with a tie: site A router `ra` reaches site B router `rb` through either `r2`
 * or `r1` (both one hop); the lower id `r1` wins. A longer chain via r3→r4 is never chosen.
 */
function chainTopology(): TopologyDocument {
  return {
    format: 'lm-topology',
    version: 1,
    nodes: [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ],
    nics: [
      { id: 'a-lm', node: 'a', name: 'LM', addresses: ['10.1.0.10/24'], routes: [{ prefix: '10.2.0.0/16', via: '10.1.0.1' }] },
      { id: 'b-lm', node: 'b', name: 'LM', addresses: ['10.2.0.10/24'], routes: [{ prefix: '10.1.0.0/24', via: '10.2.0.1' }] },
    ],
    networks: [
      { id: 'lm-a', name: 'LM A', prefixes: ['10.1.0.0/24'] },
      { id: 'lm-b', name: 'LM B', prefixes: ['10.2.0.0/24'] },
    ],
    routers: [
      { id: 'ra', name: 'RA', interfaces: ['10.1.0.1/24', '172.16.1.1/30', '172.16.2.1/30', '172.16.5.1/30'] },
      { id: 'r2', name: 'R2', interfaces: ['172.16.1.2/30', '172.16.3.1/30'] },
      { id: 'r1', name: 'R1', interfaces: ['172.16.2.2/30', '172.16.4.1/30'] },
      { id: 'rb', name: 'RB', interfaces: ['10.2.0.1/24', '172.16.3.2/30', '172.16.4.2/30', '172.16.6.2/30'] },
      { id: 'r3', name: 'R3', interfaces: ['172.16.5.2/30', '172.16.7.1/30'] },
      { id: 'r4', name: 'R4', interfaces: ['172.16.7.2/30', '172.16.6.1/30'] },
    ],
  };
}

describe('routed paths (ws2025)', () => {
  it('takes the fewest routers, ties broken by the lowest ids position by position', () => {
    const sel = selectMigrationPath(load(chainTopology()), 'a', 'b');
    expect(sel.chosen).toMatchObject({ kind: 'routed', routerIds: ['ra', 'r1', 'rb'], sourceNetworkId: 'lm-a', destinationNetworkId: 'lm-b' });
  });

  it('goes around a down router, and reports router-down when none is left', () => {
    const doc = chainTopology();
    const t1 = load(applyFailures(doc, ['r1']));
    expect(selectMigrationPath(t1, 'a', 'b').chosen!.routerIds).toEqual(['ra', 'r2', 'rb']);
    const t2 = load(applyFailures(doc, ['r1', 'r2']));
    expect(selectMigrationPath(t2, 'a', 'b').chosen!.routerIds).toEqual(['ra', 'r3', 'r4', 'rb']);
    const t3 = load(applyFailures(doc, ['r1', 'r2', 'r3']));
    const sel = selectMigrationPath(t3, 'a', 'b');
    expect(sel.chosen).toBeNull();
    expect(sel.failure).toBe('no-path');
    expect(reasonsOf(sel)['a-lm[10.1.0.10]→b-lm[10.2.0.10]']).toBe('router-down');
  });

  it('uses the longest matching prefix of the source NIC routes', () => {
    const doc = chainTopology();
    // A more specific route to B's subnet through a gateway that is not a router: no route at all.
    doc.nics![0]!.routes!.push({ prefix: '10.2.0.0/24', via: '10.1.0.99' });
    const sel = selectMigrationPath(load(doc), 'a', 'b');
    expect(sel.chosen).toBeNull();
    expect(reasonsOf(sel)['a-lm[10.1.0.10]→b-lm[10.2.0.10]']).toBe('no-route');
  });

  it('needs a return route: a one-way route is no-return-route', () => {
    const doc = twoSite();
    doc.nics!.find((n) => n.id === 'n3-lm')!.routes = [];
    const sel = selectMigrationPath(load(doc), 'n1', 'n3');
    expect(sel.chosen).toBeNull();
    const ex = sel.excluded.find((e) => e.reason === 'no-return-route')!;
    expect(ex.elementId).toBe('n1-lm[10.1.10.11]→n3-lm[10.2.10.13]');
    expect(ex.message).toMatch(/cannot come back from 10\.2\.10\.13/);
    // The other direction has no forward route.
    expect(reasonsOf(selectMigrationPath(load(doc), 'n3', 'n1'))['n3-lm[10.2.10.13]→n1-lm[10.1.10.11]']).toBe('no-route');
  });

  it('routers are not adjacent through a network that is down', () => {
    const doc = twoSite();
    // Replace the WAN /30 by a cluster network between the routers, then fail that network.
    doc.networks!.push({ id: 'wan', name: 'WAN', prefixes: ['172.16.0.0/30'] });
    expect(selectMigrationPath(load(doc), 'n1', 'n3').chosen!.routerIds).toEqual(['ra', 'rb']);
    const sel = selectMigrationPath(load(applyFailures(doc, ['wan'])), 'n1', 'n3');
    expect(sel.chosen).toBeNull();
    expect(reasonsOf(sel)['n1-lm[10.1.10.11]→n3-lm[10.2.10.13]']).toBe('no-route');
    expect(reasonsOf(sel).wan).toBe('network-down');
  });

  it('never finds routed paths in legacy mode', () => {
    const sel = selectMigrationPath(load(twoSite()), 'n1', 'n3', { mode: 'legacy' });
    expect(sel.chosen).toBeNull();
    expect(sel.attempts.map((a) => [a.networkId, a.reason])).toEqual([
      ['lm-a', 'not-on-destination'],
      ['lm-b', 'not-on-source'],
    ]);
  });
});

describe('ranking and fallbacks', () => {
  it('ranks by source network preference, then routers, then destination network, then ids', () => {
    const doc = twoSite();
    // Stretch lm-b into site A: n1 gets a direct path on lm-b to n3 besides the routed one on lm-a.
    doc.nics!.push({ id: 'n1-lm2', node: 'n1', name: 'LM 2', addresses: ['10.2.10.21/24'] });
    const sel = selectMigrationPath(load(doc), 'n1', 'n3');
    expect([sel.chosen, ...sel.fallbacks].map((c) => [c!.kind, c!.sourceNetworkId, c!.destinationNetworkId])).toEqual([
      ['routed', 'lm-a', 'lm-b'], // lm-a is first in the order: its routed path beats the direct path on lm-b
      ['direct', 'lm-b', 'lm-b'],
    ]);
    // Legacy never sees the routed one: it times out on lm-a, then connects on lm-b.
    const legacy = selectMigrationPath(load(doc), 'n1', 'n3', { mode: 'legacy' });
    expect(legacy.chosen).toMatchObject({ kind: 'direct', sourceNetworkId: 'lm-b', sourceNicId: 'n1-lm2' });
    expect(legacy.initiationDelaySeconds).toBe(20);
  });

  it('prefers a direct path over a routed one from the same source network', () => {
    const doc = twoSite();
    doc.liveMigration!.networkOrder = ['lm-b', 'lm-a'];
    doc.nics!.push({ id: 'n3-lm2', node: 'n3', name: 'LM 2', addresses: ['10.1.10.23/24'] });
    const sel = selectMigrationPath(load(doc), 'n1', 'n3');
    // n1 is only on lm-a: both paths start there; the direct one wins although lm-b ranks first as destination.
    expect([sel.chosen, ...sel.fallbacks].map((c) => [c!.kind, c!.destinationNetworkId])).toEqual([
      ['direct', 'lm-a'],
      ['routed', 'lm-b'],
    ]);
  });

  it('orders paths on one network by NIC id then address', () => {
    const doc = switched();
    doc.nics!.push({ id: 'n1-a-s1', node: 'n1', name: 'Extra', addresses: ['10.10.1.99/24'] });
    const sel = selectMigrationPath(load(doc), 'n1', 'n3');
    expect([sel.chosen!, ...sel.fallbacks].map((c) => [c.sourceNetworkId, c.sourceNicId])).toEqual([
      ['storage-1', 'n1-a-s1'],
      ['storage-1', 'n1-s1'],
      ['storage-2', 'n1-s2'],
    ]);
  });

  it('uses the cluster default when there is no explicit order: by metric, the cluster’s own network last', () => {
    const doc = switched();
    doc.liveMigration = { excludedNetworks: ['mgmt'] };
    doc.networks![2]!.metric = 10;
    // Metrics: mgmt 80000 (clusterAndClient, position 0), storage-1 40001 (cluster, position 1),
    // storage-2 10 (set). The cluster's own network is the lowest metric among all cluster-role
    // networks: storage-2 (10). By metric the eligible order would be storage-2, storage-1; the
    // default puts storage-2 last → storage-1, storage-2.
    const t = load(doc);
    expect(t.clusterNetworkId).toBe('storage-2');
    expect(t.preferenceOrder).toEqual(['storage-1', 'storage-2']);
    expect(selectMigrationPath(t, 'n1', 'n2').chosen!.sourceNetworkId).toBe('storage-1');
    // Storage 1 failing leaves storage-2 (the order of the rest never changes).
    doc.networks![1]!.state = 'down';
    expect(selectMigrationPath(load(doc), 'n1', 'n2').chosen!.sourceNetworkId).toBe('storage-2');
  });

  it('an explicit order keeps the cluster network where it is listed, and unlisted networks by metric', () => {
    const doc = switched();
    doc.liveMigration = { networkOrder: ['storage-2'], excludedNetworks: ['mgmt'] };
    doc.networks![2]!.metric = 10;
    // Listed first: storage-2 (the cluster's own network, but listed), then storage-1 by metric.
    expect(load(doc).preferenceOrder).toEqual(['storage-2', 'storage-1']);
    expect(selectMigrationPath(load(doc), 'n1', 'n2').chosen!.sourceNetworkId).toBe('storage-2');
  });
});

describe('legacy attempts', () => {
  it('costs the custom timeout per network that does not connect the pair', () => {
    const t = load(switchless());
    const sel = selectMigrationPath(t, 'n2', 'n3', { mode: 'legacy', legacyTimeoutSeconds: 30 });
    expect(sel.initiationDelaySeconds).toBe(60);
    expect(sel.attempts).toEqual([
      { networkId: 'link-12', outcome: 'timeout', seconds: 30, reason: 'not-on-destination' },
      { networkId: 'link-13', outcome: 'timeout', seconds: 30, reason: 'not-on-source' },
      { networkId: 'link-23', outcome: 'connected', seconds: 0 },
    ]);
  });

  it('lists direct paths on later networks as fallbacks', () => {
    const sel = selectMigrationPath(load(switched()), 'n2', 'n4', { mode: 'legacy' });
    expect(sel.chosen!.sourceNetworkId).toBe('storage-1');
    expect(sel.fallbacks.map((f) => f.sourceNetworkId)).toEqual(['storage-2']);
  });

  it('times out on every network when none connects, and the delay counts them all', () => {
    const doc = switchless();
    const t = load(applyFailures(doc, ['link-23']));
    const sel = selectMigrationPath(t, 'n2', 'n3', { mode: 'legacy', legacyTimeoutSeconds: 15 });
    expect(sel.chosen).toBeNull();
    expect(sel.failure).toBe('no-path');
    expect(sel.initiationDelaySeconds).toBe(30); // link-12 and link-13 tried; link-23 is down, not eligible
    expect(sel.attempts.map((a) => a.networkId)).toEqual(['link-12', 'link-13']);
  });

  it('falls back to the default timeout for nonsense options', () => {
    const t = load(switchless());
    expect(selectMigrationPath(t, 'n2', 'n3', { mode: 'legacy', legacyTimeoutSeconds: -5 }).initiationDelaySeconds).toBe(40);
    expect(selectMigrationPath(t, 'n2', 'n3', { mode: 'legacy', legacyTimeoutSeconds: Number.NaN }).initiationDelaySeconds).toBe(40);
  });
});

describe('exclusions and node checks', () => {
  it('explains every excluded network and NIC with a message that names it', () => {
    const doc = switched();
    doc.networks!.push({ id: 'backup', name: 'Backup', prefixes: ['10.20.0.0/24'], role: 'none' });
    doc.nics!.push({ id: 'n1-bk', node: 'n1', name: 'Backup', addresses: ['10.20.0.11/24'] });
    doc.nics!.push({ id: 'n1-empty', node: 'n1', name: 'Spare', addresses: [] });
    const t = load(applyFailures(doc, ['n1-s2']));
    const sel = selectMigrationPath(t, 'n1', 'n3');
    const byId = Object.fromEntries(sel.excluded.map((e) => [e.elementId, e]));
    expect(byId.mgmt!.reason).toBe('excluded-by-setting');
    expect(byId.mgmt!.message).toBe("Network 'Management' is excluded from live migration (MigrationExcludeNetworks).");
    expect(byId.backup!.reason).toBe('role-none');
    expect(byId['n1-s2']!.reason).toBe('nic-down');
    expect(byId['n1-s2']!.message).toMatch(/HV01 'SLOT 3 Port 2' is down/);
    expect(byId['storage-2']!.reason).toBe('not-on-source');
    expect(byId['n1-empty']!.reason).toBe('no-address');
    expect(sel.chosen!.sourceNetworkId).toBe('storage-1');
    expect(sel.fallbacks).toEqual([]);
  });

  it('explains a network only the source is on', () => {
    const sel = selectMigrationPath(load(switchless()), 'n1', 'n2');
    expect(reasonsOf(sel)['link-13']).toBe('not-on-destination');
    expect(reasonsOf(sel)['link-23']).toBe('not-on-source');
  });

  it('reports an IPv4/IPv6 mismatch on a dual-stack network', () => {
    const doc = switched();
    doc.networks![1]!.prefixes.push('fd00:1::/64');
    doc.nics!.find((n) => n.id === 'n1-s1')!.addresses = ['fd00:1::11/64'];
    const sel = selectMigrationPath(load(doc), 'n1', 'n3');
    expect(reasonsOf(sel)['n1-s1[fd00:1::11]→n3-s1[10.10.1.13]']).toBe('family-mismatch');
    expect(sel.chosen!.sourceNetworkId).toBe('storage-2');
    const legacy = selectMigrationPath(load(doc), 'n1', 'n3', { mode: 'legacy' });
    expect(legacy.attempts[0]).toMatchObject({ networkId: 'storage-1', outcome: 'timeout', reason: 'family-mismatch' });
  });

  it.each([
    ['n1', 'n1', 'same-node'],
    ['n1', 'zz', 'unknown-node'],
    ['zz', 'n1', 'unknown-node'],
  ] as const)('%s → %s fails with %s', (s, d, reason) => {
    const sel = selectMigrationPath(load(switched()), s, d);
    expect(sel).toMatchObject({ chosen: null, fallbacks: [], failure: reason, initiationDelaySeconds: 0, attempts: [] });
  });

  it('checks node states: source down, destination down or paused; a paused source may migrate', () => {
    const doc = switched();
    doc.nodes![0]!.state = 'paused';
    doc.nodes![1]!.state = 'down';
    const t = load(doc);
    expect(selectMigrationPath(t, 'n2', 'n3').failure).toBe('source-down');
    expect(selectMigrationPath(t, 'n3', 'n2').failure).toBe('destination-down');
    expect(selectMigrationPath(t, 'n3', 'n1', { mode: 'legacy' }).failure).toBe('destination-paused');
    expect(selectMigrationPath(t, 'n1', 'n3').chosen!.sourceNetworkId).toBe('storage-1');
  });
});

describe('IPv6', () => {
  it('selects direct and routed paths on IPv6-only networks with compressed addresses', () => {
    const doc: TopologyDocument = {
      format: 'lm-topology',
      version: 1,
      nodes: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
        { id: 'c', name: 'C' },
      ],
      nics: [
        { id: 'a1', node: 'a', name: 'LM', addresses: ['fd00:10:0:0::11/64'], routes: [{ prefix: 'fd00:20::/64', via: 'fd00:10::1' }] },
        { id: 'b1', node: 'b', name: 'LM', addresses: ['fd00:10::12/64'] },
        { id: 'c1', node: 'c', name: 'LM', addresses: ['fd00:20::13/64'], routes: [{ prefix: '::/0', via: 'fd00:20::1' }] },
      ],
      networks: [],
      routers: [{ id: 'r', name: 'R', interfaces: ['fd00:10::1/64', 'fd00:20::1/64'] }],
    };
    const t = load(doc);
    expect(t.networks.map((n) => [n.id, n.role])).toEqual([
      ['net-fd00-10---64', 'cluster'],
      ['net-fd00-20---64', 'clusterAndClient'],
    ]);
    expect(selectMigrationPath(t, 'a', 'b').chosen).toMatchObject({ kind: 'direct', sourceAddress: 'fd00:10::11', destinationAddress: 'fd00:10::12' });
    expect(selectMigrationPath(t, 'a', 'c').chosen).toMatchObject({ kind: 'routed', routerIds: ['r'], destinationAddress: 'fd00:20::13' });
    // b has no route at all.
    expect(selectMigrationPath(t, 'b', 'c').failure).toBe('no-path');
  });
});

describe('analyzeAllPairs', () => {
  it('matches selectMigrationPath for every pair and mode, its full selections made on demand', () => {
    for (const f of ['switched-4-node.json', 'switchless-3-node.json', 'two-site-routed.json']) {
      const t = load(readFixture(f));
      const all = analyzeAllPairs(t, { legacyTimeoutSeconds: 25 });
      expect(all.pairs()).toHaveLength(t.nodes.length * (t.nodes.length - 1));
      for (const pair of all.pairs())
        for (const mode of ['ws2025', 'legacy'] as const) {
          const one = selectMigrationPath(t, pair.sourceNodeId, pair.destinationNodeId, { mode, legacyTimeoutSeconds: 25 });
          expect(JSON.parse(JSON.stringify(pair[mode]))).toEqual(JSON.parse(JSON.stringify(one)));
        }
    }
  });

  it('summarises the switchless example (hand-checked)', () => {
    // Order link-12, link-13, link-23. Legacy delays: n1→n2 0, n1→n3 20, n2→n1 0, n2→n3 40, n3→n1 20, n3→n2 40.
    const { summary } = analyzeAllPairs(load(switchless()));
    expect(summary).toEqual({
      pairCount: 6,
      noPath: { ws2025: 0, legacy: 0 },
      maxLegacyDelaySeconds: 40,
      meanLegacyDelaySeconds: 20,
      routedChosen: 0,
      singlePath: { ws2025: 6, legacy: 6 },
    });
  });

  it('summarises the two-site example (hand-checked)', () => {
    // Cross-site pairs (8 of 12) are routed in 2025 and have no path in legacy (40 s: two timeouts).
    const { summary } = analyzeAllPairs(load(twoSite()));
    expect(summary).toEqual({
      pairCount: 12,
      noPath: { ws2025: 0, legacy: 8 },
      maxLegacyDelaySeconds: 40,
      meanLegacyDelaySeconds: (8 * 40 + 2 * 20) / 12, // same-site pairs on lm-b (n3↔n4) wait 20 s for lm-a
      routedChosen: 8,
      singlePath: { ws2025: 12, legacy: 4 },
    });
  });
});

/**
 * All-pairs summary and N-1 resilience on the shared examples, with numbers worked out by hand
 * from the topology files, and a property: N-1 agrees with failing the element for real.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeAllPairs, analyzeResilience, compareModes, describeImpact, describeLegacyImpact, type AllPairsResult, type ElementImpact, type TopologyDocument,
} from '../../src/engine';
import { generateMeshGroups, generateSitesCluster, generateTwoSiteCluster } from '../generate';
import { applyFailures } from '../../src/engine/model/whatif';
import { topologyArb } from './arbitraries';
import { load, loadFixture, readFixture } from './helpers';

const pairsOf = (list: { sourceNodeId: string; destinationNodeId: string }[]): string[] => list.map((p) => `${p.sourceNodeId}→${p.destinationNodeId}`).sort();
const byId = (impacts: ElementImpact[], id: string): ElementImpact => impacts.find((m) => m.elementId === id)!;
const delays = (r: AllPairsResult): Record<string, number> => Object.fromEntries(r.pairs().map((p) => [`${p.sourceNodeId}→${p.destinationNodeId}`, p.legacy.initiationDelaySeconds]));

describe('analyzeAllPairs summary, hand-checked', () => {
  it('switchless 3-node', () => {
    // Order link-12, link-13, link-23 (mgmt excluded). Each node is on the two links it is cabled to,
    // so each pair has exactly one path, direct, on its own link. Legacy tries the links in order,
    // 20 s per link the pair is not on: n1→n2 connects on link-12 at once (0 s); n1→n3 misses
    // link-12, connects on link-13 (20 s); n2→n3 misses link-12 and link-13 (40 s). Symmetric.
    const r = analyzeAllPairs(loadFixture('switchless-3-node.json'));
    expect(delays(r)).toEqual({ 'n1→n2': 0, 'n1→n3': 20, 'n2→n1': 0, 'n2→n3': 40, 'n3→n1': 20, 'n3→n2': 40 });
    // mean = (0 + 20 + 0 + 40 + 20 + 40) / 6 = 20; no pair has a fallback in either mode.
    expect(r.summary).toEqual({
      pairCount: 6, noPath: { ws2025: 0, legacy: 0 }, maxLegacyDelaySeconds: 40, meanLegacyDelaySeconds: 20,
      routedChosen: 0, singlePath: { ws2025: 6, legacy: 6 },
    });
    // Legacy: 4 of 6 pairs wait, 2 of them 40 s (two timeouts) or more; 2025 waits for none.
    expect(compareModes(r, 20)).toMatchObject({
      legacyWaiting: 4, legacyLongWait: 2, longWaitSeconds: 40, legacyTotalSeconds: 120, rescuedBy2025: 0, differentNetwork: 0,
      // Every pair connects: the mean over connected pairs is the summary's mean, 120 / 6 = 20.
      legacyConnected: 6, legacyMeanDelaySeconds: 20, legacyMaxDelaySeconds: 40, legacyNever: 0, legacyGiveUpSeconds: 0,
    });
  });

  it('switched 4-node', () => {
    // Every node is on storage-1 and storage-2 (order storage-1, storage-2): every pair connects
    // on storage-1 at once with storage-2 as its one fallback, in both modes. 4 × 3 = 12 pairs.
    const r = analyzeAllPairs(loadFixture('switched-4-node.json'));
    expect(Object.values(delays(r))).toEqual(Array(12).fill(0));
    expect(r.summary).toEqual({
      pairCount: 12, noPath: { ws2025: 0, legacy: 0 }, maxLegacyDelaySeconds: 0, meanLegacyDelaySeconds: 0,
      routedChosen: 0, singlePath: { ws2025: 0, legacy: 0 },
    });
  });

  it('two-site routed', () => {
    // n1, n2 on lm-a; n3, n4 on lm-b (order lm-a, lm-b; management excluded). Within a site: direct,
    // legacy 0 s in site A (lm-a first), 20 s in site B (lm-a misses first). Across sites (8 pairs):
    // only the routed path lm-a ⇄ lm-b via Router A and Router B (routes both ways), which legacy
    // never finds: it times out on both networks (40 s) and has no path.
    const r = analyzeAllPairs(loadFixture('two-site-routed.json'));
    expect(delays(r)).toEqual({
      'n1→n2': 0, 'n1→n3': 40, 'n1→n4': 40, 'n2→n1': 0, 'n2→n3': 40, 'n2→n4': 40,
      'n3→n1': 40, 'n3→n2': 40, 'n3→n4': 20, 'n4→n1': 40, 'n4→n2': 40, 'n4→n3': 20,
    });
    // mean = (0 + 0 + 20 + 20 + 8 × 40) / 12 = 360 / 12 = 30. Every pair has one path in 2025;
    // in legacy the 4 same-site pairs connect without fallback and the 8 others have none.
    expect(r.summary).toEqual({
      pairCount: 12, noPath: { ws2025: 0, legacy: 8 }, maxLegacyDelaySeconds: 40, meanLegacyDelaySeconds: 30,
      routedChosen: 8, singlePath: { ws2025: 12, legacy: 4 },
    });
    // Waiting and never migrating apart (issue 17): only n3↔n4 wait (20 s each); the 8 cross-site
    // pairs never migrate (they give up after 40 s). Mean over the 4 pairs that connect:
    // (0 + 0 + 20 + 20) / 4 = 10 s, not the 30 s that counts the give-ups.
    expect(compareModes(r, 20)).toMatchObject({
      legacyWaiting: 2, legacyLongWait: 0, legacyConnected: 4, legacyMeanDelaySeconds: 10, legacyMaxDelaySeconds: 20,
      legacyNever: 8, legacyGiveUpSeconds: 40, rescuedBy2025: 8, noPath: { ws2025: 0, legacy: 8 },
    });
  });
});

describe('analyzeResilience (N-1), hand-checked', () => {
  it('switchless 3-node: every link and every link NIC is a single point of failure', () => {
    const t = loadFixture('switchless-3-node.json');
    const r = analyzeResilience(t);
    expect(r.pairCount).toBe(6);
    expect(r.connectedPairs).toBe(6);
    // Analysed: 4 networks, 1 router, 9 NICs, 3 nodes.
    expect(r.impacts).toHaveLength(17);
    // Each link carries its two pairs alone; each link NIC is one end of one link.
    expect(r.singlePointsOfFailure).toEqual(['link-12', 'link-13', 'link-23', 'n1-to2', 'n2-to1', 'n1-to3', 'n3-to1', 'n2-to3', 'n3-to2']);
    const link12 = byId(r.impacts, 'link-12');
    expect(pairsOf(link12.lost)).toEqual(['n1→n2', 'n2→n1']);
    expect(link12.moved).toEqual([]);
    // Legacy without link-12 (order link-13, link-23): n1⇄n3 now 0 s (was 20), n2⇄n3 20 s (was 40).
    expect(link12.legacy).toEqual({ lost: 2, slower: 0, faster: 4, addedSeconds: 0 });
    // Without link-13: n2⇄n3 try link-12 then link-23: 20 s (was 40). n1⇄n2 unchanged.
    expect(byId(r.impacts, 'link-13').legacy).toEqual({ lost: 2, slower: 0, faster: 2, addedSeconds: 0 });
    // link-23 is last in the order: nobody else tried it.
    expect(byId(r.impacts, 'link-23').legacy).toEqual({ lost: 2, slower: 0, faster: 0, addedSeconds: 0 });
    expect(pairsOf(byId(r.impacts, 'n3-to2').lost)).toEqual(['n2→n3', 'n3→n2']);
    // Management is excluded from live migration: its network, router and NICs do not matter.
    for (const id of ['mgmt', 'gw', 'n1-mgmt']) expect(byId(r.impacts, id)).toMatchObject({ lost: [], moved: [], singlePointOfFailure: false });
    // A failed node takes its own 4 pairs down; that is not "lost"; n2⇄n3 do not notice.
    expect(byId(r.impacts, 'n1')).toMatchObject({ lost: [], moved: [], down: 4, singlePointOfFailure: false });
    expect(describeImpact(t, link12)).toBe("If network 'Direct 1-2' fails: 2 pairs lose live migration.");
    expect(describeLegacyImpact(link12)).toBe('Legacy: 2 pairs lose live migration, 4 pairs connect sooner.');
  });

  it('switched 4-node: no single point of failure; Storage 1 moves every pair to Storage 2', () => {
    const t = loadFixture('switched-4-node.json');
    const r = analyzeResilience(t);
    expect(r.singlePointsOfFailure).toEqual([]);
    const s1 = r.impacts[0]!;
    expect(s1.elementId).toBe('storage-1');
    expect(s1.lost).toEqual([]);
    expect(s1.moved).toHaveLength(12);
    expect(s1.moved.every((m) => m.from.join() === 'storage-1,storage-1' && m.to.join() === 'storage-2,storage-2')).toBe(true);
    // Legacy: storage-1 is no longer eligible, so storage-2 is tried first: still 0 s.
    expect(s1.legacy).toEqual({ lost: 0, slower: 0, faster: 0, addedSeconds: 0 });
    expect(describeImpact(t, s1)).toBe("If network 'Storage 1' fails: 0 pairs lose live migration, 12 move to 'Storage 2'.");
    // HV01's storage-1 NIC: its 6 pairs (3 out, 3 in) move to storage-2; legacy still tries
    // storage-1 first, misses, and connects on storage-2 after one timeout: 6 × 20 s.
    const nic = byId(r.impacts, 'n1-s1');
    expect(nic.moved).toHaveLength(6);
    expect(nic.legacy).toEqual({ lost: 0, slower: 6, faster: 0, addedSeconds: 120 });
    expect(r.impacts.slice(1, 5).map((m) => m.elementId)).toEqual(['n1-s1', 'n2-s1', 'n3-s1', 'n4-s1']);
    // Storage 2 is only a fallback: failing it changes no choice.
    expect(byId(r.impacts, 'storage-2')).toMatchObject({ lost: [], moved: [] });
  });

  it('two-site routed: LM networks, routers and LM NICs are single points of failure', () => {
    const t = loadFixture('two-site-routed.json');
    const r = analyzeResilience(t);
    // lm-a: its 2 same-site pairs and the 8 cross-site pairs (all routed through lm-a) = 10.
    // Router A or B: the 8 cross-site pairs. An LM NIC: its node's 6 pairs.
    expect(r.impacts.slice(0, 8).map((m) => [m.elementId, m.lost.length])).toEqual([
      ['lm-a', 10], ['lm-b', 10], ['ra', 8], ['rb', 8], ['n1-lm', 6], ['n2-lm', 6], ['n3-lm', 6], ['n4-lm', 6],
    ]);
    expect(r.singlePointsOfFailure).toEqual(['lm-a', 'lm-b', 'ra', 'rb', 'n1-lm', 'n2-lm', 'n3-lm', 'n4-lm']);
    // Legacy never used the routers; without lm-a it loses n1⇄n2 and site B connects at once (was 20 s).
    expect(byId(r.impacts, 'ra').legacy).toEqual({ lost: 0, slower: 0, faster: 0, addedSeconds: 0 });
    expect(byId(r.impacts, 'lm-a').legacy).toEqual({ lost: 2, slower: 0, faster: 2, addedSeconds: 0 });
    expect(pairsOf(byId(r.impacts, 'ra').lost)).toEqual(['n1→n3', 'n1→n4', 'n2→n3', 'n2→n4', 'n3→n1', 'n3→n2', 'n4→n1', 'n4→n2']);
  });

  it('ignores elements already down and counts pairs of a down node as neither lost nor down', () => {
    const doc = applyFailures(readFixture('switchless-3-node.json') as TopologyDocument, ['link-12', 'n3']);
    const r = analyzeResilience(load(doc));
    expect(r.impacts.map((m) => m.elementId)).not.toContain('link-12');
    expect(r.impacts.map((m) => m.elementId)).not.toContain('n3');
    // Only n1→n2 and n2→n1 are left, and link-12 is down: nothing is connected, nothing to lose.
    expect(r.connectedPairs).toBe(0);
    expect(r.singlePointsOfFailure).toEqual([]);
  });
});

/** The N-1 impact of one element, the slow way: fail it in the document and compare all pairs. */
function bruteForce(doc: TopologyDocument, before: AllPairsResult, id: string, kind: ElementImpact['kind'], timeout: number) {
  const after = analyzeAllPairs(load(applyFailures(doc, [id])), { legacyTimeoutSeconds: timeout });
  const out = { lost: [] as string[], moved: [] as string[], legacy: { lost: 0, slower: 0, faster: 0, addedSeconds: 0 }, down: 0 };
  for (let i = 0; i < before.pairCount; i++) {
    const b = before.outcome(i);
    const a = after.outcome(i);
    const name = `${b.sourceNodeId}→${b.destinationNodeId}`;
    if (kind === 'node' && (b.sourceNodeId === id || b.destinationNodeId === id)) {
      if (b.ws2025.chosen) out.down++;
      continue;
    }
    const [bw, aw] = [b.ws2025.chosen, a.ws2025.chosen];
    if (bw && !aw) out.lost.push(name);
    if (bw && aw && (bw.sourceNetworkId !== aw.sourceNetworkId || bw.destinationNetworkId !== aw.destinationNetworkId)) out.moved.push(`${name}:${aw.sourceNetworkId}>${aw.destinationNetworkId}`);
    if (!b.legacy.chosen) continue;
    if (!a.legacy.chosen) out.legacy.lost++;
    else {
      const d = a.legacy.initiationDelaySeconds - b.legacy.initiationDelaySeconds;
      if (d > 0) {
        out.legacy.slower++;
        out.legacy.addedSeconds += d;
      }
      if (d < 0) out.legacy.faster++;
    }
  }
  out.lost.sort();
  out.moved.sort();
  return out;
}

/** Every analysed element of a document against the brute force. */
function expectAgreement(doc: TopologyDocument, timeout: number): void {
  const before = analyzeAllPairs(load(doc), { legacyTimeoutSeconds: timeout });
  const r = analyzeResilience(load(doc), { legacyTimeoutSeconds: timeout });
  for (const m of r.impacts) {
    const expected = bruteForce(doc, before, m.elementId, m.kind, timeout);
    const actual = {
      lost: pairsOf(m.lost),
      moved: m.moved.map((x) => `${x.sourceNodeId}→${x.destinationNodeId}:${x.to[0]}>${x.to[1]}`).sort(),
      legacy: m.legacy,
      down: m.down,
    };
    expect({ id: m.elementId, ...actual }).toEqual({ id: m.elementId, ...expected });
    expect(m.singlePointOfFailure).toBe(expected.lost.length > 0);
  }
}

/**
 * s (on A) reaches d on B and on C through routers, two hops each; B comes before C in the order,
 * so A → B is chosen. Network X carries the r0–r1 adjacency: when it fails, A → B needs three
 * routers (r0, r2, r1) and A → C (two) ranks first.
 */
const LONGER_CHAIN: TopologyDocument = {
  format: 'lm-topology', version: 1,
  nodes: [{ id: 's', name: 'S' }, { id: 'd', name: 'D' }],
  nics: [
    { id: 's-a', node: 's', name: 'A', addresses: ['10.0.1.10/24'], routes: [{ prefix: '10.0.2.0/24', via: '10.0.1.1' }, { prefix: '10.0.3.0/24', via: '10.0.1.1' }] },
    { id: 'd-b', node: 'd', name: 'B', addresses: ['10.0.2.20/24'], routes: [{ prefix: '10.0.1.0/24', via: '10.0.2.1' }] },
    { id: 'd-c', node: 'd', name: 'C', addresses: ['10.0.3.20/24'], routes: [{ prefix: '10.0.1.0/24', via: '10.0.3.1' }] },
  ],
  networks: [
    { id: 'A', name: 'A', prefixes: ['10.0.1.0/24'] }, { id: 'B', name: 'B', prefixes: ['10.0.2.0/24'] },
    { id: 'C', name: 'C', prefixes: ['10.0.3.0/24'] }, { id: 'X', name: 'X', prefixes: ['10.0.9.0/24'] },
  ],
  routers: [
    { id: 'r0', name: 'R0', interfaces: ['10.0.1.1/24', '10.0.9.1/24', '172.16.1.1/30', '172.16.3.1/30'] },
    { id: 'r1', name: 'R1', interfaces: ['10.0.2.1/24', '10.0.9.2/24', '172.16.2.2/30'] },
    { id: 'r2', name: 'R2', interfaces: ['172.16.1.2/30', '172.16.2.1/30'] },
    { id: 'r3', name: 'R3', interfaces: ['10.0.3.1/24', '172.16.3.2/30'] },
  ],
  liveMigration: { networkOrder: ['A', 'B', 'C'], excludedNetworks: ['X'] },
};

describe('analyzeResilience agrees with failing the element for real', () => {
  it('on generated topologies (states, routers, one-way routes, exclusions), every element', () => {
    fc.assert(
      fc.property(topologyArb(), fc.constantFrom(0, 20, 35), (doc, timeout) => expectAgreement(doc, timeout)),
      { numRuns: 150 },
    );
  });

  it('on a small two-site cluster and on the examples', () => {
    expectAgreement(generateTwoSiteCluster({ nodesPerSite: 2, lmNetworksPerSite: 2, storageNetworksPerSite: 1, routersPerSite: 2 }), 20);
    for (const f of ['switchless-3-node.json', 'switched-4-node.json', 'two-site-routed.json']) expectAgreement(readFixture(f) as TopologyDocument, 20);
  });

  it('on small clusters of the bench\'s other shapes: three sites, dual-stack, switchless meshes', () => {
    expectAgreement(generateSitesCluster({ sites: 3, nodesPerSite: 2, lmNetworksPerSite: 2, storageNetworksPerSite: 1, routersPerSite: 2 }), 20);
    expectAgreement(generateSitesCluster({ sites: 2, nodesPerSite: 2, lmNetworksPerSite: 2, storageNetworksPerSite: 1, routersPerSite: 1, dualStack: true }), 15);
    expectAgreement(generateMeshGroups({ groups: 2, groupSize: 3, switchedLm: 1, switchedStorage: 1 }), 20);
  });

  it('ranks again when a failure lengthens a routed chain', () => {
    const r = analyzeResilience(load(LONGER_CHAIN));
    expect(byId(r.impacts, 'X').moved).toEqual([{ sourceNodeId: 's', destinationNodeId: 'd', from: ['A', 'B'], to: ['A', 'C'] }]);
    expectAgreement(LONGER_CHAIN, 20);
  });
});

/** Engine invariants on generated topologies, and parser robustness on arbitrary input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAllPairs, PAIR_FAILURES, parseTopology, selectMigrationPath, streamsOf, type AllPairsResult, type PathCandidate, type Selection, type Topology, type TopologyDocument } from '../../src/engine';
import { applyFailures } from '../../src/engine/model/whatif';
import { generateMeshGroups, generateSitesCluster, generateSwitchlessMesh, generateTwoSiteCluster } from '../generate';
import { topologyArb } from './arbitraries';
import { load, readFixture } from './helpers';

const RUNS = 150;
const key = (c: PathCandidate): string => `${c.sourceNicId}|${c.sourceAddress}|${c.destinationNicId}|${c.destinationAddress}`;

function pairs(t: Topology): [string, string][] {
  return t.nodes.flatMap((a) => t.nodes.filter((b) => b.id !== a.id).map((b) => [a.id, b.id] as [string, string]));
}

function eachSelection(t: Topology, timeout: number, fn: (ws: Selection, legacy: Selection) => void): void {
  for (const [s, d] of pairs(t)) {
    fn(selectMigrationPath(t, s, d), selectMigrationPath(t, s, d, { mode: 'legacy', legacyTimeoutSeconds: timeout }));
  }
}

describe('engine invariants (generated topologies)', () => {
  it('generated topologies are valid', () => {
    fc.assert(
      fc.property(topologyArb(), (doc) => {
        const r = parseTopology(doc);
        expect(r.ok ? [] : r.errors).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws; chosen and fallbacks never repeat; every address is usable', () => {
    fc.assert(
      fc.property(topologyArb(), fc.integer({ min: 0, max: 60 }), (doc, timeout) => {
        const t = load(doc);
        const usable = (nicId: string, nodeId: string, address: string, networkId: string): boolean => {
          const nic = t.index.nics.get(nicId)!;
          return nic.node === nodeId && nic.state === 'up' && t.eligibility[networkId]!.eligible && t.addresses.some((a) => a.nicId === nicId && a.address === address && a.networkId === networkId);
        };
        eachSelection(t, timeout, (ws, legacy) => {
          for (const sel of [ws, legacy]) {
            const all = [sel.chosen, ...sel.fallbacks].filter((c): c is PathCandidate => c !== null);
            expect(new Set(all.map(key)).size).toBe(all.length);
            for (const c of all) {
              expect(usable(c.sourceNicId, sel.sourceNodeId, c.sourceAddress, c.sourceNetworkId)).toBe(true);
              expect(usable(c.destinationNicId, sel.destinationNodeId, c.destinationAddress, c.destinationNetworkId)).toBe(true);
              expect(c.kind === 'direct').toBe(c.routerIds.length === 0);
              expect(c.kind === 'direct').toBe(c.sourceNetworkId === c.destinationNetworkId);
            }
            expect(sel.chosen === null).toBe(sel.failure !== undefined);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('legacy: delay = timeout × timed-out attempts; never routed; attempts follow the preference order', () => {
    fc.assert(
      fc.property(topologyArb(), fc.integer({ min: 0, max: 60 }), (doc, timeout) => {
        const t = load(doc);
        eachSelection(t, timeout, (_ws, legacy) => {
          const timedOut = legacy.attempts.filter((a) => a.outcome === 'timeout').length;
          expect(legacy.initiationDelaySeconds).toBe(timeout * timedOut);
          expect(legacy.chosen?.kind ?? 'direct').toBe('direct');
          for (const f of legacy.fallbacks) expect(f.kind).toBe('direct');
          expect(legacy.attempts.map((a) => a.networkId)).toEqual(t.preferenceOrder.slice(0, legacy.attempts.length));
          if (legacy.chosen) expect(legacy.attempts.at(-1)).toMatchObject({ outcome: 'connected', networkId: legacy.chosen.sourceNetworkId });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('both modes choose the first preferred network when it connects the pair directly', () => {
    fc.assert(
      fc.property(topologyArb(), (doc) => {
        const t = load(doc);
        const first = t.preferenceOrder[0];
        eachSelection(t, 20, (ws, legacy) => {
          if (legacy.chosen?.sourceNetworkId === first) {
            expect(ws.chosen).toEqual(legacy.chosen);
            expect(legacy.initiationDelaySeconds).toBe(0);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('2025 finds a path whenever legacy does, and never chooses a less preferred source network', () => {
    fc.assert(
      fc.property(topologyArb(), (doc) => {
        const t = load(doc);
        const pos = t.index.preferencePosition;
        eachSelection(t, 20, (ws, legacy) => {
          if (legacy.chosen) {
            expect(ws.chosen).not.toBeNull();
            expect(pos.get(ws.chosen!.sourceNetworkId)!).toBeLessThanOrEqual(pos.get(legacy.chosen.sourceNetworkId)!);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('swapping source and destination keeps a direct path network', () => {
    fc.assert(
      fc.property(topologyArb({ withRouters: false }), (doc) => {
        const t = load(doc);
        for (const [s, d] of pairs(t)) {
          const there = selectMigrationPath(t, s, d);
          const back = selectMigrationPath(t, d, s);
          if (there.chosen?.kind === 'direct' && back.chosen) {
            expect(back.chosen.kind).toBe('direct');
            expect(back.chosen.sourceNetworkId).toBe(there.chosen.sourceNetworkId);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('analyzeAllPairs agrees with selectMigrationPath on every pair, both modes, and its summary counts', () => {
    fc.assert(
      fc.property(topologyArb(), fc.integer({ min: 0, max: 60 }), (doc, timeout) => {
        const t = load(doc);
        const all = analyzeAllPairs(t, { legacyTimeoutSeconds: timeout });
        expectAllPairsAgree(t, all, timeout);
      }),
      { numRuns: 80 },
    );
  });
});

/**
 * Every pair of an all-pairs result against selectMigrationPath, both modes: the compact arrays
 * (networks, addresses, routers, fallback count, failure, legacy delay), the choice read from
 * them, the full selection made on demand, and the summary's counts.
 */
function expectAllPairsAgree(t: Topology, all: AllPairsResult, timeout: number): void {
  const c = all.compact;
  const networkIndex = new Map(t.networks.map((n, i) => [n.id, i]));
  const addressIndex = new Map(t.addresses.map((a) => [`${a.nicId}|${a.address}`, a.index]));
  let k = 0;
  const noPath = { ws2025: 0, legacy: 0 };
  for (const [s, d] of pairs(t)) {
    expect(all.pairIndex(t.nodes.findIndex((n) => n.id === s), t.nodes.findIndex((n) => n.id === d))).toBe(k);
    const outcome = all.outcome(k);
    expect([outcome.sourceNodeId, outcome.destinationNodeId]).toEqual([s, d]);
    for (const [m, mode] of [[0, 'ws2025'], [1, 'legacy']] as const) {
      const one = selectMigrationPath(t, s, d, { mode, legacyTimeoutSeconds: timeout });
      const i = 2 * k + m;
      const chosen = one.chosen;
      expect(c.sourceNetwork[i]).toBe(chosen ? networkIndex.get(chosen.sourceNetworkId) : -1);
      expect(c.destinationNetwork[i]).toBe(chosen ? networkIndex.get(chosen.destinationNetworkId) : -1);
      expect(c.sourceAddress[i]).toBe(chosen ? addressIndex.get(`${chosen.sourceNicId}|${chosen.sourceAddress}`) : -1);
      expect(c.destinationAddress[i]).toBe(chosen ? addressIndex.get(`${chosen.destinationNicId}|${chosen.destinationAddress}`) : -1);
      expect(c.routers[i]).toBe(chosen ? chosen.routerIds.length : -1);
      expect(c.fallbacks[i]).toBe(one.fallbacks.length);
      expect(c.failure[i] === 0 ? undefined : PAIR_FAILURES[c.failure[i]! - 1]).toBe(one.failure);
      if (mode === 'legacy') expect(c.legacyDelay[k]).toBe(one.initiationDelaySeconds);
      const choice = outcome[mode];
      expect(choice.chosen).toEqual(chosen ? { kind: chosen.kind, sourceNetworkId: chosen.sourceNetworkId, destinationNetworkId: chosen.destinationNetworkId } : null);
      expect(choice.fallbackCount).toBe(one.fallbacks.length);
      expect(choice.initiationDelaySeconds).toBe(one.initiationDelaySeconds);
      expect(choice.failure).toBe(one.failure);
      expect(all.selection(k, mode)).toEqual(one);
      if (!chosen) noPath[mode]++;
    }
    k++;
  }
  expect(k).toBe(all.pairCount);
  expect(all.summary.noPath).toEqual(noPath);
}

describe('analyzeAllPairs on generated clusters of several shapes', () => {
  // Small versions of the bench's shapes; every pair in both modes against selectMigrationPath.
  const shapes: [string, TopologyDocument][] = [
    ['two sites, routed', generateTwoSiteCluster({ nodesPerSite: 4, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
    ['three sites, routed', generateSitesCluster({ sites: 3, nodesPerSite: 3, lmNetworksPerSite: 2, storageNetworksPerSite: 1, routersPerSite: 2 })],
    ['two sites, dual-stack', generateSitesCluster({ sites: 2, nodesPerSite: 3, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 1, dualStack: true })],
    ['switchless meshes', generateMeshGroups({ groups: 3, groupSize: 3, switchedLm: 1, switchedStorage: 1 })],
    ['one switchless mesh', generateSwitchlessMesh(5)],
  ];
  it.each(shapes)('%s', (_, doc) => {
    const t = load(doc);
    expectAllPairsAgree(t, analyzeAllPairs(t, { legacyTimeoutSeconds: 15 }), 15);
  });

  it.each(shapes)('%s, with elements failed at random', (_, doc) => {
    const ids = [...(doc.networks ?? []), ...(doc.routers ?? []), ...(doc.nics ?? []), ...(doc.nodes ?? [])].map((e) => e.id);
    fc.assert(
      fc.property(fc.subarray(ids, { maxLength: 4 }), (failed) => {
        const t = load(applyFailures(doc, failed));
        expectAllPairsAgree(t, analyzeAllPairs(t), 20);
      }),
      { numRuns: 15 },
    );
  });
});

describe('parser robustness', () => {
  const checkErrors = (input: unknown): void => {
    const r = parseTopology(input);
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(typeof e.path).toBe('string');
        expect(e.message.length).toBeGreaterThan(5);
      }
    }
  };

  it('the default order (no networkOrder) never puts the cluster’s own network before another eligible one', () => {
    fc.assert(
      fc.property(topologyArb(), (generated) => {
        const doc = { ...generated, liveMigration: { ...generated.liveMigration, networkOrder: [] } };
        const t = load(doc);
        // Oracle: the lowest (metric, name, id) among networks whose role is not none, any state.
        const own = [...t.networks].filter((n) => n.role !== 'none').sort((a, b) => a.metric - b.metric || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1))[0];
        expect(t.clusterNetworkId).toBe(own?.id ?? null);
        const pos = own ? t.preferenceOrder.indexOf(own.id) : -1;
        if (pos >= 0) expect(pos).toBe(t.preferenceOrder.length - 1);
        // The others stay by metric.
        const others = t.preferenceOrder.filter((id) => id !== own?.id).map((id) => t.index.networks.get(id)!.metric);
        expect(others).toEqual([...others].sort((a, b) => a - b));
        // A pair uses the cluster's own network only when no other eligible network gives it a path.
        for (const [s, d] of pairs(t)) {
          const sel = selectMigrationPath(t, s, d);
          if (sel.chosen && sel.chosen.sourceNetworkId === own?.id) expect(sel.fallbacks.every((f) => f.sourceNetworkId === own.id)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('streams (1.2): each NIC pair once, on an up network the two nodes share; the chosen pair first when it is one; RDMA only with SMB', () => {
    fc.assert(
      fc.property(topologyArb(), fc.constantFrom('tcpip', 'compression', 'smb'), (generated, transport) => {
        const t = load({ ...generated, liveMigration: { ...generated.liveMigration, transport } });
        for (const [src, dst] of pairs(t)) {
          const ws = selectMigrationPath(t, src, dst);
          for (const sel of [ws, selectMigrationPath(t, src, dst, { mode: 'legacy' })]) {
            const streams = streamsOf(t, sel);
            if (!sel.chosen) {
              expect(streams).toEqual([]);
              continue;
            }
            const chosenKey = `${sel.chosen.sourceNicId}|${sel.chosen.destinationNicId}`;
            const keys = streams.map((x) => `${x.sourceNicId}|${x.destinationNicId}`);
            if (keys.includes(chosenKey)) expect(keys[0]).toBe(chosenKey);
            expect(new Set(keys).size).toBe(keys.length);
            if (transport !== 'smb' || sel.chosen.kind === 'routed') expect(keys).toEqual([chosenKey]);
            for (const x of streams) {
              if (x.rdma) expect(transport).toBe('smb');
              if (streams.length === 1 && keys[0] === chosenKey) continue;
              // SMB Multichannel's own pairs: the two nodes' up NICs, on an up network they share.
              const a = t.index.nics.get(x.sourceNicId)!;
              const b = t.index.nics.get(x.destinationNicId)!;
              expect([a.node, b.node, a.state, b.state, t.index.networks.get(x.networkId)!.state]).toEqual([src, dst, 'up', 'up', 'up']);
              const on = (nic: string): boolean => t.addresses.some((ad) => ad.nicId === nic && ad.networkId === x.networkId);
              expect(on(a.id) && on(b.id)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => checkErrors(v)), { numRuns: 500 });
  });

  it('never throws on near-valid documents (random objects in the sections)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('nodes', 'nics', 'networks', 'routers', 'sites', 'liveMigration', 'layout', 'name'), fc.jsonValue()), (extra) => {
        checkErrors({ format: 'lm-topology', version: 1, ...extra });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when a valid document is mutated at a random place', () => {
    const base = readFixture('two-site-routed.json');
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.oneof(fc.jsonValue(), fc.constant(undefined)), (path, value) => {
        const doc = structuredClone(base) as Record<string | number, unknown>;
        let at: Record<string | number, unknown> = doc;
        for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        if (value === undefined) delete at[last];
        else at[last] = value;
        checkErrors(doc);
      }),
      { numRuns: 1000 },
    );
  });
});

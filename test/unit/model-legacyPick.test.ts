/**
 * Legacy's rule, "the first direct path wins" (selection-algorithm.md, legacy; decision 148): the
 * networks are tried in preference order and the first with a direct path between the two nodes
 * connects. On generated topologies, every pair's paths are thinned at random (as a failure removes
 * paths) and the legacy choice is checked against that rule spelled out network by network.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathCandidate, Topology } from '../../src/engine';
import { keysOf, LegacyPick, nodeCheck, prepare, rankedPaths, rankPaths, selectMigrationPath } from '../../src/engine/model/select';
import { topologyArb } from './arbitraries';
import { load } from './helpers';

/** A small deterministic generator, so one fast-check seed gives one thinning and one visit order. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rule, network by network: the first network in preference order with a direct path; on it, the path ranked first. */
function byNetworks(t: Topology, paths: readonly PathCandidate[]): PathCandidate | null {
  for (const networkId of t.preferenceOrder) {
    const direct = paths.filter((c) => c.kind === 'direct' && c.sourceNetworkId === networkId);
    if (direct.length > 0) return rankPaths(t, direct)[0]!;
  }
  return null;
}

/** Each checked pair's ranked paths, thinned at random, with the rule's answer for them. */
function eachPair(t: Topology, rnd: () => number, fn: (s: string, d: string, all: PathCandidate[], kept: PathCandidate[], expected: PathCandidate | null) => void): void {
  const p = prepare(t);
  for (const s of t.nodes)
    for (const d of t.nodes) {
      if (nodeCheck(t, s.id, d.id) !== null) continue;
      const all = rankedPaths(p, s.id, d.id, null);
      const kept = all.filter(() => rnd() < 0.7);
      fn(s.id, d.id, all, kept, byNetworks(t, kept));
    }
}

/** What a `LegacyPick` keeps, fed `paths` in that order as numbers: the chosen path (as its address indexes) and the fallback count. */
function picked(t: Topology, paths: readonly PathCandidate[]): { chosen: [number, number] | null; fallbacks: number } {
  const index = new Map(t.addresses.map((a) => [`${a.nicId}|${a.address}`, a.index]));
  const pick = new LegacyPick(keysOf(prepare(t)));
  pick.reset();
  for (const c of paths) pick.path(index.get(`${c.sourceNicId}|${c.sourceAddress}`)!, index.get(`${c.destinationNicId}|${c.destinationAddress}`)!, c.routerIds.length);
  return { chosen: pick.si < 0 ? null : [pick.si, pick.di], fallbacks: pick.fallbacks };
}

function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('legacy: the first direct path wins (LegacyPick)', () => {
  it('among a pair\'s paths, some removed, in ranked and in random order, on generated topologies', () => {
    fc.assert(
      fc.property(topologyArb(), fc.integer(), (doc, seed) => {
        const t = load(doc);
        const rnd = random(seed);
        const indexes = (c: PathCandidate | null): [number, number] | null =>
          c && [t.addresses.find((a) => a.nicId === c.sourceNicId && a.address === c.sourceAddress)!.index, t.addresses.find((a) => a.nicId === c.destinationNicId && a.address === c.destinationAddress)!.index];
        eachPair(t, rnd, (s, d, all, kept, expected) => {
          const fallbacks = expected ? kept.filter((c) => c.kind === 'direct' && c.sourceNetworkId !== expected.sourceNetworkId).length : kept.filter((c) => c.kind === 'direct').length;
          expect(picked(t, kept)).toEqual({ chosen: indexes(expected), fallbacks });
          expect(picked(t, shuffled(kept, rnd))).toEqual({ chosen: indexes(expected), fallbacks });
          // The selection's legacy choice is the pick among all the pair's paths.
          const legacy = selectMigrationPath(t, s, d, { mode: 'legacy' });
          expect(legacy.chosen).toEqual(byNetworks(t, all));
        });
      }),
      { numRuns: 150 },
    );
  });
});

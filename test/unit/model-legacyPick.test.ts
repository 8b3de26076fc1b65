/**
 * Legacy's rule, "the first direct path wins" (selection-algorithm.md, legacy; decision 148): the
 * networks are tried in preference order and the first with a direct path between the two nodes
 * connects. On generated topologies, every pair's paths are thinned at random (as a failure removes
 * paths) and the legacy choice is checked against that rule spelled out network by network.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathCandidate, Topology } from '../../src/engine';
import { legacyChoice, nodeCheck, prepare, rankedPaths, rankPaths } from '../../src/engine/model/select';
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

/** Each checked pair's ranked paths, thinned by `keep`, with the rule's answer for them. */
function eachPair(t: Topology, rnd: () => number, fn: (kept: PathCandidate[], expected: PathCandidate | null) => void): void {
  const p = prepare(t);
  for (const s of t.nodes)
    for (const d of t.nodes) {
      if (nodeCheck(t, s.id, d.id) !== null) continue;
      const all = rankedPaths(p, s.id, d.id, null);
      const kept = all.filter(() => rnd() < 0.7);
      fn(kept, byNetworks(t, kept));
    }
}

describe('legacy: the first direct path wins', () => {
  it('among a pair\'s ranked paths, some removed, on generated topologies', () => {
    fc.assert(
      fc.property(topologyArb(), fc.integer(), (doc, seed) => {
        const t = load(doc);
        eachPair(t, random(seed), (kept, expected) => {
          expect(legacyChoice(kept)).toBe(expected);
        });
      }),
      { numRuns: 150 },
    );
  });
});

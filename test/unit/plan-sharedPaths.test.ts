/**
 * Every node in turn ranks each pair's paths once for both modes (issue 24: the report's
 * maintenance section and the drain worker ranked them twice), with the same plans as each drain alone.
 */
import { describe, expect, it, vi } from 'vitest';
import * as selection from '../../src/engine/plan/selection';
import { drainEveryNode, parseTopology, planDrain, type Topology } from '../../src/engine';
import { figuresOf } from '../../src/engine/plan/everyNode';
import { generateTwoSiteCluster, spreadVms } from '../generate';

vi.mock('../../src/engine/plan/selection', async (original) => {
  const actual = await original<typeof import('../../src/engine/plan/selection')>();
  return { ...actual, pairSelection: vi.fn(actual.pairSelection) };
});

function sixNodes(): Topology {
  const doc = generateTwoSiteCluster({ nodesPerSite: 3, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: 'six nodes' });
  doc.vms = spreadVms(doc.nodes!, 30);
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

describe('drainEveryNode', () => {
  it('asks for both modes of a pair through one cache of ranked paths, and gives the plans of each drain alone', () => {
    const t = sixNodes();
    const asked = vi.mocked(selection.pairSelection);
    asked.mockClear();
    const every = drainEveryNode(t);
    // 6 nodes, each drain asking for its own site's 2 other nodes, in both modes: 24 selections.
    expect(asked).toHaveBeenCalledTimes(24);
    // One cache per drained node, both modes asking through it: 12 pairs ranked once each.
    const caches = new Set(asked.mock.calls.map((c) => c[5]));
    expect(caches.size).toBe(6);
    for (const cache of caches) expect(cache instanceof Map && cache.size).toBe(2);
    for (const c of asked.mock.calls) expect(asked.mock.calls.filter((o) => o[1] === c[1] && o[2] === c[2] && o[5] === c[5]).map((o) => o[3]).sort()).toEqual(['legacy', 'ws2025']);
    for (const row of every.rows) {
      expect(row.ws2025).toEqual(figuresOf(planDrain(t, row.nodeId, { mode: 'ws2025' })));
      expect(row.legacy).toEqual(figuresOf(planDrain(t, row.nodeId, { mode: 'legacy' })));
    }
  });
});

describe('pairSelection with a cache', () => {
  it('ranks a pair once for both modes and selects as without it', async () => {
    const { pairSelection } = await vi.importActual<typeof import('../../src/engine/plan/selection')>('../../src/engine/plan/selection');
    const t = sixNodes();
    const [a, b] = t.document.nodes!.map((n) => n.id);
    const cache: selection.PathCache = new Map();
    for (const mode of ['ws2025', 'legacy'] as const) expect(pairSelection(t, a!, b!, mode, 20, cache)).toEqual(pairSelection(t, a!, b!, mode, 20));
    expect(cache.size).toBe(1);
  });
});

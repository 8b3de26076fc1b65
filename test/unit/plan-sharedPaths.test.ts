/**
 * Every node in turn ranks each pair's paths once for both modes (issue 24: the report's
 * maintenance section and the drain worker ranked them twice), with the same plans as each drain alone.
 */
import { describe, expect, it, vi } from 'vitest';
import * as select from '../../src/engine/model/select';
import { drainEveryNode, parseTopology, planDrain } from '../../src/engine';
import { figuresOf } from '../../src/engine/plan/everyNode';
import { generateTwoSiteCluster, spreadVms } from '../generate';

vi.mock('../../src/engine/model/select', async (original) => {
  const actual = await original<typeof import('../../src/engine/model/select')>();
  return { ...actual, rankedPaths: vi.fn(actual.rankedPaths) };
});

describe('drainEveryNode', () => {
  it('ranks the paths of a pair once for both modes, and gives the plans of each drain alone', () => {
    const doc = generateTwoSiteCluster({ nodesPerSite: 3, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: 'six nodes' });
    doc.vms = spreadVms(doc.nodes!, 30);
    const r = parseTopology(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const t = r.topology;
    const ranked = vi.mocked(select.rankedPaths);
    ranked.mockClear();
    const every = drainEveryNode(t);
    // 6 nodes, each drain asking for its own site's 2 other nodes: 12 pairs, ranked once each.
    expect(ranked).toHaveBeenCalledTimes(12);
    for (const row of every.rows) {
      expect(row.ws2025).toEqual(figuresOf(planDrain(t, row.nodeId, { mode: 'ws2025' })));
      expect(row.legacy).toEqual(figuresOf(planDrain(t, row.nodeId, { mode: 'legacy' })));
    }
  });
});

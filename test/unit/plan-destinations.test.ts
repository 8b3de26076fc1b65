/** The balanced rule's candidates (plan/destinations.ts): asked of the source's own site first. */
import { describe, expect, it } from 'vitest';
import { drainEveryNode, parseTopology, planDrain, type Topology } from '../../src/engine';
import { balancedCandidates } from '../../src/engine/plan/destinations';
import { generateTwoSiteCluster, spreadVms } from '../generate';

function twoSites(): Topology {
  const doc = generateTwoSiteCluster({ nodesPerSite: 4, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: 'two sites' });
  doc.vms = spreadVms(doc.nodes!, 40);
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

describe('balancedCandidates', () => {
  it("asks for a path only to the source's own site when one of its nodes is reachable (every node was asked before)", () => {
    const t = twoSites();
    const source = t.nodes[0]!;
    const asked: string[] = [];
    const got = balancedCandidates(t, source.id, (d) => (asked.push(d), true));
    const sameSite = t.nodes.filter((n) => n.id !== source.id && n.site === source.site).map((n) => n.id).sort();
    expect(got).toEqual(sameSite);
    expect([...asked].sort()).toEqual(sameSite);
  });

  it('falls back to every reachable node when none of its own site is', () => {
    const t = twoSites();
    const source = t.nodes[0]!;
    const other = t.nodes.filter((n) => n.site !== source.site).map((n) => n.id).sort();
    expect(balancedCandidates(t, source.id, (d) => other.includes(d))).toEqual(other);
  });

  it('every node in turn gives the drains planDrain gives one by one', () => {
    const t = twoSites();
    const every = drainEveryNode(t);
    every.rows.forEach((row) => {
      const plan = planDrain(t, row.nodeId, { mode: 'ws2025' });
      expect(row.ws2025.totalSeconds).toBe(plan.totalSeconds);
      expect(plan.migrations.every((m) => m.destinationNodeId === null || t.index.nodes.get(m.destinationNodeId)!.site === t.index.nodes.get(row.nodeId)!.site)).toBe(true);
    });
  });
});

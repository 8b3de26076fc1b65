/**
 * Missing return routes are flagged only where they matter (src/engine/analysis/returnRoutes.ts,
 * issue 27): not for a management NIC's default gateway towards a node the pair reaches directly
 * anyway; and a fix never takes a path away, nor is offered to a pair with a direct path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAllPairs, parseTopology, runChecks, type Diagnostic, type Topology, type TopologyDocument } from '../../src/engine';
import { hasDirectPath } from '../../src/engine/analysis/returnRoutes';
import { applyEdit, fixFor } from '../../src/engine/edit';
import { readFixture } from './helpers';

type Nic = NonNullable<TopologyDocument['nics']>[number];
const twoSite = (): TopologyDocument => structuredClone(readFixture('two-site-routed.json')) as TopologyDocument;
/** The two-site example as someone builds it by hand: the management networks are not excluded. */
const handMade = (): TopologyDocument => ({ ...twoSite(), liveMigration: { networkOrder: ['lm-a', 'lm-b'], excludedNetworks: [] } });
const withNic = (doc: TopologyDocument, id: string, change: Partial<Nic>): TopologyDocument => ({ ...doc, nics: doc.nics!.map((n) => (n.id === id ? { ...n, ...change } : n)) });

function parsed(doc: TopologyDocument): { t: Topology; findings: Diagnostic[] } {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { t: r.topology, findings: [...r.diagnostics, ...runChecks(r.topology)] };
}
const returnFindings = (doc: TopologyDocument): Diagnostic[] => parsed(doc).findings.filter((d) => d.code === 'asymmetric-route');

describe('missing return routes: only where they matter', () => {
  it('a hand-made two-site design with management gateways gets no return-route finding and no fix', () => {
    // Each management NIC reaches the other nodes' live migration NICs through its default
    // gateway, and those NICs have no route back to the management subnet: literally true, but
    // every such pair has a direct path (same site) or its own routed LM path (across sites).
    const { t, findings } = parsed(handMade());
    expect(findings.filter((d) => d.code === 'asymmetric-route')).toEqual([]);
    expect(findings.map((d) => fixFor(t, d)).filter((f) => f !== null)).toEqual([]);
  });

  it('a pair with no path without it: flagged, says why, and fixed', () => {
    const doc = withNic(twoSite(), 'n3-lm', { routes: [] });
    const [d, ...rest] = returnFindings(doc);
    expect(rest).toEqual([]);
    expect(d!.elementIds).toEqual(['n3-lm', 'lm-a', 'n1', 'n2']);
    expect(d!.message).toContain('without it HV01 → HV03 and HV02 → HV03 have no path at all. Add the return route.');
    expect(fixFor(parsed(doc).t, d!)?.edit).toEqual({ type: 'add-route', nic: 'n3-lm', route: { prefix: '10.1.10.0/24', via: '10.2.10.1' } });
  });

  it('a deliberate route towards a node reached directly anyway: flagged with the reason, no fix', () => {
    // HV01's management NIC gets a specific route to Site A's LM subnet, HV02's LM NIC none back.
    const doc = withNic(handMade(), 'n1-mgmt', { routes: [{ prefix: '0.0.0.0/0', via: '10.1.0.1' }, { prefix: '10.1.10.0/24', via: '10.1.0.1' }] });
    const found = returnFindings(doc).filter((d) => d.elementIds[0] === 'n2-lm');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("the route to 10.1.10.0/24 on HV01 'Management' is a deliberate one (not a default gateway)");
    expect(found[0]!.message).toContain('HV01 already has a direct path to HV02, so no migration needs this one');
    expect(fixFor(parsed(doc).t, found[0]!)).toBeNull();
  });

  it('a pair left with a worse path: flagged as such, and fixed', () => {
    // The management networks are enabled, so without HV03's LM route HV01 → HV03 falls back to
    // 'Management A' → 'Management B', later in the order than 'Live Migration A'.
    const doc = withNic(handMade(), 'n3-lm', { routes: [] });
    const [d, ...rest] = returnFindings(doc);
    expect(rest).toEqual([]);
    expect(d!.elementIds).toEqual(['n3-lm', 'lm-a', 'n1', 'n2']);
    expect(d!.message).toContain('HV01 → HV03 and HV02 → HV03 migrate on a path later in the live migration order instead. Add the return route.');
    expect(fixFor(parsed(doc).t, d!)?.label).toBe("Add the return route to 10.1.10.0/24 via 10.2.10.1 on HV03 'Live Migration'");
  });
});

/** Every pair's outcome, as "has a path" per mode. */
function reachable(t: Topology): boolean[] {
  const r = analyzeAllPairs(t);
  return Array.from(r.compact.failure, (f) => f === 0);
}

const ROUTE_CHOICES: Record<string, (nic: Nic) => Nic['routes']> = {
  none: () => [],
  gateway: (n) => [{ prefix: '0.0.0.0/0', via: n.addresses![0]!.replace(/\.\d+\/24$/, '.1') }],
  given: (n) => n.routes,
  both: (n) => [...(n.routes ?? []), { prefix: '0.0.0.0/0', via: n.addresses![0]!.replace(/\.\d+\/24$/, '.1') }],
};

describe('properties of the return-route findings and their fixes', () => {
  const NETWORKS = ['mgmt-a', 'mgmt-b', 'lm-a', 'lm-b'];
  const designs = fc.record({
    routes: fc.array(fc.constantFrom(...Object.keys(ROUTE_CHOICES)), { minLength: 8, maxLength: 8 }),
    excluded: fc.subarray(NETWORKS),
    order: fc.shuffledSubarray(NETWORKS),
  });
  const build = ({ routes, excluded, order }: { routes: string[]; excluded: string[]; order: string[] }): TopologyDocument => {
    const doc = twoSite();
    return { ...doc, nics: doc.nics!.map((n, i) => ({ ...n, routes: ROUTE_CHOICES[routes[i]!]!(n) })), liveMigration: { networkOrder: order.filter((x) => !excluded.includes(x)), excludedNetworks: excluded } };
  };

  it('a fix never makes a pair that had a path lose it, and none is offered to a pair with a direct path', () => {
    fc.assert(
      fc.property(designs, (design) => {
        const doc = build(design);
        const { t, findings } = parsed(doc);
        const before = reachable(t);
        for (const d of findings) {
          const fix = fixFor(t, d);
          if (!fix) continue;
          if (d.code === 'asymmetric-route') {
            const receiver = t.index.nics.get(d.elementIds[0]!)!.node;
            for (const sender of d.elementIds.slice(2)) expect(hasDirectPath(t, sender, receiver)).toBe(false);
          }
          const r = applyEdit(doc, fix.edit);
          expect(r.ok).toBe(true);
          if (!r.ok) continue;
          const after = reachable(parsed(r.document).t);
          before.forEach((had, k) => {
            if (had) expect(after[k]).toBe(true);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('no return-route finding names a sender whose pair has a direct path, unless its route is deliberate', () => {
    fc.assert(
      fc.property(designs, (design) => {
        const doc = build(design);
        const { t } = parsed(doc);
        for (const d of returnFindings(doc)) {
          const receiver = t.index.nics.get(d.elementIds[0]!)!.node;
          const direct = d.elementIds.slice(2).filter((n) => hasDirectPath(t, n, receiver));
          if (direct.length > 0) expect(d.message).toMatch(/is a deliberate one \(not a default gateway\)/);
        }
      }),
      { numRuns: 150 },
    );
  });
});

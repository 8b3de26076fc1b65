/** "No live migration path" says, in the finding itself, what would give the pair one (issue 27). */
import { describe, expect, it } from 'vitest';
import { parseTopology, type Diagnostic, type TopologyDocument } from '../../src/engine';
import { readFixture } from './helpers';

const twoSite = (): TopologyDocument => structuredClone(readFixture('two-site-routed.json')) as TopologyDocument;
function noPath(doc: TopologyDocument, a: string, b: string): Diagnostic {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.diagnostics.find((d) => d.code === 'pair-without-path' && d.elementIds.join() === `${a},${b}`)!;
}

describe('what would give a pair without a path one', () => {
  it('static routes between the networks each node can use, or a network both reach', () => {
    const doc = twoSite();
    doc.nics = doc.nics!.map((n) => (n.id === 'n3-lm' ? { ...n, routes: [] } : n));
    expect(noPath(doc, 'n1', 'n3').message).toBe(
      "No live migration path from HV01 to HV03: no network enabled for live migration connects them, directly or through routers. To give them one: add static routes through a router from 'Live Migration A' to 'Live Migration B' and back (Windows Server 2025 only), or connect both to a network enabled for live migration (a NIC of each on one subnet).",
    );
  });

  it('a network both nodes share that is excluded: enable it', () => {
    const doc = twoSite();
    doc.networks = [...doc.networks!, { id: 'stretch', name: 'Stretched', prefixes: ['10.9.0.0/24'] }];
    doc.nics = [...doc.nics!.map((n) => (n.id === 'n3-lm' ? { ...n, routes: [] } : n)), { id: 'n1-s', node: 'n1', name: 'S', addresses: ['10.9.0.11/24'] }, { id: 'n3-s', node: 'n3', name: 'S', addresses: ['10.9.0.13/24'] }];
    doc.liveMigration = { networkOrder: ['lm-a', 'lm-b'], excludedNetworks: ['mgmt-a', 'mgmt-b', 'stretch'] };
    expect(noPath(doc, 'n1', 'n3').message).toContain("To give them one: enable 'Stretched' for live migration (both have a NIC on it), add static routes through a router");
  });

  it('no router and no shared network: a network both reach', () => {
    const doc = { ...twoSite(), routers: [] };
    expect(noPath(doc, 'n1', 'n3').message).toMatch(/To give them one: connect both to a network enabled for live migration \(a NIC of each on one subnet\)\.$/);
  });
});

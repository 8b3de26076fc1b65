/**
 * The network medium (format 1.1 `networks[].medium`) in the diagram: drawn as a switch bar or a
 * switchless cable from the medium, derived when absent; set and cleared by an edit; the
 * inventory import leaves it derived.
 */
import { describe, expect, it } from 'vitest';
import { parseClusterInventory, parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { applyEdit } from '../../src/engine/edit';
import { buildDiagram } from '../../src/canvas/elements';
import { EXAMPLES } from '../../src/examples';
import { readFixture } from './helpers';
import { generateSwitchlessMesh, generateTwoSiteCluster } from '../generate';

const topologyOf = (doc: TopologyDocument): Topology => {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.topology;
};
const drawnAs = (doc: TopologyDocument, id: string): string[] => buildDiagram(topologyOf(doc)).byId.get(id)!.classes;
const threeNode = (): TopologyDocument => structuredClone(EXAMPLES.find((e) => e.id === 'switchless-3-node')!.document);
const withMedium = (doc: TopologyDocument, id: string, medium: 'switch' | 'cable'): TopologyDocument => ({
  ...doc,
  networks: doc.networks!.map((n) => (n.id === id ? { ...n, medium } : n)),
});

describe('network medium in the diagram', () => {
  const doc = threeNode();
  const direct = doc.networks!.find((n) => n.name === 'Direct 1-2')!.id;
  const mgmt = doc.networks!.find((n) => n.name === 'Management')!.id;

  it.each([
    // Derived: two NICs of two nodes, no router → cable; three NICs and a router → switch.
    ['Direct 1-2, derived', doc, direct, 'cable'],
    ['Management, derived', doc, mgmt, 'bus'],
    // Set in the file, whatever the NICs say.
    ['Direct 1-2 set to switch', withMedium(doc, direct, 'switch'), direct, 'bus'],
    ['Management set to cable', withMedium(doc, mgmt, 'cable'), mgmt, 'cable'],
  ] as const)('%s is drawn as a %s', (_name, d, id, kind) => {
    const classes = drawnAs(d, id);
    expect(classes).toContain(kind);
    expect(classes).not.toContain(kind === 'cable' ? 'bus' : 'cable');
    const label = buildDiagram(topologyOf(d)).byId.get(id)!.lines[1]!;
    expect(label.includes('switchless cable')).toBe(kind === 'cable');
  });

  // Issue 27: "every 2-NIC subnet is a cable" called a two-site design's site-local storage cables.
  const twoSite = generateTwoSiteCluster({ nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 2, routersPerSite: 1 });
  const mesh4 = EXAMPLES.find((e) => e.id === 'switchless-4-node-mesh')!.document;
  it.each([
    // Two nodes per site, their storage networks joining the site's pair only, no router: switched.
    ['a two-site design, Storage A1 (HV-A01 and HV-A02 only)', 'bus', twoSite, 'st-a1'],
    ['a two-site design, Storage B2', 'bus', twoSite, 'st-b2'],
    // A real 2-node switchless cluster: two nodes in all, cabled back to back.
    ['a 2-node switchless cluster, Direct 1-2', 'cable', generateSwitchlessMesh(2), 'link-12'],
    // A mesh: every node cabled to two peers or more.
    ['the 3-node switchless example, Direct 1-2', 'cable', doc, direct],
    ['the 4-node mesh, its first direct link', 'cable', mesh4, mesh4.networks!.find((n) => !(mesh4.liveMigration?.excludedNetworks ?? []).includes(n.id) && n.id !== 'mgmt')!.id],
  ] as const)('derived: %s is drawn as a %s', (_name, kind, d, id) => {
    expect(drawnAs(d, id)).toContain(kind);
  });

  it('is set and cleared by an edit; the file says only what the user chose', () => {
    const set = applyEdit(doc, { type: 'update-network', id: direct, patch: { medium: 'switch' } });
    if (!set.ok) throw new Error(set.errors[0]!.message);
    expect(set.document.networks!.find((n) => n.id === direct)!.medium).toBe('switch');
    expect(drawnAs(set.document, direct)).toContain('bus');
    const cleared = applyEdit(set.document, { type: 'update-network', id: direct, patch: { medium: null } });
    if (!cleared.ok) throw new Error(cleared.errors[0]!.message);
    expect('medium' in cleared.document.networks!.find((n) => n.id === direct)!).toBe(false);
    expect(drawnAs(cleared.document, direct)).toContain('cable');
  });

  it('stays derived in an imported inventory', () => {
    const r = parseClusterInventory(JSON.stringify(readFixture('inventory/switchless-3-node.json')));
    if (!r.ok) throw new Error('import failed');
    for (const n of r.topology.document.networks ?? []) expect(n.medium).toBeUndefined();
    const t = r.topology;
    expect(t.networks.every((n) => n.mediumDerived)).toBe(true);
    expect(t.networks.some((n) => n.medium === 'cable')).toBe(true);
  });
});

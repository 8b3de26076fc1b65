import { describe, expect, it } from 'vitest';
import { parseTopology, runChecks, selectMigrationPath, streamsOf, type Diagnostic, type TopologyDocument } from '../../src/engine';
import { fixFor } from '../../src/engine/edit';
import { must, nic, topologyOf } from './edit-support';
import { readFixture } from './helpers';
import { generateTwoSiteCluster } from '../generate';

const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;
const withNic = (doc: TopologyDocument, id: string, change: Partial<NonNullable<TopologyDocument['nics']>[number]>): TopologyDocument => ({
  ...doc, nics: doc.nics!.map((n) => (n.id === id ? { ...n, ...change } : n)),
});
function diagnosticsOf(doc: TopologyDocument): Diagnostic[] {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return [...r.diagnostics, ...runChecks(r.topology)];
}

describe('one-click fixes', () => {
  it('adds the missing return route when replies cannot come back', () => {
    const doc = withNic(withNic(twoSite(), 'n3-lm', { routes: [] }), 'n4-lm', { routes: [] });
    const t = topologyOf(doc);
    expect(selectMigrationPath(t, 'n1', 'n3').chosen).toBeNull();
    const d = diagnosticsOf(doc).find((x) => x.code === 'pair-without-path' && x.elementIds.join() === 'n1,n3')!;
    const fix = fixFor(t, d)!;
    expect(fix.label).toBe("Add the return route to 10.1.10.0/24 via 10.2.10.1 on HV03 'Live Migration'");
    const fixed = must(doc, fix.edit).document;
    expect(nic(fixed, 'n3-lm').routes).toEqual([{ prefix: '10.1.10.0/24', via: '10.2.10.1' }]);
    expect(selectMigrationPath(topologyOf(fixed), 'n1', 'n3').chosen).toMatchObject({ kind: 'routed', routerIds: ['ra', 'rb'] });
  });

  it('offers the return route for a checks.ts asymmetric-route finding', () => {
    const doc = withNic(twoSite(), 'n3-lm', { routes: [] });
    const t = topologyOf(doc);
    const d = diagnosticsOf(doc).find((x) => x.code === 'asymmetric-route')!;
    expect(d.elementIds).toEqual(['n3-lm', 'lm-a', 'n1', 'n2']);
    const fix = fixFor(t, d)!;
    expect(fix.edit).toEqual({ type: 'add-route', nic: 'n3-lm', route: { prefix: '10.1.10.0/24', via: '10.2.10.1' } });
    expect(diagnosticsOf(must(doc, fix.edit).document).filter((x) => x.code === 'asymmetric-route')).toEqual([]);
  });

  it('adds both routes when neither side has one and only one network pair can carry it', () => {
    const doc = withNic(withNic(twoSite(), 'n1-lm', { routes: [] }), 'n3-lm', { routes: [] });
    const t = topologyOf(doc);
    const fix = fixFor(t, { code: 'pair-without-path', path: '', elementIds: ['n1', 'n3'], message: '' })!;
    expect(fix.label).toBe("Add a route to 10.2.10.0/24 via 10.1.10.1 on HV01 'Live Migration' and the return route to 10.1.10.0/24 via 10.2.10.1 on HV03 'Live Migration'");
    expect(selectMigrationPath(topologyOf(must(doc, fix.edit).document), 'n1', 'n3').chosen?.kind).toBe('routed');
  });

  it('offers nothing when the gateway is ambiguous or no route can help', () => {
    // A second router on the destination's LM subnet: which gateway?
    const twoGateways = { ...withNic(twoSite(), 'n3-lm', { routes: [] }), routers: [...twoSite().routers!, { id: 'rc', name: 'Router C', interfaces: ['10.2.10.2/24'] }] };
    expect(fixFor(topologyOf(twoGateways), { code: 'pair-without-path', path: '', elementIds: ['n1', 'n3'], message: '' })).toBeNull();
    // No router links the sites: routes cannot help.
    const cut = { ...withNic(twoSite(), 'n3-lm', { routes: [] }), routers: twoSite().routers!.map((r) => ({ ...r, interfaces: r.interfaces.filter((i) => !i.startsWith('172.16')) })) };
    expect(fixFor(topologyOf(cut), { code: 'pair-without-path', path: '', elementIds: ['n1', 'n3'], message: '' })).toBeNull();
  });

  it('takes an excluded network out of the live migration order, and forgets stale positions', () => {
    const doc = { ...twoSite(), liveMigration: { networkOrder: ['mgmt-a', 'lm-a', 'lm-b'], excludedNetworks: ['mgmt-a', 'mgmt-b'] }, layout: { ghost: { x: 0, y: 0 } } };
    const t = topologyOf(doc);
    const ds = diagnosticsOf(doc);
    const order = fixFor(t, ds.find((d) => d.code === 'ineligible-network-in-order')!)!;
    expect(order.label).toBe("Remove 'Management A' from the live migration order");
    expect(must(doc, order.edit).document.liveMigration!.networkOrder).toEqual(['lm-a', 'lm-b']);
    const stale = fixFor(t, ds.find((d) => d.code === 'unknown-layout-id')!)!;
    expect(must(doc, stale.edit).document.layout).toEqual({});
    expect(fixFor(t, { code: 'network-without-nic', path: '', elementIds: ['x'], message: '' })).toBeNull();
  });

  it('puts a direct network ahead of a routed one that is preferred over it', () => {
    // A stretched network between HV01 and HV03, after the routed LM networks in the order.
    const base = twoSite();
    const doc: TopologyDocument = {
      ...base,
      nics: [...base.nics!, { id: 'n1-st', node: 'n1', name: 'Stretch', addresses: ['10.9.0.11/24'] }, { id: 'n3-st', node: 'n3', name: 'Stretch', addresses: ['10.9.0.13/24'] }],
      networks: [...base.networks!, { id: 'st', name: 'Stretch', prefixes: ['10.9.0.0/24'] }],
    };
    const t = topologyOf(doc);
    expect(selectMigrationPath(t, 'n1', 'n3').chosen?.kind).toBe('routed');
    const d = diagnosticsOf(doc).find((x) => x.code === 'routed-preferred-over-direct')!;
    const fix = fixFor(t, d)!;
    expect(fix.label).toBe("Put 'Stretch' ahead of 'Live Migration A' in the live migration order");
    expect(selectMigrationPath(topologyOf(must(doc, fix.edit).document), 'n1', 'n3').chosen).toMatchObject({ kind: 'direct', sourceNetworkId: 'st' });
  });

  it('constrains SMB Multichannel to the live migration networks (1.2): the streams move onto them', () => {
    const doc = readFixture('smb-multichannel.json') as TopologyDocument;
    const t = topologyOf(doc);
    const d = runChecks(t).find((x) => x.code === 'smb-on-excluded-networks')!;
    const fix = fixFor(t, d)!;
    expect(fix.label).toBe("Constrain SMB Multichannel to the live migration network ('Live migration')");
    const after = must(doc, fix.edit).document;
    expect(after.liveMigration!.smbMultichannelNetworks).toEqual(['lm']);
    const fixed = topologyOf(after);
    expect(streamsOf(fixed, selectMigrationPath(fixed, 'n1', 'n2')).map((s) => s.networkId)).toEqual(['lm']);
    expect(runChecks(fixed).filter((x) => x.code === 'smb-on-excluded-networks')).toEqual([]);
  });

  it('every route fix offered on a larger cluster really gives its pair a path (checked by the selection)', () => {
    const doc = generateTwoSiteCluster({ nodesPerSite: 4, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 });
    const broken = { ...doc, nics: doc.nics!.map((n) => (n.node.startsWith('b') ? { ...n, routes: [] } : n)) };
    const t = topologyOf(broken);
    const pairs = diagnosticsOf(broken).filter((d) => d.code === 'pair-without-path');
    const fixed = pairs.map((d) => ({ d, fix: fixFor(t, d) })).filter((x) => x.fix !== null);
    expect(fixed.length).toBeGreaterThan(0);
    for (const { d, fix } of fixed) {
      const [a, b] = d.elementIds as [string, string];
      expect(selectMigrationPath(topologyOf(must(broken, fix!.edit).document), a, b).chosen, fix!.label).not.toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { applyEdit } from '../../src/engine/edit';
import { chain, must, network, nic, router, topologyOf } from './edit-support';
import { readFixture } from './helpers';

const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;

describe('property updates', () => {
  it('renames and changes states, keeping other elements identical', () => {
    const doc = twoSite();
    const { doc: d } = chain(
      doc,
      { type: 'update-site', id: 'site-a', patch: { name: ' Seattle ' } },
      { type: 'update-node', id: 'n2', patch: { name: 'HV02-new', state: 'paused' } },
      { type: 'update-router', id: 'rb', patch: { state: 'down' } },
      { type: 'update-topology', patch: { name: 'Renamed', description: 'About it' } },
    );
    expect(d.sites![0]).toEqual({ id: 'site-a', name: 'Seattle' });
    expect(d.nodes![1]).toEqual({ id: 'n2', name: 'HV02-new', site: 'site-a', state: 'paused' });
    expect(router(d, 'rb').state).toBe('down');
    expect(d.name).toBe('Renamed');
    expect(d.description).toBe('About it');
    expect(d.nodes![0]).toBe(doc.nodes![0]);
    expect(d.nics).toBe(doc.nics);
  });

  it('writes defaults only where a value was already written; null clears', () => {
    const doc = twoSite();
    const r = must(doc, { type: 'update-nic', id: 'n1-lm', patch: { rdma: false, state: 'up', speedGbps: null } });
    expect(nic(r.document, 'n1-lm')).toEqual({ id: 'n1-lm', node: 'n1', name: 'Live Migration', addresses: ['10.1.10.11/24'], routes: [{ prefix: '10.2.10.0/24', via: '10.1.10.1' }] });
    const on = must(r.document, { type: 'update-nic', id: 'n1-lm', patch: { rdma: true, speedGbps: 100, state: 'down' } }).document;
    expect(nic(on, 'n1-lm')).toMatchObject({ rdma: true, speedGbps: 100, state: 'down' });
    const off = must(on, { type: 'update-nic', id: 'n1-lm', patch: { rdma: false, state: 'up' } }).document;
    expect(nic(off, 'n1-lm')).toMatchObject({ rdma: false, state: 'up' });
    const net = must(doc, { type: 'update-network', id: 'lm-a', patch: { role: 'clusterAndClient', metric: 900 } }).document;
    expect(network(net, 'lm-a')).toEqual({ id: 'lm-a', name: 'Live Migration A', prefixes: ['10.1.10.0/24'], role: 'clusterAndClient', metric: 900 });
    expect(network(must(net, { type: 'update-network', id: 'lm-a', patch: { role: null, metric: null } }).document, 'lm-a')).toEqual(network(doc, 'lm-a'));
    // Nothing changed: the same document.
    expect(must(doc, { type: 'update-node', id: 'n1', patch: { name: 'HV01', state: 'up' } }).document).toBe(doc);
  });

  it('refuses invalid values with the engine message and path, applying nothing', () => {
    const doc = twoSite();
    const cases = [
      [{ type: 'update-nic', id: 'n1-lm', patch: { addresses: ['10.1.10.300/24'] } }, 'nics[1].addresses[0]', 'is not an address with a prefix length'],
      [{ type: 'update-nic', id: 'n1-lm', patch: { addresses: ['10.1.10.12/24'] } }, 'nics[3].addresses[0]', 'already used at nics[1].addresses[0]'],
      [{ type: 'update-nic', id: 'n1-lm', patch: { addresses: ['10.9.9.9/24'] } }, 'nics[1].routes[0].via', "not on the NIC's own subnet"],
      [{ type: 'update-nic', id: 'n1-lm', patch: { speedGbps: 0 } }, 'nics[1].speedGbps', 'must be from 0.001 to 100,000, not 0.'],
      [{ type: 'update-network', id: 'lm-a', patch: { metric: -1 } }, 'networks[2].metric', 'must be from 0 to 4,294,967,295, not -1.'],
      [{ type: 'update-network', id: 'lm-a', patch: { prefixes: ['10.2.10.0/24'] } }, 'networks[3].prefixes[0]', 'both claim'],
      [{ type: 'update-router', id: 'ra', patch: { interfaces: ['10.1.0.11/24'] } }, 'routers[0].interfaces[0]', 'already used'],
      [{ type: 'update-node', id: 'n1', patch: { name: '' } }, 'nodes[0].name', 'cannot be empty'],
      [{ type: 'update-node', id: 'zz', patch: { name: 'x' } }, '', 'no node'],
    ] as const;
    for (const [edit, path, text] of cases) {
      const r = applyEdit(doc, edit);
      expect(r.ok, JSON.stringify(edit)).toBe(false);
      if (r.ok) continue;
      expect(r.errors.map((e) => e.path), JSON.stringify(edit)).toContain(path);
      expect(r.errors.map((e) => e.message).join(' ')).toContain(text);
    }
  });

  it('a new network prefix renumbers its NICs, gateways and routes, keeping host parts', () => {
    const r = must(twoSite(), { type: 'update-network', id: 'lm-a', patch: { prefixes: ['10.50.0.0/16'] } });
    const d = r.document;
    expect(network(d, 'lm-a').prefixes).toEqual(['10.50.0.0/16']);
    expect(nic(d, 'n1-lm')).toMatchObject({ addresses: ['10.50.0.11/16'], routes: [{ prefix: '10.2.10.0/24', via: '10.50.0.1' }] });
    expect(nic(d, 'n2-lm').addresses).toEqual(['10.50.0.12/16']);
    expect(router(d, 'ra').interfaces).toEqual(['10.1.0.1/24', '10.50.0.1/16', '172.16.0.1/30']);
    expect(nic(d, 'n3-lm').routes).toEqual([{ prefix: '10.50.0.0/16', via: '10.2.10.1' }]);
    expect(r.messages).toEqual(['Renumbered 3 addresses: 10.1.10.0/24 → 10.50.0.0/16.']);
    // The routed path still works.
    const t = topologyOf(d);
    expect(t.networks.find((n) => n.id === 'lm-a')!.implicit).toBe(false);
    expect(t.networks.some((n) => n.implicit)).toBe(false);
  });

  it('renumbers IPv6 and refuses a prefix too small for the hosts', () => {
    const doc: TopologyDocument = {
      format: 'lm-topology', version: 1,
      nodes: [{ id: 'a', name: 'A' }],
      nics: [{ id: 'a1', node: 'a', name: 'x', addresses: ['fd00:1::11/64', '10.0.0.200/24'] }],
      networks: [{ id: 'v6', name: 'v6', prefixes: ['fd00:1::/64', '10.0.0.0/24'] }],
    };
    const d = must(doc, { type: 'update-network', id: 'v6', patch: { prefixes: ['fd00:beef::/64', '10.0.0.0/24'] } }).document;
    expect(nic(d, 'a1').addresses).toEqual(['fd00:beef::11/64', '10.0.0.200/24']);
    expect(applyEdit(doc, { type: 'update-network', id: 'v6', patch: { prefixes: ['fd00:1::/64', '10.9.9.0/25'] } })).toMatchObject({
      ok: false, errors: [{ path: 'networks[0].prefixes', message: expect.stringContaining('10.0.0.200 has no place in 10.9.9.0/25') }],
    });
  });

  it('editing a network the parser created declares the created networks, keeping ids, names and the live migration order', () => {
    const doc: TopologyDocument = {
      format: 'lm-topology', version: 1,
      nodes: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
      nics: [
        { id: 'a1', node: 'a', name: 'x', addresses: ['10.7.0.1/24'] }, { id: 'b1', node: 'b', name: 'x', addresses: ['10.7.0.2/24'] },
        { id: 'a2', node: 'a', name: 'y', addresses: ['10.8.0.1/24'] }, { id: 'b2', node: 'b', name: 'y', addresses: ['10.8.0.2/24'] },
      ],
    };
    const before = topologyOf(doc);
    const r = must(doc, { type: 'update-network', id: 'net-10-8-0-0-24', patch: { name: 'Storage' } });
    expect(r.document.networks).toEqual([
      { id: 'net-10-7-0-0-24', name: 'Cluster Network 1', prefixes: ['10.7.0.0/24'] },
      { id: 'net-10-8-0-0-24', name: 'Storage', prefixes: ['10.8.0.0/24'] },
    ]);
    expect(topologyOf(r.document).preferenceOrder).toEqual(before.preferenceOrder);
    expect(r.messages[0]).toContain("'Cluster Network 1', 'Cluster Network 2'");
  });

  it('adds and removes static routes; refuses a second route to the same destination', () => {
    const doc = twoSite();
    const added = must(doc, { type: 'add-route', nic: 'n1-mgmt', route: { prefix: ' 10.2.0.7/24 ', via: '10.1.0.1' } }).document;
    expect(nic(added, 'n1-mgmt').routes).toEqual([{ prefix: '0.0.0.0/0', via: '10.1.0.1' }, { prefix: '10.2.0.0/24', via: '10.1.0.1' }]);
    expect(applyEdit(added, { type: 'add-route', nic: 'n1-mgmt', route: { prefix: '10.2.0.0/24', via: '10.1.0.5' } })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('already has a route to 10.2.0.0/24') }] });
    expect(applyEdit(doc, { type: 'add-route', nic: 'n1-mgmt', route: { prefix: '10.2.0.0/24', via: '10.9.0.1' } })).toMatchObject({ ok: false, errors: [{ path: 'nics[0].routes[1].via' }] });
    const removed = must(added, { type: 'remove-route', nic: 'n1-mgmt', index: 0 }).document;
    expect(nic(removed, 'n1-mgmt').routes).toEqual([{ prefix: '10.2.0.0/24', via: '10.1.0.1' }]);
    expect(applyEdit(removed, { type: 'remove-route', nic: 'n1-mgmt', index: 5 }).ok).toBe(false);
  });

  it('sets the live migration order and exclusions, refusing unknown networks', () => {
    const doc = twoSite();
    const d = must(doc, { type: 'set-live-migration', networkOrder: ['lm-b', 'lm-a'], excludedNetworks: ['mgmt-a'] }).document;
    expect(d.liveMigration).toEqual({ networkOrder: ['lm-b', 'lm-a'], excludedNetworks: ['mgmt-a'] });
    expect(topologyOf(d).preferenceOrder.slice(0, 2)).toEqual(['lm-b', 'lm-a']);
    expect(must(doc, { type: 'set-live-migration', networkOrder: ['lm-a', 'lm-b'] }).document).toBe(doc);
    expect(applyEdit(doc, { type: 'set-live-migration', excludedNetworks: ['nope'] })).toMatchObject({ ok: false, errors: [{ path: 'liveMigration.excludedNetworks[0]' }] });
  });
});

import { describe, expect, it } from 'vitest';
import { selectMigrationPath, type TopologyDocument } from '../../src/engine';
import { applyEdit } from '../../src/engine/edit';
import { chain, empty, hostAddresses, must, network, nic, router, topologyOf } from './edit-support';
import { readFixture } from './helpers';

const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;

/** Two nodes (n1, n2) with a NIC each, one IPv4 network, one IPv6 network, two routers. */
function bench(): TopologyDocument {
  return chain(
    empty(),
    { type: 'add-node' },
    { type: 'add-node' },
    { type: 'add-nic', node: 'n1' },
    { type: 'add-nic', node: 'n2' },
    { type: 'add-network' },
    { type: 'add-network', family: 6 },
    { type: 'add-router' },
    { type: 'add-router' },
  ).doc;
}

describe('connect', () => {
  it('NIC → network gives the next free address from .11 (IPv4) and ::11 (IPv6)', () => {
    const { doc } = chain(bench(), { type: 'connect', from: 'n1-nic1', to: 'net1' }, { type: 'connect', from: 'net1', to: 'n2-nic1' });
    expect(nic(doc, 'n1-nic1').addresses).toEqual(['10.0.0.11/24']);
    expect(nic(doc, 'n2-nic1').addresses).toEqual(['10.0.0.12/24']);
    const v6 = chain(bench(), { type: 'connect', from: 'n1-nic1', to: 'net2' }, { type: 'connect', from: 'n2-nic1', to: 'net2' }).doc;
    expect(nic(v6, 'n1-nic1').addresses).toEqual(['fd00:1::11/64']);
    expect(nic(v6, 'n2-nic1').addresses).toEqual(['fd00:1::12/64']);
  });

  it('a dual-stack network gives one address per prefix; connecting again is refused', () => {
    const doc = must(bench(), { type: 'update-network', id: 'net1', patch: { prefixes: ['10.0.0.0/24', 'fd00:a::/64'] } }).document;
    const joined = must(doc, { type: 'connect', from: 'n1-nic1', to: 'net1' }).document;
    expect(nic(joined, 'n1-nic1').addresses).toEqual(['10.0.0.11/24', 'fd00:a::11/64']);
    expect(applyEdit(joined, { type: 'connect', from: 'n1-nic1', to: 'net1' })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('already on network') }] });
  });

  it('skips addresses already used by NICs or routers, whatever their prefix length', () => {
    const doc = twoSite(); // lm-a holds 10.1.10.1 (router), .11, .12
    const { doc: d } = chain(doc, { type: 'add-node', site: 'site-a' }, { type: 'connect', from: 'n5', to: 'lm-a' }, { type: 'add-node' }, { type: 'connect', from: 'n6', to: 'lm-a' });
    expect(nic(d, 'n5-nic1')).toMatchObject({ name: 'Live Migration A', addresses: ['10.1.10.13/24'] });
    expect(nic(d, 'n6-nic1').addresses).toEqual(['10.1.10.14/24']);
    const hosts = hostAddresses(d);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('node → network creates a NIC on the node in that network; a node keeps one NIC per network', () => {
    const r = must(bench(), { type: 'connect', from: 'n1', to: 'net1' });
    expect(r.created).toEqual(['n1-nic2']);
    expect(nic(r.document, 'n1-nic2')).toEqual({ id: 'n1-nic2', node: 'n1', name: 'Network 1', addresses: ['10.0.0.11/24'] });
    expect(r.document.layout).toBeUndefined(); // the diagram places the new NIC beside the others
    expect(applyEdit(r.document, { type: 'connect', from: 'n1', to: 'net1' })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('already has NIC') }] });
  });

  it('router → network takes the gateway .1, else the last host, and is refused twice', () => {
    const { doc } = chain(bench(), { type: 'connect', from: 'r1', to: 'net1' }, { type: 'connect', from: 'net1', to: 'r2' }, { type: 'connect', from: 'r1', to: 'net2' });
    expect(router(doc, 'r1').interfaces).toEqual(['10.0.0.1/24', 'fd00:1::1/64']);
    expect(router(doc, 'r2').interfaces).toEqual(['10.0.0.254/24']);
    expect(applyEdit(doc, { type: 'connect', from: 'r1', to: 'net1' }).ok).toBe(false);
  });

  it('router → router creates a /30 transit link from 172.16.0.0/16, or a /126 for IPv6-only routers', () => {
    const r = must(bench(), { type: 'connect', from: 'r1', to: 'r2' });
    expect(router(r.document, 'r1').interfaces).toEqual(['172.16.0.1/30']);
    expect(router(r.document, 'r2').interfaces).toEqual(['172.16.0.2/30']);
    expect(r.messages).toEqual(['Linked Router 1 and Router 2 through the transit subnet 172.16.0.0/30.']);
    expect(applyEdit(r.document, { type: 'connect', from: 'r2', to: 'r1' })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('already linked') }] });
    // The second link takes the next /30, skipping the fixture's 172.16.0.0/30.
    const t = must(must(twoSite(), { type: 'add-router' }).document, { type: 'connect', from: 'r1', to: 'ra' });
    expect(router(t.document, 'r1').interfaces).toEqual(['172.16.0.5/30']);
    expect(router(t.document, 'ra').interfaces.at(-1)).toBe('172.16.0.6/30');
    // Routers that already share a subnet (here an IPv6 network) are already linked.
    const v6 = chain(bench(), { type: 'connect', from: 'r1', to: 'net2' }, { type: 'connect', from: 'r2', to: 'net2' }).doc;
    expect(applyEdit(v6, { type: 'connect', from: 'r1', to: 'r2' })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('fd00:1::/64') }] });
  });

  it('router → router over IPv6 uses a /126 in fd00:ffff::/64', () => {
    const doc = chain(bench(), { type: 'add-network', family: 6 }, { type: 'connect', from: 'r1', to: 'net2' }, { type: 'connect', from: 'r2', to: 'net3' }).doc;
    const r = must(doc, { type: 'connect', from: 'r1', to: 'r2' });
    expect(router(r.document, 'r1').interfaces).toEqual(['fd00:1::1/64', 'fd00:ffff::1/126']);
    expect(router(r.document, 'r2').interfaces).toEqual(['fd00:2::1/64', 'fd00:ffff::2/126']);
  });

  it('NIC ↔ NIC on two nodes creates a direct cable: a new /24 network with host 1 and host 2', () => {
    const r = must(bench(), { type: 'connect', from: 'n1-nic1', to: 'n2-nic1' });
    expect(r.created).toEqual(['net3']);
    expect(network(r.document, 'net3')).toEqual({ id: 'net3', name: 'Direct HV01-HV02', prefixes: ['10.0.1.0/24'] });
    expect(nic(r.document, 'n1-nic1').addresses).toEqual(['10.0.1.1/24']);
    expect(nic(r.document, 'n2-nic1').addresses).toEqual(['10.0.1.2/24']);
    const t = topologyOf(r.document);
    expect(selectMigrationPath(t, 'n1', 'n2').chosen).toMatchObject({ kind: 'direct', sourceNetworkId: 'net3' });
    expect(applyEdit(must(bench(), { type: 'add-nic', node: 'n1' }).document, { type: 'connect', from: 'n1-nic1', to: 'n1-nic2' }).ok).toBe(false);
  });

  it('a cable between IPv6-only NICs is a /64; node ↔ node creates both NICs', () => {
    const v6 = chain(bench(), { type: 'connect', from: 'n1-nic1', to: 'net2' }, { type: 'connect', from: 'n2-nic1', to: 'net2' }).doc;
    const cabled = must(v6, { type: 'connect', from: 'n1-nic1', to: 'n2-nic1' }).document;
    expect(nic(cabled, 'n1-nic1').addresses).toEqual(['fd00:2::1/64']);
    const nodes = must(bench(), { type: 'connect', from: 'n1', to: 'n2' });
    expect(nodes.created).toEqual(['n1-nic2', 'n2-nic2', 'net3']);
    expect(nic(nodes.document, 'n2-nic2').addresses).toEqual(['10.0.1.2/24']);
  });

  it('re-plugging a NIC moves it: old addresses and unreachable routes go, and are reported', () => {
    const doc = twoSite();
    const r = must(must(doc, { type: 'add-network' }).document, { type: 'connect', from: 'n1-lm', to: 'net1' });
    expect(nic(r.document, 'n1-lm')).toEqual({ ...nic(doc, 'n1-lm'), addresses: ['10.0.0.11/24'], routes: [] });
    expect(r.messages).toEqual([
      "Removed the route to 10.2.10.0/24 via 10.1.10.1 from HV01 'Live Migration': its gateway is not on the NIC's subnet any more.",
      "HV01 'Live Migration' was moved to network 'Network 1'; it no longer has 10.1.10.11/24.",
    ]);
  });

  it('refuses what has no meaning, a network without a prefix, or a missing element', () => {
    const doc = bench();
    for (const [from, to] of [['site-a', 'n1'], ['net1', 'net2'], ['n1-nic1', 'r1'], ['n1', 'r1'], ['n1', 'n1'], ['n1', 'nope']]) {
      expect(applyEdit(doc, { type: 'connect', from: from!, to: to! }).ok, `${from} → ${to}`).toBe(false);
    }
    const bare = must(doc, { type: 'update-network', id: 'net1', patch: { prefixes: [] } }).document;
    expect(applyEdit(bare, { type: 'connect', from: 'n1-nic1', to: 'net1' })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('has no prefix') }] });
  });

  it('reports a full network', () => {
    const doc = chain(bench(), { type: 'add-network', prefix: '10.5.0.0/30' }).doc;
    const two = chain(doc, { type: 'connect', from: 'n1-nic1', to: 'net3' }, { type: 'connect', from: 'n2-nic1', to: 'net3' }).doc;
    expect(nic(two, 'n1-nic1').addresses).toEqual(['10.5.0.1/30']);
    const full = must(two, { type: 'add-node' }).document;
    expect(applyEdit(full, { type: 'connect', from: 'n3', to: 'net3' })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('no free address') }] });
  });
});

/** parseTopology: every error rule and diagnostic of topology-format.md, and the derived facts. */
import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { load, readFixture } from './helpers';

/** A small valid two-node topology on one network; tests mutate copies of it. */
function base(): TopologyDocument {
  return {
    format: 'lm-topology',
    version: 1,
    name: 'Test',
    sites: [{ id: 's1', name: 'Site 1' }],
    nodes: [
      { id: 'n1', name: 'HV01', site: 's1' },
      { id: 'n2', name: 'HV02' },
    ],
    nics: [
      { id: 'n1-a', node: 'n1', name: 'A', addresses: ['10.0.1.11/24'] },
      { id: 'n2-a', node: 'n2', name: 'A', addresses: ['10.0.1.12/24'] },
    ],
    networks: [{ id: 'net-a', name: 'Net A', prefixes: ['10.0.1.0/24'] }],
    routers: [{ id: 'r1', name: 'R1', interfaces: ['10.0.1.1/24'] }],
  };
}

function errorsOf(mutate: Mut) {
  const d = structuredClone(base());
  mutate(d);
  const r = parseTopology(d);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

type Mut = (d: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('parseTopology errors', () => {
  const cases: [string, Mut, string, RegExp][] = [
    ['wrong format', (d) => (d.format = 'drawio'), 'format', /not an LM Path Visualizer topology/],
    ['missing format', (d) => delete d.format, 'format', /must be "lm-topology"/],
    ['newer version', (d) => (d.version = 2), 'version', /newer version of the format \(version 2\)/],
    ['unsupported version', (d) => (d.version = '1'), 'version', /Unsupported format version/],
    ['section not a list', (d) => (d.nodes = {}), 'nodes', /must be a list/],
    ['element not an object', (d) => (d.nodes[1] = 'n2'), 'nodes[1]', /must be an object/],
    ['missing required field', (d) => delete d.nics[1].node, 'nics[1].node', /missing the required field 'node'/],
    ['missing addresses', (d) => delete d.nics[0].addresses, 'nics[0].addresses', /required field 'addresses'/],
    ['unknown field in an element', (d) => (d.nodes[0].rack = 'R1'), 'nodes[0].rack', /Unknown field 'rack' in Node 'n1'/],
    ['unknown field in a route', (d) => (d.nics[0].routes = [{ prefix: '0.0.0.0/0', via: '10.0.1.1', metric: 5 }]), 'nics[0].routes[0].metric', /Unknown field 'metric'/],
    ['bad enum', (d) => (d.nodes[0].state = 'Up'), 'nodes[0].state', /one of 'up', 'down', 'paused'/],
    ['speed not positive', (d) => (d.nics[0].speedGbps = 0), 'nics[0].speedGbps', /from 0.001 to 100,000, not 0\./],
    ['metric not an integer', (d) => (d.networks[0].metric = 1.5), 'networks[0].metric', /whole number/],
    ['rdma not boolean', (d) => (d.nics[0].rdma = 'yes'), 'nics[0].rdma', /true or false/],
    ['duplicate id in one section', (d) => (d.nodes[1].id = 'n1'), 'nodes[1].id', /id 'n1' is used twice \(first at nodes\[0\]\.id\)/],
    ['duplicate id across sections', (d) => (d.routers[0].id = 'n1'), 'routers[0].id', /used twice/],
    ['missing node reference', (d) => (d.nics[1].node = 'n9'), 'nics[1].node', /node 'n9', which does not exist/],
    ['missing site reference', (d) => (d.nodes[1].site = 'nowhere'), 'nodes[1].site', /site 'nowhere', which does not exist/],
    ['missing router site', (d) => (d.routers[0].site = 'x'), 'routers[0].site', /site 'x'/],
    ['missing network in order', (d) => (d.liveMigration = { networkOrder: ['net-x'] }), 'liveMigration.networkOrder[0]', /network 'net-x', which does not exist/],
    ['missing network in exclusions', (d) => (d.liveMigration = { excludedNetworks: ['mgmt'] }), 'liveMigration.excludedNetworks[0]', /network 'mgmt'/],
    ['unparsable NIC address', (d) => (d.nics[0].addresses = ['10.0.1/24']), 'nics[0].addresses[0]', /not an address with a prefix length/],
    ['address without prefix length', (d) => (d.nics[0].addresses = ['10.0.1.11']), 'nics[0].addresses[0]', /not an address with a prefix length/],
    ['octal-looking address', (d) => (d.nics[0].addresses = ['010.0.1.11/24']), 'nics[0].addresses[0]', /not an address/],
    ['two-part IPv4', (d) => (d.nics[0].addresses = ['10.1/24']), 'nics[0].addresses[0]', /not an address/],
    ['prefix length too long', (d) => (d.nics[0].addresses = ['10.0.1.11/33']), 'nics[0].addresses[0]', /not an address/],
    ['unparsable network prefix', (d) => (d.networks[0].prefixes = ['10.0.1.0/x']), 'networks[0].prefixes[0]', /not a prefix/],
    ['network prefix with host bits', (d) => (d.networks[0].prefixes = ['10.0.1.5/24']), 'networks[0].prefixes[0]', /host bits set; write the network address 10\.0\.1\.0\/24/],
    ['two IPv4 prefixes on a network', (d) => (d.networks[0].prefixes = ['10.0.1.0/24', '10.0.2.0/24']), 'networks[0].prefixes[1]', /more than one IPv4 prefix/],
    ['two networks with the same prefix', (d) => d.networks.push({ id: 'net-b', name: 'B', prefixes: ['10.0.1.0/24'] }), 'networks[1].prefixes[0]', /both claim 10\.0\.1\.0\/24/],
    ['overlapping networks', (d) => d.networks.push({ id: 'net-b', name: 'B', prefixes: ['10.0.0.0/16'] }), 'networks[1].prefixes[0]', /overlaps network 'net-a'/],
    ['same address on two NICs', (d) => (d.nics[1].addresses = ['10.0.1.11/24']), 'nics[1].addresses[0]', /10\.0\.1\.11 is already used at nics\[0\]\.addresses\[0\]/],
    ['NIC address equal to a router interface', (d) => (d.nics[1].addresses = ['10.0.1.1/24']), 'routers[0].interfaces[0]', /already used at nics\[1\]\.addresses\[0\]/],
    ['route via off the NIC subnet', (d) => (d.nics[0].routes = [{ prefix: '10.9.0.0/24', via: '10.0.2.1' }]), 'nics[0].routes[0].via', /not on the NIC's own subnet \(10\.0\.1\.0\/24\)/],
    ['route via of the other family', (d) => (d.nics[0].routes = [{ prefix: '10.9.0.0/24', via: 'fd00::1' }]), 'nics[0].routes[0].via', /is IPv6 but the route is for IPv4/],
    ['route prefix with host bits', (d) => (d.nics[0].routes = [{ prefix: '10.9.0.5/24', via: '10.0.1.1' }]), 'nics[0].routes[0].prefix', /host bits set; write 10\.9\.0\.0\/24/],
    ['NIC address inside a declared network with another length', (d) => (d.nics[1].addresses = ['10.0.1.12/25']), 'nics[1].addresses[0]', /lies in network 'net-a' \(10\.0\.1\.0\/24\) but with prefix length \/25/],
    ['bad layout entry', (d) => (d.layout = { n1: { x: 'left', y: 0 } }), 'layout.n1', /must be \{"x": number, "y": number\}/],
    ['order lists a network twice', (d) => (d.liveMigration = { networkOrder: ['net-a', 'net-a'] }), 'liveMigration.networkOrder[1]', /listed twice/],
  ];
  it.each(cases)('%s', (_name, mutate, path, message) => {
    const errors = errorsOf(mutate);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)!.message).toMatch(message);
  });

  it('refuses non-objects with a message and never throws', () => {
    for (const input of [null, undefined, 42, 'x', [], true, () => 1, Symbol('s')]) {
      const r = parseTopology(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]!.message).toMatch(/JSON object|not an LM Path/);
    }
  });

  it('reports every structural problem at once', () => {
    const errors = errorsOf((d) => {
      d.nodes[0].state = 'sleeping';
      d.nics[0].speedGbps = -1;
      d.networks[0].colour = 'blue';
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['networks[0].colour', 'nics[0].speedGbps', 'nodes[0].state']);
  });
});

describe('derived facts', () => {
  it('creates implicit networks with the spec ids and names, skipping used names', () => {
    const t = load({
      ...base(),
      networks: [{ id: 'net-a', name: 'Cluster Network 1', prefixes: ['10.0.1.0/24'] }],
      nics: [
        { id: 'n1-a', node: 'n1', name: 'A', addresses: ['10.0.1.11/24', 'fd00:8::11/64'] },
        { id: 'n1-b', node: 'n1', name: 'B', addresses: ['10.7.0.11/24'] },
        { id: 'n2-b', node: 'n2', name: 'B', addresses: ['10.7.0.12/24', 'FD00:8:0:0::12/64'] },
      ],
    });
    const implicit = t.networks.filter((n) => n.implicit).map((n) => [n.id, n.name, n.prefixes[0]]);
    expect(implicit).toEqual([
      ['net-fd00-8---64', 'Cluster Network 2', 'fd00:8::/64'],
      ['net-10-7-0-0-24', 'Cluster Network 3', '10.7.0.0/24'],
    ]);
    expect(t.addresses.find((a) => a.nicId === 'n2-b' && a.family === 6)!.address).toBe('fd00:8::12');
  });

  it('derives role from default routes and metric from role and position', () => {
    const t = load({
      ...base(),
      nics: [
        { id: 'n1-a', node: 'n1', name: 'A', addresses: ['10.0.1.11/24'], routes: [{ prefix: '0.0.0.0/0', via: '10.0.1.1' }] },
        { id: 'n1-b', node: 'n1', name: 'B', addresses: ['10.0.2.11/24'] },
        { id: 'n1-c', node: 'n1', name: 'C', addresses: ['10.0.3.11/24'] },
      ],
      networks: [
        { id: 'net-a', name: 'A', prefixes: ['10.0.1.0/24'] },
        { id: 'net-b', name: 'B', prefixes: ['10.0.2.0/24'] },
        { id: 'net-c', name: 'C', prefixes: ['10.0.3.0/24'], role: 'none' },
        { id: 'net-d', name: 'D', prefixes: ['10.0.4.0/24'], metric: 5 },
      ],
    });
    const facts = t.networks.map((n) => [n.id, n.role, n.metric, n.roleDerived, n.metricDerived]);
    expect(facts).toEqual([
      ['net-a', 'clusterAndClient', 80000, true, true],
      ['net-b', 'cluster', 40001, true, true],
      ['net-c', 'none', 100002, false, true],
      ['net-d', 'cluster', 5, true, false],
    ]);
    // Preference: no order given → eligible networks by metric (D 5, B 40001, A 80000); C has role
    // none. The cluster's own network is the lowest metric among cluster-role ones, D (5): last.
    expect(t.clusterNetworkId).toBe('net-d');
    expect(t.preferenceOrder).toEqual(['net-b', 'net-a', 'net-d']);
    expect(t.eligibility['net-c']).toEqual({ eligible: false, reason: 'role-none' });
  });

  it('derives the metric AutoMetric-like (1.2): base by role − 19200 all-RDMA − floor(100 × lowest speed, ≤ 9600) + position', () => {
    const nic = (id: string, node: string, address: string, speedGbps?: number, rdma?: boolean) => ({
      id, node, name: id, addresses: [address], ...(speedGbps !== undefined ? { speedGbps } : {}), ...(rdma !== undefined ? { rdma } : {}),
    });
    const t = load({
      ...base(),
      nics: [
        // mixed: 25 and 10 Gbps, both RDMA → 40000 − 19200 − 1000 + 0 = 19800
        nic('n1-m', 'n1', '10.0.1.11/24', 25, true), nic('n2-m', 'n2', '10.0.1.12/24', 10, true),
        // one NIC without RDMA → no RDMA step: 40000 − 2500 + 1 = 37501
        nic('n1-h', 'n1', '10.0.2.11/24', 25, true), nic('n2-h', 'n2', '10.0.2.12/24', 25),
        // one NIC without a speed → no speed step: 40000 − 19200 + 2 = 20802
        nic('n1-u', 'n1', '10.0.3.11/24', 100, true), nic('n2-u', 'n2', '10.0.3.12/24', undefined, true),
        // 200 Gbps is capped at 9600; clusterAndClient (a default route): 80000 − 19200 − 9600 + 3 = 51203
        { ...nic('n1-f', 'n1', '10.0.4.11/24', 200, true), routes: [{ prefix: '0.0.0.0/0', via: '10.0.4.1' }] }, nic('n2-f', 'n2', '10.0.4.12/24', 400, true),
        // 0.29 Gbps: floor(29) even though 0.29 × 100 is 28.999… in floating point; a down NIC counts: 40000 − 29 + 5 = 39976
        nic('n1-s', 'n1', '10.0.6.11/24', 0.29), { ...nic('n2-s', 'n2', '10.0.6.12/24', 1), state: 'down' as const },
        // a network the parser creates (not declared): after the declared ones, position 6 → 40000 − 19200 − 2500 + 6 = 18306
        nic('n1-c', 'n1', '10.9.0.11/24', 25, true), nic('n2-c', 'n2', '10.9.0.12/24', 25, true),
      ],
      networks: [
        { id: 'mixed', name: 'Mixed', prefixes: ['10.0.1.0/24'] },
        { id: 'half', name: 'Half RDMA', prefixes: ['10.0.2.0/24'] },
        { id: 'unknown', name: 'Unknown speed', prefixes: ['10.0.3.0/24'] },
        { id: 'fast', name: 'Fast', prefixes: ['10.0.4.0/24'] },
        // no NIC: no deduction at all, 40000 + 4
        { id: 'empty', name: 'Empty', prefixes: ['10.0.5.0/24'] },
        { id: 'slow', name: 'Slow', prefixes: ['10.0.6.0/24'] },
      ],
    });
    expect(t.networks.map((n) => [n.id, n.metric, n.metricDerived])).toEqual([
      ['mixed', 19800, true],
      ['half', 37501, true],
      ['unknown', 20802, true],
      ['fast', 51203, true],
      ['empty', 40004, true],
      ['slow', 39976, true],
      ['net-10-9-0-0-24', 18306, true],
    ]);
    // The created RDMA network ranks first: it is the cluster's own network, tried last by default.
    expect(t.clusterNetworkId).toBe('net-10-9-0-0-24');
    expect(t.preferenceOrder.at(-1)).toBe('net-10-9-0-0-24');
  });

  it('orders listed networks first, then the rest by metric, name and id', () => {
    const t = load({
      ...base(),
      nics: [],
      networks: [
        { id: 'z', name: 'Same', prefixes: ['10.0.1.0/24'], metric: 100 },
        { id: 'y', name: 'Same', prefixes: ['10.0.2.0/24'], metric: 100 },
        { id: 'x', name: 'Alpha', prefixes: ['10.0.3.0/24'], metric: 100 },
        { id: 'w', name: 'Listed', prefixes: ['10.0.4.0/24'], metric: 1 },
        { id: 'v', name: 'Listed but down', prefixes: ['10.0.5.0/24'], state: 'down' },
        { id: 'u', name: 'Excluded', prefixes: ['10.0.6.0/24'] },
      ],
      routers: [],
      liveMigration: { networkOrder: ['v', 'y'], excludedNetworks: ['u'] },
    });
    expect(t.preferenceOrder).toEqual(['y', 'w', 'x', 'z']);
    expect(t.eligibility.v).toEqual({ eligible: false, reason: 'network-down' });
    expect(t.eligibility.u).toEqual({ eligible: false, reason: 'excluded-by-setting' });
  });

  it('attaches routers to subnets and finds transit subnets', () => {
    const t = load(readFixture('two-site-routed.json'));
    const transit = t.subnets.find((s) => s.prefix === '172.16.0.0/30')!;
    expect(transit).toEqual({ prefix: '172.16.0.0/30', family: 4, networkId: null, routerIds: ['ra', 'rb'] });
    expect(t.subnets.find((s) => s.networkId === 'lm-a')!.routerIds).toEqual(['ra']);
  });

  it('keeps the document for round trip, with unknown top-level fields', () => {
    const doc = { ...base(), futureField: { a: 1 } };
    const r = parseTopology(doc);
    expect(r.ok && r.topology.document).toBe(doc);
  });
});

describe('diagnostics', () => {
  const codes = (doc: TopologyDocument) => {
    const r = parseTopology(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.diagnostics.map((d) => [d.code, d.path]);
  };
  it('accepts the shared examples with no diagnostics', () => {
    for (const f of ['switched-4-node.json', 'switchless-3-node.json', 'two-site-routed.json']) {
      const r = parseTopology(readFixture(f));
      expect(r.ok && r.diagnostics).toEqual([]);
    }
  });
  it('two NICs of one node on one network: supported (multi-NIC cluster networks), not a diagnostic', () => {
    const d = base();
    d.nics!.push({ id: 'n1-b', node: 'n1', name: 'B', addresses: ['10.0.1.21/24'] });
    expect(codes(d)).toEqual([]);
  });
  it('a network with no NIC and a NIC with no address', () => {
    const d = base();
    d.networks!.push({ id: 'empty', name: 'Empty', prefixes: ['10.9.0.0/24'] });
    d.nics!.push({ id: 'n2-x', node: 'n2', name: 'X', addresses: [] });
    expect(codes(d)).toEqual(expect.arrayContaining([['network-without-nic', 'networks[1]'], ['nic-without-address', 'nics[2].addresses']]));
  });
  it('an excluded or role-none network in the order', () => {
    const d = base();
    d.networks!.push({ id: 'nn', name: 'None', prefixes: ['10.9.0.0/24'], role: 'none' });
    d.nics!.push({ id: 'n2-x', node: 'n2', name: 'X', addresses: ['10.9.0.12/24'] });
    d.liveMigration = { networkOrder: ['net-a', 'nn'], excludedNetworks: ['net-a'] };
    expect(codes(d)).toEqual(expect.arrayContaining([['ineligible-network-in-order', 'liveMigration.networkOrder[0]'], ['ineligible-network-in-order', 'liveMigration.networkOrder[1]']]));
  });
  it('a node pair with no live migration path', () => {
    const d = base();
    d.liveMigration = { excludedNetworks: ['net-a'] };
    const r = parseTopology(d);
    expect(r.ok && r.diagnostics.filter((x) => x.code === 'pair-without-path').map((x) => x.elementIds)).toEqual([
      ['n1', 'n2'],
      ['n2', 'n1'],
    ]);
  });
  it('a node with more than one default route', () => {
    const d = base();
    d.nics![0]!.routes = [{ prefix: '0.0.0.0/0', via: '10.0.1.1' }];
    d.nics!.push({ id: 'n1-b', node: 'n1', name: 'B', addresses: ['10.0.2.11/24'], routes: [{ prefix: '0.0.0.0/0', via: '10.0.2.1' }] });
    expect(codes(d)).toContainEqual(['multiple-default-routes', 'nics[2]']);
  });
});

/**
 * What the import tolerates (cluster-inventory.md, "real files are messy"), one row per variation,
 * each applied to a small valid inventory (test/fixtures/inventory/minimal.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inventoryToDocument, parseClusterInventory } from '../../src/engine/io/inventory';
import type { Diagnostic, TopologyDocument } from '../../src/engine/model/types';

type Rec = Record<string, unknown>;
interface Inv extends Rec {
  faultDomains: Rec[] | null;
  nodes: Rec[];
  networks: Rec[];
  interfaces: Rec[];
  adapters: Rec[];
  routes: Rec[];
}

const MINIMAL = readFileSync(new URL('../fixtures/inventory/minimal.json', import.meta.url), 'utf8');
const base = (): Inv => JSON.parse(MINIMAL) as Inv;
const MGMT = '11111111-2222-4333-8444-555555555501';
const LM = '11111111-2222-4333-8444-555555555502';

/** Element i of a list, which the test knows is there. */
function at(list: Rec[] | null, i: number): Rec {
  const el = list?.[i];
  if (el === undefined) throw new Error(`no element ${i}`);
  return el;
}

function run(mutate: (inv: Inv) => void): { doc: TopologyDocument; notes: Diagnostic[] } {
  const inv = base();
  mutate(inv);
  const r = inventoryToDocument(inv);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  // Everything the import builds must also be a valid topology.
  const parsed = parseClusterInventory(JSON.stringify(inv));
  if (!parsed.ok) throw new Error(`topology refused: ${JSON.stringify(parsed.errors)}`);
  return { doc: r.document, notes: r.diagnostics };
}

const nic = (doc: TopologyDocument, id: string) => doc.nics?.find((n) => n.id === id);
const network = (doc: TopologyDocument, id: string) => doc.networks?.find((n) => n.id === id);
const node = (doc: TopologyDocument, id: string) => doc.nodes?.find((n) => n.id === id);
const noted = (notes: Diagnostic[], text: string): boolean => notes.some((d) => d.message.includes(text));

describe('the minimal inventory', () => {
  it('imports as expected, with no notes', () => {
    const { doc, notes } = run(() => {});
    expect(notes).toEqual([]);
    expect(doc).toEqual({
      format: 'lm-topology',
      version: 1,
      name: 'CLU-MIN',
      description: 'Imported from the cluster inventory of CLU-MIN, collected 5 May 2025, 10:00 (UTC).',
      sites: [{ id: 'site-hq', name: 'HQ' }],
      nodes: [
        { id: 'n1', name: 'N1', site: 'site-hq' },
        { id: 'n2', name: 'N2', site: 'site-hq' },
      ],
      nics: [
        { id: 'n1-ethernet', node: 'n1', name: 'Ethernet', addresses: ['10.0.0.11/24'], speedGbps: 10, routes: [{ prefix: '0.0.0.0/0', via: '10.0.0.1' }] },
        { id: 'n1-lm', node: 'n1', name: 'LM', addresses: ['10.0.10.11/24'], speedGbps: 25, rdma: true },
        { id: 'n2-ethernet', node: 'n2', name: 'Ethernet', addresses: ['10.0.0.12/24'], speedGbps: 10, routes: [{ prefix: '0.0.0.0/0', via: '10.0.0.1' }] },
        { id: 'n2-lm', node: 'n2', name: 'LM', addresses: ['10.0.10.12/24'], speedGbps: 25, rdma: true },
      ],
      networks: [
        { id: MGMT, name: 'Management', prefixes: ['10.0.0.0/24'], role: 'clusterAndClient', metric: 70000 },
        { id: LM, name: 'Live Migration', prefixes: ['10.0.10.0/24'], role: 'cluster', metric: 30000 },
      ],
      routers: [{ id: 'gw-10-0-0-1', name: 'Gateway 10.0.0.1', site: 'site-hq', interfaces: ['10.0.0.1/24'] }],
      liveMigration: { networkOrder: [LM], excludedNetworks: [MGMT] },
    });
  });
});

describe('enums as numbers or names, any case', () => {
  it.each([
    [0, 'none'], [1, 'cluster'], [3, 'clusterAndClient'], ['3', 'clusterAndClient'],
    ['None', 'none'], ['CLUSTER', 'cluster'], ['clusterandclient', 'clusterAndClient'], ['ClusterAndClient', 'clusterAndClient'],
    ['InternalUse', 'cluster'], ['InternalAndClient', 'clusterAndClient'],
  ])('network Role %j → %s', (role, expected) => {
    const { doc, notes } = run((inv) => void (at(inv.networks, 1).Role = role));
    expect(network(doc, LM)?.role).toBe(expected);
    expect(notes).toEqual([]);
  });

  it.each([2, 'Client', 'client', 'ClientAccess'])('network Role %j (Client) → clusterAndClient, with a note', (role) => {
    const { doc, notes } = run((inv) => void (at(inv.networks, 1).Role = role));
    expect(network(doc, LM)?.role).toBe('clusterAndClient');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ code: 'assumed', path: 'networks[1].Role', elementIds: [LM] });
    expect(notes[0]?.message).toContain('role Client (2)');
  });

  it.each([
    [0, 'down', 0], [1, 'down', 0], [2, undefined, 1], [3, undefined, 0], [-1, 'down', 0],
    ['Unavailable', 'down', 0], ['DOWN', 'down', 0], ['partitioned', undefined, 1], ['up', undefined, 0],
  ])('network State %j → %s (%i notes)', (state, expected, noteCount) => {
    const { doc, notes } = run((inv) => void (at(inv.networks, 1).State = state));
    expect(network(doc, LM)?.state).toBe(expected);
    expect(notes).toHaveLength(noteCount);
  });

  it.each([
    [0, 'down'], [1, 'down'], [2, 'down'], [3, undefined], [-1, 'down'],
    ['Unavailable', 'down'], ['failed', 'down'], ['UNREACHABLE', 'down'], ['Up', undefined], ['Unknown', 'down'],
  ])('interface State %j → %s', (state, expected) => {
    const { doc } = run((inv) => void (at(inv.interfaces, 1).State = state));
    expect(nic(doc, 'n1-lm')?.state).toBe(expected);
  });

  it.each([
    [0, undefined, false], [1, 'down', false], [2, 'paused', false], [3, 'down', true], [-1, 'down', true],
    ['Up', undefined, false], ['paused', 'paused', false], ['DOWN', 'down', false], ['Joining', 'down', true], ['unknown', 'down', true],
  ])('node State %j → %s (note: %s)', (state, expected, withNote) => {
    const { doc, notes } = run((inv) => void (at(inv.nodes, 1).State = state));
    expect(node(doc, 'n2')?.state).toBe(expected);
    expect(notes.some((d) => d.path === 'nodes[1].State' && d.message.includes('imported as down'))).toBe(withNote);
  });
});

describe('lists: bare values, null, [null] and PowerShell 5.1 wrappers', () => {
  it.each<[string, (inv: Inv) => void]>([
    ['a one-element list written as a bare value', (inv) => {
      at(inv.networks, 1).Ipv4Addresses = '10.0.10.0';
      at(inv.networks, 1).Ipv4PrefixLengths = 24;
      at(inv.interfaces, 1).Ipv4Addresses = '10.0.10.11';
      inv.migrationNetworkOrder = [LM];
    }],
    ['an empty list written as null', (inv) => {
      for (const n of inv.networks) [n.Ipv6Addresses, n.Ipv6PrefixLengths] = [null, null];
      for (const i of inv.interfaces) i.Ipv6Addresses = null;
    }],
    ['@($null) written as [null]', (inv) => {
      for (const n of inv.networks) [n.Ipv6Addresses, n.Ipv6PrefixLengths] = [[null], [null]];
      for (const i of inv.interfaces) i.Ipv6Addresses = [null];
    }],
    ['a list wrapped as {"value": [...], "Count": n}', (inv) => {
      at(inv.networks, 1).Ipv4Addresses = { value: ['10.0.10.0'], Count: 1 };
      inv.routes = { value: inv.routes, Count: inv.routes.length } as unknown as Rec[];
    }],
    ['every field name in another case', (inv) => {
      const lower = (o: Rec): Rec => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
      inv.nodes = inv.nodes.map(lower);
      inv.networks = inv.networks.map(lower);
      inv.interfaces = inv.interfaces.map(lower);
      inv.adapters = inv.adapters.map(lower);
      inv.routes = inv.routes.map(lower);
    }],
    ['unknown fields everywhere', (inv) => {
      inv.PSComputerName = 'N1';
      inv.scriptVersion = '2.0';
      for (const list of [inv.faultDomains ?? [], inv.nodes, inv.networks, inv.interfaces, inv.adapters, inv.routes]) {
        for (const el of list) Object.assign(el, { PSComputerName: 'n1.contoso.local', RunspaceId: '0c8f', PSShowComputerName: true, Description: { nested: [1, 2] } });
      }
    }],
    ['a string with a byte-order mark', (inv) => void (at(inv.nodes, 0).Name = '\uFEFFN1')],
  ])('%s imports the same topology', (_, mutate) => {
    expect(run(mutate).doc).toEqual(run(() => {}).doc);
  });

  it('reads a single node written as an object instead of a list', () => {
    const { doc } = run((inv) => {
      inv.nodes = at(inv.nodes, 0) as unknown as Rec[];
      inv.interfaces = inv.interfaces.filter((i) => i.Node === 'N1');
    });
    expect(doc.nodes?.map((n) => n.id)).toEqual(['n1']);
  });

  it('imports with no fault domains, adapters or routes (null)', () => {
    const { doc } = run((inv) => Object.assign(inv, { faultDomains: null, adapters: null, routes: null }));
    expect(doc.sites).toBeUndefined();
    expect(doc.routers).toBeUndefined();
    expect(nic(doc, 'n1-lm')).toEqual({ id: 'n1-lm', node: 'n1', name: 'LM', addresses: ['10.0.10.11/24'] });
  });
});

describe('live migration GUID lists', () => {
  it.each<[string, unknown, string[]]>([
    ['joined by ;', `${LM};${MGMT}`, [LM, MGMT]],
    ['joined by , (older tools)', `${LM},${MGMT}`, [LM, MGMT]],
    ['with spaces and braces, in capitals', ` {${LM.toUpperCase()}} ; ${MGMT} `, [LM, MGMT]],
    ['as a list', [LM, MGMT], [LM, MGMT]],
    ['with a trailing separator and a repeat', `${LM};${LM};`, [LM]],
    ['empty', '', []],
    ['whitespace', '  ', []],
    ['null', null, []],
  ])('order %s', (_, value, expected) => {
    const { doc, notes } = run((inv) => void (inv.migrationNetworkOrder = value));
    expect(doc.liveMigration?.networkOrder ?? []).toEqual(expected);
    expect(notes).toEqual([]);
  });

  it('reports an unknown GUID and keeps the rest', () => {
    const { doc, notes } = run((inv) => void (inv.migrationExcludeNetworks = `${MGMT};deadbeef-0000-4000-8000-000000000000`));
    expect(doc.liveMigration?.excludedNetworks).toEqual([MGMT]);
    expect(notes).toEqual([
      expect.objectContaining({ path: 'migrationExcludeNetworks', message: expect.stringContaining('deadbeef-0000-4000-8000-000000000000') }),
    ]);
  });
});

describe('host names', () => {
  it('matches nodes ignoring case and domain, in interfaces, adapters, routes and fault domains', () => {
    const { doc, notes } = run((inv) => {
      at(inv.interfaces, 3).Node = 'n2';
      at(inv.faultDomains, 1).Name = 'n1.contoso.local';
      at(inv.adapters, 3).Node = 'N2.CONTOSO.LOCAL';
      delete at(inv.adapters, 1).Node;
      at(inv.adapters, 1).PSComputerName = 'n1.corp.example.com';
      at(inv.routes, 1).Node = 'n2.contoso.local';
    });
    expect(notes).toEqual([]);
    expect(node(doc, 'n1')?.site).toBe('site-hq');
    expect(nic(doc, 'n2-lm')).toMatchObject({ node: 'n2', speedGbps: 25, rdma: true });
    expect(nic(doc, 'n1-lm')).toMatchObject({ speedGbps: 25, rdma: true });
    expect(nic(doc, 'n2-ethernet')?.routes).toEqual([{ prefix: '0.0.0.0/0', via: '10.0.0.1' }]);
  });

  it('matches adapter names and route interface aliases ignoring case', () => {
    const { doc } = run((inv) => {
      at(inv.adapters, 1).Name = 'lm';
      at(inv.routes, 0).InterfaceAlias = 'ETHERNET';
    });
    expect(nic(doc, 'n1-lm')?.speedGbps).toBe(25);
    expect(nic(doc, 'n1-ethernet')?.routes).toHaveLength(1);
  });

  it('Node may be the node object itself, without the [string] cast', () => {
    const { doc } = run((inv) => void (at(inv.interfaces, 0).Node = { Name: 'N1', State: 0, Id: '1' }));
    expect(nic(doc, 'n1-ethernet')?.node).toBe('n1');
  });

  it('does not take a node listed twice (short and fully qualified) twice', () => {
    const { doc, notes } = run((inv) => inv.nodes.push({ Name: 'n1.contoso.local', State: 'Up' }));
    expect(doc.nodes).toHaveLength(2);
    expect(noted(notes, 'listed twice')).toBe(true);
  });
});

describe('addresses and prefixes', () => {
  it('computes the network address of a subnet given with host bits', () => {
    const { doc, notes } = run((inv) => void (at(inv.networks, 1).Ipv4Addresses = ['10.0.10.77']));
    expect(network(doc, LM)?.prefixes).toEqual(['10.0.10.0/24']);
    expect(notes[0]?.message).toContain('10.0.10.77/24 is not a network address; it is imported as 10.0.10.0/24');
  });

  it('writes IPv6 in RFC 5952 form', () => {
    const { doc } = run((inv) => {
      Object.assign(at(inv.networks, 1), { Ipv6Addresses: ['2001:0DB8:0000:0000:0000:0000:0000:0000'], Ipv6PrefixLengths: [64] });
      at(inv.interfaces, 1).Ipv6Addresses = ['2001:DB8:0:0:0:0:0:11'];
      at(inv.interfaces, 3).Ipv6Addresses = '2001:db8::0:12';
    });
    expect(network(doc, LM)?.prefixes).toEqual(['10.0.10.0/24', '2001:db8::/64']);
    expect(nic(doc, 'n1-lm')?.addresses).toEqual(['10.0.10.11/24', '2001:db8::11/64']);
    expect(nic(doc, 'n2-lm')?.addresses).toEqual(['10.0.10.12/24', '2001:db8::12/64']);
  });

  it('gives each address its network prefix length, whatever the length', () => {
    const { doc } = run((inv) => {
      Object.assign(at(inv.networks, 1), { Ipv4Addresses: ['10.0.8.0'], Ipv4PrefixLengths: ['21'] });
    });
    expect(network(doc, LM)?.prefixes).toEqual(['10.0.8.0/21']);
    expect(nic(doc, 'n2-lm')?.addresses).toEqual(['10.0.10.12/21']);
  });

  it('falls back to Address and AddressMask', () => {
    const { doc } = run((inv) => {
      Object.assign(at(inv.networks, 1), { Ipv4Addresses: [], Ipv4PrefixLengths: null, Address: '10.0.10.0', AddressMask: '255.255.254.0' });
    });
    expect(network(doc, LM)?.prefixes).toEqual(['10.0.10.0/23']);
  });

  it('uses Address of an interface that lists no addresses', () => {
    const { doc } = run((inv) => Object.assign(at(inv.interfaces, 1), { Ipv4Addresses: null, Ipv6Addresses: null }));
    expect(nic(doc, 'n1-lm')?.addresses).toEqual(['10.0.10.11/24']);
  });

  it('leaves IPv6 link-local addresses, subnets and gateways out, in one note', () => {
    const { doc, notes } = run((inv) => {
      Object.assign(at(inv.networks, 1), { Ipv6Addresses: ['fe80::'], Ipv6PrefixLengths: [64] });
      at(inv.interfaces, 1).Ipv6Addresses = ['fe80::1:11%7'];
      inv.routes.push({ Node: 'N1', InterfaceAlias: 'Ethernet', DestinationPrefix: '::/0', NextHop: 'fe80::1' });
    });
    expect(network(doc, LM)?.prefixes).toEqual(['10.0.10.0/24']);
    expect(nic(doc, 'n1-lm')?.addresses).toEqual(['10.0.10.11/24']);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message).toContain('the link-local subnet of network Live Migration, 1 link-local interface address, 1 route through a link-local gateway');
  });

  it('keeps one subnet per family and leaves the addresses of the other out', () => {
    const { doc, notes } = run((inv) => {
      Object.assign(at(inv.networks, 1), { Ipv4Addresses: ['10.0.10.0', '10.0.11.0'], Ipv4PrefixLengths: [24, 24] });
      at(inv.interfaces, 1).Ipv4Addresses = ['10.0.10.11', '10.0.11.11'];
    });
    expect(network(doc, LM)?.prefixes).toEqual(['10.0.10.0/24']);
    expect(nic(doc, 'n1-lm')?.addresses).toEqual(['10.0.10.11/24']);
    expect(noted(notes, '10.0.11.0/24 was left out')).toBe(true);
    expect(noted(notes, "the address 10.0.11.11 was left out because it is not in network Live Migration's subnet 10.0.10.0/24")).toBe(true);
  });

  it('leaves out the subnet of a network that overlaps another (two APIPA links)', () => {
    const { doc, notes } = run((inv) => {
      Object.assign(at(inv.networks, 0), { Ipv4Addresses: ['169.254.0.0'], Ipv4PrefixLengths: [16] });
      Object.assign(at(inv.networks, 1), { Ipv4Addresses: ['169.254.0.0'], Ipv4PrefixLengths: [16] });
      at(inv.interfaces, 0).Ipv4Addresses = ['169.254.1.11'];
      at(inv.interfaces, 1).Ipv4Addresses = ['169.254.2.11'];
      inv.routes = [];
    });
    expect(network(doc, MGMT)?.prefixes).toEqual(['169.254.0.0/16']);
    expect(network(doc, LM)?.prefixes).toEqual([]);
    expect(nic(doc, 'n1-ethernet')?.addresses).toEqual(['169.254.1.11/16']);
    expect(nic(doc, 'n1-lm')?.addresses).toEqual([]);
    expect(noted(notes, 'overlaps network Management')).toBe(true);
  });

  it('leaves out an address already on another interface', () => {
    const { doc, notes } = run((inv) => void (at(inv.interfaces, 3).Ipv4Addresses = ['10.0.10.12', '10.0.10.11']));
    expect(nic(doc, 'n2-lm')?.addresses).toEqual(['10.0.10.12/24']);
    expect(notes[0]).toMatchObject({ path: 'interfaces[3].Ipv4Addresses[1]', elementIds: ['n2-lm', 'n1-lm'] });
  });

  it('matches an interface whose network is unknown by its subnet', () => {
    const { doc, notes } = run((inv) => void (at(inv.interfaces, 1).Network = 'Cluster Network 9'));
    expect(nic(doc, 'n1-lm')?.addresses).toEqual(['10.0.10.11/24']);
    expect(notes[0]?.path).toBe('interfaces[1].Network');
  });

  it('matches an interface to its network by GUID too', () => {
    const { doc, notes } = run((inv) => void (at(inv.interfaces, 1).Network = `{${LM.toUpperCase()}}`));
    expect(nic(doc, 'n1-lm')?.addresses).toEqual(['10.0.10.11/24']);
    expect(notes).toEqual([]);
  });
});

describe('metric, ids and names', () => {
  it('imports the metric even when AutoMetric is true', () => {
    const { doc } = run((inv) => void (at(inv.networks, 0).AutoMetric = 'True'));
    expect(network(doc, MGMT)?.metric).toBe(70000);
  });

  it('lets the metric be derived when the inventory has none', () => {
    const inv = base();
    at(inv.networks, 1).Metric = null;
    const r = parseClusterInventory(JSON.stringify(inv));
    // Derived fact 4 (1.2): cluster 40000 − 19200 (every NIC on it RDMA) − 2500 (25 Gbps) + position 1.
    expect(r.ok && r.topology.networks.find((n) => n.id === LM)).toMatchObject({ metric: 18301, metricDerived: true });
  });

  it('makes NIC ids unique when two adapter names make the same id', () => {
    const { doc } = run((inv) => {
      at(inv.interfaces, 1).Adapter = 'LM 1';
      inv.interfaces.push({ Node: 'N1', Network: 'Management', Adapter: 'LM-1', State: 'Up', Ipv4Addresses: ['10.0.0.21'] });
    });
    expect(doc.nics?.filter((n) => n.node === 'n1').map((n) => n.id)).toEqual(['n1-ethernet', 'n1-lm-1', 'n1-lm-1-2']);
  });

  it('names a NIC from the interface Name when Adapter is missing', () => {
    const { doc, notes } = run((inv) => void delete at(inv.interfaces, 1).Adapter);
    expect(doc.nics?.map((n) => n.name)).toContain('LM');
    expect(notes[0]?.path).toBe('interfaces[1].Adapter');
  });

  it('gives a network without Id an id from its name, and a repeated Id a suffix', () => {
    const { doc, notes } = run((inv) => {
      delete at(inv.networks, 0).Id;
      inv.networks.push({ ...at(inv.networks, 1), Name: 'Copy', Ipv4Addresses: ['10.0.20.0'] });
    });
    expect(doc.networks?.map((n) => n.id)).toEqual(['net-management', LM, `${LM}-2`]);
    // the exclusion list names the first network by the GUID it no longer has
    expect(notes.map((d) => d.path)).toEqual(['networks[0].Id', 'networks[2].Id', 'migrationExcludeNetworks']);
  });

  it('adds a node that has interfaces but is missing from the node list', () => {
    const { doc, notes } = run((inv) => void (inv.nodes = inv.nodes.slice(0, 1)));
    expect(doc.nodes?.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(notes[0]).toMatchObject({ path: 'interfaces[2].Node', elementIds: ['n2'] });
  });

  it('does not loop on a fault domain cycle', () => {
    const { doc } = run((inv) => {
      inv.faultDomains = [
        { Name: 'A', Type: 'Rack', ParentName: 'B' },
        { Name: 'B', Type: 'Rack', ParentName: 'A' },
        { Name: 'N1', Type: 'Node', ParentName: 'A' },
      ];
    });
    expect(node(doc, 'n1')?.site).toBeUndefined();
  });

  it.each([
    [25000000000, 25], [2500000000, 2.5], ['10000000000', 10], [100000000, 0.1], [0, undefined], [5e-324, undefined], [-1, undefined], [Infinity, undefined], ['25 Gbps', undefined],
  ])('LinkSpeedBps %j → speedGbps %j', (bps, gbps) => {
    const { doc } = run((inv) => void (at(inv.adapters, 1).LinkSpeedBps = bps));
    expect(nic(doc, 'n1-lm')?.speedGbps).toBe(gbps);
  });

  it('accepts an inventory without format (with a note) and version written as text', () => {
    const { notes } = run((inv) => {
      delete inv.format;
      inv.version = '1';
    });
    expect(notes.map((d) => d.path)).toEqual(['format']);
  });
});

describe('routes and routers', () => {
  const addRoute = (inv: Inv, r: Rec): void => void inv.routes.push({ Node: 'N1', InterfaceAlias: 'LM', ...r });

  it('imports a route of the NIC, keeping the network-address form', () => {
    const { doc } = run((inv) => addRoute(inv, { DestinationPrefix: '10.9.8.7/16', NextHop: '10.0.10.1' }));
    expect(nic(doc, 'n1-lm')?.routes).toEqual([{ prefix: '10.9.0.0/16', via: '10.0.10.1' }]);
  });

  it.each<[string, Rec, string]>([
    ['a next hop on another subnet', { DestinationPrefix: '10.9.0.0/16', NextHop: '10.0.0.1' }, "not on the adapter's own subnet (10.0.10.0/24)"],
    ['a next hop that is a cluster node', { DestinationPrefix: '10.9.0.0/16', NextHop: '10.0.10.12' }, "n2-lm's own address"],
    ['a next hop of the other family', { DestinationPrefix: '::/0', NextHop: '10.0.10.1' }, 'is not IPv6'],
    ['an unparsable destination', { DestinationPrefix: '10.9/16', NextHop: '10.0.10.1' }, 'is not a prefix'],
    ['an unparsable next hop', { DestinationPrefix: '10.9.0.0/16', NextHop: 'router-1' }, 'is not an address'],
  ])('leaves out %s with a note', (_, route, message) => {
    const { doc, notes } = run((inv) => addRoute(inv, route));
    expect(nic(doc, 'n1-lm')?.routes).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message).toContain(message);
    expect(notes[0]?.path).toMatch(/^routes\[2\]\./);
  });

  it('ignores on-link routes and counts routes of other adapters and computers', () => {
    const { doc, notes } = run((inv) => {
      addRoute(inv, { DestinationPrefix: '10.0.10.0/24', NextHop: '0.0.0.0' });
      addRoute(inv, { InterfaceAlias: 'vEthernet (Default Switch)', DestinationPrefix: '0.0.0.0/0', NextHop: '172.20.0.1' });
      addRoute(inv, { Node: 'OTHER', DestinationPrefix: '0.0.0.0/0', NextHop: '10.0.10.1' });
    });
    expect(nic(doc, 'n1-lm')?.routes).toBeUndefined();
    expect(notes.map((d) => d.message)).toEqual([
      '1 route of adapters that carry no cluster network (vEthernet (Default Switch)) was not imported.',
      '1 route of computers that are not nodes of this cluster (OTHER) was not imported.',
    ]);
  });

  it('joins two or more gateways through one transit network that clashes with nothing', () => {
    const { doc, notes } = run((inv) => {
      // a cluster network in 192.0.2.0/24 pushes the transit network to the next block
      Object.assign(at(inv.networks, 1), { Ipv4Addresses: ['192.0.2.0'] });
      at(inv.interfaces, 1).Ipv4Addresses = ['192.0.2.11'];
      at(inv.interfaces, 3).Ipv4Addresses = ['192.0.2.12'];
      addRoute(inv, { DestinationPrefix: '10.99.0.0/16', NextHop: '192.0.2.1' });
    });
    expect(doc.routers).toEqual([
      { id: 'gw-10-0-0-1', name: 'Gateway 10.0.0.1', site: 'site-hq', interfaces: ['10.0.0.1/24', '198.51.100.1/24'] },
      { id: 'gw-192-0-2-1', name: 'Gateway 192.0.2.1', site: 'site-hq', interfaces: ['192.0.2.1/24', '198.51.100.2/24'] },
    ]);
    expect(notes).toEqual([expect.objectContaining({ path: 'routes', elementIds: ['gw-10-0-0-1', 'gw-192-0-2-1'], message: expect.stringContaining('198.51.100.0/24') })]);
  });

  it('puts a gateway in a site only when all its nodes are in that site', () => {
    const { doc } = run((inv) => {
      inv.faultDomains = [
        { Name: 'A', Type: 'Site' },
        { Name: 'B', Type: 'Site' },
        { Name: 'N1', Type: 'Node', ParentName: 'A' },
        { Name: 'N2', Type: 'Node', ParentName: 'B' },
      ];
    });
    expect(doc.routers?.[0]).toEqual({ id: 'gw-10-0-0-1', name: 'Gateway 10.0.0.1', interfaces: ['10.0.0.1/24'] });
  });
});

/** Cluster-validation style checks (runChecks): what they find, and that they never repeat a parser diagnostic. */
import { describe, expect, it } from 'vitest';
import { analyzeAllPairs, parseTopology, runChecks, type Diagnostic, type TopologyDocument } from '../../src/engine';
import { generateTwoSiteCluster } from '../generate';
import { load, loadFixture, readFixture } from './helpers';

const fixture = (name: string): TopologyDocument => structuredClone(readFixture(name)) as TopologyDocument;
const summary = (ds: Diagnostic[]): [string, string[]][] => ds.map((d) => [d.code, [...d.elementIds].sort()]);
const CHECK_CODES = new Set(['route-via-not-router', 'asymmetric-route', 'pair-single-path', 'pair-routed-only', 'routed-preferred-over-direct', 'apipa-address', 'smb-rdma-across-sites', 'smb-on-excluded-networks']);

describe('runChecks on the examples', () => {
  it('switchless 3-node: each link is the only path of its two pairs', () => {
    const checks = runChecks(loadFixture('switchless-3-node.json'));
    expect(summary(checks)).toEqual([
      ['pair-single-path', ['link-12', 'n1', 'n2']],
      ['pair-single-path', ['link-13', 'n1', 'n3']],
      ['pair-single-path', ['link-23', 'n2', 'n3']],
    ]);
    expect(checks[0]!.message).toBe("2 node pairs can live-migrate only on 'Direct 1-2', with no fallback (HV01 → HV02 and HV02 → HV01): if it fails, they cannot migrate.");
  });

  it('switched 4-node: nothing to report', () => {
    expect(runChecks(loadFixture('switched-4-node.json'))).toEqual([]);
  });

  it('two-site routed: single paths everywhere, and cross-site pairs that only 2025 can migrate', () => {
    const checks = runChecks(loadFixture('two-site-routed.json'));
    expect(summary(checks)).toEqual([
      ['pair-single-path', ['lm-a', 'n1', 'n2']],
      ['pair-single-path', ['lm-a', 'lm-b', 'n1', 'n2', 'n3', 'n4']],
      ['pair-single-path', ['lm-a', 'lm-b', 'n1', 'n2', 'n3', 'n4']],
      ['pair-single-path', ['lm-b', 'n3', 'n4']],
      ['pair-routed-only', ['lm-a', 'lm-b', 'n1', 'n2', 'n3', 'n4']],
      ['pair-routed-only', ['lm-a', 'lm-b', 'n1', 'n2', 'n3', 'n4']],
    ]);
    expect(checks[4]!.message).toContain("4 node pairs can live-migrate only through routers ('Live Migration A' → 'Live Migration B'; HV01 → HV03, HV01 → HV04, HV02 → HV03 and HV02 → HV04)");
  });

  it('uses the all-pairs result it is given', () => {
    const t = loadFixture('two-site-routed.json');
    expect(runChecks(t, analyzeAllPairs(t))).toEqual(runChecks(t));
  });

  it('groups findings at 64 nodes instead of listing every pair', () => {
    const t = load(generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2 }));
    const checks = runChecks(t);
    // The 2 048 cross-site pairs route A1 → B1 or B1 → A1 only: two findings, 1 024 pairs each.
    expect(summary(checks).map(([code]) => code)).toEqual(['pair-routed-only', 'pair-routed-only']);
    expect(checks[0]!.message).toMatch(/^1024 node pairs can live-migrate only through routers/);
  });
});

describe('runChecks on broken designs', () => {
  it('a forward route without a return', () => {
    const doc = fixture('two-site-routed.json');
    doc.nics!.find((n) => n.id === 'n3-lm')!.routes = [];
    const checks = runChecks(load(doc)).filter((d) => d.code === 'asymmetric-route');
    // n1 and n2 reach n3 over lm-a → lm-b, but n3 cannot answer: one finding for n3's NIC.
    expect(summary(checks)).toEqual([['asymmetric-route', ['lm-a', 'n1', 'n2', 'n3-lm']]]);
    expect(checks[0]!.message).toBe("NIC HV03 'Live Migration' is reached through routers from 'Live Migration A' (HV01 and HV02) but has no route back to 10.1.10.0/24: replies cannot return; without it HV01 → HV03 and HV02 → HV03 have no path at all. Add the return route.");
    expect(checks[0]!.path).toBe('nics[5].routes');
  });

  it('a next hop that is no router, or another node', () => {
    const doc = fixture('two-site-routed.json');
    doc.nics!.find((n) => n.id === 'n1-lm')!.routes = [{ prefix: '10.2.10.0/24', via: '10.1.10.99' }];
    doc.nics!.find((n) => n.id === 'n2-lm')!.routes = [{ prefix: '10.2.10.0/24', via: '10.1.10.99' }];
    doc.nics!.find((n) => n.id === 'n3-lm')!.routes = [{ prefix: '10.1.10.0/24', via: '10.2.10.14' }];
    const checks = runChecks(load(doc)).filter((d) => d.code === 'route-via-not-router');
    expect(summary(checks)).toEqual([
      ['route-via-not-router', ['n1-lm', 'n2-lm']],
      ['route-via-not-router', ['n3-lm', 'n4-lm']],
    ]);
    expect(checks[0]!.path).toBe('nics[1].routes[0].via');
    expect(checks[0]!.message).toContain("2 NICs (HV01 'Live Migration', HV02 'Live Migration') route 10.2.10.0/24 through 10.1.10.99, which is no router's address");
    expect(checks[1]!.message).toContain("through 10.2.10.14, which is NIC HV04 'Live Migration' — a cluster node, not a router");
  });

  it('a routed path preferred over a direct one', () => {
    // A stretched network on every node, listed after the LM networks: cross-site pairs still
    // take the routed lm-a → lm-b path, because the order ranks the source network first.
    const doc = fixture('two-site-routed.json');
    doc.networks!.push({ id: 'stretch', name: 'Stretched', prefixes: ['10.9.0.0/24'] });
    ['n1', 'n2', 'n3', 'n4'].forEach((n, i) => doc.nics!.push({ id: `${n}-st`, node: n, name: 'Stretched', addresses: [`10.9.0.${11 + i}/24`] }));
    doc.liveMigration!.networkOrder = ['lm-a', 'lm-b', 'stretch'];
    const checks = runChecks(load(doc));
    const routedFirst = checks.filter((d) => d.code === 'routed-preferred-over-direct');
    expect(summary(routedFirst)).toEqual([
      ['routed-preferred-over-direct', ['lm-a', 'lm-b', 'n1', 'n2', 'n3', 'n4', 'stretch']],
      ['routed-preferred-over-direct', ['lm-a', 'lm-b', 'n1', 'n2', 'n3', 'n4', 'stretch']],
    ]);
    expect(routedFirst[0]!.message).toContain("4 node pairs migrate through routers on 'Live Migration A' → 'Live Migration B' although they share 'Stretched' directly");
    // Legacy now connects cross-site on the stretched network: no 'routed only' finding.
    expect(checks.some((d) => d.code === 'pair-routed-only')).toBe(false);
  });

  it('never repeats what the parser already reports', () => {
    // Excluded network in the order, a network without NIC, two NICs on one network (supported: no
    // finding at all, issue 11), a pair without path.
    const doc = fixture('switchless-3-node.json');
    doc.liveMigration!.networkOrder = ['mgmt', 'link-12', 'link-13', 'link-23'];
    doc.networks!.push({ id: 'spare', name: 'Spare', prefixes: ['10.99.0.0/24'] });
    doc.nics!.push({ id: 'n1-to2b', node: 'n1', name: 'Second port to HV02', addresses: ['10.12.0.11/24'] });
    doc.nics = doc.nics!.filter((n) => n.id !== 'n3-to2');
    const parsed = parseTopology(doc);
    if (!parsed.ok) throw new Error('invalid');
    const parserCodes = new Set(parsed.diagnostics.map((d) => d.code));
    expect(parserCodes).toEqual(new Set(['ineligible-network-in-order', 'network-without-nic', 'pair-without-path']));
    const checks = runChecks(parsed.topology);
    expect(checks.every((d) => CHECK_CODES.has(d.code))).toBe(true);
    // n1→n2 now has two paths (two NICs on link-12); n2⇄n3 have none (the parser says so).
    expect(summary(checks)).toEqual([['pair-single-path', ['link-13', 'n1', 'n3']]]);
  });
});

describe('checks grounded in documentation (issue 11)', () => {
  /** switchless-3-node with the HV01–HV02 cable unconfigured: both ends took an APIPA address. */
  function apipaCable(): TopologyDocument {
    const d = fixture('switchless-3-node.json');
    d.networks = d.networks!.filter((n) => n.id !== 'link-12');
    d.liveMigration = { networkOrder: ['link-13', 'link-23'], excludedNetworks: ['mgmt'] };
    d.nics!.find((n) => n.id === 'n1-to2')!.addresses = ['169.254.10.1/16'];
    d.nics!.find((n) => n.id === 'n2-to1')!.addresses = ['169.254.20.2/16'];
    return d;
  }
  /** two-site-routed with a stretched RDMA network 10.9.0.0/24 on HV01 (site A) and HV03 (site B). */
  function stretched(transport: 'smb' | 'compression', rdma = true): TopologyDocument {
    const d = fixture('two-site-routed.json');
    d.networks!.push({ id: 'stretch', name: 'Stretched', prefixes: ['10.9.0.0/24'] });
    d.nics!.push({ id: 'n1-st', node: 'n1', name: 'Stretch', addresses: ['10.9.0.11/24'], rdma }, { id: 'n3-st', node: 'n3', name: 'Stretch', addresses: ['10.9.0.13/24'], rdma });
    d.liveMigration = { ...d.liveMigration, transport };
    return d;
  }
  const only = (code: string, doc: TopologyDocument) => runChecks(load(doc)).filter((x) => x.code === code);

  it('an APIPA address on a network enabled for live migration: one finding per network, naming the NICs', () => {
    const found = only('apipa-address', apipaCable());
    // 169.254.10.1/16 and 169.254.20.2/16 share the subnet 169.254.0.0/16: one implicit network.
    expect(summary(found)).toEqual([['apipa-address', ['n1-to2', 'n2-to1', 'net-169-254-0-0-16'].sort()]]);
    expect(found[0]!.path).toBe('nics[3].addresses[0]');
    expect(found[0]!.message).toMatch(/^Network 'Cluster Network 1' is enabled for live migration but has APIPA \(169\.254\.x\.x\) addresses \(HV01 'Port to HV02', HV02 'Port to HV01'\).*static subnet.*Network ATC/);
  });

  it('no APIPA finding when that network is excluded from live migration', () => {
    const d = apipaCable();
    d.liveMigration!.excludedNetworks = ['mgmt', 'net-169-254-0-0-16'];
    expect(only('apipa-address', d)).toEqual([]);
  });

  it('transport SMB with RDMA NICs on a network spanning sites', () => {
    const found = only('smb-rdma-across-sites', stretched('smb'));
    expect(summary(found)).toEqual([['smb-rdma-across-sites', ['n1-st', 'n3-st', 'site-a', 'site-b', 'stretch']]]);
    expect(found[0]!.path).toBe('networks[4]');
    expect(found[0]!.message).toMatch(/^The transport is SMB and network 'Stretched' spans sites 'Site A' and 'Site B' with RDMA NICs: RDMA is not used between sites/);
  });

  it('SMB Multichannel on networks excluded from live migration (1.2): one finding, the networks and their pair counts', () => {
    const found = only('smb-on-excluded-networks', fixture('smb-multichannel.json'));
    // Every ordered pair (6) uses Storage A; Storage B only between HV01 and HV02 (HV03's port is 10 Gbps): 2 pairs.
    expect(summary(found)).toEqual([['smb-on-excluded-networks', ['n1', 'n2', 'n3', 'storage-a', 'storage-b']]]);
    expect(found[0]!.path).toBe('liveMigration.transport');
    expect(found[0]!.message).toBe(
      "The transport is SMB, and SMB Multichannel sends live migration memory over networks not enabled for live migration: 'Storage A' (6 node pairs), 'Storage B' (2 node pairs). SMB picks the fastest interfaces (RDMA first) whatever the live migration settings. To keep live migration on its own networks, constrain SMB Multichannel to them (New-SmbMultichannelConstraint on every node).",
    );
  });

  it.each([
    ['Compression', { ...fixture('smb-multichannel.json'), liveMigration: { networkOrder: ['lm'], excludedNetworks: ['mgmt', 'storage-a', 'storage-b'] } }],
    ['a constraint to the live migration network', { ...fixture('smb-multichannel.json'), liveMigration: { networkOrder: ['lm'], excludedNetworks: ['mgmt', 'storage-a', 'storage-b'], transport: 'smb' as const, smbMultichannelNetworks: ['lm'] } }],
    ['storage enabled for live migration', { ...fixture('smb-multichannel.json'), liveMigration: { networkOrder: ['lm'], excludedNetworks: ['mgmt'], transport: 'smb' as const } }],
    ['SMB on the excluded management network only when it is not the fastest', { ...fixture('switched-4-node.json'), liveMigration: { networkOrder: ['storage-1', 'storage-2'], excludedNetworks: ['mgmt'], transport: 'smb' as const } }],
  ])('no SMB-on-excluded-networks finding with %s', (_name, doc) => {
    expect(only('smb-on-excluded-networks', doc)).toEqual([]);
  });

  it.each([
    ['Compression', stretched('compression')],
    ['no RDMA NIC', stretched('smb', false)],
    ['the network excluded', { ...stretched('smb'), liveMigration: { networkOrder: ['lm-a', 'lm-b'], excludedNetworks: ['mgmt-a', 'mgmt-b', 'stretch'], transport: 'smb' as const } }],
    ['a network within one site', { ...fixture('switched-4-node.json'), liveMigration: { networkOrder: ['storage-1', 'storage-2'], excludedNetworks: ['mgmt'], transport: 'smb' as const } }],
  ])('no RDMA-across-sites finding with %s', (_name, doc) => {
    expect(only('smb-rdma-across-sites', doc)).toEqual([]);
  });
});

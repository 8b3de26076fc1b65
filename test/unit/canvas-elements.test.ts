import { describe, expect, it } from 'vitest';
import { parseTopology, selectMigrationPath, type Topology, type TopologyDocument } from '../../src/engine';
import { generateTwoSiteCluster } from '../generate';
import { applyFailures } from '../../src/engine/model/whatif';
import { EXAMPLES } from '../../src/examples';
import { caption } from '../../src/canvas/caption';
import { buildDiagram, edgeId, transitId } from '../../src/canvas/elements';
import { decorate, pathElements } from '../../src/canvas/highlight';

function topologyOf(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.topology;
}
const example = (id: string): Topology => topologyOf(EXAMPLES.find((e) => e.id === id)!.document);

const classesOf = (d: ReturnType<typeof decorate>, id: string): string[] => (d.get(id)?.classes ?? '').split(' ').filter(Boolean);

describe('buildDiagram', () => {
  it.each(EXAMPLES.map((e) => [e.id]))('draws every element of %s under its own id', (id) => {
    const t = example(id);
    const m = buildDiagram(t);
    for (const el of [...t.sites, ...t.nodes, ...t.nics, ...t.networks, ...t.routers]) expect(m.byId.has(el.id), el.id).toBe(true);
    const transits = t.subnets.filter((s) => s.networkId === null).map((s) => transitId(s.prefix));
    expect(m.nodes.filter((n) => n.kind === 'transit').map((n) => n.id)).toEqual(transits);
    expect(m.nodes.length).toBe(t.sites.length + t.nodes.length + t.nics.length + t.networks.length + t.routers.length + transits.length);
    // One edge per NIC and network it has an address on, and per router and subnet it is attached to.
    const nicEdges = new Set(t.addresses.map((a) => edgeId(a.nicId, a.networkId)));
    const routerEdges = new Set(t.routers.flatMap((r) => (t.index.subnetsByRouter.get(r.id) ?? []).map((i) => edgeId(r.id, t.subnets[i]!.networkId ?? transitId(t.subnets[i]!.prefix)))));
    expect(new Set(m.edges.map((e) => e.id))).toEqual(new Set([...nicEdges, ...routerEdges]));
  });

  it('nests NICs in their node and nodes, routers and site-local networks in their site', () => {
    const m = buildDiagram(example('two-site-routed'));
    expect(m.byId.get('n1-lm')!.parent).toBe('n1');
    expect(m.byId.get('n3')!.parent).toBe('site-b');
    expect(m.byId.get('ra')!.parent).toBe('site-a');
    expect(m.byId.get('lm-a')!.parent).toBe('site-a');
    // The WAN link joins routers of two sites: it belongs to neither.
    expect(m.byId.get(transitId('172.16.0.0/30'))!.parent).toBeNull();
    expect(m.children.get('n1')).toEqual(['n1-mgmt', 'n1-lm']);
  });

  it('labels NICs with name and addresses, networks with name, prefix, role and live migration position', () => {
    const m = buildDiagram(example('switched-4-node'));
    expect(m.byId.get('n1-s1')!.lines).toEqual(['SLOT 3 Port 1', '10.10.1.11/24']);
    expect(m.byId.get('storage-2')!.lines).toEqual(['Storage 2 · 10.10.2.0/24', 'cluster only · live migration #2']);
    expect(m.byId.get('mgmt')!.lines).toEqual(['Management · 10.0.0.0/24', 'cluster and client · excluded from live migration']);
    expect(m.byId.get('mgmt')!.classes).toContain('lm-ineligible');
    expect(m.byId.get('storage-1')!.classes).toContain('lm-eligible');
  });

  it('draws a two-NIC network between two nodes as a switchless cable that still reads as its network', () => {
    const m = buildDiagram(example('switchless-3-node'));
    const cable = m.byId.get('link-23')!;
    expect(cable.kind).toBe('network');
    expect(cable.classes).toContain('cable');
    expect(cable.lines).toEqual(['Direct 2-3 · 10.23.0.0/24', 'switchless cable · cluster only · live migration #3']);
    expect(m.byId.get('mgmt')!.classes).not.toContain('cable');
  });

  it('shows each node’s VM count and memory on its label, with its state', () => {
    const doc = EXAMPLES.find((e) => e.id === 'switchless-3-node')!.document;
    const paused = { ...doc, nodes: doc.nodes!.map((n) => (n.id === 'n2' ? { ...n, state: 'paused' as const } : n)), vms: doc.vms!.filter((v) => v.node !== 'n3') };
    const m = buildDiagram(topologyOf(paused));
    // n1: 9 VMs, 208 GB in the example; n2 paused with 12 VMs (328 GB); n3 without VMs keeps its plain name.
    expect(m.byId.get('n1')!.lines).toEqual(['HV01 (9 VMs · 208 GB)']);
    expect(m.byId.get('n2')!.lines).toEqual(['HV02 (paused · 12 VMs · 328 GB)']);
    expect(m.byId.get('n3')!.lines).toEqual(['HV03']);
  });

  it('sizes leaves for their longest label, tags included', () => {
    const m = buildDiagram(example('two-site-routed'));
    const nic = m.byId.get('n1-mgmt')!;
    expect(nic.w).toBeGreaterThan(60);
    expect(nic.h).toBeGreaterThan(2 * 11);
    expect(m.byId.get('lm-a')!.w).toBeGreaterThan(m.byId.get('n1-lm')!.w);
  });
});

describe('pathElements', () => {
  it('follows a routed path through both routers and the WAN link between them', () => {
    const t = example('two-site-routed');
    const s = selectMigrationPath(t, 'n1', 'n3');
    expect(pathElements(t, s.chosen!)).toEqual([
      'n1-lm', edgeId('n1-lm', 'lm-a'), 'lm-a', edgeId('ra', 'lm-a'), 'ra', edgeId('ra', transitId('172.16.0.0/30')), transitId('172.16.0.0/30'), edgeId('rb', transitId('172.16.0.0/30')), 'rb', edgeId('rb', 'lm-b'), 'lm-b', edgeId('n3-lm', 'lm-b'), 'n3-lm',
    ]);
  });

  it('follows a direct path NIC → network → NIC', () => {
    const t = example('switchless-3-node');
    expect(pathElements(t, selectMigrationPath(t, 'n2', 'n3').chosen!)).toEqual(['n2-to3', edgeId('n2-to3', 'link-23'), 'link-23', edgeId('n3-to2', 'link-23'), 'n3-to2']);
  });

  it.each(EXAMPLES.map((e) => [e.id]))('names only drawn elements, for every pair and both modes of %s', (id) => {
    const t = example(id);
    const m = buildDiagram(t);
    for (const a of t.nodes)
      for (const b of t.nodes) {
        if (a === b) continue;
        for (const mode of ['ws2025', 'legacy'] as const) {
          const s = selectMigrationPath(t, a.id, b.id, { mode });
          for (const c of [s.chosen, ...s.fallbacks]) if (c) for (const el of pathElements(t, c)) expect(m.byId.has(el) || m.edgeById.has(el), `${a.id}→${b.id} ${el}`).toBe(true);
        }
      }
  });
});

describe('decorate', () => {
  const input = (t: Topology, src: string | null, dst: string | null, extra: { mode?: 'ws2025' | 'legacy'; failed?: string[]; selectedIds?: string[] } = {}) => ({
    model: buildDiagram(t),
    topology: t,
    selection: src && dst ? selectMigrationPath(t, src, dst, { mode: extra.mode ?? 'ws2025' }) : null,
    sourceNodeId: src,
    destinationNodeId: dst,
    failed: extra.failed ?? [],
    selectedIds: extra.selectedIds ?? [],
  });

  it('marks the chosen path, numbers the fallbacks and dims everything else', () => {
    const t = example('switched-4-node');
    const d = decorate(input(t, 'n1', 'n3'));
    for (const id of ['n1-s1', edgeId('n1-s1', 'storage-1'), 'storage-1', edgeId('n3-s1', 'storage-1'), 'n3-s1']) expect(classesOf(d, id)).toContain('chosen');
    for (const id of ['n1-s2', 'storage-2', 'n3-s2']) expect(classesOf(d, id)).toEqual(['fallback']);
    expect(d.get(edgeId('n1-s2', 'storage-2'))).toEqual({ classes: 'fallback', label: '1' });
    expect(d.get('storage-2')!.label).toBe('FALLBACK 1 · Storage 2 · 10.10.2.0/24\ncluster only · live migration #2');
    expect(d.get('storage-1')!.label.startsWith('✔ CHOSEN · Storage 1')).toBe(true);
    expect(classesOf(d, 'mgmt')).toEqual(['dimmed']);
    expect(classesOf(d, 'n2')).toEqual(['dimmed']);
    expect(classesOf(d, edgeId('n2-s1', 'storage-1'))).toEqual(['dimmed']);
    expect(classesOf(d, 'n1')).toEqual(['source']);
    expect(d.get('n1')!.label).toBe('HV01 (11 VMs · 264 GB) · SOURCE');
    expect(d.get('n3')!.label).toBe('HV03 (14 VMs · 360 GB) · DESTINATION');
  });

  it('with SMB lights every stream: the extra network is tagged SMB Multichannel, a network with two streams counts them', () => {
    const doc = EXAMPLES.find((e) => e.id === 'switched-4-node')!.document;
    const t = topologyOf({ ...doc, liveMigration: { ...doc.liveMigration, transport: 'smb' } });
    const d = decorate(input(t, 'n1', 'n3'));
    // Storage 2's NIC pair matches the chosen pair (25 Gb/s, RDMA at both ends): a second stream.
    for (const id of ['n1-s2', edgeId('n1-s2', 'storage-2'), 'storage-2', edgeId('n3-s2', 'storage-2'), 'n3-s2']) expect(classesOf(d, id)).toContain('chosen');
    expect(d.get('storage-2')!.label.startsWith('✔ SMB MULTICHANNEL · Storage 2')).toBe(true);
    // Storage 2's drops are also fallback 1's, but lit as a stream they carry no number.
    expect(d.get(edgeId('n1-s2', 'storage-2'))).toEqual({ classes: 'chosen', label: '' });
    expect(d.get('storage-1')!.label.startsWith('✔ CHOSEN · Storage 1')).toBe(true);
    // A second NIC of HV01 on Storage 1: two streams on the chosen network.
    const multi = topologyOf({
      ...doc,
      nics: [...doc.nics!, { id: 'n1-s1b', node: 'n1', name: 'SLOT 4 Port 1', addresses: ['10.10.1.21/24'], speedGbps: 25, rdma: true }],
      liveMigration: { ...doc.liveMigration, transport: 'smb' },
    });
    const m = decorate(input(multi, 'n1', 'n3'));
    expect(m.get('storage-1')!.label.startsWith('✔ CHOSEN · SMB ×2 · Storage 1')).toBe(true);
    expect(classesOf(m, 'n1-s1b')).toContain('chosen');
    // Compression (the default): only the chosen path.
    expect(classesOf(decorate(input(example('switched-4-node'), 'n1', 'n3')), 'storage-2')).toEqual(['fallback']);
  });

  it('SMB Multichannel on networks excluded from live migration (1.2): the streams lit and tagged, the idle chosen path dashed', () => {
    const t = example('smb-multichannel');
    const d = decorate(input(t, 'n1', 'n2'));
    for (const net of ['storage-a', 'storage-b']) {
      expect(classesOf(d, net)).toContain('chosen');
      expect(d.get(net)!.label.startsWith(`✔ SMB MULTICHANNEL · EXCLUDED FROM LIVE MIGRATION · Storage ${net.slice(-1).toUpperCase()}`)).toBe(true);
    }
    for (const id of ['n1-sa', edgeId('n1-sa', 'storage-a'), edgeId('n2-sb', 'storage-b'), 'n2-sb']) expect(classesOf(d, id)).toContain('chosen');
    // The chosen path (Live migration) carries no memory: where the migration connects, not lit as chosen.
    for (const id of ['n1-lm', edgeId('n1-lm', 'lm'), 'lm', edgeId('n2-lm', 'lm'), 'n2-lm']) expect(classesOf(d, id)).toEqual(['idle']);
    expect(d.get('lm')!.label.startsWith('CHOSEN · SMB IDLE · Live migration')).toBe(true);
    // Management (excluded, 10 Gbps, no RDMA) carries nothing: faded.
    expect(classesOf(d, 'mgmt')).toEqual(['dimmed']);
    // The constraint to the live migration network: the chosen path carries the memory again.
    const fixed = topologyOf({ ...EXAMPLES.find((e) => e.id === 'smb-multichannel')!.document, liveMigration: { networkOrder: ['lm'], excludedNetworks: ['mgmt', 'storage-a', 'storage-b'], transport: 'smb', smbMultichannelNetworks: ['lm'] } });
    const f = decorate(input(fixed, 'n1', 'n2'));
    expect(classesOf(f, 'lm')).toEqual(['chosen']);
    expect(f.get('lm')!.label.startsWith('✔ CHOSEN · Live migration')).toBe(true);
    expect(classesOf(f, 'storage-a')).toEqual(['dimmed']);
  });

  it('numbers every fallback an element belongs to', () => {
    const t = topologyOf(generateTwoSiteCluster({ nodesPerSite: 2, lmNetworksPerSite: 2, storageNetworksPerSite: 0, routersPerSite: 2 }));
    const d = decorate(input(t, 'a01', 'b01'));
    expect(d.get('lm-a2')!.label.startsWith('FALLBACK 2,3 · ')).toBe(true);
    expect(d.get(edgeId('a01-lm2', 'lm-a2'))!.label).toBe('2,3');
    // The chosen path's first drop is also fallback 1's: it stays chosen and carries the number.
    expect(d.get(edgeId('a01-lm1', 'lm-a1'))).toEqual({ classes: 'chosen', label: '1' });
  });

  it('dims nothing before a node is picked, and everything but the source (and its NICs) while the destination is picked', () => {
    const t = example('switched-4-node');
    expect([...decorate(input(t, null, null)).values()].some((x) => x.classes.includes('dimmed'))).toBe(false);
    const d = decorate(input(t, 'n1', null));
    expect(classesOf(d, 'n1')).toEqual(['source']);
    expect(classesOf(d, 'n1-s1')).toEqual([]);
    expect(classesOf(d, 'n2')).toEqual(['dimmed']);
    expect(classesOf(d, 'storage-1')).toEqual(['dimmed']);
    expect(classesOf(d, edgeId('n1-s1', 'storage-1'))).toEqual(['dimmed']);
  });

  it('tags the networks the legacy behaviour tries and times out on, with their try number', () => {
    const t = example('switchless-3-node');
    const legacy = decorate(input(t, 'n2', 'n3', { mode: 'legacy' }));
    expect(classesOf(legacy, 'link-12')).toEqual(['attempt']);
    expect(legacy.get('link-12')!.label.startsWith('TRY 1 · 20 s TIMEOUT · Direct 1-2')).toBe(true);
    expect(legacy.get('link-13')!.label.startsWith('TRY 2 · 20 s TIMEOUT · Direct 1-3')).toBe(true);
    expect(classesOf(legacy, 'link-23')).toContain('chosen');
    const ws = decorate(input(t, 'n2', 'n3'));
    expect(classesOf(ws, 'link-12')).toEqual(['dimmed']);
  });

  it('shows failures as failed, with ✕, on the element and its drops', () => {
    const t = example('switched-4-node');
    const failed = ['storage-1', 'n2'];
    // The selection is computed on the topology with the failures applied, as the store does.
    const effective = topologyOf(applyFailures(EXAMPLES.find((e) => e.id === 'switched-4-node')!.document, failed));
    const d = decorate({ ...input(t, 'n1', 'n3', { failed }), topology: effective, selection: selectMigrationPath(effective, 'n1', 'n3') });
    expect(classesOf(d, 'storage-2')).toContain('chosen');
    // In full view, not faded with the rest.
    expect(classesOf(d, 'storage-1')).toEqual(['failed']);
    expect(d.get('storage-1')!.label.startsWith('✕ FAILED · Storage 1')).toBe(true);
    expect(classesOf(d, edgeId('n4-s1', 'storage-1'))).toEqual(['failed']);
    expect(classesOf(d, 'n2')).toEqual(['failed']);
    expect(d.get('n2')!.label).toBe('✕ HV02 (8 VMs · 212 GB)');
  });

  it('marks the selection', () => {
    const t = example('switched-4-node');
    const d = decorate(input(t, null, null, { selectedIds: ['storage-2'] }));
    expect(classesOf(d, 'storage-2')).toEqual(['selected']);
  });
});

describe('caption', () => {
  it('says which pair, which mode and which network', () => {
    const t = example('two-site-routed');
    const c = caption(t, selectMigrationPath(t, 'n1', 'n3'), []);
    expect(c).toEqual({ title: 'Two-site stretched cluster', subtitle: "Live migration HV01 → HV03 · Windows Server 2025 · chosen 'Live Migration A' → 'Live Migration B' (routed)" });
    const legacy = caption(example('switchless-3-node'), selectMigrationPath(example('switchless-3-node'), 'n2', 'n3', { mode: 'legacy' }), ['n1']);
    expect(legacy.subtitle).toBe("Live migration HV02 → HV03 · Legacy (Windows Server 2022 and earlier) · chosen 'Direct 2-3' · starts after 40 s of timeouts · what-if: 1 element failed");
  });
});

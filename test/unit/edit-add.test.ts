import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/engine/edit';
import { chain, empty, must, topologyOf } from './edit-support';
import { readFixture } from './helpers';
import type { TopologyDocument } from '../../src/engine';

const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;

describe('add edits', () => {
  it('adds sites, nodes, NICs, networks and routers with readable fresh ids and names', () => {
    const { doc, results } = chain(
      empty(),
      { type: 'add-site' },
      { type: 'add-site' },
      { type: 'add-node', site: 'site-a' },
      { type: 'add-node' },
      { type: 'add-nic', node: 'n1' },
      { type: 'add-nic', node: 'n1' },
      { type: 'add-network' },
      { type: 'add-network', family: 6 },
      { type: 'add-router', site: 'site-b' },
    );
    expect(results.map((r) => r.created)).toEqual([['site-a'], ['site-b'], ['n1'], ['n2'], ['n1-nic1'], ['n1-nic2'], ['net1'], ['net2'], ['r1']]);
    expect(doc.sites).toEqual([{ id: 'site-a', name: 'Site A' }, { id: 'site-b', name: 'Site B' }]);
    expect(doc.nodes).toEqual([{ id: 'n1', name: 'HV01', site: 'site-a' }, { id: 'n2', name: 'HV02' }]);
    expect(doc.nics).toEqual([
      { id: 'n1-nic1', node: 'n1', name: 'NIC 1', addresses: [] },
      { id: 'n1-nic2', node: 'n1', name: 'NIC 2', addresses: [] },
    ]);
    expect(doc.networks).toEqual([
      { id: 'net1', name: 'Network 1', prefixes: ['10.0.0.0/24'] },
      { id: 'net2', name: 'Network 2', prefixes: ['fd00:1::/64'] },
    ]);
    expect(doc.routers).toEqual([{ id: 'r1', name: 'Router 1', site: 'site-b', interfaces: [] }]);
    // Inserted without a drop point: no saved position, the diagram places them.
    expect(doc.layout).toBeUndefined();
  });

  it('skips ids and names already taken, including networks the parser created', () => {
    const doc: TopologyDocument = {
      format: 'lm-topology', version: 1,
      nodes: [{ id: 'n1', name: 'HV02' }, { id: 'n2', name: 'x' }],
      nics: [{ id: 'n1-nic1', node: 'n1', name: 'NIC 1', addresses: ['10.0.0.11/24'] }],
      networks: [{ id: 'net1', name: 'Network 2', prefixes: ['10.9.0.0/24'] }],
    };
    expect(must(doc, { type: 'add-node' }).document.nodes!.at(-1)).toEqual({ id: 'n3', name: 'HV03' });
    expect(must(doc, { type: 'add-nic', node: 'n1' }).document.nics!.at(-1)).toMatchObject({ id: 'n1-nic2', name: 'NIC 2' });
    // 10.0.0.0/24 is the implicit network's subnet: the new network takes the next free /24.
    expect(must(doc, { type: 'add-network' }).document.networks!.at(-1)).toEqual({ id: 'net2', name: 'Network 3', prefixes: ['10.0.1.0/24'] });
  });

  it('keeps untouched elements and sections identical (same objects)', () => {
    const doc = twoSite();
    const r = must(doc, { type: 'add-node', site: 'site-b', name: 'HV09' });
    expect(r.document.nodes!.at(-1)).toEqual({ id: 'n5', name: 'HV09', site: 'site-b' });
    expect(r.document.nics).toBe(doc.nics);
    expect(r.document.networks).toBe(doc.networks);
    expect(r.document.sites).toBe(doc.sites);
    r.document.nodes!.slice(0, 4).forEach((n, i) => expect(n).toBe(doc.nodes![i]));
  });

  it('saves the drop point as the position when there is one, and nothing otherwise', () => {
    const base = must(twoSite(), { type: 'set-positions', positions: { n3: { x: 600, y: 0 } } }).document;
    expect(must(base, { type: 'add-node', site: 'site-b' }).document.layout).toBe(base.layout);
    for (const edit of [
      { type: 'add-site', position: { x: 1, y: 2 } }, { type: 'add-node', site: 'site-b', position: { x: 1, y: 2 } }, { type: 'add-nic', node: 'n3', position: { x: 1, y: 2 } },
      { type: 'add-network', position: { x: 1, y: 2 } }, { type: 'add-router', position: { x: 1, y: 2 } },
    ] as const) {
      const r = must(base, edit);
      expect(r.document.layout![r.created[0]!], edit.type).toEqual({ x: 1, y: 2 });
      expect(r.document.layout!.n3).toBe(base.layout!.n3);
    }
  });

  it('refuses a missing parent, an empty name or a bad prefix, changing nothing', () => {
    const doc = twoSite();
    for (const edit of [
      { type: 'add-node', site: 'nowhere' },
      { type: 'add-nic', node: 'site-a' },
      { type: 'add-router', site: 'n1' },
      { type: 'add-site', name: '  ' },
      { type: 'add-network', prefix: '10.1' },
      { type: 'add-network', prefix: '10.1.0.0/24' }, // claimed by mgmt-a
    ] as const) {
      const r = applyEdit(doc, edit);
      expect(r.ok, JSON.stringify(edit)).toBe(false);
      if (!r.ok) expect(r.errors[0]!.message).toMatch(/\w/);
    }
    expect(applyEdit(doc, { type: 'add-network', prefix: '10.1.0.0/24' })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('both claim 10.1.0.0/24') }] });
  });

  it('gives new networks prefixes that overlap no network, router subnet or routed destination', () => {
    const doc = twoSite();
    let d = doc;
    for (let i = 0; i < 5; i++) d = must(d, { type: 'add-network' }).document;
    const t = topologyOf(d);
    expect(t.networks.slice(-5).map((n) => n.prefixes[0])).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24', '10.0.4.0/24']);
    const routed = topologyOf({ ...doc, nics: [{ id: 'x', node: 'n1', name: 'x', addresses: ['10.1.0.99/24'], routes: [{ prefix: '10.0.0.0/23', via: '10.1.0.1' }] }], networks: [], liveMigration: {} });
    const next = must(routed.document, { type: 'add-network' }).document;
    expect(next.networks!.at(-1)!.prefixes).toEqual(['10.0.2.0/24']);
  });
});

import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { applyEdit } from '../../src/engine/edit';
import { EXAMPLES } from '../../src/examples';
import { dangling, must, nic, router, topologyOf } from './edit-support';
import { readFixture } from './helpers';

const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;
const withLayout = (doc: TopologyDocument): TopologyDocument => {
  const t = topologyOf(doc);
  const ids = [...t.sites, ...t.nodes, ...t.nics, ...t.networks, ...t.routers].map((e) => e.id);
  return { ...doc, layout: Object.fromEntries(ids.map((id, i) => [id, { x: i * 10, y: i }])) };
};

describe('delete', () => {
  it('a node takes its NICs and their positions', () => {
    const doc = withLayout(twoSite());
    const r = must(doc, { type: 'delete', ids: ['n1'] });
    expect(r.document.nodes!.map((n) => n.id)).toEqual(['n2', 'n3', 'n4']);
    expect(r.document.nics!.map((n) => n.id)).not.toContain('n1-lm');
    expect(r.document.nics!.map((n) => n.id)).not.toContain('n1-mgmt');
    expect(Object.keys(r.document.layout!)).not.toEqual(expect.arrayContaining(['n1']));
    expect(r.document.layout!['n1-lm']).toBeUndefined();
    expect(dangling(r.document)).toEqual([]);
    // Untouched sections stay the same objects.
    expect(r.document.networks).toBe(doc.networks);
    expect(r.document.routers).toBe(doc.routers);
    // Issue 17: what went with it is listed (the README promises it), in one short message.
    expect(r.messages).toEqual(["Deleted HV01. Removed with it: 2 NICs (HV01 'Management' and HV01 'Live Migration')."]);
  });

  it('a node takes its VMs, and says which; other VMs stay the same objects', () => {
    const doc: TopologyDocument = {
      ...withLayout(twoSite()),
      vms: [
        { id: 'vm1', name: 'SQL01', node: 'n1', memoryGB: 64 },
        { id: 'vm2', name: 'Web01', node: 'n2', memoryGB: 8 },
        { id: 'vm3', name: 'File01', node: 'n1', memoryGB: 16, state: 'off' },
      ],
    };
    doc.layout = { ...doc.layout, vm1: { x: 5, y: 5 } };
    const r = must(doc, { type: 'delete', ids: ['n1'] });
    expect(r.document.vms!.map((v) => v.id)).toEqual(['vm2']);
    expect(r.document.vms![0]).toBe(doc.vms![1]);
    expect(r.document.layout!.vm1).toBeUndefined();
    // One grouped message: HV01's two NICs and its two VMs go with it.
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/^Deleted HV01\. Removed with it: .*2 VMs \('SQL01' and 'File01'\)/);
    expect(dangling(r.document)).toEqual([]);
    // A site takes its nodes, and they their VMs.
    const s = must(doc, { type: 'delete', ids: ['site-a'] });
    expect(s.document.vms).toEqual([]);
    // Deleting a node without VMs leaves the section alone.
    expect(must(doc, { type: 'delete', ids: ['n3'] }).document.vms).toBe(doc.vms);
  });

  it('a router takes the routes through it, reported as one grouped list', () => {
    const r = must(twoSite(), { type: 'delete', ids: ['ra'] });
    expect(r.document.routers!.map((x) => x.id)).toEqual(['rb']);
    expect(nic(r.document, 'n1-lm').routes).toEqual([]);
    expect(nic(r.document, 'n1-mgmt').routes).toEqual([]);
    expect(nic(r.document, 'n3-lm').routes).toEqual([{ prefix: '10.1.10.0/24', via: '10.2.10.1' }]);
    // Before issue 17: four repeated sentences, one per route.
    expect(r.messages).toEqual([
      "Deleted Router A. Removed with it: 4 static routes through Router A (on HV01 'Management', HV01 'Live Migration', HV02 'Management' and HV02 'Live Migration').",
    ]);
    expect(dangling(r.document)).toEqual([]);
  });

  it('a network unplugs its NICs and router interfaces, leaves the live migration settings, and takes routes to it', () => {
    const r = must(withLayout(twoSite()), { type: 'delete', ids: ['lm-b'] });
    expect(r.document.networks!.map((n) => n.id)).toEqual(['mgmt-a', 'mgmt-b', 'lm-a']);
    expect(nic(r.document, 'n3-lm')).toMatchObject({ addresses: [], routes: [] });
    expect(router(r.document, 'rb').interfaces).toEqual(['10.2.0.1/24', '172.16.0.2/30']);
    expect(nic(r.document, 'n1-lm').routes).toEqual([]); // the route to 10.2.10.0/24 led nowhere now
    expect(r.document.liveMigration).toEqual({ networkOrder: ['lm-a'], excludedNetworks: ['mgmt-a', 'mgmt-b'] });
    expect(r.messages).toEqual([
      "Deleted network 'Live Migration B'. Removed with it: its place in the live migration settings; 2 static routes to network 'Live Migration B' (on HV01 'Live Migration' and HV02 'Live Migration'); 2 static routes whose gateway is no longer on the NIC's subnet (on HV03 'Live Migration' and HV04 'Live Migration'); 1 router interface on it (Router B 10.2.10.1/24).",
    ]);
    expect(dangling(r.document)).toEqual([]);
  });

  it('a network the parser created from addresses goes with its addresses and its place in the settings', () => {
    const doc: TopologyDocument = {
      format: 'lm-topology', version: 1,
      nodes: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
      nics: [{ id: 'a1', node: 'a', name: 'x', addresses: ['10.7.0.1/24'] }, { id: 'b1', node: 'b', name: 'x', addresses: ['10.7.0.2/24'] }],
      liveMigration: { networkOrder: ['net-10-7-0-0-24'] },
      layout: { 'net-10-7-0-0-24': { x: 1, y: 1 } },
    };
    const r = must(doc, { type: 'delete', ids: ['net-10-7-0-0-24'] });
    expect(r.document.nics!.map((n) => n.addresses)).toEqual([[], []]);
    expect(r.document.liveMigration).toEqual({ networkOrder: [] });
    expect(r.document.layout).toEqual({});
    expect(dangling(r.document)).toEqual([]);
    // Deleting the last NIC on it has the same effect, through the settle step.
    const viaNics = must(doc, { type: 'delete', ids: ['a1', 'b1'] });
    expect(viaNics.document.liveMigration).toEqual({ networkOrder: [] });
    expect(viaNics.document.layout).toEqual({});
    expect(viaNics.messages).toEqual(["Network 'Cluster Network 1' no longer exists (its last address was removed), so it left the live migration settings."]);
  });

  it('a site takes what is inside it, and says so', () => {
    const r = must(withLayout(twoSite()), { type: 'delete', ids: ['site-b'] });
    expect(r.document.sites!.map((s) => s.id)).toEqual(['site-a']);
    expect(r.document.nodes!.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(r.document.routers!.map((x) => x.id)).toEqual(['ra']);
    expect(r.messages[0]).toMatch(/^Deleted site 'Site B'\. Removed with it: what was in site 'Site B' \(HV03, HV04 and Router B\); 4 NICs \(HV03 'Management', HV03 'Live Migration', HV04 'Management' and HV04 'Live Migration'\)\.$/);
    expect(dangling(r.document)).toEqual([]);
  });

  it('deleting everything leaves an empty, valid topology; unknown ids change nothing', () => {
    const doc = withLayout(twoSite());
    const t = topologyOf(doc);
    const all = [...t.sites, ...t.nodes, ...t.nics, ...t.networks, ...t.routers].map((e) => e.id);
    const r = must(doc, { type: 'delete', ids: all });
    expect(r.document).toMatchObject({ sites: [], nodes: [], nics: [], networks: [], routers: [], layout: {}, liveMigration: { networkOrder: [], excludedNetworks: [] } });
    expect(must(doc, { type: 'delete', ids: ['nope'] }).document).toBe(doc);
  });

  it('leaves nothing dangling whatever single element of any example is deleted', () => {
    for (const ex of EXAMPLES) {
      const doc = withLayout(ex.document);
      const t = topologyOf(doc);
      for (const e of [...t.sites, ...t.nodes, ...t.nics, ...t.networks, ...t.routers]) {
        const r = applyEdit(doc, { type: 'delete', ids: [e.id] });
        expect(r.ok, `${ex.id}: delete ${e.id}`).toBe(true);
        if (!r.ok) continue;
        expect(dangling(r.document), `${ex.id}: delete ${e.id}`).toEqual([]);
        expect(topologyOf(r.document).index.nodes.has(e.id) || topologyOf(r.document).index.nics.has(e.id)).toBe(false);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { applyEdit, copyNodes } from '../../src/engine/edit';
import { chain, dangling, hostAddresses, must, nic } from './edit-support';
import { readFixture } from './helpers';

const twoSite = (): TopologyDocument => ({
  ...(readFixture('two-site-routed.json') as TopologyDocument),
  layout: {
    n1: { x: 0, y: 0 }, 'n1-mgmt': { x: 0, y: 0 }, 'n1-lm': { x: 0, y: 44 },
    n2: { x: 180, y: 0 }, 'n2-mgmt': { x: 180, y: 0 }, 'n2-lm': { x: 180, y: 44 },
    n3: { x: 800, y: 0 }, 'n3-mgmt': { x: 800, y: 0 }, 'n3-lm': { x: 800, y: 44 },
    n4: { x: 980, y: 0 }, 'n4-mgmt': { x: 980, y: 0 }, 'n4-lm': { x: 980, y: 44 },
  },
});

describe('move (re-parent)', () => {
  it('moves a node into another site, forgetting its and its NICs\' old positions (the diagram redraws it there)', () => {
    const doc = twoSite();
    const d = must(doc, { type: 'move', ids: ['n1'], to: 'site-b' }).document;
    expect(d.nodes![0]).toEqual({ id: 'n1', name: 'HV01', site: 'site-b' });
    expect(Object.keys(d.layout!).filter((id) => id.startsWith('n1'))).toEqual([]);
    expect(d.layout!.n2).toBe(doc.layout!.n2);
    // A drop gives the positions in the same batch: one undo step.
    const dropped = must(doc, { type: 'batch', edits: [{ type: 'move', ids: ['n1'], to: 'site-b' }, { type: 'set-positions', positions: { 'n1-mgmt': { x: 900, y: 200 }, 'n1-lm': { x: 900, y: 244 } } }] }).document;
    expect(dropped.layout!['n1-lm']).toEqual({ x: 900, y: 244 });
    expect(dropped.nodes![0]!.site).toBe('site-b');
  });

  it('moves nodes and routers out of every site, and NICs onto another node', () => {
    const doc = twoSite();
    const out = must(doc, { type: 'move', ids: ['n2', 'ra'], to: null }).document;
    expect(out.nodes![1]).toEqual({ id: 'n2', name: 'HV02' });
    expect(out.routers![0]).not.toHaveProperty('site');
    const moved = must(doc, { type: 'move', ids: ['n1-lm'], to: 'n2' }).document;
    expect(nic(moved, 'n1-lm').node).toBe('n2');
    expect(dangling(moved)).toEqual([]);
    // A NIC selected with its node goes with the node.
    expect(must(doc, { type: 'move', ids: ['n1', 'n1-lm'], to: 'site-b' }).document.nics).toBe(doc.nics);
  });

  it('refuses moves that make no sense and changes nothing when already there', () => {
    const doc = twoSite();
    for (const edit of [
      { type: 'move', ids: ['n1'], to: 'n2' },
      { type: 'move', ids: ['n1-lm'], to: 'site-a' },
      { type: 'move', ids: ['n1-lm'], to: null },
      { type: 'move', ids: ['lm-a'], to: 'site-a' },
      { type: 'move', ids: ['n1'], to: 'lm-a' },
    ] as const) expect(applyEdit(doc, edit).ok, JSON.stringify(edit)).toBe(false);
    expect(must(doc, { type: 'move', ids: ['n1'], to: 'site-a' }).document).toBe(doc);
  });
});

describe('positions', () => {
  it('sets positions; a node brings its NICs, a site everything in it', () => {
    const doc = twoSite();
    const d = must(doc, { type: 'set-positions', positions: { n1: { x: 10, y: 20 } } }).document;
    expect(d.layout!['n1-lm']).toEqual({ x: 10, y: 64 });
    expect(d.layout!['n1-mgmt']).toEqual({ x: 10, y: 20 });
    const withSite = { ...doc, layout: { ...doc.layout, 'site-b': { x: 900, y: 0 } } };
    const s = must(withSite, { type: 'set-positions', positions: { 'site-b': { x: 900, y: 100 } } }).document;
    expect(s.layout!.n3).toEqual({ x: 800, y: 100 });
    expect(s.layout!['n4-lm']).toEqual({ x: 980, y: 144 });
    expect(s.layout!.n1).toBe(doc.layout!.n1);
    // A drag reports every element it moved: given positions win.
    const g = must(doc, { type: 'set-positions', positions: { n1: { x: 10, y: 20 }, 'n1-lm': { x: 5, y: 5 } } }).document;
    expect(g.layout!['n1-lm']).toEqual({ x: 5, y: 5 });
  });

  it('refuses unknown ids and non-finite numbers; same positions change nothing; stale positions can be forgotten', () => {
    const doc = twoSite();
    expect(applyEdit(doc, { type: 'set-positions', positions: { ghost: { x: 1, y: 1 } } }).ok).toBe(false);
    expect(applyEdit(doc, { type: 'set-positions', positions: { n1: { x: Number.NaN, y: 1 } } }).ok).toBe(false);
    expect(must(doc, { type: 'set-positions', positions: { n1: { x: 0, y: 0 } } }).document).toBe(doc);
    const stale = { ...doc, layout: { ...doc.layout, ghost: { x: 1, y: 1 } } };
    expect(must(stale, { type: 'remove-positions', ids: ['ghost'] }).document.layout).toEqual(doc.layout);
  });
});

describe('copy, paste, duplicate', () => {
  it('duplicates a node with its NICs: next name, next free addresses on the same networks, routes kept, offset position', () => {
    const doc = twoSite();
    const r = must(doc, { type: 'duplicate', ids: ['n1'] });
    expect(r.created).toEqual(['n5']);
    const d = r.document;
    expect(d.nodes!.at(-1)).toEqual({ id: 'n5', name: 'HV05', site: 'site-a' });
    expect(nic(d, 'n5-mgmt')).toEqual({ ...nic(doc, 'n1-mgmt'), id: 'n5-mgmt', node: 'n5', addresses: ['10.1.0.13/24'] });
    expect(nic(d, 'n5-lm')).toEqual({ ...nic(doc, 'n1-lm'), id: 'n5-lm', node: 'n5', addresses: ['10.1.10.13/24'] });
    // Beside the original, past HV02 (at x 180): the first free slot one group width + gap at a time.
    expect(d.layout!.n5).toEqual({ x: 520, y: 0 });
    expect(d.layout!['n5-lm']).toEqual({ x: 520, y: 44 });
    const hosts = hostAddresses(d);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('pastes twice without stacking copies, and into a chosen site', () => {
    const doc = twoSite();
    const clip = copyNodes(doc, ['n1', 'n2', 'lm-a'])!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['n1', 'n2']);
    const { doc: d } = chain(doc, { type: 'paste', clip }, { type: 'paste', clip });
    expect(d.nodes!.map((n) => n.name)).toEqual(['HV01', 'HV02', 'HV03', 'HV04', 'HV05', 'HV06', 'HV07', 'HV08']);
    expect(d.layout!.n5).toEqual({ x: 440, y: 0 });
    expect(d.layout!.n6).toEqual({ x: 620, y: 0 });
    expect(d.layout!.n7).toEqual({ x: 1320, y: 0 }); // past the copies and site B's nodes
    const into = must(doc, { type: 'paste', clip, site: 'site-b' }).document;
    expect(into.nodes!.slice(-2).map((n) => n.site)).toEqual(['site-b', 'site-b']);
    expect(into.layout!.n5).toBeUndefined(); // placed by the diagram inside site B
    expect(copyNodes(doc, ['lm-a'])).toBeNull();
    expect(applyEdit(doc, { type: 'duplicate', ids: ['lm-a'] }).ok).toBe(false);
  });

  it('names a copy without a number "(copy)", and keeps non-standard NIC ids readable', () => {
    const doc: TopologyDocument = {
      format: 'lm-topology', version: 1,
      nodes: [{ id: 'web', name: 'Web' }],
      nics: [{ id: 'eth0', node: 'web', name: 'eth0', addresses: ['fd00:5::11/64'] }],
    };
    const d = must(must(doc, { type: 'duplicate', ids: ['web'] }).document, { type: 'duplicate', ids: ['web'] }).document;
    expect(d.nodes!.map((n) => n.name)).toEqual(['Web', 'Web (copy)', 'Web (copy 2)']);
    expect(d.nics!.map((n) => `${n.id} ${n.addresses[0]}`)).toEqual(['eth0 fd00:5::11/64', 'n1-nic1 fd00:5::12/64', 'n2-nic1 fd00:5::13/64']);
  });
});

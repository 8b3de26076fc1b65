/** Every store action, and what undo does after it (UI-only actions are not undo steps). */
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { HISTORY_LIMIT, createAppStore, type AppStore, type Tap } from '../../src/store/appStore';
import { readFixture } from './helpers';

const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;
const make = (doc: TopologyDocument = twoSite(), pair: [string, string] | null = ['n1', 'n3']): AppStore => createAppStore({ document: doc, pair });

/** Runs a UI-only action and checks that it left the history and the document alone. */
function uiOnly(store: AppStore, run: () => void): void {
  const { document, past, future } = store.getState();
  run();
  const s = store.getState();
  expect(s.document).toBe(document);
  expect(s.past).toBe(past);
  expect(s.future).toBe(future);
}

describe('document actions and their undo', () => {
  it('an edit applies as one step; undo and redo walk it', () => {
    const store = make();
    const start = store.getState().document;
    expect(store.getState().actions.edit({ type: 'update-topology', patch: { name: 'Renamed' } }).ok).toBe(true);
    const next = store.getState().document;
    expect(store.getState().design.name).toBe('Renamed');
    expect(store.getState().past).toEqual([start]);
    store.getState().actions.undo();
    expect(store.getState().document).toBe(start);
    expect(store.getState().design.name).toBe('Two-site stretched cluster');
    store.getState().actions.redo();
    expect(store.getState().document).toBe(next);
  });

  it('a batch that fails half-way is refused whole and changes nothing', () => {
    const store = make();
    const before = store.getState();
    // The rename is valid, the position names an element that does not exist: nothing of it applies.
    const r = store.getState().actions.edit({ type: 'batch', edits: [{ type: 'update-topology', patch: { name: 'Renamed' } }, { type: 'set-positions', positions: { 'no-such-node': { x: 0, y: 0 } } }] });
    expect(r.ok).toBe(false);
    expect(store.getState()).toBe(before);
  });

  it('load bumps loadSeq (the canvas fits to a new file); edits, undo and redo do not', () => {
    const store = make();
    const start = store.getState().document;
    expect(store.getState().loadSeq).toBe(0);
    store.getState().actions.edit({ type: 'update-topology', patch: { name: 'Renamed' } });
    store.getState().actions.undo();
    store.getState().actions.redo();
    expect(store.getState().loadSeq).toBe(0);
    store.getState().actions.load(start);
    expect(store.getState().loadSeq).toBe(1);
    store.getState().actions.newTopology();
    expect(store.getState().loadSeq).toBe(2);
    // Undoing (or redoing) a load replaces the whole topology again: the canvas fits once more.
    store.getState().actions.undo();
    expect(store.getState().loadSeq).toBe(3);
    store.getState().actions.redo();
    expect(store.getState().loadSeq).toBe(4);
  });

  it('edit commits one step, selects what it created and reports its messages; undo removes it', () => {
    const store = make();
    const start = store.getState().document;
    const r = store.getState().actions.edit({ type: 'add-node', site: 'site-a' });
    expect(r).toEqual({ ok: true, messages: [], created: ['n5'] });
    expect(store.getState().design.index.nodes.get('n5')?.site).toBe('site-a');
    expect(store.getState().ui.selectedIds).toEqual(['n5']);
    expect(store.getState().past).toHaveLength(1);
    store.getState().actions.undo();
    expect(store.getState().document).toBe(start);
    expect(store.getState().ui.selectedIds).toEqual([]); // n5 no longer exists
    const del = store.getState().actions.edit({ type: 'delete', ids: ['ra'] });
    expect(del.ok && del.messages).toHaveLength(1);
    expect(store.getState().notice).toMatchObject({ kind: 'info', text: expect.stringContaining('4 static routes through Router A') });
  });

  it('a refused edit changes nothing and returns the engine errors, in names', () => {
    const store = make();
    const before = store.getState();
    const r = store.getState().actions.edit({ type: 'update-nic', id: 'n1-lm', patch: { addresses: ['nonsense'] } });
    expect(r).toEqual({ ok: false, errors: [{ path: '', message: "NIC HV01 · Live Migration: 'nonsense' is not an address with a prefix length (expected e.g. 10.0.1.11/24)." }] });
    expect(store.getState()).toBe(before);
  });

  it('an edit that changes nothing is not an undo step', () => {
    const store = make();
    store.getState().actions.edit({ type: 'update-node', id: 'n1', patch: { name: 'HV01' } });
    expect(store.getState().past).toEqual([]);
  });

  it('every kind of edit is undone exactly', () => {
    const store = make();
    const { actions } = store.getState();
    const steps = [
      { type: 'add-site' }, { type: 'add-network' }, { type: 'add-router', site: 'site-b' }, { type: 'add-nic', node: 'n1' },
      { type: 'connect', from: 'n1-nic1', to: 'net1' }, { type: 'connect', from: 'r1', to: 'lm-b' }, { type: 'connect', from: 'r1', to: 'ra' },
      { type: 'move', ids: ['n2'], to: 'site-b' }, { type: 'update-network', id: 'lm-a', patch: { prefixes: ['10.77.0.0/24'] } },
      { type: 'update-nic', id: 'n3-lm', patch: { rdma: true } }, { type: 'add-route', nic: 'n1-mgmt', route: { prefix: '10.2.0.0/24', via: '10.1.0.1' } },
      { type: 'remove-route', nic: 'n1-mgmt', index: 0 }, { type: 'set-live-migration', networkOrder: ['lm-b'] },
      { type: 'duplicate', ids: ['n3'] }, { type: 'set-positions', positions: { n1: { x: 5, y: 5 } } }, { type: 'delete', ids: ['site-a'] },
    ] as const;
    const docs: TopologyDocument[] = [store.getState().document];
    for (const e of steps) {
      const r = actions.edit(e);
      expect(r.ok, JSON.stringify(e)).toBe(true);
      docs.push(store.getState().document);
    }
    expect(store.getState().past).toHaveLength(steps.length);
    for (let i = steps.length - 1; i >= 0; i--) {
      actions.undo();
      expect(store.getState().document).toBe(docs[i]);
    }
  });

  it('load replaces the topology as an undoable step and marks it saved', () => {
    const store = make();
    const start = store.getState().document;
    const other = { format: 'lm-topology', version: 1, name: 'Other' } as TopologyDocument;
    store.getState().actions.select(['n1']);
    expect(store.getState().actions.load(other)).toEqual({ ok: true });
    expect(store.getState().savedDocument).toBe(other);
    expect(store.getState().ui).toMatchObject({ selectedIds: [], sourceNodeId: null, destinationNodeId: null });
    store.getState().actions.undo();
    expect(store.getState().document).toBe(start);
  });

  it.each([
    ['ws2025', 'legacy', 'legacy'],
    ['legacy', 'ws2025', 'ws2025'],
    ['legacy', undefined, 'legacy'],
    ['ws2025', 'nonsense', 'ws2025'],
  ] as const)('load in %s mode of a design whose origin says %s opens it in %s mode', (before, originMode, after) => {
    const store = make();
    store.getState().actions.setMode(before);
    const doc = { ...twoSite(), origin: { source: 'lm-cluster-inventory', cluster: 'CLU', mode: originMode } } as TopologyDocument;
    store.getState().actions.load(doc);
    expect(store.getState().ui.mode).toBe(after);
  });

  it('a store created on a design with an origin opens in its mode, unless told otherwise', () => {
    const doc = { ...twoSite(), origin: { source: 'lm-cluster-inventory', mode: 'legacy' } } as TopologyDocument;
    expect(createAppStore({ document: doc }).getState().ui.mode).toBe('legacy');
    expect(createAppStore({ document: doc, ui: { mode: 'ws2025' } }).getState().ui.mode).toBe('ws2025');
    expect(createAppStore({ document: twoSite() }).getState().ui.mode).toBe('ws2025');
  });

  it('newTopology starts an empty topology and can be undone', () => {
    const store = make();
    const start = store.getState().document;
    store.getState().actions.newTopology();
    expect(store.getState().document).toEqual({ format: 'lm-topology', version: 1, name: 'New topology' });
    expect(store.getState().document).toBe(store.getState().savedDocument);
    store.getState().actions.undo();
    expect(store.getState().document).toBe(start);
  });

  it('copy keeps nodes aside (not an undo step); paste adds them as one step, into a selected site', () => {
    const store = make();
    const { actions } = store.getState();
    uiOnly(store, () => actions.select(['lm-a']));
    uiOnly(store, () => expect(actions.copy()).toBe(false));
    expect(actions.paste()).toMatchObject({ ok: false });
    uiOnly(store, () => actions.select(['n1', 'n2']));
    uiOnly(store, () => expect(actions.copy()).toBe(true));
    expect(store.getState().ui.clipboard!.nodes.map((n) => n.id)).toEqual(['n1', 'n2']);
    actions.select(['site-b']);
    const r = actions.paste();
    expect(r).toMatchObject({ ok: true, created: ['n5', 'n6'] });
    expect(store.getState().design.nodes.slice(-2).map((n) => n.site)).toEqual(['site-b', 'site-b']);
    expect(store.getState().ui.selectedIds).toEqual(['n5', 'n6']);
    expect(store.getState().past).toHaveLength(1);
    actions.undo();
    expect(store.getState().design.nodes).toHaveLength(4);
  });

  it('keeps at most HISTORY_LIMIT undo steps, dropping the oldest', () => {
    const store = make();
    const first = store.getState().document;
    for (let i = 0; i <= HISTORY_LIMIT + 5; i++) store.getState().actions.edit({ type: 'update-topology', patch: { name: `v${i}` } });
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
    expect(store.getState().past).not.toContain(first);
    expect(store.getState().past[0]!.name).toBe('v5');
  });

  it('undo and redo with nothing to do change nothing', () => {
    const store = make();
    const before = store.getState();
    before.actions.undo();
    before.actions.redo();
    expect(store.getState()).toBe(before);
  });

  it('a new edit after undo clears the redo stack', () => {
    const store = make();
    store.getState().actions.edit({ type: 'add-site' });
    store.getState().actions.undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().actions.edit({ type: 'add-network' });
    expect(store.getState().future).toEqual([]);
  });
});

describe('pickNode', () => {
  it('selects what was clicked in the same store update as the pick (one redraw per click)', () => {
    const store = make(twoSite(), null);
    const { actions } = store.getState();
    let updates = 0;
    const un = store.subscribe(() => updates++);
    actions.pickNode('n1', ['n1-lm']);
    expect(updates).toBe(1);
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: null, selectedIds: ['n1-lm'] });
    actions.pickNode('n1', ['n1-lm']); // the source again, same selection: nothing changes
    expect(updates).toBe(1);
    actions.pickNode('n1', ['n1']); // the source again, another element of it: the selection only
    expect(updates).toBe(2);
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: null, selectedIds: ['n1'] });
    actions.pickNode('n3');
    expect(updates).toBe(3);
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3', selectedIds: ['n1'] });
    un();
  });
});

describe('tapElement (every click on the diagram)', () => {
  type Row = [
    string,
    Tap,
    Partial<{ tool: 'select' | 'connect'; selectedIds: string[]; sourceNodeId: string | null; destinationNodeId: string | null }>,
    { selectedIds: string[]; sourceNodeId: string | null; destinationNodeId?: string | null },
  ];
  const rows: Row[] = [
    ['a node picks the source and selects it', { id: 'n1' }, {}, { selectedIds: ['n1'], sourceNodeId: 'n1' }],
    ['a NIC is selected for Details and the pair is kept (issue 17)', { id: 'n1-lm' }, { sourceNodeId: 'n1', destinationNodeId: 'n3' }, { selectedIds: ['n1-lm'], sourceNodeId: 'n1', destinationNodeId: 'n3' }],
    ['a NIC with no pair picks nothing', { id: 'n1-lm' }, {}, { selectedIds: ['n1-lm'], sourceNodeId: null }],
    ['a NIC\'s link selects the NIC only', { id: 'n1-lm', link: true }, {}, { selectedIds: ['n1-lm'], sourceNodeId: null }],
    ['a network is selected', { id: 'lm-a' }, {}, { selectedIds: ['lm-a'], sourceNodeId: null }],
    ['a transit subnet selects its routers', { id: 'ra', group: ['ra', 'rb'] }, {}, { selectedIds: ['ra', 'rb'], sourceNodeId: null }],
    ['the Connect tool selects a node without picking', { id: 'n1' }, { tool: 'connect' }, { selectedIds: ['n1'], sourceNodeId: null }],
    ['Ctrl adds to the selection', { id: 'n2', additive: true }, { selectedIds: ['n1'] }, { selectedIds: ['n1', 'n2'], sourceNodeId: null }],
    ['Ctrl on a selected element removes it', { id: 'n1', additive: true }, { selectedIds: ['n1', 'n2'] }, { selectedIds: ['n2'], sourceNodeId: null }],
    ['the background clears the selection, keeps the pair', { id: null }, { selectedIds: ['n1'], sourceNodeId: 'n3' }, { selectedIds: [], sourceNodeId: 'n3' }],
  ];
  it.each(rows)('%s', (_, tap, ui, expected) => {
    const store = createAppStore({ document: twoSite(), ui: { selectedIds: [], ...ui } });
    uiOnly(store, () => store.getState().actions.tapElement(tap));
    expect(store.getState().ui).toMatchObject(expected);
  });
});

describe('UI actions are not undo steps', () => {
  it('pair picking, swap, mode, timeout, panel, tool, dialog, selection, notices', () => {
    const store = make(twoSite(), null);
    const { actions } = store.getState();
    uiOnly(store, () => actions.pickNode('n1'));
    uiOnly(store, () => actions.pickNode('n3'));
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3' });
    uiOnly(store, () => actions.pickNode('n2'));
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n2', destinationNodeId: null });
    uiOnly(store, () => actions.setSource('n4'));
    uiOnly(store, () => actions.setDestination('n1'));
    uiOnly(store, () => actions.swap());
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n4' });
    uiOnly(store, () => actions.setMode('legacy'));
    uiOnly(store, () => actions.setLegacyTimeout(30));
    uiOnly(store, () => actions.setLegacyTimeout(-1));
    expect(store.getState().ui).toMatchObject({ mode: 'legacy', legacyTimeoutSeconds: 30 });
    uiOnly(store, () => actions.setPanel('validation'));
    uiOnly(store, () => actions.setTool('connect'));
    uiOnly(store, () => actions.openDialog('live-migration'));
    uiOnly(store, () => actions.select(['n1', 'lm-a']));
    uiOnly(store, () => actions.notify({ kind: 'info', text: 'hello' }));
    expect(store.getState().ui).toMatchObject({ panel: 'validation', tool: 'connect', dialog: 'live-migration', selectedIds: ['n1', 'lm-a'] });
    expect(store.getState().notice?.text).toBe('hello');
  });

  it('what-if failures change the effective topology but not the design or the history', () => {
    const store = make();
    const { actions } = store.getState();
    uiOnly(store, () => actions.toggleFailed('lm-a'));
    expect(store.getState().effective.index.networks.get('lm-a')!.state).toBe('down');
    expect(store.getState().design.index.networks.get('lm-a')!.state).toBe('up');
    uiOnly(store, () => actions.toggleFailed('nope'));
    uiOnly(store, () => actions.restoreAll());
    expect(store.getState().effective).toBe(store.getState().design);
  });

  it('markSaved records the current document as saved', () => {
    const store = make();
    store.getState().actions.edit({ type: 'add-site' });
    expect(store.getState().document).not.toBe(store.getState().savedDocument);
    uiOnly(store, () => store.getState().actions.markSaved());
    expect(store.getState().savedDocument).toBe(store.getState().document);
  });

  it('deleting the source node clears it from the pair, selection and failures', () => {
    const store = make();
    store.getState().actions.select(['n1', 'n2']);
    store.getState().actions.toggleFailed('n1');
    store.getState().actions.edit({ type: 'delete', ids: ['n1'] });
    expect(store.getState().ui).toMatchObject({ sourceNodeId: null, destinationNodeId: 'n3', selectedIds: ['n2'], failed: [] });
    store.getState().actions.undo();
    expect(store.getState().design.index.nodes.has('n1')).toBe(true);
  });
});

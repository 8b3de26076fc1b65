import { describe, expect, it, vi } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { SCHEMA, STORAGE_KEY, UNREADABLE_PREFIX, autosave, bootPersistence, migrate, restore, type KeyValueStorage } from '../../src/store/persistence';
import { readFixture } from './helpers';

/** localStorage stand-in; `refuse` makes chosen writes throw like a full storage. */
class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  refuse: (key: string) => boolean = () => false;
  writes = 0;
  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuse(key)) throw new DOMException('full', 'QuotaExceededError');
    this.writes++;
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;
const fallback = () => ({ document: EXAMPLES[0]!.document, pair: EXAMPLES[0]!.pair });
const stored = (s: MemoryStorage) => JSON.parse(s.getItem(STORAGE_KEY)!);

describe('restore and migrate', () => {
  it('finds nothing in empty or disabled storage', () => {
    expect(restore(new MemoryStorage())).toEqual({ kind: 'empty' });
    const broken = new MemoryStorage();
    broken.getItem = () => {
      throw new Error('disabled');
    };
    expect(restore(broken)).toEqual({ kind: 'empty' });
  });

  it('migrates a schema 1 record (no "unsaved" flag) to the current schema, assuming unsaved work', () => {
    const v1 = { schema: 1, savedAt: 'x', document: twoSite(), ui: { sourceNodeId: 'n1', destinationNodeId: 'n3', mode: 'legacy', legacyTimeoutSeconds: 30 } };
    expect(SCHEMA).toBe(2);
    expect(migrate(v1)).toEqual({ ...v1, schema: 2, unsaved: true });
    const s = new MemoryStorage();
    s.setItem(STORAGE_KEY, JSON.stringify(v1));
    const r = restore(s);
    expect(r).toMatchObject({ kind: 'ok', saved: { schema: 2, unsaved: true, ui: v1.ui } });
  });

  it('calls everything it cannot read unreadable, with the reason and the raw text', () => {
    const cases: [string, RegExp][] = [
      ['{not json', /not valid JSON/],
      ['[1,2]', /not an object/],
      ['"text"', /not an object/],
      [JSON.stringify({ schema: 99, document: {} }), /newer version of the app \(schema 99\)/],
      [JSON.stringify({ schema: 'one' }), /unknown schema "one"/],
      [JSON.stringify({ document: twoSite() }), /unknown schema undefined/],
      [JSON.stringify({ schema: 2, document: { format: 'lm-topology', version: 1, nodes: [{ id: 'a' }] } }), /nodes\[0\]\.name/],
      [JSON.stringify({ schema: 2 }), /topology file is a JSON object/],
    ];
    for (const [raw, reason] of cases) {
      const s = new MemoryStorage();
      s.setItem(STORAGE_KEY, raw);
      const r = restore(s);
      expect(r.kind, raw).toBe('unreadable');
      if (r.kind !== 'unreadable') continue;
      expect(r.raw).toBe(raw);
      expect(r.reason).toMatch(reason);
    }
  });

  it('falls back to defaults for odd UI fields rather than losing the work', () => {
    const s = new MemoryStorage();
    s.setItem(STORAGE_KEY, JSON.stringify({ schema: 2, savedAt: 'x', unsaved: false, document: twoSite(), ui: { sourceNodeId: 5, destinationNodeId: null, mode: 'x', legacyTimeoutSeconds: 1e9 } }));
    expect(restore(s)).toMatchObject({ kind: 'ok', saved: { unsaved: false, ui: { sourceNodeId: null, destinationNodeId: null, mode: 'ws2025', legacyTimeoutSeconds: 20 } } });
    s.setItem(STORAGE_KEY, JSON.stringify({ schema: 2, savedAt: 'x', document: twoSite(), ui: 'nonsense' }));
    expect(restore(s)).toMatchObject({ kind: 'ok', saved: { unsaved: true, ui: { mode: 'ws2025' } } });
  });
});

describe('autosave', () => {
  it('serialises the document once per edit, into the very text JSON.stringify gives the record (issue 24, round 4)', () => {
    const s = new MemoryStorage();
    const store = createAppStore({ document: twoSite() });
    const stop = autosave(store, s);
    const size = JSON.stringify(store.getState().document).length;
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      store.getState().actions.edit({ type: 'add-site' });
      // Each call that wrote out the whole document (its text is at least as long).
      const whole = stringify.mock.results.filter((r) => typeof r.value === 'string' && r.value.length >= size);
      expect(whole).toHaveLength(1);
    } finally {
      stringify.mockRestore();
    }
    const raw = s.getItem(STORAGE_KEY)!;
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    expect(raw).toBe(JSON.stringify({ schema: parsed.schema, savedAt: parsed.savedAt, document: store.getState().document, ui: parsed.ui, unsaved: parsed.unsaved }));
    expect(parsed).toMatchObject({ schema: SCHEMA, unsaved: true, document: store.getState().document });
    // The same state again writes nothing.
    const writes = s.writes;
    stop.flush();
    expect(s.writes).toBe(writes);
    stop();
  });

  it('writes on document and pair/mode changes, not on selection or tool changes', () => {
    const s = new MemoryStorage();
    const store = createAppStore({ document: twoSite() });
    const stop = autosave(store, s);
    expect(stored(s)).toMatchObject({ schema: 2, unsaved: false, document: twoSite() });
    const writes = s.writes;
    store.getState().actions.select(['n1']);
    store.getState().actions.setTool('connect');
    store.getState().actions.toggleFailed('lm-a');
    expect(s.writes).toBe(writes);
    store.getState().actions.edit({ type: 'add-site' });
    expect(stored(s)).toMatchObject({ unsaved: true });
    expect(stored(s).document.sites).toHaveLength(3);
    store.getState().actions.setMode('legacy');
    expect(stored(s).ui.mode).toBe('legacy');
    store.getState().actions.markSaved();
    expect(stored(s).unsaved).toBe(false);
    stop();
    store.getState().actions.edit({ type: 'add-site' });
    expect(stored(s).document.sites).toHaveLength(3);
  });

  it('reports a failed write and tries again at the next change', () => {
    const s = new MemoryStorage();
    const errors: unknown[] = [];
    const store = createAppStore({ document: twoSite() });
    s.refuse = () => true;
    autosave(store, s, { onError: (e) => errors.push(e) });
    expect(errors).toHaveLength(1);
    s.refuse = () => false;
    store.getState().actions.setMode('legacy');
    expect(stored(s).ui.mode).toBe('legacy');
  });
});

describe('autosave with a delay for the pair', () => {
  it('writes a pair or mode change a moment later (once for several), an edit at once, and what is pending on stop', () => {
    vi.useFakeTimers();
    try {
      const s = new MemoryStorage();
      const store = createAppStore({ document: twoSite() });
      const stop = autosave(store, s, { uiDelayMs: 250 });
      const start = s.writes;
      const { actions } = store.getState();
      actions.setSource('n1');
      actions.setDestination('n3');
      expect(s.writes).toBe(start); // not before the click's frame
      vi.advanceTimersByTime(250);
      expect(s.writes).toBe(start + 1);
      expect(stored(s).ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3' });

      actions.setMode('legacy');
      actions.edit({ type: 'add-node', site: 'site-a', name: 'HV09' });
      expect(s.writes).toBe(start + 2); // the edit wrote at once, with the mode
      expect(stored(s).ui.mode).toBe('legacy');
      vi.advanceTimersByTime(1000);
      expect(s.writes).toBe(start + 2);

      actions.setMode('ws2025');
      stop();
      expect(stored(s).ui.mode).toBe('ws2025');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('boot: restore after reload, unreadable data never silently discarded', () => {
  it('restores the work, the pair and the mode after a reload; unsaved work stays unsaved', () => {
    const s = new MemoryStorage();
    const first = bootPersistence({ storage: s, fallback });
    first.started();
    expect(first.restored).toBe('empty');
    const { actions } = first.store.getState();
    actions.load(twoSite(), ['n1', 'n3']);
    actions.edit({ type: 'add-node', site: 'site-a', name: 'HV09' });
    actions.setMode('legacy');
    first.stop();

    const second = bootPersistence({ storage: s, fallback });
    second.started();
    expect(second.restored).toBe('ok');
    const st = second.store.getState();
    expect(st.document).toEqual(first.store.getState().document);
    expect(st.ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3', mode: 'legacy' });
    expect(st.document).not.toBe(st.savedDocument); // "New topology" will ask
    expect(st.notice).toBeNull();
    second.store.getState().actions.markSaved();
    second.stop();
    const third = bootPersistence({ storage: s, fallback });
    expect(third.store.getState().document).toBe(third.store.getState().savedDocument);
  });

  it('carries every format 1.1 field through autosave and reload, in the same key order (no schema step: the document is stored as is)', () => {
    const doc: TopologyDocument = {
      ...twoSite(),
      liveMigration: { networkOrder: ['lm-a'], transport: 'smb', maxParallelMigrations: 3, smbBandwidthLimitFactor: 5000 },
      vms: [{ id: 'vm1', name: 'SQL01', node: 'n1', memoryGB: 64, state: 'off' }],
      planning: { efficiency: { smb: 0.95 }, switchoverSeconds: 2 },
    };
    doc.nodes = doc.nodes!.map((n, i) => (i === 0 ? { ...n, physicalBandwidthGbps: 50 } : n));
    doc.networks = doc.networks!.map((n, i) => (i === 0 ? { ...n, medium: 'cable' as const } : n));
    const s = new MemoryStorage();
    const first = bootPersistence({ storage: s, fallback });
    first.started();
    first.store.getState().actions.load(doc, ['n1', 'n3']);
    first.stop();
    expect(stored(s).schema).toBe(2);
    const second = bootPersistence({ storage: s, fallback });
    expect(second.restored).toBe('ok');
    expect(JSON.stringify(second.store.getState().document)).toBe(JSON.stringify(doc));
    expect(second.store.getState().design.liveMigration.transport).toBe('smb');
    second.stop();
  });

  it('sets unreadable data aside, offers it for download at every start, and discards it only when dismissed', () => {
    const s = new MemoryStorage();
    s.setItem(STORAGE_KEY, '{"schema": 2, "document": trunc');
    const at = new Date('2024-05-01T10:00:00Z');
    const boot = bootPersistence({ storage: s, fallback, now: () => at });
    boot.started();
    expect(boot.restored).toBe('unreadable');
    const notice = boot.store.getState().notice!;
    expect(notice.kind).toBe('error');
    expect(notice.text).toContain('could not be read (it is not valid JSON)');
    expect(notice.text).toContain('Dismissing this message discards it.');
    expect(notice.download).toEqual({ filename: 'lm-autosave-unreadable.json', content: '{"schema": 2, "document": trunc' });
    expect(s.getItem(`${UNREADABLE_PREFIX}2024-05-01T10:00:00.000Z`)).toBe('{"schema": 2, "document": trunc');
    // The app started on the fallback, and autosave now keeps that.
    expect(boot.store.getState().document).toBe(EXAMPLES[0]!.document);
    expect(stored(s).document).toEqual(EXAMPLES[0]!.document);
    boot.stop();

    // Not dismissed: offered again at the next start.
    const again = bootPersistence({ storage: s, fallback });
    again.started();
    expect(again.restored).toBe('ok');
    expect(again.store.getState().notice).toMatchObject({ text: expect.stringContaining('still kept in this browser'), download: { content: '{"schema": 2, "document": trunc' } });
    // Another message replaces it; when that one is dismissed, the unreadable-data notice comes back.
    again.store.getState().actions.notify({ kind: 'info', text: 'something else' });
    again.store.getState().actions.notify(null);
    expect(again.store.getState().notice?.download).toBeDefined();
    // Dismissed: discarded, as the notice said.
    again.store.getState().actions.notify(null);
    expect([...s.map.keys()].filter((k) => k.startsWith(UNREADABLE_PREFIX))).toEqual([]);
    again.stop();
    expect(bootPersistence({ storage: s, fallback }).store.getState().notice).toBeNull();
  });

  it('when the data cannot even be set aside, autosave waits for the dismissal instead of overwriting it', () => {
    const s = new MemoryStorage();
    s.setItem(STORAGE_KEY, 'garbage');
    s.refuse = (key) => key.startsWith(UNREADABLE_PREFIX);
    const boot = bootPersistence({ storage: s, fallback });
    const { actions } = boot.store.getState();
    expect(boot.store.getState().notice).toMatchObject({ text: expect.stringContaining('autosave is paused until you dismiss this message'), download: { content: 'garbage' } });
    actions.edit({ type: 'add-site' });
    expect(s.getItem(STORAGE_KEY)).toBe('garbage');
    actions.notify(null);
    expect(stored(s).document.sites).toHaveLength(1);
  });
});

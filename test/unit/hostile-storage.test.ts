/** Storage faults: a start that failed, blocked or full storage, two tabs, and the undo limit. */
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore, HISTORY_LIMIT } from '../../src/store/appStore';
import { bootPersistence, FAILED_KEY, memoryStorage, readMarker, STARTING_KEY, STORAGE_KEY, UNREADABLE_PREFIX, type BootOptions, type KeyValueStorage } from '../../src/store/persistence';
import { readFixture } from './helpers';

/** One browser's storage shared by tabs: a write in one tab is announced to the others (the `storage` event). */
class SharedStorage {
  readonly map = new Map<string, string>();
  full = false;
  private readonly tabs: ((key: string, value: string | null) => void)[][] = [];
  tab(): { storage: KeyValueStorage; listen: NonNullable<BootOptions['listen']> } {
    const mine: ((key: string, value: string | null) => void)[] = [];
    this.tabs.push(mine);
    const announce = (key: string, value: string | null): void => {
      for (const t of this.tabs) if (t !== mine) for (const l of t) l(key, value);
    };
    const storage: KeyValueStorage = {
      getItem: (k) => this.map.get(k) ?? null,
      setItem: (k, v) => {
        if (this.full && k !== STARTING_KEY) throw new DOMException('full', 'QuotaExceededError');
        this.map.set(k, v);
        announce(k, v);
      },
      removeItem: (k) => {
        this.map.delete(k);
        announce(k, null);
      },
      get length() {
        return 0;
      },
      key: () => null,
    };
    Object.defineProperty(storage, 'length', { get: () => this.map.size });
    storage.key = (i) => [...this.map.keys()][i] ?? null;
    return {
      storage,
      listen: (cb) => {
        mine.push(cb);
        return () => mine.splice(mine.indexOf(cb), 1);
      },
    };
  }
}

const fallback = () => ({ document: EXAMPLES[0]!.document, pair: EXAMPLES[0]!.pair });
const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;
const storedName = (s: SharedStorage): string | undefined => (JSON.parse(s.map.get(STORAGE_KEY)!) as { document: TopologyDocument }).document.name;

describe('a start never trusts autosave blindly', () => {
  it('after a start that failed while showing the autosave (injected: started() never called), keeps it aside and starts on an example', () => {
    const shared = new SharedStorage();
    const first = bootPersistence({ storage: shared.tab().storage, fallback });
    first.started();
    first.store.getState().actions.load(twoSite());
    first.store.getState().actions.edit({ type: 'update-topology', patch: { name: 'My work' } });
    first.stop();
    // The failing start: it restores "My work" and fails before it has shown it.
    const failing = bootPersistence({ storage: shared.tab().storage, fallback });
    expect(failing.store.getState().design.name).toBe('My work');
    expect(shared.map.has(STARTING_KEY)).toBe(true);
    failing.stop();

    const next = bootPersistence({ storage: shared.tab().storage, fallback });
    expect(next.restored).toBe('unreadable');
    expect(next.store.getState().document).toBe(EXAMPLES[0]!.document);
    const notice = next.store.getState().notice!;
    expect(notice.text).toMatch(/^The app failed while showing your autosaved work when it last started, so it started with an example this time\. It is kept in this browser/);
    expect(JSON.parse(notice.download!.content).document.name).toBe('My work');
    const aside = [...shared.map.keys()].filter((k) => k.startsWith(UNREADABLE_PREFIX));
    expect(aside).toHaveLength(1);
    next.started();
    expect(shared.map.has(STARTING_KEY)).toBe(false);
    next.stop();
    // The start after that trusts the (example's) autosave again and still offers the work kept aside.
    const after = bootPersistence({ storage: shared.tab().storage, fallback });
    expect(after.restored).toBe('ok');
    expect(after.store.getState().notice?.text).toMatch(/still kept in this browser/);
  });
});

describe('start markers with several tabs', () => {
  const at = (iso: string) => () => new Date(iso);
  function afterStart(): SharedStorage {
    const shared = new SharedStorage();
    const first = bootPersistence({ storage: shared.tab().storage, fallback, session: memoryStorage() });
    first.started();
    first.store.getState().actions.edit({ type: 'update-topology', patch: { name: 'My work' } });
    first.stop();
    return shared;
  }

  it("another tab starting at the same moment (a browser restoring its tabs) is no failure", () => {
    const shared = afterStart();
    bootPersistence({ storage: shared.tab().storage, fallback, session: memoryStorage(), now: at('2026-12-01T04:00:00Z') }); // still starting
    const second = bootPersistence({ storage: shared.tab().storage, fallback, session: memoryStorage(), now: at('2026-12-01T04:00:02Z') });
    expect(second.restored).toBe('ok');
    expect(second.store.getState().design.name).toBe('My work');
  });

  it("another tab's start that never finished (30 s ago) is one; so is this tab's own, however recent", () => {
    const shared = afterStart();
    bootPersistence({ storage: shared.tab().storage, fallback, session: memoryStorage(), now: at('2026-12-01T04:00:00Z') });
    const later = bootPersistence({ storage: shared.tab().storage, fallback, session: memoryStorage(), now: at('2026-12-01T04:00:31Z') });
    expect(later.restored).toBe('unreadable');

    const again = afterStart();
    const session = memoryStorage();
    bootPersistence({ storage: again.tab().storage, fallback, session, now: at('2026-12-01T04:00:00Z') });
    const reload = bootPersistence({ storage: again.tab().storage, fallback, session, now: at('2026-12-01T04:00:01Z') });
    expect(reload.restored).toBe('unreadable');
    expect(reload.store.getState().notice?.text).toMatch(/^The app failed while showing your autosaved work/);
  });
});

describe('blocked storage', () => {
  it('starts on the example with autosave off, and writes nothing', () => {
    const storage = memoryStorage();
    const boot = bootPersistence({ storage, fallback, blocked: true });
    expect(boot.store.getState().autosave).toEqual({ kind: 'off' });
    boot.store.getState().actions.edit({ type: 'add-site' });
    boot.flush();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });
});

describe('autosave failures stay visible until resolved', () => {
  it('keeps the failed status through other notices, clears it at the next successful write, and tells the next start', () => {
    const shared = new SharedStorage();
    const boot = bootPersistence({ storage: shared.tab().storage, fallback, now: () => new Date('2026-12-01T03:30:00Z') });
    boot.started();
    const { actions } = boot.store.getState();
    shared.full = true;
    actions.edit({ type: 'update-topology', patch: { name: 'Lost?' } });
    expect(boot.store.getState().autosave).toEqual({ kind: 'failed', at: '2026-12-01T03:30:00.000Z' });
    actions.notify({ kind: 'info', text: 'Something else' });
    actions.notify(null);
    expect(boot.store.getState().autosave.kind).toBe('failed');
    boot.stop();
    // A reload while storage is still full: the older work comes back, and says it is older.
    shared.full = false;
    shared.map.set(FAILED_KEY, '2026-12-01T03:30:00.000Z');
    const next = bootPersistence({ storage: shared.tab().storage, fallback });
    expect(next.store.getState().notice?.text).toMatch(/^Autosave failed at 03:30 UTC on 2026-12-01 \(the browser storage was full\): this is your work as autosaved at 03:30 UTC on 2026-12-01, the last work it could keep, and changes made after that were not saved in this browser\./);
    // The write at start succeeded: the failure is resolved (its place stays reserved).
    expect(readMarker(shared.map.get(FAILED_KEY) ?? null)).toBeNull();
    expect(next.store.getState().autosave).toEqual({ kind: 'on' });
  });

  it('clears the failed status when a later write succeeds', () => {
    const shared = new SharedStorage();
    const boot = bootPersistence({ storage: shared.tab().storage, fallback });
    shared.full = true;
    boot.store.getState().actions.edit({ type: 'add-site' });
    expect(boot.store.getState().autosave.kind).toBe('failed');
    shared.full = false;
    boot.store.getState().actions.edit({ type: 'add-site' });
    expect(boot.store.getState().autosave).toEqual({ kind: 'on' });
  });
});

describe('two tabs', () => {
  function twoTabs() {
    const shared = new SharedStorage();
    const a = bootPersistence({ fallback, ...pick(shared) });
    a.started();
    const b = bootPersistence({ fallback, ...pick(shared) });
    b.started();
    return { shared, a, b };
  }
  // Each boot gets its own tab (storage + listener): rebuild them together.
  function pick(shared: SharedStorage) {
    const t = shared.tab();
    return { storage: t.storage, listen: t.listen };
  }

  it("never overwrites the other tab's newer work without the user choosing; 'mine' overwrites, 'theirs' loads it", () => {
    const { shared, a, b } = twoTabs();
    a.store.getState().actions.edit({ type: 'update-topology', patch: { name: 'Work of tab A' } });
    expect(storedName(shared)).toBe('Work of tab A');
    // Tab B, idle, is not interrupted; its first edit is not written, and it is asked.
    expect(b.store.getState().autosave).toEqual({ kind: 'on' });
    b.store.getState().actions.edit({ type: 'update-topology', patch: { name: 'Work of tab B' } });
    b.flush();
    expect(storedName(shared)).toBe('Work of tab A');
    const status = b.store.getState().autosave;
    expect(status.kind).toBe('conflict');
    if (status.kind === 'conflict') status.choose('mine');
    expect(storedName(shared)).toBe('Work of tab B');
    expect(b.store.getState().autosave).toEqual({ kind: 'on' });
    // Now tab A is asked at its next edit, which is not written; it takes tab B's work.
    a.store.getState().actions.edit({ type: 'update-topology', patch: { name: 'Work of tab A, later' } });
    expect(storedName(shared)).toBe('Work of tab B');
    const inA = a.store.getState().autosave;
    expect(inA.kind).toBe('conflict');
    if (inA.kind === 'conflict') inA.choose('theirs');
    expect(a.store.getState().design.name).toBe('Work of tab B');
    expect(a.store.getState().autosave).toEqual({ kind: 'on' });
    a.store.getState().actions.undo();
    expect(a.store.getState().design.name).toBe('Work of tab A, later');
  });

  it('a pair change in the other tab (same document) is no conflict', () => {
    const { shared, a, b } = twoTabs();
    const [n1, n2] = a.store.getState().design.nodes.map((n) => n.id);
    a.store.getState().actions.setSource(n2!);
    a.store.getState().actions.setDestination(n1!);
    b.store.getState().actions.setSource(n1!);
    b.flush();
    expect(b.store.getState().autosave).toEqual({ kind: 'on' });
    expect((JSON.parse(shared.map.get(STORAGE_KEY)!) as { ui: { sourceNodeId: string } }).ui.sourceNodeId).toBe(n1);
  });
});

describe('undo limit', () => {
  it(`says so when Undo reaches the oldest of the ${HISTORY_LIMIT} steps it keeps`, () => {
    const store = createAppStore({ document: twoSite() });
    const { actions } = store.getState();
    for (let i = 0; i <= HISTORY_LIMIT; i++) actions.edit({ type: 'update-topology', patch: { name: `Step ${i}` } });
    for (let i = 0; i < HISTORY_LIMIT; i++) actions.undo();
    expect(store.getState().design.name).toBe('Step 0');
    expect(store.getState().notice).toBeNull();
    actions.undo();
    expect(store.getState().notice?.text).toBe(`Nothing more to undo: the app keeps the last ${HISTORY_LIMIT} steps, and older ones were let go.`);
  });

  it('says nothing when the history simply starts there', () => {
    const store = createAppStore({ document: twoSite() });
    store.getState().actions.undo();
    expect(store.getState().notice).toBeNull();
  });
});

/**
 * A browser's storage: a quota on the sum of keys and values, refusing a write only when the item
 * grows past it (Chromium's storage_area_map.cc), as a completely full storage does.
 */
class QuotaStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  constructor(public quota: number) {}
  private used(): number {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    const old = this.map.has(k) ? k.length + this.map.get(k)!.length : 0;
    const item = k.length + v.length;
    if (item > old && this.used() - old + item > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
}

describe('a completely full storage', () => {
  it('the next start says the work shown is older, from when, and which changes were not kept (the marker could not be written before)', () => {
    let clockAt = Date.parse('2026-12-07T20:10:00Z');
    const now = () => new Date(clockAt);
    const storage = new QuotaStorage(Infinity);
    const boot = bootPersistence({ storage, fallback: () => ({ document: twoSite() }), now });
    boot.started();
    // Full: not one more character fits (other data of the site took the rest).
    storage.quota = [...storage.map].reduce((n, [k, v]) => n + k.length + v.length, 0);
    const { actions } = boot.store.getState();
    clockAt = Date.parse('2026-12-07T20:15:00Z');
    actions.edit({ type: 'add-site' });
    expect(boot.store.getState().autosave.kind).toBe('failed');
    clockAt = Date.parse('2026-12-07T20:40:00Z');
    actions.edit({ type: 'add-site' });
    actions.edit({ type: 'add-site' });
    boot.stop();
    // The next start, storage still full: the older work, and what it lacks, in words.
    const next = bootPersistence({ storage, fallback, now });
    expect(next.store.getState().document.sites).toEqual(twoSite().sites);
    expect(next.store.getState().notice).toEqual({
      kind: 'error',
      text: 'Autosave failed at 20:15 UTC on 2026-12-07 (the browser storage was full): this is your work as autosaved at 20:10 UTC on 2026-12-07, the last work it could keep, and the 3 changes made from 20:15 UTC on 2026-12-07 to 20:40 UTC on 2026-12-07 were not saved in this browser. Free some storage for this site (or save your work to a file) so that autosave can keep up.',
    });
  });

  it("keeps the marker in the tab's own storage when not even its place could be reserved", () => {
    const storage = new QuotaStorage(0);
    const session = memoryStorage();
    const boot = bootPersistence({ storage, session, fallback, now: () => new Date('2026-12-07T21:00:00Z') });
    boot.store.getState().actions.edit({ type: 'add-site' });
    expect(readMarker(session.getItem(FAILED_KEY))).toMatchObject({ failedAt: '2026-12-07T21:00:00.000Z', changes: 1 });
  });
});

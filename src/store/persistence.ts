/**
 * Autosave: the document and the pair/mode survive a reload. The stored record carries a schema
 * number; older records are migrated, unreadable ones are never silently dropped: the caller
 * gets them back to offer for download.
 */
import { DEFAULT_LEGACY_TIMEOUT_SECONDS, isLegacyTimeout, parseTopology, type Mode, type TopologyDocument } from '../engine';
import { emptyTopology } from '../engine/edit';
import { createAppStore, type AppStore, type Notice, type StoreOptions, type UiState } from './appStore';

export const STORAGE_KEY = 'lm-path-visualizer:autosave';
/** Unreadable autosaves are set aside under this prefix + a timestamp until the user dismisses the notice. */
export const UNREADABLE_PREFIX = 'lm-path-visualizer:unreadable:';
export const SCHEMA = 2;
/**
 * Set while a start is under way, removed once the app has shown itself: still there at the next
 * start means the app failed while showing what autosave restored — that start keeps the record
 * aside and starts on an example instead of failing again (a crash loop a user could only end by
 * clearing the site's data).
 */
export const STARTING_KEY = 'lm-path-visualizer:starting';
/**
 * When autosave failed (storage full): a later start says that the restored work is older, and
 * what was not kept. The key holds a record of a fixed length, reserved at start while there is
 * room: a full storage still accepts a value that does not grow (Chromium's storage_area_map.cc
 * checks the quota only when an item grows), and a marker written only once storage was full
 * could never be written, so the next start silently showed older work.
 */
export const FAILED_KEY = 'lm-path-visualizer:autosave-failed';
/** The marker's length: every record it holds is padded to it (JSON allows the trailing spaces). */
export const MARKER_CHARS = 240;

/** What the marker records: the first and last failed writes, how many changes were not kept, and when the kept work was saved. */
export interface FailureMarker {
  failedAt: string;
  lastAt: string;
  changes: number;
  /** When the work still in storage was written (null: unknown). */
  keptAt: string | null;
}

const padMarker = (json: string): string => json.padEnd(MARKER_CHARS, ' ');
const EMPTY_MARKER = padMarker('{}');

/** The marker's record, or null when it records no failure (an older app wrote the time alone). */
export function readMarker(raw: string | null): FailureMarker | null {
  if (raw === null) return null;
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text)) return { failedAt: text, lastAt: text, changes: 0, keptAt: null };
  try {
    const r = JSON.parse(text) as Partial<FailureMarker>;
    if (typeof r.failedAt !== 'string' || Number.isNaN(Date.parse(r.failedAt))) return null;
    const lastAt = typeof r.lastAt === 'string' && !Number.isNaN(Date.parse(r.lastAt)) ? r.lastAt : r.failedAt;
    const keptAt = typeof r.keptAt === 'string' && !Number.isNaN(Date.parse(r.keptAt)) ? r.keptAt : null;
    return { failedAt: r.failedAt, lastAt, changes: Number.isInteger(r.changes) && r.changes! >= 0 ? r.changes! : 0, keptAt };
  } catch {
    return null;
  }
}

function writeMarker(m: FailureMarker): string {
  // ISO times and a count: always far shorter than MARKER_CHARS.
  return padMarker(JSON.stringify({ failedAt: m.failedAt, lastAt: m.lastAt, changes: m.changes, keptAt: m.keptAt }));
}
/**
 * Another tab's marker younger than this is a start under way there (a browser restoring several
 * tabs at once), not a failure; this tab's own marker (session storage, kept across a reload of
 * the tab) always is one.
 */
export const START_GRACE_MS = 30_000;

export interface Saved {
  schema: typeof SCHEMA;
  savedAt: string;
  document: TopologyDocument;
  ui: Pick<UiState, 'sourceNodeId' | 'destinationNodeId' | 'mode' | 'legacyTimeoutSeconds'>;
  /** The document differs from the one last saved to a file or opened (schema 2). */
  unsaved: boolean;
}

export type Restored =
  | { kind: 'empty' }
  | { kind: 'ok'; saved: Saved }
  | { kind: 'unreadable'; raw: string; reason: string };

/** Minimal storage interface (localStorage in the browser, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

type StoredRecord = Record<string, unknown>;

/**
 * One step per schema: MIGRATIONS[n] turns a schema n record into a schema n + 1 record.
 * A new schema adds its step here (and a test with a record of the old schema).
 */
const MIGRATIONS: Record<number, (r: StoredRecord) => StoredRecord> = {
  // Schema 1 did not record whether the work was saved to a file: assume not, so that "New
  // topology" asks before replacing it.
  1: (r) => ({ ...r, schema: 2, unsaved: true }),
};

/** Brings a stored record of any known schema to the current one, or says why it cannot. */
export function migrate(record: unknown): Saved | string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'the stored data is not an object';
  let r = record as StoredRecord;
  if (typeof r.schema === 'number' && r.schema > SCHEMA) return `it was saved by a newer version of the app (schema ${r.schema})`;
  while (r.schema !== SCHEMA) {
    const step = typeof r.schema === 'number' ? MIGRATIONS[r.schema] : undefined;
    if (!step) return `unknown schema ${JSON.stringify(r.schema)}`;
    r = step(r);
  }
  return r as unknown as Saved;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function restore(storage: KeyValueStorage): Restored {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return { kind: 'empty' };
  }
  if (raw === null) return { kind: 'empty' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable', raw, reason: 'it is not valid JSON' };
  }
  const saved = migrate(json);
  if (typeof saved === 'string') return { kind: 'unreadable', raw, reason: saved };
  const parsed = parseTopology(saved.document);
  if (!parsed.ok) return { kind: 'unreadable', raw, reason: `${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}` };
  // The UI fields are conveniences: anything odd in them falls back to a default, it never makes the work unreadable.
  const ui: Partial<Record<keyof Saved['ui'], unknown>> = typeof saved.ui === 'object' && saved.ui !== null ? saved.ui : {};
  const mode: Mode = ui.mode === 'legacy' ? 'legacy' : 'ws2025';
  const t = ui.legacyTimeoutSeconds;
  const timeout = isLegacyTimeout(t) ? t : DEFAULT_LEGACY_TIMEOUT_SECONDS;
  return {
    kind: 'ok',
    saved: {
      ...saved,
      unsaved: saved.unsaved !== false,
      ui: { sourceNodeId: str(ui.sourceNodeId), destinationNodeId: str(ui.destinationNodeId), mode, legacyTimeoutSeconds: timeout },
    },
  };
}

export interface AutosaveOptions {
  onError?: (e: unknown) => void;
  /** After each successful write, with the record's time. */
  onWritten?: (savedAt: string) => void;
  /** Writes nothing until this returns false (the unreadable data it would overwrite is not yet safe). */
  paused?: () => boolean;
  /**
   * A change of the pair, mode or timeout alone is written this much later (0: at once), so that
   * a click does not serialise the whole topology before its frame; a document change writes at once.
   */
  uiDelayMs?: number;
  /** The clock of the records' `savedAt`. */
  now?: () => Date;
}

/** Writes the store to storage on every change of the document or the saved UI fields. */
export function autosave(store: AppStore, storage: KeyValueStorage, options: AutosaveOptions | ((e: unknown) => void) = {}): (() => void) & { flush(force?: boolean): void } {
  const { onError, onWritten, paused, uiDelayMs = 0, now = () => new Date() } = typeof options === 'function' ? { onError: options, onWritten: undefined, paused: undefined } : options;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (paused?.()) return;
    const { document, ui, savedDocument } = store.getState();
    const record: Saved = {
      schema: SCHEMA,
      savedAt: now().toISOString(),
      document,
      ui: { sourceNodeId: ui.sourceNodeId, destinationNodeId: ui.destinationNodeId, mode: ui.mode, legacyTimeoutSeconds: ui.legacyTimeoutSeconds },
      unsaved: document !== savedDocument,
    };
    // The document is serialised once, for the change test and the record (the largest design's
    // was serialised twice per edit, ≈ 10–15 ms each); the text is JSON.stringify(record)'s.
    const doc = JSON.stringify(document);
    const rest = JSON.stringify([record.ui, record.unsaved]);
    const key = `${rest}\u0000${doc}`;
    if (key === last) return;
    try {
      storage.setItem(STORAGE_KEY, `{"schema":${JSON.stringify(record.schema)},"savedAt":${JSON.stringify(record.savedAt)},"document":${doc},"ui":${JSON.stringify(record.ui)},"unsaved":${JSON.stringify(record.unsaved)}}`);
      last = key;
      onWritten?.(record.savedAt);
    } catch (e) {
      onError?.(e);
    }
  };
  write();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.document !== prev.document || s.savedDocument !== prev.savedDocument) write();
    else if (s.ui.sourceNodeId !== prev.ui.sourceNodeId || s.ui.destinationNodeId !== prev.ui.destinationNodeId || s.ui.mode !== prev.ui.mode || s.ui.legacyTimeoutSeconds !== prev.ui.legacyTimeoutSeconds) {
      if (uiDelayMs <= 0) write();
      else timer ??= setTimeout(write, uiDelayMs);
    }
  });
  const stop = (): void => {
    unsubscribe();
    if (timer !== null) write();
  };
  return Object.assign(stop, {
    flush: (force = false) => {
      if (force) last = '';
      write();
    },
  });
}

/** Keeps unreadable data aside under its own key; false when the storage refuses (e.g. it is full). */
export function setAside(storage: KeyValueStorage, raw: string, at: Date): boolean {
  try {
    storage.setItem(`${UNREADABLE_PREFIX}${at.toISOString()}`, raw);
    return true;
  } catch {
    return false;
  }
}

/** Unreadable data kept aside, oldest first. */
export function listAside(storage: KeyValueStorage): { key: string; raw: string }[] {
  const out: { key: string; raw: string }[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key === null || !key.startsWith(UNREADABLE_PREFIX)) continue;
      const raw = storage.getItem(key);
      if (raw !== null) out.push({ key, raw });
    }
  } catch {
    /* storage disabled: nothing was kept */
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface Booted {
  store: AppStore;
  restored: Restored['kind'];
  /** Stops autosave (writing what is pending) and the notice watch. */
  stop(): void;
  /** Writes what is pending now (the page is going away). */
  flush(): void;
  /** The app has shown what it started with: the next start may trust the autosave again. */
  started(): void;
}

export interface BootOptions {
  storage: KeyValueStorage;
  /** The topology to start with when nothing (readable) was saved. */
  fallback: () => StoreOptions;
  now?: () => Date;
  /** See `AutosaveOptions.uiDelayMs`. */
  uiDelayMs?: number;
  /** The browser refused its storage (`storage` is then a stand-in in memory): autosave is off, and says so. */
  blocked?: boolean;
  /** This tab's own storage (sessionStorage): its start marker survives a reload of this tab only. */
  session?: KeyValueStorage;
  /** Changes other tabs make to the storage (the `storage` event): calls back with the key and its new value. */
  listen?: (onChange: (key: string | null, value: string | null) => void) => () => void;
}

const tryGet = (storage: KeyValueStorage, key: string): string | null => {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
};
const trySet = (storage: KeyValueStorage, key: string, value: string | null): void => {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    /* storage full or disabled: the status says so already */
  }
};
const trySetOk = (storage: KeyValueStorage, key: string, value: string): boolean => {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
};
const clock = (iso: string): string => iso.slice(11, 16);
const when = (iso: string): string => `${clock(iso)} UTC on ${iso.slice(0, 10)}`;

/** What a start says after autosave failed: what is shown (and from when), and what was not kept. */
export function failureText(m: FailureMarker, shownSavedAt: string | null): string {
  const kept = m.keptAt ?? shownSavedAt;
  const what = kept !== null && !Number.isNaN(Date.parse(kept)) ? `this is your work as autosaved at ${when(kept)}, the last work it could keep` : 'this is the last work it could keep';
  const lost =
    m.changes > 0
      ? `${m.changes === 1 ? 'the change' : `the ${m.changes} changes`} made from ${when(m.failedAt)}${m.lastAt !== m.failedAt ? ` to ${when(m.lastAt)}` : ''} ${m.changes === 1 ? 'was' : 'were'} not saved in this browser`
      : 'changes made after that were not saved in this browser';
  return `Autosave failed at ${when(m.failedAt)} (the browser storage was full): ${what}, and ${lost}. Free some storage for this site (or save your work to a file) so that autosave can keep up.`;
}

/** The document a stored autosave record holds, as JSON (for comparing with this tab's). */
function storedDocumentJson(raw: string): string | null {
  try {
    const r = JSON.parse(raw) as { document?: unknown };
    return JSON.stringify(r.document ?? null);
  } catch {
    return null;
  }
}

/**
 * Starts the app's store from the autosave and keeps saving it. Unreadable data is never silently
 * discarded: it is set aside and offered for download, at every start, until the user dismisses
 * the notice (which says that dismissing discards it). When it cannot even be set aside, autosave
 * waits for that dismissal rather than overwrite it. A record the app failed to show at the last
 * start is set aside in the same way. Another tab's newer work is never overwritten without the
 * user choosing.
 */
export function bootPersistence({ storage, fallback, now = () => new Date(), uiDelayMs = 0, blocked = false, session, listen }: BootOptions): Booted {
  const shared = tryGet(storage, STARTING_KEY);
  const own = session ? tryGet(session, STARTING_KEY) : null;
  const stale = shared !== null && (!session || !(now().getTime() - Date.parse(shared) < START_GRACE_MS));
  const crashed = !blocked && (own !== null || stale);
  let restored = restore(storage);
  if (crashed && restored.kind === 'ok') restored = { kind: 'unreadable', raw: tryGet(storage, STORAGE_KEY) ?? JSON.stringify(restored.saved), reason: 'the app failed while showing it' };
  const store =
    restored.kind === 'ok'
      ? createAppStore({ document: restored.saved.document, ui: restored.saved.ui, savedDocument: restored.saved.unsaved ? emptyTopology() : undefined })
      : createAppStore(fallback());
  const { actions } = store.getState();
  if (blocked) actions.setAutosave({ kind: 'off' });
  trySet(storage, STARTING_KEY, now().toISOString());
  if (session) trySet(session, STARTING_KEY, now().toISOString());
  const keptAside = restored.kind === 'unreadable' ? setAside(storage, restored.raw, now()) : true;
  let paused = !keptAside;
  const aside = listAside(storage);
  const pieces = [...aside.map((a) => a.raw), ...(keptAside || restored.kind !== 'unreadable' ? [] : [restored.raw])];
  let notice: Notice | null = null;
  // The marker: this storage's, or this tab's when even the reserved one could not be written.
  const marker = readMarker(tryGet(storage, FAILED_KEY)) ?? (session ? readMarker(tryGet(session, FAILED_KEY)) : null);
  // Its place, reserved while there is room (see FAILED_KEY).
  if (tryGet(storage, FAILED_KEY) === null) trySet(storage, FAILED_KEY, EMPTY_MARKER);
  if (pieces.length > 0) {
    const why =
      restored.kind !== 'unreadable'
        ? 'Autosaved work that could not be read earlier is still kept in this browser.'
        : crashed
          ? 'The app failed while showing your autosaved work when it last started, so it started with an example this time.'
          : `Your autosaved work could not be read (${restored.reason}); the app started with an example instead.`;
    const where = paused
      ? ' The browser storage is full, so autosave is paused until you dismiss this message: download the data first.'
      : ' It is kept in this browser: download it below to keep it.';
    notice = {
      kind: 'error',
      text: `${why}${where} Dismissing this message discards it.`,
      download: { filename: 'lm-autosave-unreadable.json', content: pieces.length === 1 ? pieces[0]! : JSON.stringify(pieces) },
    };
    actions.notify(notice);
  } else if (restored.kind === 'ok' && marker !== null) {
    actions.notify({ kind: 'error', text: failureText(marker, restored.saved.savedAt) });
  }

  // Another tab stored a different document (when): this tab may not write until the user chooses,
  // which is asked the first time this tab has something to write (an idle tab is not interrupted).
  let behind: string | null = null;
  let conflict = false;
  const holdForChoice = (): boolean => {
    if (behind !== null && !conflict) {
      conflict = true;
      actions.setAutosave({ kind: 'conflict', at: behind, choose });
    }
    return conflict;
  };
  let failure: FailureMarker | null = null;
  // The document the last failure was counted for: the one this start shows is no change of the user's.
  let failedDocument: TopologyDocument | null = store.getState().document;
  let keptAt: string | null = restored.kind === 'ok' ? restored.saved.savedAt : null;
  const saver = autosave(store, storage, {
    uiDelayMs,
    now,
    paused: () => paused || blocked || holdForChoice(),
    onError: () => {
      const at = now().toISOString();
      if (store.getState().autosave.kind !== 'failed') actions.setAutosave({ kind: 'failed', at });
      const doc = store.getState().document;
      failure = { failedAt: failure?.failedAt ?? at, lastAt: at, changes: (failure?.changes ?? 0) + (doc !== failedDocument ? 1 : 0), keptAt };
      failedDocument = doc;
      const text = writeMarker(failure);
      // Over the reserved place (same length: accepted by a full storage); else in this tab's own storage.
      if (!trySetOk(storage, FAILED_KEY, text) && session) trySet(session, FAILED_KEY, text);
    },
    onWritten: (savedAt) => {
      keptAt = savedAt;
      if (store.getState().autosave.kind === 'failed') actions.setAutosave({ kind: 'on' });
      if (failure !== null || readMarker(tryGet(storage, FAILED_KEY)) !== null) trySet(storage, FAILED_KEY, EMPTY_MARKER);
      if (session && tryGet(session, FAILED_KEY) !== null) trySet(session, FAILED_KEY, null);
      failure = null;
      failedDocument = store.getState().document;
    },
  });

  function choose(choice: 'theirs' | 'mine'): void {
    if (!conflict) return;
    conflict = false;
    behind = null;
    actions.setAutosave({ kind: 'on' });
    if (choice === 'theirs') {
      const theirs = restore(storage);
      if (theirs.kind === 'ok') {
        const { ui } = theirs.saved;
        store.getState().actions.load(theirs.saved.document, ui.sourceNodeId && ui.destinationNodeId ? [ui.sourceNodeId, ui.destinationNodeId] : null);
        store.getState().actions.notify({ kind: 'info', text: "This tab now shows the other tab's work. Undo brings back what this tab had." });
      } else store.getState().actions.notify({ kind: 'error', text: "The other tab's work could not be read; this tab keeps its own." });
    }
    saver.flush(choice === 'mine');
  }
  const unlisten = listen?.((key, value) => {
    if (key !== STORAGE_KEY || value === null || blocked) return;
    // The same document (this tab's own write echoed, or a pair change elsewhere): nothing to choose.
    behind = storedDocumentJson(value) === JSON.stringify(store.getState().document) ? null : now().toISOString();
  });

  const unwatch = store.subscribe((s, prev) => {
    if (notice === null || s.notice !== null || prev.notice === null) return;
    if (prev.notice === notice) {
      // Dismissed: the user has been told that this discards the data.
      for (const a of aside) {
        try {
          storage.removeItem(a.key);
        } catch {
          /* nothing more to do */
        }
      }
      notice = null;
      if (paused) {
        paused = false;
        saver.flush();
      }
    } else {
      // Another message took its place and was dismissed: the data is still there, say so again.
      s.actions.notify(notice);
    }
  });
  return {
    store,
    restored: restored.kind,
    flush: () => saver.flush(),
    started: () => {
      trySet(storage, STARTING_KEY, null);
      if (session) trySet(session, STARTING_KEY, null);
    },
    stop: () => {
      saver();
      unwatch();
      unlisten?.();
    },
  };
}

/** A stand-in for a storage the browser refuses: the app runs, nothing survives a reload. */
export function memoryStorage(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
  };
}

/**
 * Autosave: the document and the pair/mode survive a reload. The stored record carries a schema
 * number; older records are migrated, unreadable ones are never silently dropped: the caller
 * gets them back to offer for download.
 */
import { parseTopology, type Mode, type TopologyDocument } from '../engine';
import type { AppStore, UiState } from './appStore';

export const STORAGE_KEY = 'lm-path-visualizer:autosave';
export const SCHEMA = 1;

export interface Saved {
  schema: typeof SCHEMA;
  savedAt: string;
  document: TopologyDocument;
  ui: Pick<UiState, 'sourceNodeId' | 'destinationNodeId' | 'mode' | 'legacyTimeoutSeconds'>;
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
}

/**
 * Brings a stored record of any known schema to the current one. Schema 1 is current; a future
 * schema 2 adds a case here that converts a schema 1 record.
 */
export function migrate(record: unknown): Saved | string {
  if (typeof record !== 'object' || record === null) return 'the stored data is not an object';
  const r = record as Record<string, unknown>;
  if (r.schema === SCHEMA) return r as unknown as Saved;
  if (typeof r.schema === 'number' && r.schema > SCHEMA) return `it was saved by a newer version of the app (schema ${r.schema})`;
  return `unknown schema ${JSON.stringify(r.schema)}`;
}

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
  const ui = saved.ui ?? {};
  const mode: Mode = ui.mode === 'legacy' ? 'legacy' : 'ws2025';
  const timeout = typeof ui.legacyTimeoutSeconds === 'number' && ui.legacyTimeoutSeconds >= 0 ? ui.legacyTimeoutSeconds : 20;
  return {
    kind: 'ok',
    saved: { ...saved, ui: { sourceNodeId: ui.sourceNodeId ?? null, destinationNodeId: ui.destinationNodeId ?? null, mode, legacyTimeoutSeconds: timeout } },
  };
}

/** Writes the store to storage on every change of the document or the saved UI fields. */
export function autosave(store: AppStore, storage: KeyValueStorage, onError?: (e: unknown) => void): () => void {
  let last = '';
  const write = (): void => {
    const { document, ui } = store.getState();
    const record: Saved = {
      schema: SCHEMA,
      savedAt: new Date().toISOString(),
      document,
      ui: { sourceNodeId: ui.sourceNodeId, destinationNodeId: ui.destinationNodeId, mode: ui.mode, legacyTimeoutSeconds: ui.legacyTimeoutSeconds },
    };
    const key = JSON.stringify([record.document, record.ui]);
    if (key === last) return;
    last = key;
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(record));
    } catch (e) {
      onError?.(e);
    }
  };
  write();
  return store.subscribe((s, prev) => {
    if (s.document !== prev.document || s.ui.sourceNodeId !== prev.ui.sourceNodeId || s.ui.destinationNodeId !== prev.ui.destinationNodeId || s.ui.mode !== prev.ui.mode || s.ui.legacyTimeoutSeconds !== prev.ui.legacyTimeoutSeconds) write();
  });
}

/**
 * Lookups in objects keyed by element ids. Ids are any text, so `toString`, `constructor` or
 * `__proto__` are ids too: `layout[id]` on a plain object would return what the object inherits
 * (a function) and `layout[id] = p` with `__proto__` would replace its prototype instead of
 * adding a position. Every read and write keyed by an id goes through these two helpers (or a Map).
 */

/** The object's own value under `key`, never an inherited one. */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets an own property, whatever the key (`__proto__` included). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

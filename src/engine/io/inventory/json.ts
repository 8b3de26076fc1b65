/**
 * Tolerant reading of PowerShell's JSON. ConvertTo-Json writes a one-element array as a bare value
 * (or an empty one as null) depending on how the value was produced, Windows PowerShell 5.1
 * sometimes wraps arrays as `{ "value": [...], "Count": n }`, and property names are
 * case-insensitive in PowerShell. Every value travels with its JSON path for messages.
 */
import { isRecord } from '../../model/shape';

/** A value read from the inventory, with the JSON path it came from. */
export interface Field {
  value: unknown;
  path: string;
}

export type Obj = Record<string, unknown>;

/** A JSON object (not null, not a list): the model's isRecord, under the name the inventory's readers use. */
export const isObj: (v: unknown) => v is Obj = isRecord;

const has = (o: Obj, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function joinPath(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/** The field `key` of an object, matched exactly first, then case-insensitively. */
export function field(obj: unknown, key: string, base: string): Field {
  if (!isObj(obj)) return { value: undefined, path: joinPath(base, key) };
  if (has(obj, key)) return { value: obj[key], path: joinPath(base, key) };
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) {
    if (k.toLowerCase() === lower) return { value: obj[k], path: joinPath(base, k) };
  }
  return { value: undefined, path: joinPath(base, key) };
}

/** The first of several alternative field names that is present (e.g. `Node`, then `PSComputerName`). */
export function firstField(obj: unknown, keys: readonly string[], base: string): Field {
  for (const key of keys) {
    const f = field(obj, key, base);
    if (!isAbsent(f.value)) return f;
  }
  return field(obj, keys[0] ?? '', base);
}

export const isAbsent = (v: unknown): boolean => v === undefined || v === null;

/** PowerShell 5.1's serialisation of an array that picked up an extended `Count` property. */
function unwrapPsArray(v: unknown): unknown[] | null {
  if (!isObj(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 2) return null;
  const value = field(v, 'value', '').value;
  return Array.isArray(value) && field(v, 'Count', '').value !== undefined ? value : null;
}

/**
 * The elements of a list-valued field: an array, a bare value (one element) or null (none).
 * Null elements — `@($null)` writes `[null]` — are skipped.
 */
export function items(f: Field): Field[] {
  if (isAbsent(f.value)) return [];
  const list = Array.isArray(f.value) ? f.value : unwrapPsArray(f.value);
  if (list === null) return [f];
  const path = Array.isArray(f.value) ? f.path : `${f.path}.value`;
  const out: Field[] = [];
  list.forEach((value, i) => {
    if (!isAbsent(value)) out.push({ value, path: `${path}[${i}]` });
  });
  return out;
}

export interface Scalar {
  /** The text of one entry; undefined when the entry is not text or a number. */
  text: string | undefined;
  raw: unknown;
  path: string;
}

/**
 * The entries of a list of scalars. A string holding several entries — a collection that went
 * through `[string]` is joined by spaces; GUID lists are joined by `;` or `,` — is split.
 */
export function scalars(f: Field): Scalar[] {
  const out: Scalar[] = [];
  for (const item of items(f)) {
    const t = text(item.value);
    if (t === undefined) {
      if (typeof item.value !== 'string') out.push({ text: undefined, raw: item.value, path: item.path });
      continue;
    }
    for (const part of t.split(/[\s,;]+/)) if (part !== '') out.push({ text: part, raw: item.value, path: item.path });
  }
  return out;
}

/** Text of a scalar: trimmed, a leading byte-order mark removed; numbers as digits. Empty → undefined. */
export function text(v: unknown): string | undefined {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
  else return undefined;
  s = s.replace(/^\uFEFF/, '').trim();
  return s === '' ? undefined : s;
}

/**
 * The name of something PowerShell may have written as a string or, without a `[string]` cast, as
 * the whole object (`"Node": { "Name": "HV01", ... }`).
 */
export function nameOf(v: unknown): string | undefined {
  if (isObj(v)) return text(field(v, 'Name', '').value);
  return text(v);
}

/** A finite number, from a number or a numeric string. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = text(v);
  if (s === undefined || !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A boolean from true/false, "True"/"False" (any case) or 1/0. */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  const s = text(v)?.toLowerCase();
  if (s === 'true' || s === '1') return true;
  if (s === 'false' || s === '0') return false;
  return undefined;
}

/** A short, safe rendering of a value for messages. */
export function show(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') {
    const s = v.length > 60 ? `${v.slice(0, 57)}…` : v;
    // Control characters would garble a message; they are shown as '?'.
    const printable = Array.from(s, (ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? '?' : ch)).join('');
    return `"${printable}"`;
  }
  return String(v);
}

/** `a, b, c and 4 more` — keeps messages short whatever the inventory's size. */
export function listSome(names: readonly string[], max = 8): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/**
 * Bytes → text → JSON. Windows PowerShell 5.1's `Set-Content -Encoding UTF8` writes UTF-8 with a
 * byte-order mark, `Out-File` and `>` write UTF-16 LE with one, PowerShell 7 writes UTF-8 without.
 * `Set-Content` without `-Encoding` writes the ANSI code page, read here as Windows-1252.
 * Only TextDecoder is used: it exists in browsers and in Node alike.
 */
import type { ParseError } from '../../model/types';

/** Far above any real cluster's inventory (a 64-node cluster's is well under 5 MB). */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

export type Decoded = { ok: true; text: string; notes: string[] } | { ok: false; error: ParseError };

const fail = (message: string): Decoded => ({ ok: false, error: { path: '', message } });

function decodeWith(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 BE is turned into LE by swapping byte pairs: not every TextDecoder knows 'utf-16be'. */
function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] ?? 0;
    out[i + 1] = bytes[i] ?? 0;
  }
  return out;
}

export function decodeInventory(input: unknown): Decoded {
  if (typeof input === 'string') {
    if (input.length > MAX_INPUT_BYTES) return fail('The file is too large to be a cluster inventory.');
    return { ok: true, text: input.replace(/^\uFEFF/, ''), notes: [] };
  }
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else return fail('Nothing to import: expected the text or the bytes of an inventory file.');
  if (bytes.length > MAX_INPUT_BYTES) return fail('The file is too large to be a cluster inventory.');
  if (bytes.length === 0) return fail('The file is empty. Run the inventory script again and import the lm-inventory.json it writes.');

  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  let utf16: 'le' | 'be' | null = null;
  let body = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) body = bytes.subarray(3);
  else if (b0 === 0xff && b1 === 0xfe) [utf16, body] = ['le', bytes.subarray(2)];
  else if (b0 === 0xfe && b1 === 0xff) [utf16, body] = ['be', bytes.subarray(2)];
  // No byte-order mark, but JSON starts with an ASCII character: a zero byte beside it is UTF-16.
  else if (bytes.length >= 2 && b0 !== 0 && b1 === 0) utf16 = 'le';
  else if (bytes.length >= 2 && b0 === 0 && b1 !== 0) utf16 = 'be';

  if (utf16 !== null) {
    const le = utf16 === 'le' ? body : swapPairs(body);
    const text = decodeWith('utf-16le', le, false);
    return text === null ? fail('The file could not be read as UTF-16 text.') : { ok: true, text: text.replace(/^\uFEFF/, ''), notes: [] };
  }
  const utf8 = decodeWith('utf-8', body, true);
  if (utf8 !== null) return { ok: true, text: utf8.replace(/^\uFEFF/, ''), notes: [] };
  const ansi = decodeWith('windows-1252', body, false) ?? decodeWith('utf-8', body, false);
  if (ansi === null) return fail('The file is not text.');
  return {
    ok: true,
    text: ansi,
    notes: ['The file is not UTF-8; it was read as Windows-1252 (ANSI). Check names with accented letters.'],
  };
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: ParseError };

export function parseJson(text: string): ParsedJson {
  if (text.trim() === '') return { ok: false, error: { path: '', message: 'The file is empty. Run the inventory script again and import the lm-inventory.json it writes.' } };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    // Engines word this differently: V8 gives a position or an excerpt, Firefox a line and column.
    const detail = e instanceof Error ? e.message : '';
    const pos = /position (\d+)/.exec(detail);
    const lc = /line (\d+) column (\d+)/.exec(detail);
    const where =
      pos?.[1] !== undefined ? ` (${lineColumn(text, Number(pos[1]))})`
      : lc !== null ? ` (line ${lc[1]}, column ${lc[2]})`
      : /end of (JSON )?(input|data)/i.test(detail) ? ' (it ends too early: was it cut off?)'
      : '';
    const head = text.trimStart().slice(0, 1);
    const hint = head === '<' ? ' It looks like XML or HTML, not the JSON the inventory script writes.' : '';
    return {
      ok: false,
      error: { path: '', message: `The file is not valid JSON${where}.${hint} Import the lm-inventory.json file exactly as the inventory script wrote it.` },
    };
  }
}

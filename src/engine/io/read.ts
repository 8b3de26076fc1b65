/**
 * Opening: an untrusted file becomes a document, or a list of errors with paths. The size is
 * checked before anything is decoded or parsed; the topology on screen is never touched here.
 */
import { parseTopology } from '../model/parse';
import { isRecord } from '../model/shape';
import type { Diagnostic, ParseError, Topology, TopologyDocument } from '../model/types';
import { decodeText } from './bytes';

/** Files above this are refused before parsing: a 64-node cluster is well under 1 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { ok: true; document: TopologyDocument; topology: Topology; diagnostics: Diagnostic[] }
  | {
      ok: false;
      errors: ParseError[];
      /** Set when the file is a cluster inventory: the caller may import it instead. */
      detected?: 'inventory';
    };

const refuse = (message: string, path = ''): ReadResult => ({ ok: false, errors: [{ path, message }] });

export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;

export const tooLargeMessage = (bytes: number): string =>
  `The file is ${formatSize(bytes)}; files over ${formatSize(MAX_FILE_BYTES)} are not opened (a large cluster's topology is well under 1 MB). Is it the right file?`;

/** UTF-8 size of a string, counted without allocating it. */
function utf8Length(text: string, stopAbove: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Where JSON.parse stopped, as line and column (engines word their messages differently). */
function jsonErrorMessage(text: string, e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(detail);
  const ended = /end of (JSON|data)/i.test(detail);
  if (!m && !ended) return `The file is not valid JSON (${detail}).`;
  const pos = m ? Math.min(Number(m[1]), text.length) : text.length;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  if (ended && !m) return `The file is not valid JSON: it ends too early, at line ${line}, column ${column}. Was it cut off?`;
  return `The file is not valid JSON: line ${line}, column ${column} (${detail.replace(/\s*\(line \d+ column \d+\)/, '')}).`;
}

export function readTopologyFile(input: string | Uint8Array): ReadResult {
  try {
    const size = typeof input === 'string' ? utf8Length(input, MAX_FILE_BYTES) : input.length;
    if (size > MAX_FILE_BYTES) return refuse(tooLargeMessage(size));
    let text: string;
    if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    else {
      const decoded = decodeText(input);
      if (!decoded.ok) return refuse(decoded.message);
      text = decoded.text;
    }
    if (text.trim() === '') return refuse('The file is empty.');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return refuse(jsonErrorMessage(text, e));
    }
    if (isRecord(json) && json.format === 'lm-cluster-inventory') {
      return {
        ok: false,
        detected: 'inventory',
        errors: [{ path: 'format', message: "This is a cluster inventory (lm-cluster-inventory), not a topology: import it with 'Import cluster inventory'." }],
      };
    }
    const parsed = parseTopology(json);
    if (!parsed.ok) return parsed;
    return { ok: true, document: json as TopologyDocument, topology: parsed.topology, diagnostics: parsed.diagnostics };
  } catch (e) {
    // A bug, not bad input: the caller still gets an error, never an exception.
    return refuse(`The file could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/**
 * Share links: the whole document in the URL fragment, so it never reaches a server.
 *
 *   #share=1.<data length>.<crc32>.<data>
 *
 * `1` is the link format version; `<data>` is the compact JSON of the document, deflated
 * (raw DEFLATE) and base64url-encoded; `<data length>` is its length in characters, so that a link
 * cut off by a mail or chat tool is recognised as truncated; `<crc32>` (8 hex digits) is the
 * checksum of the JSON, so that an altered link is refused instead of opening something else.
 */
import { deflateSync, Inflate } from 'fflate';
import type { TopologyDocument } from '../model/types';
import { base64url, crc32, fromBase64url, utf8 } from './bytes';
import { MAX_FILE_BYTES, readTopologyFile, type ReadResult } from './read';

export const SHARE_PREFIX = 'share=';
export const SHARE_VERSION = 1;
/** Chromium's limit for a whole URL; longer data can never arrive intact. */
export const MAX_SHARE_DATA_CHARS = 2_000_000;
/** Above this many characters some mail and chat tools cut or refuse links: the UI warns. */
export const SHARE_LINK_WARN_CHARS = 8_000;

export function encodeShareLink(doc: TopologyDocument): string {
  const json = utf8(JSON.stringify(doc));
  const data = base64url(deflateSync(json, { level: 9 }));
  const crc = crc32(json).toString(16).padStart(8, '0');
  return `${SHARE_PREFIX}${SHARE_VERSION}.${data.length}.${crc}.${data}`;
}

/** True when a location hash carries a shared topology (whatever its state). */
export const isShareFragment = (hash: string): boolean => /^#?share(=|%3[dD])/.test(hash);

const refuse = (message: string): ReadResult => ({ ok: false, errors: [{ path: '', message }] });
const TRUNCATED = 'This share link is incomplete: it was cut off before its data. Copy the whole link again — some mail and chat tools cut long links.';
const damaged = (why: string): ReadResult => refuse(`This share link is damaged: ${why} Ask for the link again, or for the topology file.`);

/**
 * Deflate expands at most ~1,032 times: pushing the data a kilobyte at a time keeps each step's
 * output near a megabyte, so that a link stops as soon as it passes the limit.
 */
const INFLATE_CHUNK = 1024;

/** Inflates in chunks, stopping at the limit (a 129 K-character link once expanded to 100 MB, 2 M characters to 1.5 GB). */
export function inflateBounded(data: Uint8Array, limit: number, read: { bytes: number } = { bytes: 0 }): Uint8Array | 'too-large' | 'corrupt' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let at = 0; at < data.length && !over && !done; at += INFLATE_CHUNK) {
      const end = Math.min(data.length, at + INFLATE_CHUNK);
      read.bytes = end;
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    return over ? 'too-large' : 'corrupt';
  }
  if (over) return 'too-large';
  if (!done) return 'corrupt';
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function decodeShareLink(fragment: string): ReadResult {
  try {
    let text = fragment.replace(/^#/, '');
    // Some tools percent-encode the '=' of the fragment.
    if (/^share%3D/i.test(text)) text = `${SHARE_PREFIX}${text.slice(8)}`;
    if (!text.startsWith(SHARE_PREFIX)) return refuse('This address does not contain a shared topology (it has no "#share=" part).');
    const parts = text.slice(SHARE_PREFIX.length).split('.');
    const version = parts[0] ?? '';
    if (version === '') return refuse(TRUNCATED);
    if (/^\d+$/.test(version) && Number(version) > SHARE_VERSION)
      return refuse(`This share link was made by a newer version of LM Path Visualizer (link format ${version}); this app reads format ${SHARE_VERSION}.`);
    if (version !== String(SHARE_VERSION)) return damaged(`its format marker "${version.slice(0, 12)}" is not one this app knows.`);
    const [, lengthText = '', crcText = '', data = ''] = parts;
    if (parts.length < 4) return refuse(TRUNCATED);
    if (parts.length > 4 || !/^\d{1,8}$/.test(lengthText) || !/^[0-9a-f]{8}$/.test(crcText)) return damaged('its header is not in the expected form.');
    const expected = Number(lengthText);
    if (expected > MAX_SHARE_DATA_CHARS) return refuse(`This share link is too large to open (${expected} characters of data; the limit is ${MAX_SHARE_DATA_CHARS}).`);
    if (data.length < expected)
      return refuse(`This share link is incomplete: it was cut off after ${data.length} of its ${expected} characters of data. Copy the whole link again — some mail and chat tools cut long links.`);
    if (data.length > expected) return damaged(`it has ${data.length - expected} more characters of data than it announces.`);
    const deflated = fromBase64url(data);
    if (!deflated) return damaged('it contains characters that a share link never has.');
    const json = inflateBounded(deflated, MAX_FILE_BYTES);
    if (json === 'too-large') return refuse(`This share link expands to more than ${MAX_FILE_BYTES / (1024 * 1024)} MB: it is not opened.`);
    if (json === 'corrupt') return damaged('its data cannot be decompressed (it was altered).');
    if (crc32(json).toString(16).padStart(8, '0') !== crcText) return damaged('its checksum does not match its content (it was altered).');
    return readTopologyFile(json);
  } catch (e) {
    return refuse(`This share link could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/**
 * Bytes and text at the file and link boundary: UTF-8/UTF-16 decoding with byte-order marks,
 * base64 (standard and URL-safe) and CRC-32. Written here rather than taken from the browser
 * (btoa, Blob) so that the engine stays pure and runs the same in Node and in the page.
 */

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/**
 * Text of a file: UTF-8 with or without a byte-order mark, or UTF-16 (LE or BE) with one, as
 * Windows tools write them. Invalid UTF-8 is refused rather than turned into replacement
 * characters that would silently change names.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)) };
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { ok: false, message: 'The file is not text in UTF-8 or UTF-16: it may be a binary file or use another encoding.' };
  }
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out.push(alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out.push(alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + (pad ? '==' : ''));
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out.push(alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + (pad ? '=' : ''));
  }
  return out.join('');
}

export const base64 = (bytes: Uint8Array): string => encode(bytes, ALPHABET, true);
export const base64url = (bytes: Uint8Array): string => encode(bytes, URL_ALPHABET, false);

const URL_VALUES = new Map([...URL_ALPHABET].map((c, i) => [c, i]));

/** Decodes canonical unpadded base64url; null when a character is outside the alphabet or the length is impossible. */
export function fromBase64url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const c of text) {
    const v = URL_VALUES.get(c);
    if (v === undefined) return null;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero: otherwise two different texts would decode to the same bytes.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out.subarray(0, o);
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as in zip and PNG). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

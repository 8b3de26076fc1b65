/** Share links that are zip bombs, or whose '=' a mail tool percent-encoded. */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, isShareFragment, MAX_FILE_BYTES } from '../../src/engine/io';
import { base64url, crc32 } from '../../src/engine/io/bytes';
import { inflateBounded } from '../../src/engine/io/share';

describe('share-link zip bombs', () => {
  // 20 MB of spaces deflate to ≈ 20 KB (deflate's ratio tops out near 1,032:1).
  const bomb = deflateSync(new Uint8Array(20 * 1024 * 1024).fill(0x20), { level: 9 });

  it('stops inflating as soon as the output passes the limit, having read a sliver of the input', () => {
    const read = { bytes: 0 };
    expect(inflateBounded(bomb, 1024 * 1024, read)).toBe('too-large');
    // 1 MB of output needs ≈ 1 KB of this input; it reads at most one more 1 KB chunk past that.
    expect(read.bytes).toBeLessThan(bomb.length / 5);
    expect(read.bytes).toBeGreaterThan(0);
  });

  it('inflates a link within the limit completely', () => {
    const small = new Uint8Array(300_000).fill(0x41);
    const out = inflateBounded(deflateSync(small), MAX_FILE_BYTES);
    expect(out).toEqual(small);
  });

  it('refuses a bomb link with a message, without a checksum surprise', () => {
    const data = base64url(deflateSync(new Uint8Array(MAX_FILE_BYTES + 1024 * 1024).fill(0x20), { level: 9 }));
    const r = decodeShareLink(`#share=1.${data.length}.${crc32(new Uint8Array([1])).toString(16).padStart(8, '0')}.${data}`);
    expect(r).toEqual({ ok: false, errors: [{ path: '', message: 'This share link expands to more than 10 MB: it is not opened.' }] });
  });
});

describe('#share%3D links', () => {
  it('are recognised as share links (a mail tool encoded the =)', () => {
    expect(isShareFragment('#share%3D1.10.00000000.abcdefghij')).toBe(true);
    expect(isShareFragment('#share%3d1.10.00000000.abcdefghij')).toBe(true);
    expect(isShareFragment('#shared')).toBe(false);
  });
});

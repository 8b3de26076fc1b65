/** Share links: round trip, and a clear refusal for every truncated, altered or hostile link. */
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { base64url, crc32, utf8 } from '../../src/engine/io/bytes';
import { decodeShareLink, encodeShareLink, isShareFragment, MAX_FILE_BYTES, serializeTopology, SHARE_LINK_WARN_CHARS, type ReadResult } from '../../src/engine/io';
import { generateTwoSiteCluster } from '../generate';
import { EXAMPLES } from '../../src/examples';

const doc = EXAMPLES.find((e) => e.id === 'two-site-routed')!.document;
const link = encodeShareLink(doc);

function message(r: ReadResult): string {
  if (r.ok) throw new Error('expected a refusal');
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]!.path).toBe('');
  return r.errors[0]!.message;
}

describe('share links', () => {
  it('have the form share=1.<length>.<crc32>.<base64url data>', () => {
    const m = /^share=1\.(\d+)\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/.exec(link);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(m![3]!.length);
    expect(m![2]).toBe(crc32(utf8(JSON.stringify(doc))).toString(16).padStart(8, '0'));
    expect(isShareFragment(`#${link}`)).toBe(true);
    expect(isShareFragment('#details')).toBe(false);
  });

  it('round-trip every example, with or without the leading #, and stay short', () => {
    for (const ex of EXAMPLES) {
      const l = encodeShareLink(ex.document);
      for (const fragment of [l, `#${l}`]) {
        const r = decodeShareLink(fragment);
        expect(r.ok && serializeTopology(r.document), ex.id).toBe(serializeTopology(ex.document));
      }
      // Compression keeps even the 16-node example far below what mail and chat tools accept.
      expect(l.length, ex.id).toBeLessThan(Math.min(SHARE_LINK_WARN_CHARS, JSON.stringify(ex.document).length / 2));
    }
  });

  it('round-trip generated topologies and unusual text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 }), (n, name, extra) => {
        const d = { ...generateTwoSiteCluster({ nodesPerSite: n, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 }), name, 'x-extra': extra };
        const r = decodeShareLink(encodeShareLink(d));
        expect(r.ok && r.document).toEqual(JSON.parse(JSON.stringify(d)));
      }),
      { numRuns: 60 },
    );
  });

  it('accept a fragment whose "=" a mail tool percent-encoded', () => {
    expect(decodeShareLink(link.replace('share=', 'share%3D')).ok).toBe(true);
  });

  it('say a link cut off anywhere is incomplete (or damaged when cut inside its header)', () => {
    for (let cut = 'share='.length; cut < link.length; cut++) {
      const text = message(decodeShareLink(link.slice(0, cut)));
      expect(text, `cut at ${cut}`).toMatch(/incomplete|damaged/);
    }
    expect(message(decodeShareLink(link.slice(0, link.length - 10)))).toMatch(/^This share link is incomplete: it was cut off after \d+ of its \d+ characters of data/);
    expect(message(decodeShareLink('#share='))).toMatch(/incomplete/);
  });

  it('refuse any single changed character of the data', () => {
    const start = link.lastIndexOf('.') + 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = start; i < link.length; i++) {
      const c = alphabet[(alphabet.indexOf(link[i]!) + 17) % 64]!;
      const text = message(decodeShareLink(link.slice(0, i) + c + link.slice(i + 1)));
      expect(text).toMatch(/damaged/);
    }
  });

  it('refuse a changed checksum, extra data and characters outside the alphabet', () => {
    const parts = link.split('.');
    expect(message(decodeShareLink([parts[0], parts[1], '00000000', parts[3]].join('.')))).toMatch(/checksum does not match/);
    expect(message(decodeShareLink(`${link}AAAA`))).toMatch(/more characters of data than it announces/);
    expect(message(decodeShareLink(link.replace(/.$/, '!')))).toMatch(/characters that a share link never has/);
  });

  it('refuse links from a newer app, and addresses without a shared topology', () => {
    expect(message(decodeShareLink(link.replace('share=1.', 'share=2.')))).toMatch(/newer version of LM Path Visualizer/);
    expect(message(decodeShareLink('#details'))).toMatch(/does not contain a shared topology/);
  });

  it('refuse a small link that would expand past the file size limit (a compression bomb)', () => {
    const json = utf8(`{"format":"lm-topology","version":1,"pad":"${' '.repeat(MAX_FILE_BYTES)}"}`);
    const data = base64url(deflateSync(json, { level: 9 }));
    const bomb = `share=1.${data.length}.${crc32(json).toString(16).padStart(8, '0')}.${data}`;
    expect(bomb.length).toBeLessThan(50_000);
    expect(message(decodeShareLink(bomb))).toMatch(/expands to more than 10 MB/);
  });

  it('refuse a link whose checksum is right but whose topology is invalid, with the parser’s paths', () => {
    const json = utf8(JSON.stringify({ format: 'lm-topology', version: 1, nodes: [{ id: 'n1' }] }));
    const data = base64url(deflateSync(json));
    const r = decodeShareLink(`share=1.${data.length}.${crc32(json).toString(16).padStart(8, '0')}.${data}`);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['nodes[0].name']);
  });

  it('never throw on random or mutated links', () => {
    const mutated = fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 4 })).map(([at, len, insert]) => {
      const i = at % (link.length + 1);
      return link.slice(0, i) + insert + link.slice(i + (len % 8));
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }).map((s) => `share=${s}`), fc.string({ maxLength: 60 }).map((s) => `share=1.${s}`), mutated), (fragment) => {
        const r = decodeShareLink(fragment);
        if (!r.ok) expect(r.errors.every((e) => typeof e.path === 'string' && e.message.length > 10)).toBe(true);
        // A mutation that still opens must decode to exactly the original (the checksum guards it).
        else expect(serializeTopology(r.document)).toBe(serializeTopology(doc));
      }),
      { numRuns: 600 },
    );
  });
});

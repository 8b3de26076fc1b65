/** Opening a file: what is refused, with which errors, and that nothing the fuzzer makes can throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readTopologyFile, serializeTopology, type ReadResult } from '../../src/engine/io';
import { EXAMPLES } from '../../src/examples';
import { readFileSync } from 'node:fs';
import { fixturePath } from './helpers';

const example = EXAMPLES.find((e) => e.id === 'two-site-routed')!.document;
const exampleText = serializeTopology(example);

function errors(r: ReadResult) {
  if (r.ok) throw new Error('expected a refusal');
  return r.errors;
}

/** Every refusal has at least one error, each with a string path and a sentence. */
function wellFormed(r: ReadResult): boolean {
  if (r.ok) return r.document !== undefined && Array.isArray(r.diagnostics);
  return r.errors.length > 0 && r.errors.every((e) => typeof e.path === 'string' && typeof e.message === 'string' && e.message.length > 10);
}

describe('readTopologyFile refuses', () => {
  it('text that is not JSON, saying where', () => {
    const [e] = errors(readTopologyFile('{\n  "format": "lm-topology",\n  "version": 1,,\n}'));
    expect(e!.path).toBe('');
    expect(e!.message).toMatch(/^The file is not valid JSON: line 3, column \d+/);
  });

  it('an empty file', () => {
    expect(errors(readTopologyFile('  \n'))[0]!.message).toBe('The file is empty.');
  });

  it('JSON that is not a topology', () => {
    expect(errors(readTopologyFile('[1, 2]'))[0]!.message).toMatch(/JSON object/);
    const [e] = errors(readTopologyFile('{"format": "drawio", "version": 1}'));
    expect(e).toMatchObject({ path: 'format' });
    expect(e!.message).toMatch(/not an LM Path Visualizer topology/);
  });

  it('a cluster inventory, recognised so that the app can import it instead', () => {
    const r = readTopologyFile(readFileSync(fixturePath('inventory/minimal.json')));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.detected).toBe('inventory');
    expect(errors(r)[0]!.message).toMatch(/Import cluster inventory/);
  });

  it('a newer version of the format', () => {
    const [e] = errors(readTopologyFile(JSON.stringify({ ...example, version: 2 })));
    expect(e).toMatchObject({ path: 'version' });
    expect(e!.message).toMatch(/newer version/);
  });

  it('an invalid topology, with the parser’s paths', () => {
    const unknownField = structuredClone(example);
    (unknownField.nodes![0] as unknown as Record<string, unknown>).colour = 'red';
    expect(errors(readTopologyFile(JSON.stringify(unknownField))).map((e) => e.path)).toEqual(['nodes[0].colour']);
    const badAddress = structuredClone(example);
    badAddress.nics![1]!.addresses = ['10.1.10.999/24'];
    const [e] = errors(readTopologyFile(JSON.stringify(badAddress)));
    expect(e!.path).toBe('nics[1].addresses[0]');
  });

  it('files over 10 MB before parsing them', () => {
    // Invalid JSON: a size error (not a JSON error) proves the size was checked first.
    const big = `{${' '.repeat(MAX_FILE_BYTES)}`;
    const [e] = errors(readTopologyFile(big));
    expect(e!.message).toMatch(/^The file is 10\.0 MB; files over 10\.0 MB are not opened/);
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x7b);
    expect(errors(readTopologyFile(bytes))[0]!.message).toMatch(/files over 10\.0 MB are not opened/);
    // Multi-byte text is measured in bytes, not characters.
    const wide = `"${'é'.repeat(MAX_FILE_BYTES / 2 + 1)}"`;
    expect(errors(readTopologyFile(wide))[0]!.message).toMatch(/not opened/);
  });

  it('bytes that are not UTF-8 or UTF-16 text', () => {
    expect(errors(readTopologyFile(new Uint8Array([0x7b, 0xff, 0xfe, 0xfd, 0x7d])))[0]!.message).toMatch(/not text in UTF-8 or UTF-16/);
  });
});

describe('readTopologyFile accepts', () => {
  it('UTF-8 with or without a byte-order mark, and UTF-16 LE and BE with one', () => {
    const utf8 = new TextEncoder().encode(exampleText);
    const le = new Uint8Array(2 + exampleText.length * 2);
    const be = new Uint8Array(2 + exampleText.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < exampleText.length; i++) {
      const c = exampleText.charCodeAt(i);
      le[2 + i * 2] = c & 0xff;
      le[3 + i * 2] = c >> 8;
      be[2 + i * 2] = c >> 8;
      be[3 + i * 2] = c & 0xff;
    }
    for (const input of [exampleText, `\ufeff${exampleText}`, utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), le, be]) {
      const r = readTopologyFile(input);
      expect(r.ok && serializeTopology(r.document)).toBe(exampleText);
    }
  });
});

describe('readTopologyFile fuzzing', () => {
  it('never throws on random text and random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), (input) => {
        expect(wellFormed(readTopologyFile(input))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        expect(wellFormed(readTopologyFile(JSON.stringify(v) ?? 'null'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a saved file with characters changed, deleted, inserted or cut off', () => {
    const edit = fc.oneof(
      fc.tuple(fc.constant('set' as const), fc.nat(), fc.string({ minLength: 1, maxLength: 3 })),
      fc.tuple(fc.constant('delete' as const), fc.nat(), fc.integer({ min: 1, max: 20 })),
      fc.tuple(fc.constant('cut' as const), fc.nat(), fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = exampleText;
        for (const [kind, at, arg] of edits) {
          const i = at % (text.length + 1);
          if (kind === 'set') text = text.slice(0, i) + String(arg) + text.slice(i + 1);
          else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + Number(arg));
          else text = text.slice(0, i);
        }
        expect(wellFormed(readTopologyFile(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when any value of a valid document is replaced by random JSON, and names a path when it refuses', () => {
    // Every JSON path of the document, so the replacement can land anywhere.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(example, []);
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue({ maxDepth: 2 }), (which, value) => {
        const path = paths[which]!;
        if (path.length === 0) return;
        const doc = structuredClone(example) as unknown as Record<string | number, unknown>;
        let at: Record<string | number, unknown> = doc;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
        at[path[path.length - 1]!] = value;
        const r = readTopologyFile(JSON.stringify(doc));
        expect(wellFormed(r)).toBe(true);
        // A refusal below the top level points into the document (the first key of the path at least).
        if (!r.ok && path.length > 1 && path[0] !== 'layout') expect(r.errors.some((e) => e.path !== '')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

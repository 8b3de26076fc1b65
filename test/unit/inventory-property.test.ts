/**
 * Properties of the import, over random bytes, random JSON, randomly damaged inventories and
 * inventories rewritten in the ways PowerShell varies its output.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inventoryToDocument, parseClusterInventory } from '../../src/engine/io/inventory';
import type { ParseResult, TopologyDocument } from '../../src/engine/model/types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Key = string | number;

const FIXTURES = ['minimal.json', 'ps51-two-site.json', 'ps7-numeric.json', 'switchless-3-node.json', 'ps51-v2-rolling.json', 'ps7-v2-atc.json'].map((name) => ({
  name,
  value: JSON.parse(readFileSync(new URL(`../fixtures/inventory/${name}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '')) as Json,
}));

/** The result is well formed, whatever went in. */
function checkShape(r: ParseResult): void {
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(typeof e.path).toBe('string');
      expect(typeof e.message).toBe('string');
      expect(e.message.trim()).not.toBe('');
    }
    return;
  }
  for (const d of r.diagnostics) {
    expect(typeof d.path).toBe('string');
    expect(d.message.trim()).not.toBe('');
    expect(Array.isArray(d.elementIds)).toBe(true);
  }
}

const elementIds = (doc: TopologyDocument): string[] =>
  [doc.sites, doc.nodes, doc.nics, doc.networks, doc.routers, doc.vms].flatMap((list) => (list ?? []).map((el) => el.id));

// ------------------------------------------------------------------------------ random damage

/** Every path in a JSON tree, the root included. */
function paths(v: Json, at: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

type Damage =
  | { kind: 'replace'; value: Json }
  | { kind: 'delete' }
  | { kind: 'null' }
  | { kind: 'wrap' }
  | { kind: 'unwrap' }
  | { kind: 'case' }
  | { kind: 'stringify' }
  | { kind: 'duplicate' };

/** Values that collide with the fixtures' own: overlapping subnets, shared addresses, gateways. */
const plausible = fc.constantFrom<Json>(
  '10.0.0.1', '10.0.0.11', '10.0.10.12', '10.0.0.0', '10.0.0.0/8', '10.1.0.1', '10.2.10.1', '10.10.1.0', '192.168.1.1',
  '192.0.2.1', '198.51.100.1', '169.254.0.1', '0.0.0.0', '0.0.0.0/0', '::', '::/0', 'fe80::1', 'fd00:1::1', 'fd00:0:0:a::1',
  0, 8, 16, 23, 24, 25, 31, 32, 64, 128, '255.255.255.252', 'Management', 'N1', 'HV01', 'Up', 'Down', 3, -1,
);

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }),
  fc.record({ kind: fc.constant('replace' as const), value: plausible }),
  fc.record({ kind: fc.constant('replace' as const), value: plausible }),
  fc.constantFrom<Damage>({ kind: 'delete' }, { kind: 'null' }, { kind: 'wrap' }, { kind: 'unwrap' }, { kind: 'case' }, { kind: 'stringify' }, { kind: 'duplicate' }),
);

function apply(root: Json, path: Key[], d: Damage): Json {
  const change = (v: Json): Json | undefined => {
    switch (d.kind) {
      case 'replace': return d.value;
      case 'delete': return undefined;
      case 'null': return null;
      case 'wrap': return [v];
      case 'unwrap': return Array.isArray(v) ? (v[0] ?? null) : v;
      case 'case': return typeof v === 'string' ? (v === v.toUpperCase() ? v.toLowerCase() : v.toUpperCase()) : v;
      case 'stringify': return typeof v === 'number' ? String(v) : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
      case 'duplicate': return Array.isArray(v) && v.length > 0 ? [...v, v[0] ?? null] : v;
    }
  };
  if (path.length === 0) return change(root) ?? null;
  let parent: Json = root;
  for (const k of path.slice(0, -1)) parent = (parent as Record<Key, Json>)[k] as Json;
  const last = path[path.length - 1] as Key;
  const next = change((parent as Record<Key, Json>)[last] as Json);
  if (Array.isArray(parent) && typeof last === 'number') {
    if (next === undefined) parent.splice(last, 1);
    else parent[last] = next;
  } else if (parent !== null && typeof parent === 'object') {
    const obj = parent as Record<string, Json>;
    if (next === undefined) delete obj[last];
    else obj[last] = next;
  }
  return root;
}

const damaged = fc
  .record({ fixture: fc.constantFrom(...FIXTURES), steps: fc.array(fc.tuple(fc.nat(), damage), { minLength: 1, maxLength: 5 }) })
  .map(({ fixture, steps }) => {
    let v = structuredClone(fixture.value);
    for (const [pick, d] of steps) {
      const all = paths(v);
      v = apply(v, all[pick % all.length] ?? [], d);
    }
    return v;
  });

// ------------------------------------------------------------------------------ harmless rewrites

/**
 * What PowerShell versions and settings vary, none of which may change the import: enum names in
 * another case, one-element lists as bare values, empty lists as null, extra remoting fields,
 * node names in another case or fully qualified in adapters and routes, property names in
 * another case.
 */
function rewrite(v: Json, rnd: () => number): Json {
  const flip = (s: string): string => (rnd() < 0.5 ? s.toLowerCase() : s.toUpperCase());
  const visit = (x: Json, key: string, section: string): Json => {
    if (Array.isArray(x)) {
      const items = x.map((el) => visit(el, key, section));
      if (items.length === 1 && rnd() < 0.5 && !(items[0] !== null && typeof items[0] === 'object')) return items[0] ?? null;
      if (items.length === 0 && rnd() < 0.5) return null;
      return items;
    }
    if (x !== null && typeof x === 'object') {
      const out: Record<string, Json> = {};
      for (const [k, el] of Object.entries(x)) out[rnd() < 0.2 ? flip(k) : k] = visit(el, k, section === '' ? k : section);
      // Remoting fields on what Invoke-Command returned: the entries (each names its Node), not objects inside them.
      if (['adapters', 'routes', 'hosts', 'vms'].includes(section) && 'Node' in x) out.RunspaceId = 'f00d';
      return out;
    }
    if (typeof x === 'string' && key === 'State' && rnd() < 0.5) return flip(x);
    if (typeof x === 'string' && key === 'Node' && ['adapters', 'routes', 'interfaces', 'hosts', 'vms'].includes(section)) {
      const r = rnd();
      return r < 0.3 ? x.toLowerCase() : r < 0.6 && !x.includes('.') ? `${x}.corp.example` : x;
    }
    return x;
  };
  return visit(v, '', '');
}

// ------------------------------------------------------------------------------ properties

describe('parseClusterInventory never throws', () => {
  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => checkShape(parseClusterInventory(bytes))));
  });

  it('on random JSON text, with or without a byte-order mark', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.boolean(), (text, bom) => checkShape(parseClusterInventory(bom ? `\uFEFF${text}` : text))),
    );
  });

  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => checkShape(parseClusterInventory(s))));
  }, 30_000);

  it('on any value given to inventoryToDocument', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (v) => {
        const r = inventoryToDocument(v);
        expect(r.ok).toBe(false);
      }),
    );
  });

  it('on inventory-shaped objects whose sections hold anything', () => {
    const section = fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withBoxedValues: true });
    fc.assert(
      fc.property(fc.record({ nodes: section, networks: section, interfaces: section, adapters: section, routes: section, faultDomains: section, migrationNetworkOrder: section }), (sections) => {
        const r = inventoryToDocument({ format: 'lm-cluster-inventory', version: 1, ...sections });
        if (!r.ok) for (const e of r.errors) expect(e.message).not.toBe('');
      }),
    );
  });

  it('on version 2 inventories whose v2 sections hold anything', () => {
    const section = fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withBoxedValues: true });
    const base = FIXTURES.find((f) => f.name === 'ps7-v2-atc.json')!.value as Record<string, Json>;
    fc.assert(
      fc.property(fc.record({ hosts: section, vms: section, atc: section, notes: section, maximumParallelMigrations: section, smbBandwidthLimitFactor: section }), (sections) => {
        // The v1 part is valid: whatever the v2 sections hold, the file imports (they are optional).
        const r = inventoryToDocument({ ...base, ...sections });
        expect(r.ok).toBe(true);
        if (!r.ok) for (const e of r.errors) expect(e.message).not.toBe('');
      }),
    );
  });
});

describe('a damaged inventory', () => {
  it('is refused with paths and messages, or imported as a topology that parseTopology accepts', () => {
    fc.assert(
      fc.property(damaged, (inv) => {
        const r = parseClusterInventory(JSON.stringify(inv));
        checkShape(r);
        // The import only ever hands parseTopology documents it accepts.
        if (!r.ok) for (const e of r.errors) expect(e.message).not.toContain('The topology built from this inventory is not valid');
        const mapped = inventoryToDocument(inv);
        expect(mapped.ok).toBe(r.ok);
        if (mapped.ok) {
          const ids = elementIds(mapped.document);
          expect(new Set(ids).size).toBe(ids.length);
          for (const d of mapped.diagnostics) for (const id of d.elementIds) expect(ids).toContain(id);
        }
      }),
      // INVENTORY_PROPERTY_RUNS=20000 for a longer search.
      { numRuns: Number(process.env.INVENTORY_PROPERTY_RUNS ?? 400) },
    );
  }, 120_000);
});

/** A small seeded generator, so that a failing case is reported as one number. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a rewritten inventory', () => {
  it.each(FIXTURES)('imports $name to the same topology and notes, whatever PowerShell varied', ({ value }) => {
    const expected = inventoryToDocument(value);
    if (!expected.ok) throw new Error('fixture refused');
    // Note paths name the fields as the file spells them, so only what they say is compared.
    const said = (r: typeof expected) => r.diagnostics.map(({ code, message, elementIds }) => ({ code, message, elementIds }));
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = inventoryToDocument(rewrite(structuredClone(value), mulberry32(seed)));
        if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
        expect(r.document).toEqual(expected.document);
        expect(said(r)).toEqual(said(expected));
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

/**
 * Element ids are any text: JavaScript property names (`toString`, `constructor`, `__proto__`, …)
 * are ids like any other. Property: any valid id survives parse → load → render (headless
 * cytoscape, through the real adapter) → move, duplicate → save → reload.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdapter, type CanvasAdapter } from '../../src/canvas/adapter';
import type { Position, TopologyDocument } from '../../src/engine';
import { readTopologyFile, serializeTopology } from '../../src/engine/io';
import { parseClusterInventory } from '../../src/engine';
import { readFileSync } from 'node:fs';
import { createAppStore } from '../../src/store/appStore';
import { topologyArb } from './arbitraries';
import { readFixture } from './helpers';

/** Every name on Object.prototype, and a few more that plain-object lookups trip on. */
export const RESERVED_IDS = [
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype', 'length', 'name', 'then', 'toJSON', 'caller', 'arguments', 'apply', 'call', 'bind', 'Symbol(Symbol.iterator)', '0', '-1', 'NaN', 'undefined', 'null',
];

let adapter: CanvasAdapter | null = null;
afterEach(() => {
  adapter?.destroy();
  adapter = null;
});

/** The document with every element id replaced through `rename` (references and layout keys too). */
function renameIds(doc: TopologyDocument, rename: (id: string) => string): TopologyDocument {
  const out: TopologyDocument = {
    ...doc,
    sites: doc.sites?.map((s) => ({ ...s, id: rename(s.id) })),
    nodes: doc.nodes?.map((n) => ({ ...n, id: rename(n.id), ...(n.site !== undefined ? { site: rename(n.site) } : {}) })),
    nics: doc.nics?.map((n) => ({ ...n, id: rename(n.id), node: rename(n.node) })),
    networks: doc.networks?.map((n) => ({ ...n, id: rename(n.id) })),
    routers: doc.routers?.map((r) => ({ ...r, id: rename(r.id), ...(r.site !== undefined ? { site: rename(r.site) } : {}) })),
  };
  if (doc.liveMigration)
    out.liveMigration = {
      ...doc.liveMigration,
      ...(doc.liveMigration.networkOrder ? { networkOrder: doc.liveMigration.networkOrder.map(rename) } : {}),
      ...(doc.liveMigration.excludedNetworks ? { excludedNetworks: doc.liveMigration.excludedNetworks.map(rename) } : {}),
    };
  if (doc.layout) out.layout = Object.fromEntries(Object.entries(doc.layout).map(([id, p]) => [rename(id), p]));
  for (const k of Object.keys(out) as (keyof TopologyDocument)[]) if (out[k] === undefined) delete out[k];
  return out;
}

const allIds = (doc: TopologyDocument): string[] => [...(doc.sites ?? []), ...(doc.nodes ?? []), ...(doc.nics ?? []), ...(doc.networks ?? []), ...(doc.routers ?? [])].map((e) => e.id);

/** parse → load → render → move → duplicate → save → reload; returns the reloaded document. */
function roundTrip(doc: TopologyDocument): TopologyDocument {
  const read = readTopologyFile(JSON.stringify(doc));
  if (!read.ok) throw new Error(`refused: ${JSON.stringify(read.errors)}`);
  const store = createAppStore({ document: read.document });
  adapter?.destroy();
  adapter = createAdapter({ container: null as unknown as HTMLElement, store, headless: true });
  const cy = adapter.cy;
  for (const id of allIds(doc)) {
    const el = cy.getElementById(id);
    expect(el.nonempty(), `element ${id} drawn`).toBe(true);
    const p = el.position();
    expect(Number.isFinite(p.x) && Number.isFinite(p.y), `position of ${id}: ${JSON.stringify(p)}`).toBe(true);
  }
  // Move every node (their NICs follow), then duplicate one: both write layouts keyed by ids.
  const nodes = (doc.nodes ?? []).map((n) => n.id);
  const positions: Record<string, Position> = {};
  nodes.forEach((id, i) => Object.defineProperty(positions, id, { value: { x: 100 * i, y: 50 }, enumerable: true }));
  const moved = store.getState().actions.edit({ type: 'set-positions', positions });
  expect(moved.ok, JSON.stringify(moved)).toBe(true);
  const layout = store.getState().document.layout ?? {};
  for (const [i, id] of nodes.entries()) expect(Object.getOwnPropertyDescriptor(layout, id)?.value, `saved position of ${id}`).toEqual({ x: 100 * i, y: 50 });
  if (nodes.length > 0) {
    const dup = store.getState().actions.edit({ type: 'duplicate', ids: [nodes[0]!] });
    expect(dup.ok, JSON.stringify(dup)).toBe(true);
  }
  for (const [id, p] of Object.entries(store.getState().document.layout ?? {})) expect(Number.isFinite(p.x) && Number.isFinite(p.y), `saved ${id}`).toBe(true);
  cy.nodes().forEach((n) => {
    expect(Number.isFinite(n.position().x), `drawn ${n.id()}`).toBe(true);
  });
  const saved = serializeTopology(store.getState().document);
  const again = readTopologyFile(saved);
  if (!again.ok) throw new Error(`reload refused: ${JSON.stringify(again.errors)}`);
  expect(serializeTopology(again.document)).toBe(saved);
  return again.document;
}

describe('reserved ids', () => {
  it('every name on Object.prototype works as the id of each kind of element in the two-site example', () => {
    const doc = readFixture('two-site-routed.json') as TopologyDocument;
    const ids = allIds(doc);
    // Shift the names along so that each name is tried on several kinds of element.
    for (let shift = 0; shift < RESERVED_IDS.length; shift += 5) {
      const map = new Map(ids.map((id, i) => [id, i < RESERVED_IDS.length ? RESERVED_IDS[(i + shift) % RESERVED_IDS.length]! : `x-${id}`]));
      const renamed = renameIds(doc, (id) => map.get(id) ?? id);
      const back = new Set(allIds(roundTrip(renamed)));
      for (const id of map.values()) expect(back.has(id), id).toBe(true);
    }
  });

  it('property: any valid id survives parse → load → render → save → reload', () => {
    const idArb = fc.oneof(fc.constantFrom(...RESERVED_IDS), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && /^[\x20-\x7e]+$/.test(s)));
    fc.assert(
      fc.property(topologyArb(), fc.uniqueArray(idArb, { minLength: 40, maxLength: 40 }), fc.boolean(), (doc, pool, withLayout) => {
        const ids = allIds(doc);
        const map = new Map(ids.map((id, i) => [id, pool[i % pool.length]! + (i >= pool.length ? `-${i}` : '')]));
        let renamed = renameIds(doc, (id) => map.get(id)!);
        if (withLayout) renamed = { ...renamed, layout: Object.fromEntries(allIds(renamed).filter((_, i) => i % 2 === 0).map((id, i) => [id, { x: i * 40, y: i * 30 }])) };
        const back = new Set(allIds(roundTrip(renamed)));
        for (const id of allIds(renamed)) expect(back.has(id), id).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe('reserved names from an inventory', () => {
  it("imports nodes named 'Constructor', '__proto__' and 'toString' and a network named 'hasOwnProperty', and draws them", () => {
    const text = readFileSync(new URL('../fixtures/inventory/switchless-3-node.json', import.meta.url), 'utf8')
      .replaceAll('EDGE1', 'Constructor')
      .replaceAll('EDGE2', '__proto__')
      .replaceAll('EDGE3', 'toString')
      .replaceAll('"Management"', '"hasOwnProperty"');
    const r = parseClusterInventory(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.topology.nodes.map((n) => n.name)).toEqual(['Constructor', '__proto__', 'toString']);
    const back = roundTrip(r.topology.document);
    expect(back.nodes!.map((n) => n.name)).toContain('Constructor');
  });
});

describe('reserved field names', () => {
  it('refuses a field named like an Object.prototype member as unknown, like any other unknown field', () => {
    const doc = readFixture('switched-4-node.json') as TopologyDocument;
    const nodes = [{ ...doc.nodes![0]!, toString: 'x', constructor: 1 }, ...doc.nodes!.slice(1)];
    const r = readTopologyFile(JSON.stringify({ ...doc, nodes }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['nodes[0].toString', 'nodes[0].constructor']);
  });
});

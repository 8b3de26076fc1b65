/** Shared helpers of the edit-*.test.ts files: apply edits that must succeed, inspect documents. */
import { parseCidr } from '../../src/engine/model/address';
import { parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { applyEdit, type Edit, type EditResult } from '../../src/engine/edit';

export const empty = (): TopologyDocument => ({ format: 'lm-topology', version: 1 });

export type Applied = Extract<EditResult, { ok: true }>;

/** Applies an edit that must succeed; fails the test with the engine's errors otherwise. */
export function must(doc: TopologyDocument, edit: Edit): Applied {
  const r = applyEdit(doc, edit);
  if (!r.ok) throw new Error(`edit ${JSON.stringify(edit)} refused: ${JSON.stringify(r.errors)}`);
  return r;
}

/** Applies edits in turn; returns the final document and every result. */
export function chain(doc: TopologyDocument, ...edits: Edit[]): { doc: TopologyDocument; results: Applied[] } {
  const results: Applied[] = [];
  let d = doc;
  for (const e of edits) {
    const r = must(d, e);
    results.push(r);
    d = r.document;
  }
  return { doc: d, results };
}

export function topologyOf(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** Every NIC address and router interface as `family|host`, duplicates kept. */
export function hostAddresses(doc: TopologyDocument): string[] {
  return [...(doc.nics ?? []).flatMap((n) => n.addresses), ...(doc.routers ?? []).flatMap((r) => r.interfaces)].map((a) => {
    const c = parseCidr(a)!;
    return `${c.family}|${c.text}`;
  });
}

export const nic = (doc: TopologyDocument, id: string) => doc.nics!.find((n) => n.id === id)!;
export const router = (doc: TopologyDocument, id: string) => doc.routers!.find((r) => r.id === id)!;
export const network = (doc: TopologyDocument, id: string) => doc.networks!.find((n) => n.id === id)!;

/** Every id the document refers to that is not an element (dangling references), as `where → id`. */
export function dangling(doc: TopologyDocument): string[] {
  const t = topologyOf(doc);
  const ids = new Set([...t.sites, ...t.nodes, ...t.nics, ...t.networks, ...t.routers, ...t.vms].map((e) => e.id));
  const out: string[] = [];
  for (const v of doc.vms ?? []) if (!t.index.nodes.has(v.node)) out.push(`vm ${v.id} → ${v.node}`);
  for (const n of doc.nodes ?? []) if (n.site !== undefined && !ids.has(n.site)) out.push(`node ${n.id} → ${n.site}`);
  for (const r of doc.routers ?? []) if (r.site !== undefined && !ids.has(r.site)) out.push(`router ${r.id} → ${r.site}`);
  for (const n of doc.nics ?? []) if (!ids.has(n.node)) out.push(`nic ${n.id} → ${n.node}`);
  for (const id of [...(doc.liveMigration?.networkOrder ?? []), ...(doc.liveMigration?.excludedNetworks ?? [])]) if (!ids.has(id)) out.push(`liveMigration → ${id}`);
  for (const id of Object.keys(doc.layout ?? {})) if (!ids.has(id)) out.push(`layout → ${id}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random edits for property tests: a recipe of numbers, turned into an edit against whatever
// document the sequence has reached (so that ids exist more often than not).

import fc from 'fast-check';

export type Recipe = { op: number; a: number; b: number; c: number };
export const recipeArb: fc.Arbitrary<Recipe> = fc.record({ op: fc.nat(19), a: fc.nat(999), b: fc.nat(999), c: fc.nat(999) });

const pick = <T>(list: T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

export function materialize(doc: TopologyDocument, { op, a, b, c }: Recipe): Edit {
  const t = topologyOf(doc);
  const ids = [...t.sites, ...t.nodes, ...t.nics, ...t.networks, ...t.routers].map((e) => e.id);
  const site = pick(t.sites, a)?.id;
  const node = pick(t.nodes, a)?.id ?? 'none';
  const nicEl = pick(t.nics, a);
  const net = pick(t.networks, b);
  switch (op) {
    case 0: return { type: 'add-site' };
    case 1: return { type: 'add-node', site: b % 2 === 0 ? site ?? null : null };
    case 2: return { type: 'add-nic', node };
    case 3: return { type: 'add-network', family: b % 3 === 0 ? 6 : 4 };
    case 4: return { type: 'add-router', site: b % 2 === 0 ? site ?? null : null };
    case 5:
    case 6:
    case 7: return { type: 'connect', from: pick(ids, a) ?? 'x', to: pick(ids, b) ?? 'y' };
    case 8: return { type: 'move', ids: [pick(ids, a) ?? 'x'], to: c % 3 === 0 ? null : pick(ids, b) ?? null };
    case 9: return { type: 'delete', ids: [pick(ids, a) ?? 'x', ...(c % 4 === 0 ? [pick(ids, b) ?? 'y'] : [])] };
    case 10: return { type: 'update-nic', id: nicEl?.id ?? 'x', patch: { state: b % 2 ? 'down' : 'up', rdma: c % 2 === 0, speedGbps: c % 3 === 0 ? null : (c % 100) + 1 } };
    case 11: return { type: 'update-network', id: net?.id ?? 'x', patch: { role: [null, 'none', 'cluster', 'clusterAndClient'][c % 4] as never, metric: c % 2 ? null : c * 10 } };
    case 12: return { type: 'update-node', id: node, patch: { state: (['up', 'down', 'paused'] as const)[b % 3], name: `Node ${c}` } };
    case 13: {
      const nets = t.networks.map((n) => n.id);
      const order = nets.filter((_, i) => (a >> i) % 2 === 1);
      return { type: 'set-live-migration', networkOrder: order.reverse(), excludedNetworks: nets.filter((_, i) => (b >> i) % 2 === 1 && !order.includes(nets[i]!)) };
    }
    case 14: return { type: 'duplicate', ids: [node] };
    case 15: return { type: 'set-positions', positions: pick(ids, a) ? { [pick(ids, a)!]: { x: b, y: c } } : {} };
    case 16: {
      const gateways = t.routers.flatMap((r) => r.interfaces.map((i) => i.split('/')[0]!));
      return { type: 'add-route', nic: nicEl?.id ?? 'x', route: { prefix: pick(t.subnets, b)?.prefix ?? '0.0.0.0/0', via: pick(gateways, c) ?? '10.0.0.1' } };
    }
    case 17: return { type: 'remove-route', nic: nicEl?.id ?? 'x', index: 0 };
    case 18: return { type: 'update-network', id: net?.id ?? 'x', patch: { prefixes: [`10.${100 + (c % 100)}.${b % 256}.0/24`] } };
    default: return { type: 'update-topology', patch: { name: `Design ${a}` } };
  }
}

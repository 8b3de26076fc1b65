/**
 * What every edit needs to know about the document it changes: the parsed topology (for
 * implicit networks and subnets), element kinds, and immutable helpers that replace one element
 * while keeping every untouched element (and untouched section) the same object.
 */
import type { Diagnostic, Position, Topology, TopologyDocument } from '../model/types';
import { ownValue } from '../model/own';

export interface EditContext {
  doc: TopologyDocument;
  /** The parse of `doc`. */
  t: Topology;
  /** The parse of `doc` with its diagnostics, when known: a batch parses each step from it (model/reparse.ts). */
  parsed?: { topology: Topology; diagnostics: Diagnostic[] };
}


/** The cluster node an element is or belongs to: a node itself, a NIC's node; null for anything else. */
export function hostOf(t: Topology, id: string): string | null {
  return t.index.nodes.has(id) ? id : (t.index.nics.get(id)?.node ?? null);
}

/** Every id in use, including the networks the parser created from addresses and the VMs. */
export function usedIds(t: Topology): Set<string> {
  return new Set<string>([...t.sites, ...t.nodes, ...t.nics, ...t.networks, ...t.routers, ...t.vms].map((e) => e.id));
}

export type Section = 'sites' | 'nodes' | 'nics' | 'networks' | 'routers';
type ElementOf<S extends Section> = NonNullable<TopologyDocument[S]>[number];

/** The document with one element replaced (by id); the same document when `change` returns the element itself. */
export function updateElement<S extends Section>(doc: TopologyDocument, section: S, id: string, change: (el: ElementOf<S>) => ElementOf<S>): TopologyDocument {
  const list = (doc[section] ?? []) as ElementOf<S>[];
  let changed = false;
  const next = list.map((el) => {
    if (el.id !== id) return el;
    const out = change(el);
    if (out !== el) changed = true;
    return out;
  });
  return changed ? { ...doc, [section]: next } : doc;
}

/** The document with every element of a section passed through `change` (identity kept for those it returns as is). */
export function mapSection<S extends Section>(doc: TopologyDocument, section: S, change: (el: ElementOf<S>) => ElementOf<S> | null): TopologyDocument {
  const list = doc[section] as ElementOf<S>[] | undefined;
  if (!list) return doc;
  let changed = false;
  const next: ElementOf<S>[] = [];
  for (const el of list) {
    const out = change(el);
    if (out !== el) changed = true;
    if (out !== null) next.push(out);
  }
  return changed ? { ...doc, [section]: next } : doc;
}

export function appendElement<S extends Section>(doc: TopologyDocument, section: S, el: ElementOf<S>): TopologyDocument {
  return { ...doc, [section]: [...((doc[section] ?? []) as ElementOf<S>[]), el] };
}

/** Sets (or, with `undefined`, removes) an optional field, returning the same object when nothing changes. */
export function withField<T extends object, K extends keyof T>(el: T, key: K, value: T[K] | undefined): T {
  if (value === undefined) {
    if (!Object.hasOwn(el, key)) return el;
    const copy = { ...el };
    delete copy[key];
    return copy;
  }
  return el[key] === value ? el : { ...el, [key]: value };
}

export function withPositions(doc: TopologyDocument, positions: Record<string, Position>): TopologyDocument {
  const entries = Object.entries(positions);
  if (entries.length === 0) return doc;
  const layout = doc.layout ?? {};
  if (entries.every(([id, p]) => ownValue(layout, id)?.x === p.x && ownValue(layout, id)?.y === p.y)) return doc;
  return { ...doc, layout: { ...layout, ...positions } };
}

export const quote = (s: string): string => `'${s}'`;

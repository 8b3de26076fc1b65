/**
 * What-if failures: the document with chosen elements marked down, without touching the design.
 * The store keeps the failed ids beside the document; the engine sees the failed copy.
 */
import type { ElementKind } from './elementKind';
import type { TopologyDocument } from './types';

/** Kinds of element that can be failed: any but a site. Only elements the document declares (not networks the parser made from addresses): a failure is written into the document itself. */
export type FailableKind = Exclude<ElementKind, 'site'>;

export function failableKind(doc: TopologyDocument, id: string): FailableKind | null {
  if (doc.nodes?.some((n) => n.id === id)) return 'node';
  if (doc.nics?.some((n) => n.id === id)) return 'nic';
  if (doc.networks?.some((n) => n.id === id)) return 'network';
  if (doc.routers?.some((n) => n.id === id)) return 'router';
  return null;
}

/** The document with every failed element's state set to down. Unknown ids are ignored. */
export function applyFailures(doc: TopologyDocument, failed: readonly string[]): TopologyDocument {
  if (failed.length === 0) return doc;
  const down = new Set(failed);
  const mark = <T extends { id: string; state?: string }>(list: T[] | undefined): T[] | undefined =>
    list?.map((e) => (down.has(e.id) ? { ...e, state: 'down' } : e));
  return { ...doc, nodes: mark(doc.nodes), nics: mark(doc.nics), networks: mark(doc.networks), routers: mark(doc.routers) };
}

/**
 * The engine's parse errors name elements by id and carry a JSON path ("NIC 'n1-lm': … at
 * nics[1].addresses[0]"). Users read names: for the document on screen (an edit, a check), the
 * ids become names ("NIC HV01 · Live Migration") and the path is dropped; an error that only
 * follows from another one on the same NIC (a route whose next hop no longer fits an address that
 * does not even parse) is left out, so the one that matters is shown alone.
 * Errors of a file that was refused are about that file: they keep their ids and paths.
 */
import type { ParseError, TopologyDocument } from '../engine';

/** Every element's id → the name people read ("HV01 · Live Migration" for a NIC). */
export function elementNames(doc: TopologyDocument): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of [...(doc.sites ?? []), ...(doc.nodes ?? []), ...(doc.networks ?? []), ...(doc.routers ?? [])]) names.set(e.id, e.name ?? e.id);
  for (const nic of doc.nics ?? []) names.set(nic.id, `${names.get(nic.node) ?? nic.node} · ${nic.name ?? nic.id}`);
  return names;
}

const KIND_ID = /\b(NIC|Node|Network|Router|Site|node|network|router|site|Networks) '([^']+)'/g;

/** "NIC 'n1-lm': …" → "NIC HV01 · Live Migration: …"; other quoted ids → their quoted names. */
export function nameElements(message: string, names: ReadonlyMap<string, string>): string {
  return message
    .replace(KIND_ID, (all, kind: string, id: string) => (names.has(id) ? `${kind} ${names.get(id)}` : all))
    .replace(/'([^']+)'/g, (all, id: string) => (names.has(id) && names.get(id) !== id ? `'${names.get(id)}'` : all));
}

const NIC_ADDRESS = /^nics\[(\d+)\]\.addresses/;
const NIC_ROUTE = /^nics\[(\d+)\]\.routes/;

/** Errors of an edit on the document on screen, in names, without paths, consequences left out. */
export function friendlyErrors(doc: TopologyDocument, errors: readonly ParseError[]): ParseError[] {
  const names = elementNames(doc);
  const badAddress = new Set(errors.map((e) => NIC_ADDRESS.exec(e.path)?.[1]).filter((i) => i !== undefined));
  return errors
    .filter((e) => {
      const route = NIC_ROUTE.exec(e.path)?.[1];
      return route === undefined || !badAddress.has(route);
    })
    .map((e) => ({ path: '', message: nameElements(e.message, names) }));
}

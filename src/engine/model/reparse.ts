/**
 * reparseTopology: the parse of a document that differs from an already parsed one only in
 * sections nothing else is derived from — its VMs, saved positions, planning assumptions, name,
 * description or the fields this app keeps without reading (a path test, `origin`) — or in the
 * names of sites, nodes, NICs, networks and routers (a rename). An edit of a VM on the largest
 * accepted design (10,000 VMs, then 4,096 NICs) took 0.9 s because every edit parsed the whole
 * document again; here only the changed sections are checked and rebuilt, and the rest of the
 * topology is shared with the previous one. A rename rebuilds the renamed elements, their index,
 * the words of the findings and (a network's) the preference order, whose ties names break.
 *
 * The result is the one `parseTopology(next)` gives (test/unit/reparse.test.ts compares them on
 * random edit sequences): anything else changed, any problem found, a VM id that could rename
 * a network the parser creates from addresses, a network renamed beside such a network (its name
 * avoids the declared ones'), or a rename while some pair has no path (that finding names nodes
 * and networks), and the whole document is parsed again — so refusals read exactly as a full
 * parse words them.
 */
import { buildNodes, buildVms, planningOf, vmsByNode } from './derive';
import { elementDiagnostics, layoutDiagnostics } from './diagnostics';
import { checkLayoutLimits, checkSectionLimits, checkTopText, checkUnknownFields, isKnownTopLevel, LIMITS, textProblem } from './limits';
import { clusterOwnNetwork, orderNetworks } from './order';
import { checkLayoutShape, checkPlanningShape, checkSectionShape, checkTopFields, parseTopology } from './parse';
import { Problems, isRecord } from './shape';
import type { Diagnostic, ParseResult, Topology, TopologyDocument } from './types';

export interface ParsedTopology {
  topology: Topology;
  diagnostics: Diagnostic[];
}

/** Sections whose change leaves the networks, paths and every other derived fact as they were. */
const LIGHT = new Set(['vms', 'layout', 'planning', 'name', 'description']);

/** Sections whose elements a rename changes: only their `name` (names derive nothing but words and an order's ties). */
const NAMED = ['sites', 'nodes', 'nics', 'networks', 'routers'] as const;
type NamedSection = (typeof NAMED)[number];
const isNamed = (k: string): k is NamedSection => (NAMED as readonly string[]).includes(k);

/**
 * The positions of the elements of a section that differ from the previous ones in their name
 * alone (every other field the same value, by identity, as an edit leaves it), each new name a
 * name the limits accept; null when anything else differs or a name would be refused (then a
 * full parse words it).
 */
function renamedOnly(before: unknown, after: unknown): number[] | null {
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) return null;
  const out: number[] = [];
  for (let i = 0; i < after.length; i++) {
    const a: unknown = before[i];
    const b: unknown = after[i];
    if (a === b) continue;
    if (!isRecord(a) || !isRecord(b) || Object.keys(a).length !== Object.keys(b).length) return null;
    for (const k of Object.keys(b)) if (k !== 'name' && (!Object.hasOwn(a, k) || a[k] !== b[k])) return null;
    if (typeof b.name !== 'string' || textProblem(b.name, { max: LIMITS.nameChars }) !== null) return null;
    out.push(i);
  }
  return out;
}

/** Top-level fields that differ (by identity) between two documents. */
function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const k of Object.keys(a)) if (!Object.hasOwn(b, k) || a[k] !== b[k]) out.add(k);
  for (const k of Object.keys(b)) if (!Object.hasOwn(a, k)) out.add(k);
  return out;
}

/**
 * The parse of `next`, given the parse of a document it was derived from. Same result as
 * `parseTopology(next)`, in a fraction of the time when only light sections changed.
 */
export function reparseTopology(prev: ParsedTopology, next: unknown): ParseResult {
  const before = prev.topology.document as unknown as Record<string, unknown>;
  if (next === before) return { ok: true, topology: prev.topology, diagnostics: prev.diagnostics };
  if (!isRecord(next)) return parseTopology(next);
  try {
    return incremental(prev, before, next) ?? parseTopology(next);
  } catch {
    return parseTopology(next);
  }
}

/** null: not a light change, or a problem that a full parse words (and orders) itself. */
function incremental(prev: ParsedTopology, before: Record<string, unknown>, next: Record<string, unknown>): ParseResult | null {
  const changed = changedFields(before, next);
  const unknown = [...changed].filter((k) => !isKnownTopLevel(k));
  // Renames: sections whose elements changed their names and nothing else.
  const renamed = new Map<NamedSection, number[]>();
  for (const k of changed) {
    if (!isKnownTopLevel(k) || LIGHT.has(k)) continue;
    if (!isNamed(k)) return null;
    const at = renamedOnly(before[k], next[k]);
    if (at === null) return null;
    renamed.set(k, at);
  }
  // The parser names the networks it creates from addresses apart from the declared ones' names.
  if (renamed.has('networks') && prev.topology.networks.some((n) => n.implicit)) return null;
  // A pair without a path names its nodes and networks in its words: those are worded again by a full parse.
  if (renamed.size > 0 && prev.diagnostics.some((d) => d.code === 'pair-without-path')) return null;
  const p = new Problems();
  // The limits, then the structure, of what changed: the rest passed them in `prev`.
  if (changed.has('vms')) checkSectionLimits(next, 'vms', p);
  if (changed.has('name') || changed.has('description')) checkTopText(next, p);
  if (changed.has('layout')) checkLayoutLimits(next, p);
  if (unknown.length > 0) checkUnknownFields(next, p);
  if (p.errors.length > 0) return null;
  if (changed.has('name') || changed.has('description')) checkTopFields(next, p);
  if (changed.has('vms')) checkSectionShape(next, 'vms', p);
  if (changed.has('planning')) checkPlanningShape(next, p);
  if (changed.has('layout')) checkLayoutShape(next, p);
  if (p.errors.length > 0) return null;

  const doc = next as unknown as TopologyDocument;
  const t = prev.topology;
  let vms = t.vms;
  let index = t.index;
  if (changed.has('vms')) {
    vms = buildVms(doc);
    // Meaning: a VM's id is its own (among VMs and every other element), its node exists.
    const others = new Set<string>([...t.sites, ...t.nodes, ...t.nics, ...t.routers].map((e) => e.id));
    for (const n of doc.networks ?? []) others.add(n.id);
    const seen = new Set<string>();
    for (const v of vms) {
      if (others.has(v.id) || seen.has(v.id) || !t.index.nodes.has(v.node)) return null;
      seen.add(v.id);
    }
    // A network the parser creates from addresses takes the first id no element has: a VM id
    // that came or went could change it.
    const implicitIds = t.networks.filter((n) => n.implicit).map((n) => n.id.replace(/-\d+$/, ''));
    if (implicitIds.length > 0) {
      const old = t.index.vms;
      const came = vms.filter((v) => !old.has(v.id)).map((v) => v.id);
      const went = [...old.keys()].filter((id) => !seen.has(id));
      if ([...came, ...went].some((id) => implicitIds.some((base) => id === base || id.startsWith(`${base}-`)))) return null;
    }
    index = { ...index, vms: new Map(vms.map((v) => [v.id, v])), vmsByNode: vmsByNode(vms) };
  }
  let { nodes, planning } = t;
  if (changed.has('planning')) {
    planning = planningOf(doc);
    nodes = buildNodes(doc, t.nics, planning);
    index = { ...index, nodes: new Map(nodes.map((n) => [n.id, n])) };
  }
  let { sites, nics, networks, routers, preferenceOrder, clusterNetworkId } = t;
  if (renamed.size > 0) {
    // Each element of the topology is built from the document's element at the same position.
    const rename = <E extends { name: string }>(list: readonly E[], section: NamedSection): E[] => {
      const at = new Set(renamed.get(section) ?? []);
      const docs = doc[section] ?? [];
      return list.map((e, i) => (at.has(i) ? { ...e, name: docs[i]!.name } : e));
    };
    if (renamed.has('sites')) {
      sites = rename(sites, 'sites');
      index = { ...index, sites: new Map(sites.map((e) => [e.id, e])) };
    }
    if (renamed.has('nodes')) {
      nodes = rename(nodes, 'nodes');
      index = { ...index, nodes: new Map(nodes.map((e) => [e.id, e])) };
    }
    if (renamed.has('nics')) {
      nics = rename(nics, 'nics');
      index = { ...index, nics: new Map(nics.map((e) => [e.id, e])) };
    }
    if (renamed.has('routers')) {
      routers = rename(routers, 'routers');
      index = { ...index, routers: new Map(routers.map((e) => [e.id, e])) };
    }
    if (renamed.has('networks')) {
      networks = rename(networks, 'networks');
      // Names break ties of metric in the order and in the choice of the cluster's own network.
      clusterNetworkId = clusterOwnNetwork(networks)?.id ?? null;
      preferenceOrder = orderNetworks(networks.filter((n) => t.eligibility[n.id]?.eligible === true), t.liveMigration.networkOrder, clusterNetworkId).map((n) => n.id);
      index = { ...index, networks: new Map(networks.map((e) => [e.id, e])), preferencePosition: new Map(preferenceOrder.map((id, i) => [id, i])) };
    }
  }
  const topology: Topology = {
    ...t,
    sites,
    nics,
    networks,
    routers,
    preferenceOrder,
    clusterNetworkId,
    document: doc,
    name: doc.name ?? 'Untitled topology',
    description: doc.description ?? '',
    nodes,
    vms,
    planning,
    layout: changed.has('layout') ? { ...(doc.layout ?? {}) } : t.layout,
    index,
  };
  let diagnostics = prev.diagnostics;
  if (renamed.size > 0) {
    // Their words name elements; whether a pair has a path does not depend on a name (none had none).
    diagnostics = elementDiagnostics(topology);
  } else if (changed.has('vms') || changed.has('layout')) {
    // Findings keep their order: the saved positions' come after all others but the pairs without a path.
    const rest = prev.diagnostics.filter((d) => d.code !== 'unknown-layout-id' && d.code !== 'pair-without-path');
    const pairs = prev.diagnostics.filter((d) => d.code === 'pair-without-path');
    diagnostics = [...rest, ...layoutDiagnostics(topology), ...pairs];
  }
  return { ok: true, topology, diagnostics };
}

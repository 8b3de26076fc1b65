/**
 * Missing return routes, flagged only where they matter (issue 27; docs/DECISIONS.md, decision 286).
 *
 * Under Windows' strong host model (its default) a reply leaves by the destination NIC's own
 * routes, so a NIC reached through routers without a route back to the sender's subnet cannot
 * answer. That is literally true of every management NIC that reaches another node's live
 * migration NIC through its default gateway — and almost always irrelevant: the pair has a
 * direct path anyway, and no migration needs the routed one. So a missing return route is a
 * finding only when, for at least one sending node:
 * - the pair has no path without it; or
 * - the pair has only a worse one (the routed path would rank ahead of today's choice by its
 *   source network's place in the live migration order or by fewer routers); or
 * - the forward route is a deliberate, specific one (not a default route): a route someone
 *   configured to reach that subnet, which carries nothing while replies cannot return.
 * The finding says which of these applies. A pair that already has a direct path on an eligible
 * network gets no one-click fix (fixes.ts reads the sending nodes from `elementIds`).
 */
import { parseCidr, prefixContains } from '../model/address';
import { prepare } from '../model/select';
import { networkName, nicLabel, nodeName } from '../text/messages';
import type { AllPairsResult, Diagnostic, NicAddress, Topology } from '../model/types';

/** Addresses the selection may use for a node: its up NICs' addresses on eligible networks. */
function usable(t: Topology, nodeId: string): NicAddress[] {
  return (t.index.nicsByNode.get(nodeId) ?? []).flatMap((nicId) =>
    t.index.nics.get(nicId)!.state === 'up'
      ? (t.index.addressesByNic.get(nicId) ?? []).map((i) => t.addresses[i]!).filter((a) => t.index.preferencePosition.has(a.networkId))
      : [],
  );
}

/** Do two nodes share an eligible network, both with an up NIC on it (a direct path, in either mode)? */
export function hasDirectPath(t: Topology, a: string, b: string): boolean {
  const theirs = new Set(usable(t, b).map((x) => `${x.family}|${x.networkId}`));
  return usable(t, a).some((x) => theirs.has(`${x.family}|${x.networkId}`));
}

/** The prefix length of the route a NIC uses towards an address (longest match), or -1 when none. */
function matchingPrefixLength(t: Topology, from: NicAddress, to: NicAddress): number {
  const target = parseCidr(to.cidr);
  if (!target) return -1;
  let best = -1;
  for (const r of t.index.nics.get(from.nicId)!.routes) {
    const p = parseCidr(r.prefix);
    if (p && p.family === target.family && prefixContains(p, target) && p.prefixLength > best) best = p.prefixLength;
  }
  return best;
}

type Why = 'no-path' | 'worse' | 'deliberate';

interface Group {
  nicId: string;
  networkId: string;
  subnet: string;
  /** Sending node → why the missing route matters for its pair (the strongest reason). */
  senders: Map<string, Why>;
  /** Sending nodes whose pair has a direct path anyway. */
  direct: Set<string>;
  /** A deliberate forward route, for the message: "HV01 'Management' routes 10.1.10.0/24". */
  route?: { nicId: string; prefix: string };
}

const STRENGTH: Record<Why, number> = { 'no-path': 3, worse: 2, deliberate: 1 };

/**
 * The groups found for an all-pairs result, with the addresses they were found on. They hold ids,
 * subnets and prefixes, no names: a topology that shares the result and its addresses (a rename,
 * a VM edit: the store carries the result across those, src/store/derived.ts) has the same
 * groups, and only their words are made again. On the largest design the search was ≈ 70–110 ms
 * of each rename's checks (issue 24, round 4).
 */
const found = new WeakMap<AllPairsResult, { addresses: Topology['addresses']; groups: Group[] }>();

export function missingReturnRoutes(t: Topology, pairs: AllPairsResult): Diagnostic[] {
  const kept = found.get(pairs);
  let groups: Group[];
  if (kept && kept.addresses === t.addresses) groups = kept.groups;
  else found.set(pairs, { addresses: t.addresses, groups: (groups = findGroups(t, pairs)) });
  const nicIndex = new Map(t.nics.map((n, i) => [n.id, i]));
  return groups.map((g) => ({
    code: 'asymmetric-route' as const,
    path: `nics[${nicIndex.get(g.nicId)!}].routes`,
    // The sending nodes follow the NIC and the network: fixes.ts reads them (no fix where a pair has a direct path).
    elementIds: [g.nicId, g.networkId, ...g.senders.keys()],
    message: messageOf(t, g),
  }));
}

/** The receiving NICs and networks with a missing return route that matters, and their senders. */
function findGroups(t: Topology, pairs: AllPairsResult): Group[] {
  const p = prepare(t);
  const eligible = t.addresses.filter((a) => t.index.preferencePosition.has(a.networkId));
  const nodeIndex = new Map(pairs.nodeIds.map((id, i) => [id, i]));
  const pos = t.index.preferencePosition;
  const { failure, sourceNetwork, routers } = pairs.compact;
  const groups = new Map<string, Group>();
  const directCache = new Map<string, boolean>();
  const direct = (a: string, b: string): boolean => {
    const key = `${a}\u0000${b}`;
    let v = directCache.get(key);
    if (v === undefined) directCache.set(key, (v = hasDirectPath(t, a, b)));
    return v;
  };
  for (const sa of eligible) {
    if (p.routes[sa.index] === 0) continue;
    for (const da of eligible) {
      if (da.family !== sa.family || da.networkId === sa.networkId || da.nodeId === sa.nodeId) continue;
      const fwd = p.routing.route(sa.index, da.index);
      if (!fwd.ok) continue;
      const back = p.routing.route(da.index, sa.index);
      if (back.ok || back.reason !== 'no-route') continue; // a router that is down is a failure, not a missing route
      const si = nodeIndex.get(sa.nodeId);
      const di = nodeIndex.get(da.nodeId);
      if (si === undefined || di === undefined) continue;
      const w = 2 * pairs.pairIndex(si, di);
      const deliberate = matchingPrefixLength(t, sa, da) > 0;
      let why: Why | null = null;
      if (failure[w]) why = 'no-path';
      else {
        // Would the routed path rank ahead of today's choice (selection-algorithm.md, "Paths":
        // the source network's position, then the routers)? The destination network's position,
        // a later tie-break, is not counted: it does not make a path worse for a migration.
        const chosenFrom = pos.get(pairs.networkIds[sourceNetwork[w]!]!) ?? Infinity;
        const from = pos.get(sa.networkId)!;
        const better = from < chosenFrom || (from === chosenFrom && fwd.routerIds.length < routers[w]!);
        if (better && !direct(sa.nodeId, da.nodeId)) why = 'worse';
        else if (deliberate) why = 'deliberate';
      }
      if (why === null) continue;
      const key = `${da.nicId}\u0000${sa.networkId}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { nicId: da.nicId, networkId: sa.networkId, subnet: sa.subnet, senders: new Map(), direct: new Set() }));
      const had = g.senders.get(sa.nodeId);
      if (had === undefined || STRENGTH[why] > STRENGTH[had]) g.senders.set(sa.nodeId, why);
      if (direct(sa.nodeId, da.nodeId)) g.direct.add(sa.nodeId);
      if (deliberate && !g.route) g.route = { nicId: sa.nicId, prefix: routePrefix(t, sa, da) };
    }
  }
  return [...groups.values()];
}

function routePrefix(t: Topology, from: NicAddress, to: NicAddress): string {
  const target = parseCidr(to.cidr)!;
  let best: { len: number; prefix: string } | null = null;
  for (const r of t.index.nics.get(from.nicId)!.routes) {
    const p = parseCidr(r.prefix);
    if (p && p.family === target.family && prefixContains(p, target) && (!best || p.prefixLength > best.len)) best = { len: p.prefixLength, prefix: r.prefix };
  }
  return best?.prefix ?? to.subnet;
}

const and = (list: string[]): string => (list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`);
const names = (t: Topology, ids: string[]): string => and(ids.map((id) => nodeName(t, id)));

function messageOf(t: Topology, g: Group): string {
  const receiver = t.index.nics.get(g.nicId)!.node;
  const of = (why: Why): string[] => [...g.senders].filter(([, w]) => w === why).map(([n]) => n);
  const head = `NIC ${nicLabel(t, g.nicId)} is reached through routers from '${networkName(t, g.networkId)}' (${names(t, [...g.senders.keys()])}) but has no route back to ${g.subnet}: replies cannot return`;
  const reasons: string[] = [];
  const noPath = of('no-path');
  if (noPath.length > 0) reasons.push(`without it ${and(noPath.map((n) => `${nodeName(t, n)} → ${nodeName(t, receiver)}`))} ${noPath.length === 1 ? 'has' : 'have'} no path at all`);
  const worse = of('worse');
  if (worse.length > 0) reasons.push(`${and(worse.map((n) => `${nodeName(t, n)} → ${nodeName(t, receiver)}`))} ${worse.length === 1 ? 'migrates' : 'migrate'} on a path later in the live migration order instead`);
  if (of('deliberate').length > 0 && g.route) reasons.push(`the route to ${g.route.prefix} on ${nicLabel(t, g.route.nicId)} is a deliberate one (not a default gateway) and carries nothing while replies cannot return`);
  const fixable = g.direct.size === 0;
  const advice = fixable
    ? 'Add the return route.'
    : `${names(t, [...g.direct])} already ${g.direct.size === 1 ? 'has' : 'have'} a direct path to ${nodeName(t, receiver)}, so no migration needs this one: add the return route only if that route is meant to carry traffic, or remove the route.`;
  return `${head}; ${reasons.join('; ')}. ${advice}`;
}

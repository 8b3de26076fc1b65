/**
 * Route fixes: the static routes a NIC lacks for a node pair to have a path, through the only
 * router on each subnet. A candidate is kept only when the routing, as the selection sees it
 * (longest matching route, an up router on the NIC's subnet, a chain of up routers), then works
 * both ways; the routing is checked directly on the topology, without a parse per candidate, as
 * the validation panel asks for many pairs.
 */
import { parseAddress, parseCidr, prefixContains } from '../model/address';
import { nicLabel } from '../text/messages';
import type { NicAddress, RouteDoc, Topology } from '../model/types';
import type { Fix } from './fixes';

interface RouteAdd {
  nic: string;
  route: RouteDoc;
  /** Whether the route is the reply direction (destination back to source). */
  back: boolean;
}

type Need = RouteAdd | 'exists' | 'ambiguous';

/** The route `from`'s NIC needs to reach `to`, through the only router on its subnet. */
function needRoute(t: Topology, from: NicAddress, to: NicAddress, back: boolean): Need {
  const nic = t.index.nics.get(from.nicId)!;
  const target = parseCidr(to.cidr)!;
  if (nic.routes.some((r) => { const p = parseCidr(r.prefix); return p !== null && prefixContains(p, target); })) return 'exists';
  const subnetIndex = t.index.subnetByPrefix.get(from.subnet);
  const subnet = subnetIndex === undefined ? undefined : t.subnets[subnetIndex];
  const routers = (subnet?.routerIds ?? []).map((id) => t.index.routers.get(id)!).filter((r) => r.state === 'up');
  if (routers.length !== 1) return 'ambiguous';
  const own = parseCidr(from.subnet)!;
  const gateway = routers[0]!.interfaces.map((i) => parseCidr(i)!).find((c) => prefixContains(own, c));
  if (!gateway) return 'ambiguous';
  return { nic: nic.id, route: { prefix: to.subnet, via: gateway.text }, back };
}

function usable(t: Topology, nodeId: string): NicAddress[] {
  return (t.index.nicsByNode.get(nodeId) ?? []).flatMap((nicId) =>
    t.index.nics.get(nicId)!.state === 'up'
      ? (t.index.addressesByNic.get(nicId) ?? []).map((i) => t.addresses[i]!).filter((a) => t.index.preferencePosition.has(a.networkId))
      : [],
  );
}

export function routeFix(t: Topology, a: string, b: string): Fix | null {
  const candidates = new Map<string, RouteAdd[]>();
  for (const sa of usable(t, a))
    for (const da of usable(t, b)) {
      if (sa.family !== da.family || sa.networkId === da.networkId) continue;
      const fwd = needRoute(t, sa, da, false);
      const back = needRoute(t, da, sa, true);
      if (fwd === 'ambiguous' || back === 'ambiguous' || (fwd === 'exists' && back === 'exists')) continue;
      const adds = [fwd, back].filter((x): x is RouteAdd => x !== 'exists');
      if (givesPath(t, sa, da, adds)) candidates.set(adds.map((x) => `${x.nic}|${x.route.prefix}|${x.route.via}`).join(';'), adds);
    }
  // Fewest routes first; only a single best candidate that really gives the pair a path is a fix.
  const working = [...candidates.values()].sort((x, y) => x.length - y.length);
  if (working.length === 0 || (working.length > 1 && working[1]!.length === working[0]!.length)) return null;
  const adds = working[0]!;
  const what = adds.map((x) => `${x.back ? 'the return route' : 'a route'} to ${x.route.prefix} via ${x.route.via} on ${nicLabel(t, x.nic)}`);
  return {
    label: `Add ${what.join(' and ')}`,
    edit: { type: 'batch', edits: adds.map((x) => ({ type: 'add-route', nic: x.nic, route: x.route })) },
  };
}

/** What the route check needs from a topology, computed once per topology. */
interface RouterGraph {
  /** `family|address` of each router interface → router id. */
  owner: Map<string, string>;
  /** Up routers attached to each subnet (by prefix). */
  attached: Map<string, string[]>;
  /** Up routers adjacent to each up router through a subnet that carries traffic. */
  adjacent: Map<string, string[]>;
}

const graphs = new WeakMap<Topology, RouterGraph>();

function graphOf(t: Topology): RouterGraph {
  let g = graphs.get(t);
  if (g) return g;
  const up = (id: string): boolean => t.index.routers.get(id)!.state === 'up';
  const owner = new Map<string, string>();
  for (const r of t.routers)
    for (const itf of r.interfaces) {
      const c = parseCidr(itf)!;
      owner.set(`${c.family}|${c.text}`, r.id);
    }
  const attached = new Map<string, string[]>();
  const adjacent = new Map<string, string[]>(t.routers.filter((r) => up(r.id)).map((r) => [r.id, []]));
  for (const sub of t.subnets) {
    const routers = sub.routerIds.filter(up);
    attached.set(sub.prefix, routers);
    const carries = sub.networkId === null || t.index.networks.get(sub.networkId)!.state === 'up';
    if (carries) for (const a of routers) for (const b of routers) if (a !== b) adjacent.get(a)!.push(b);
  }
  g = { owner, attached, adjacent };
  graphs.set(t, g);
  return g;
}

/**
 * Does `from` reach `to` with these routes, as the selection's routing sees it: the longest
 * matching route's gateway is an up router on `from`'s subnet, and a chain of up routers leads
 * to one on `to`'s subnet.
 */
function reaches(t: Topology, routes: RouteDoc[], from: NicAddress, to: NicAddress): boolean {
  const g = graphOf(t);
  const target = parseCidr(to.cidr)!;
  let best: { len: number; via: string } | null = null;
  for (const r of routes) {
    const p = parseCidr(r.prefix);
    if (p && prefixContains(p, target) && (!best || p.prefixLength > best.len)) best = { len: p.prefixLength, via: r.via };
  }
  const via = best && parseAddress(best.via);
  const first = via ? g.owner.get(`${via.family}|${via.text}`) : undefined;
  if (first === undefined || !(g.attached.get(from.subnet) ?? []).includes(first)) return false;
  const goal = new Set(g.attached.get(to.subnet) ?? []);
  const seen = new Set([first]);
  const queue = [first];
  while (queue.length > 0) {
    const r = queue.shift()!;
    if (goal.has(r)) return true;
    for (const n of g.adjacent.get(r) ?? [])
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
  }
  return false;
}

/** Would the address pair have a path, both ways, with these routes added? */
function givesPath(t: Topology, sa: NicAddress, da: NicAddress, adds: RouteAdd[]): boolean {
  const routesOf = (nicId: string): RouteDoc[] => [...t.index.nics.get(nicId)!.routes, ...adds.filter((x) => x.nic === nicId).map((x) => x.route)];
  return reaches(t, routesOf(sa.nicId), sa, da) && reaches(t, routesOf(da.nicId), da, sa);
}

/** The return route(s) a NIC lacks towards a network's subnet(s), through the only router on its own subnet. */
export function returnRouteFix(t: Topology, nicId: string, networkId: string): Fix | null {
  const nic = t.index.nics.get(nicId);
  const network = t.index.networks.get(networkId);
  if (!nic || !network) return null;
  const own = (t.index.addressesByNic.get(nicId) ?? []).map((i) => t.addresses[i]!);
  const adds: RouteAdd[] = [];
  for (const prefix of network.prefixes) {
    const p = parseCidr(prefix)!;
    const from = own.filter((a) => a.family === p.family);
    if (from.length !== 1) continue;
    const target: NicAddress = { ...from[0]!, cidr: prefix, subnet: p.subnet };
    const need = needRoute(t, from[0]!, target, true);
    if (need === 'ambiguous') return null;
    if (need !== 'exists') adds.push(need);
  }
  if (adds.length === 0) return null;
  return {
    label: `Add ${adds.map((x) => `the return route to ${x.route.prefix} via ${x.route.via}`).join(' and ')} on ${nicLabel(t, nicId)}`,
    edit: adds.length === 1 ? { type: 'add-route', nic: nicId, route: adds[0]!.route } : { type: 'batch', edits: adds.map((x) => ({ type: 'add-route', nic: x.nic, route: x.route })) },
  };
}

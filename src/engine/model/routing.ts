/**
 * Routed reachability between two NIC addresses (selection-algorithm.md, "Paths", routed):
 * the longest-prefix static route of the sending NIC, its next hop's router, then the chain of
 * adjacent up routers with the fewest hops (ties: lowest router ids, position by position).
 * Everything that does not depend on the address pair is computed once per topology.
 */
import { maskOf, parseAddress, parseCidr } from './address';
import type { IpFamily, Topology } from './types';

export type RouteResult =
  | { ok: true; routerIds: string[] }
  | { ok: false; reason: 'no-route' | 'router-down' };

interface PreparedRoute {
  family: IpFamily;
  prefixLength: number;
  network: bigint;
  /** Index of the router owning the next hop, or -1 when no router has that address. */
  viaRouter: number;
}

export interface Router3 {
  /** Sorted router ids; a router's index is its position here. */
  ids: string[];
  up: boolean[];
  /** Neighbours (index) through subnets that carry traffic, ascending by id. */
  adjacent: number[][];
  /** Routers attached to each subnet, by subnet index. */
  bySubnet: number[][];
}

const NOT_UNIFORM = 0x7fff;

export class Routing {
  private readonly routers: Router3;
  /**
   * NICs with the same static routes route alike: each address names its NIC's route list, and
   * a list is parsed when first used (`routeLists`, from one NIC that has it).
   */
  private readonly addressRouteList: Int32Array;
  private readonly routeListNic: string[] = [];
  private readonly routeLists: (PreparedRoute[] | undefined)[] = [];
  private readonly routerByAddress: Map<string, number>;
  /** Address values, parsed when first needed. */
  private readonly addressValue: (bigint | undefined)[];
  private readonly addressSubnet: Int32Array;
  /** Per (router, target subnet, respect router state): hop distance to the target, 0 = unreachable. */
  private readonly distances = new Map<number, Int32Array>();
  /** Per (route list, source subnet, target subnet): the result when every address of the target subnet routes alike. */
  private readonly uniform = new Map<number, RouteResult>();
  private readonly subnetCount: number;
  /**
   * `hops` answers by (source address, target subnet), as numbers: 0 not yet known, 1 no route,
   * 2 + routers when routed, NOT_UNIFORM when a more specific route splits the subnet. (All-pairs
   * asks it for every address pair: a dense array keeps that free of allocation.)
   */
  private hopTable: Int16Array | null = null;

  /**
   * `down`: the id of one more router or network taken as down (N-1 analysis asks "what if this
   * failed" of each in turn; routing reads only the states, so the topology need not be derived again).
   */
  constructor(
    private readonly topology: Topology,
    down?: string,
  ) {
    const { subnets, index } = topology;
    this.subnetCount = subnets.length;
    const ids = topology.routers.map((r) => r.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const pos = new Map(ids.map((id, i) => [id, i]));
    const up = ids.map((id) => index.routers.get(id)!.state === 'up' && id !== down);
    const bySubnet = subnets.map((s) => s.routerIds.map((id) => pos.get(id)!));
    const adjacentSets = ids.map(() => new Set<number>());
    subnets.forEach((s, si) => {
      const carries = s.networkId === null || (index.networks.get(s.networkId)!.state === 'up' && s.networkId !== down);
      if (!carries) return;
      for (const a of bySubnet[si]!) for (const b of bySubnet[si]!) if (a !== b) adjacentSets[a]!.add(b);
    });
    this.routers = { ids, up, adjacent: adjacentSets.map((s) => [...s].sort((a, b) => a - b)), bySubnet };

    const routerByAddress = new Map<string, number>();
    for (const r of topology.routers)
      for (const itf of r.interfaces) {
        const c = parseCidr(itf)!;
        routerByAddress.set(`${c.family}|${c.text}`, pos.get(r.id)!);
      }
    this.routerByAddress = routerByAddress;
    const listOf = new Map<string, number>();
    const nicList = new Map<string, number>();
    for (const nic of topology.nics) {
      const key = nic.routes.map((r) => `${r.prefix}>${r.via}`).join(' ');
      let id = listOf.get(key);
      if (id === undefined) {
        listOf.set(key, (id = listOf.size));
        this.routeListNic.push(nic.id);
      }
      nicList.set(nic.id, id);
    }
    this.addressRouteList = Int32Array.from(topology.addresses, (a) => nicList.get(a.nicId)!);
    this.addressValue = new Array<bigint | undefined>(topology.addresses.length);
    this.addressSubnet = Int32Array.from(topology.addresses, (a) => index.subnetByPrefix.get(a.subnet)!);
  }

  /** A route list, parsed: longest prefix first, so the first match is the one that applies. */
  private routesOf(list: number): PreparedRoute[] {
    let routes = this.routeLists[list];
    if (routes) return routes;
    routes = this.topology.index.nics.get(this.routeListNic[list]!)!.routes.map((r): PreparedRoute => {
      const p = parseCidr(r.prefix)!;
      const via = parseAddress(r.via)!;
      return { family: p.family, prefixLength: p.prefixLength, network: p.network, viaRouter: this.routerByAddress.get(`${via.family}|${via.text}`) ?? -1 };
    });
    routes.sort((a, b) => b.prefixLength - a.prefixLength);
    return (this.routeLists[list] = routes);
  }

  private uniformKey(from: number, toSubnet: number): number {
    return (this.addressRouteList[from]! * this.subnetCount + this.addressSubnet[from]!) * this.subnetCount + toSubnet;
  }

  /** Can `from` (an address index) reach `to` (an address index) by its static routes and the routers? */
  route(from: number, to: number): RouteResult {
    const toSubnet = this.addressSubnet[to]!;
    const key = this.uniformKey(from, toSubnet);
    const cached = this.uniform.get(key);
    if (cached) return cached;
    const routes = this.routesOf(this.addressRouteList[from]!);
    const target = this.topology.addresses[to]!;
    // When no route is more specific than the target subnet, every address in it routes alike.
    const uniform = !routes.some((r) => r.family === target.family && r.prefixLength > target.prefixLength);
    const value = (this.addressValue[to] ??= parseCidr(target.cidr)!.value);
    const match = routes.find((r) => r.family === target.family && maskOf(value, r.prefixLength, r.family) === r.network);
    const result = this.resolve(match, this.addressSubnet[from]!, toSubnet);
    if (uniform) this.uniform.set(key, result);
    return result;
  }

  /** How many routers `from` crosses to reach `to` (as `route`), or -1 when it cannot. */
  hops(from: number, to: number): number {
    const toSubnet = this.addressSubnet[to]!;
    const key = from * this.subnetCount + toSubnet;
    const table = (this.hopTable ??= new Int16Array(this.topology.addresses.length * this.subnetCount));
    const known = table[key]!;
    if (known >= 2 && known !== NOT_UNIFORM) return known - 2;
    if (known === 1) return -1;
    const r = this.route(from, to);
    const hops = r.ok ? r.routerIds.length : -1;
    if (known === 0) table[key] = this.uniform.get(this.uniformKey(from, toSubnet)) === r ? hops + 2 : NOT_UNIFORM;
    return hops;
  }

  private resolve(match: PreparedRoute | undefined, fromSubnet: number, toSubnet: number): RouteResult {
    if (!match || match.viaRouter < 0) return { ok: false, reason: 'no-route' };
    const first = match.viaRouter;
    if (!this.routers.bySubnet[fromSubnet]!.includes(first)) return { ok: false, reason: 'no-route' };
    const chain = this.chain(first, toSubnet, true);
    if (chain) return { ok: true, routerIds: chain.map((i) => this.routers.ids[i]!) };
    return { ok: false, reason: this.chain(first, toSubnet, false) ? 'router-down' : 'no-route' };
  }

  /** Fewest routers from `start` to one attached to `subnet`; ties by lowest ids position by position. */
  private chain(start: number, subnet: number, respectState: boolean): number[] | null {
    const dist = this.distanceTo(subnet, respectState);
    let d = dist[start]!;
    if (d === 0) return null;
    const chain = [start];
    let at = start;
    while (d > 1) {
      d--;
      // Adjacency lists are in ascending id order: the first router one hop closer is the lowest id.
      at = this.routers.adjacent[at]!.find((n) => dist[n] === d)!;
      chain.push(at);
    }
    return chain;
  }

  private distanceTo(subnet: number, respectState: boolean): Int32Array {
    const key = subnet * 2 + (respectState ? 1 : 0);
    let dist = this.distances.get(key);
    if (dist) return dist;
    const { ids, up, adjacent, bySubnet } = this.routers;
    dist = new Int32Array(ids.length);
    const usable = (r: number): boolean => !respectState || up[r]!;
    let frontier = bySubnet[subnet]!.filter(usable);
    for (const r of frontier) dist[r] = 1;
    for (let d = 2; frontier.length > 0; d++) {
      const next: number[] = [];
      for (const r of frontier)
        for (const n of adjacent[r]!)
          if (dist[n] === 0 && usable(n)) {
            dist[n] = d;
            next.push(n);
          }
      frontier = next;
    }
    this.distances.set(key, dist);
    return dist;
  }
}

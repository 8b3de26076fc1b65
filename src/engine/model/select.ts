/**
 * selectMigrationPath: which network a live migration from one node to another uses, in Windows
 * Server 2025 (all working paths, most preferred first) and in the legacy behaviour (networks
 * tried one by one, each miss costing a timeout). See selection-algorithm.md.
 *
 * Both modes rank paths by the same rules, so the legacy choice is read off the ranked ws2025
 * paths: the first direct path in that order lies on the first network in preference order that
 * has one — the network where the legacy search connects — and the direct paths after it on
 * later networks are its fallbacks. That rule is written once, `LegacyPick`, which all-pairs and
 * N-1 use too; a pair's selection is assembled once, `assemble`, and both modes come from one
 * ranking of its paths.
 */
import { networkMessage, nicMessage, pairMessage, type MessageContext } from '../text/messages';
import { Routing } from './routing';
import type { Exclusion, LegacyAttempt, Mode, NicAddress, PathCandidate, Reason, SelectOptions, Selection, Topology } from './types';

export const DEFAULT_LEGACY_TIMEOUT_SECONDS = 20;

type MissReason = 'not-on-source' | 'not-on-destination' | 'family-mismatch';
const MISS_REASONS: readonly MissReason[] = ['not-on-source', 'not-on-destination', 'family-mismatch'];
const NO_ROUTERS: string[] = Object.freeze([]) as unknown as string[];

/** What the selection needs that does not depend on the pair: computed once per topology. */
export interface Prepared {
  topology: Topology;
  routing: Routing;
  /** Usable addresses of each node (NIC up, network eligible), by network id. */
  usable: Map<string, Map<string, number[]>>;
  /** Usable address indexes of each node, flat. */
  usableFlat: Map<string, number[]>;
  /** Index of each node in `topology.nodes`. */
  nodeIndex: Map<string, number>;
  /** Usable address indexes of each node, by node index (typed: the pair loops are the hot loops). */
  usableByNode: Int32Array[];
  /** Per address: index of its network in `topology.networks`, and its IP family. */
  addressNetwork: Int32Array;
  addressFamily: Uint8Array;
  /** Whether each address's NIC has a static route of the address's family (else it routes nowhere). */
  routes: Uint8Array;
  /** Legacy attempts shared (frozen) between selections: by timeout, then `position * 4 + outcome`. */
  attempts: Map<number, LegacyAttempt[]>;
  /**
   * Which networks (and IP families) each node can use, as a small number: equal signatures give
   * equal legacy attempts. (A number: a string key per pair made ≈ 2 of all-pairs' 14 MB of garbage.)
   */
  signature: Map<string, number>;
  signatureCount: number;
  /** Whole legacy attempt lists shared (frozen) between pairs of equal signatures, by timeout. */
  attemptLists: Map<number, Map<number, LegacyAttempt[]>>;
  /** Legacy's pick, reset for each selection (made when one first asks for legacy; null until then). */
  pick: LegacyPick | null;
}

const cache = new WeakMap<Topology, Prepared>();

export function prepare(topology: Topology): Prepared {
  let p = cache.get(topology);
  if (p) return p;
  const { index } = topology;
  const usable = new Map<string, Map<string, number[]>>();
  const usableFlat = new Map<string, number[]>();
  for (const n of topology.nodes) {
    usable.set(n.id, new Map());
    usableFlat.set(n.id, []);
  }
  const routes = new Uint8Array(topology.addresses.length);
  for (const a of topology.addresses) {
    const nic = index.nics.get(a.nicId)!;
    if (nic.routes.some((r) => r.prefix.includes(':') === (a.family === 6))) routes[a.index] = 1;
    if (!index.preferencePosition.has(a.networkId) || nic.state !== 'up') continue;
    const byNet = usable.get(a.nodeId)!;
    const list = byNet.get(a.networkId);
    if (list) list.push(a.index);
    else byNet.set(a.networkId, [a.index]);
    usableFlat.get(a.nodeId)!.push(a.index);
  }
  const signature = new Map<string, number>();
  const interned = new Map<string, number>();
  for (const [nodeId, byNet] of usable) {
    const text = [...byNet].map(([net, list]) => `${net}:${[...new Set(list.map((i) => topology.addresses[i]!.family))].sort().join('')}`).sort().join('\u0000');
    if (!interned.has(text)) interned.set(text, interned.size);
    signature.set(nodeId, interned.get(text)!);
  }
  const networkIndex = new Map(topology.networks.map((n, i) => [n.id, i]));
  const addressNetwork = new Int32Array(topology.addresses.length);
  const addressFamily = new Uint8Array(topology.addresses.length);
  for (const a of topology.addresses) {
    addressNetwork[a.index] = networkIndex.get(a.networkId)!;
    addressFamily[a.index] = a.family;
  }
  p = {
    topology, routing: new Routing(topology), usable, usableFlat, routes, attempts: new Map(), signature, signatureCount: interned.size, attemptLists: new Map(),
    nodeIndex: new Map(topology.nodes.map((n, i) => [n.id, i])),
    usableByNode: topology.nodes.map((n) => Int32Array.from(usableFlat.get(n.id)!)),
    addressNetwork, addressFamily, pick: null,
  };
  cache.set(topology, p);
  return p;
}

const str = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts in place, stably. A pair has a handful of paths: an insertion sort allocates nothing,
 * where Array.prototype.sort set up working storage for every pair (a quarter of all-pairs' garbage).
 */
function sortSmall<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  if (a.length > 32) return a.sort(cmp);
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(a[j]!, v) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
  return a;
}

/** The ranking of selection-algorithm.md ("Paths ... are ordered by, in turn"): a new array, the input is left as it was. */
export function rankPaths(topology: Topology, paths: readonly PathCandidate[]): PathCandidate[] {
  return rankOwned(topology, paths.slice());
}

/** Ranks a list this module has just built (and nobody else holds), in place. */
function rankOwned(topology: Topology, paths: PathCandidate[]): PathCandidate[] {
  if (paths.length < 2) return paths;
  const pos = topology.index.preferencePosition;
  return sortSmall(
    paths,
    (x, y) =>
      pos.get(x.sourceNetworkId)! - pos.get(y.sourceNetworkId)! ||
      x.routerIds.length - y.routerIds.length ||
      pos.get(x.destinationNetworkId)! - pos.get(y.destinationNetworkId)! ||
      str(x.sourceNicId, y.sourceNicId) ||
      str(x.destinationNicId, y.destinationNicId) ||
      str(x.sourceAddress, y.sourceAddress) ||
      str(x.destinationAddress, y.destinationAddress),
  );
}

/** The ranking's keys per address (selection-algorithm.md, "Paths ... are ordered by, in turn"). */
export interface RankKeys {
  /** Preference position of the address's network. */
  position: Int32Array;
  /** Rank of the address's NIC id, and of its address text, in string order. */
  nic: Int32Array;
  text: Int32Array;
}

const rankKeys = new WeakMap<Prepared, RankKeys>();

export function keysOf(p: Prepared): RankKeys {
  let k = rankKeys.get(p);
  if (k) return k;
  const { addresses, index } = p.topology;
  const rankOf = (values: string[]): Map<string, number> => {
    const sorted = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return new Map(sorted.map((v, i) => [v, i]));
  };
  const nicRank = rankOf(addresses.map((a) => a.nicId));
  const textRank = rankOf(addresses.map((a) => a.address));
  k = { position: new Int32Array(addresses.length), nic: new Int32Array(addresses.length), text: new Int32Array(addresses.length) };
  for (const a of addresses) {
    k.position[a.index] = index.preferencePosition.get(a.networkId) ?? -1;
    k.nic[a.index] = nicRank.get(a.nicId)!;
    k.text[a.index] = textRank.get(a.address)!;
  }
  rankKeys.set(p, k);
  return k;
}

/** Does path (si → di, hops) rank before path (bs → bd, bh)? The keys of `rankPaths`, as numbers. */
export function rankedBefore(k: RankKeys, si: number, di: number, hops: number, bs: number, bd: number, bh: number): boolean {
  const { position, nic, text } = k;
  return (
    (position[si]! - position[bs]! ||
      hops - bh ||
      position[di]! - position[bd]! ||
      nic[si]! - nic[bs]! ||
      nic[di]! - nic[bd]! ||
      text[si]! - text[bs]! ||
      text[di]! - text[bd]!) < 0
  );
}

function candidate(sa: NicAddress, da: NicAddress, routerIds: string[]): PathCandidate {
  return {
    kind: routerIds.length === 0 ? 'direct' : 'routed',
    sourceNicId: sa.nicId,
    destinationNicId: da.nicId,
    sourceAddress: sa.address,
    destinationAddress: da.address,
    sourceNetworkId: sa.networkId,
    destinationNetworkId: da.networkId,
    routerIds,
  };
}

type PairFailure = 'family-mismatch' | 'other-family' | 'no-route' | 'no-return-route' | 'router-down';

/** A path between two usable addresses, or why there is none. */
function pathBetween(p: Prepared, si: number, di: number): PathCandidate | PairFailure {
  const sa = p.topology.addresses[si]!;
  const da = p.topology.addresses[di]!;
  if (sa.family !== da.family) return sa.networkId === da.networkId ? 'family-mismatch' : 'other-family';
  if (sa.networkId === da.networkId) return candidate(sa, da, NO_ROUTERS);
  if (p.routes[si] === 0) return 'no-route';
  const forward = p.routing.route(si, di);
  if (!forward.ok) return forward.reason;
  const back = p.routing.route(di, si);
  if (!back.ok) return back.reason === 'router-down' ? 'router-down' : 'no-return-route';
  return candidate(sa, da, forward.routerIds);
}

/** Every path between two (checked) nodes, ranked. Address pairs left out go to `excluded` when given. */
export function rankedPaths(p: Prepared, s: string, d: string, excluded: Exclusion[] | null): PathCandidate[] {
  return pairPaths(p, s, d, excluded, false).ranked;
}

/** A pair's paths, ranked, and legacy's choice among them (null when not asked for, or none). */
export interface PairPaths {
  ranked: PathCandidate[];
  legacy: PathCandidate | null;
}

/** Builds a pair's candidates as `forEachPath` or the exhaustive loop finds them, and feeds each to legacy's pick when one is given. */
class PairCollector implements PathVisitor {
  readonly found: PathCandidate[] = [];
  legacy: PathCandidate | null = null;
  constructor(
    private readonly p: Prepared,
    private readonly pick: LegacyPick | null,
  ) {}

  path(si: number, di: number, hops: number): void {
    const { addresses } = this.p.topology;
    this.add(si, di, candidate(addresses[si]!, addresses[di]!, hops === 0 ? NO_ROUTERS : (this.p.routing.route(si, di) as { routerIds: string[] }).routerIds));
  }

  add(si: number, di: number, c: PathCandidate): void {
    this.found.push(c);
    const pick = this.pick;
    if (pick === null || c.routerIds.length !== 0) return;
    pick.path(si, di, 0);
    if (pick.si === si && pick.di === di) this.legacy = c;
  }
}

/** The pair's paths, ranked; legacy's choice among them when `legacy`; address pairs left out go to `excluded` when given. */
function pairPaths(p: Prepared, s: string, d: string, excluded: Exclusion[] | null, legacy: boolean): PairPaths {
  let pick: LegacyPick | null = null;
  if (legacy) {
    pick = p.pick ??= new LegacyPick(keysOf(p));
    pick.reset();
  }
  const c = new PairCollector(p, pick);
  if (excluded === null) forEachPath(p, p.nodeIndex.get(s)!, p.nodeIndex.get(d)!, c);
  else {
    const dst = p.usableFlat.get(d)!;
    for (const si of p.usableFlat.get(s)!)
      for (const di of dst) {
        const o = pathBetween(p, si, di);
        if (typeof o !== 'string') c.add(si, di, o);
        else if (o !== 'other-family') excluded.push(pairExclusion(p.topology, o, si, di));
      }
  }
  return { ranked: rankOwned(p.topology, c.found), legacy: c.legacy };
}

/** Receives each path of a pair as numbers: source and destination address index, routers crossed. */
export interface PathVisitor {
  path(si: number, di: number, hops: number): void;
}

/**
 * Every path between two (checked) nodes, by index, as the exhaustive loop above finds them but
 * without its reasons: a direct path between two usable addresses of one family on one network,
 * a routed one when each address reaches the other through the routers (an address without a
 * route of its family reaches nothing, as in `pathBetween`). No allocation: all-pairs
 * runs this for every pair (a property test keeps it equal to the exhaustive loop).
 */
export function forEachPath(p: Prepared, s: number, d: number, visitor: PathVisitor): void {
  const src = p.usableByNode[s]!;
  const dst = p.usableByNode[d]!;
  const { addressNetwork: net, addressFamily: fam, routes, routing } = p;
  for (let i = 0; i < src.length; i++) {
    const si = src[i]!;
    const routed = routes[si] === 1;
    for (let j = 0; j < dst.length; j++) {
      const di = dst[j]!;
      if (fam[si] !== fam[di]) continue;
      if (net[si] === net[di]) visitor.path(si, di, 0);
      else if (routed) {
        const hops = routing.hops(si, di);
        if (hops >= 0 && routes[di] === 1 && routing.hops(di, si) >= 0) visitor.path(si, di, hops);
      }
    }
  }
}

/** Is there any path at all between two (checked) nodes? Stops at the first one. */
export function hasPath(p: Prepared, s: string, d: string): boolean {
  const dst = p.usableFlat.get(d)!;
  for (const si of p.usableFlat.get(s)!) for (const di of dst) if (typeof pathBetween(p, si, di) !== 'string') return true;
  return false;
}

function pairExclusion(t: Topology, reason: Exclude<PairFailure, 'other-family'>, si: number, di: number): Exclusion {
  const sa = t.addresses[si]!;
  const da = t.addresses[di]!;
  return {
    elementId: `${sa.nicId}[${sa.address}]→${da.nicId}[${da.address}]`,
    reason,
    message: pairMessage(t, reason, sa, da),
    networkIds: reason === 'family-mismatch' ? [sa.networkId] : [sa.networkId, da.networkId],
  };
}

export function normaliseOptions(options: SelectOptions | undefined): { mode: Mode; timeout: number } {
  const mode: Mode = options?.mode === 'legacy' ? 'legacy' : 'ws2025';
  const t = options?.legacyTimeoutSeconds;
  const timeout = typeof t === 'number' && Number.isFinite(t) && t >= 0 ? t : DEFAULT_LEGACY_TIMEOUT_SECONDS;
  return { mode, timeout };
}

export function nodeCheck(t: Topology, s: string, d: string): Reason | null {
  if (s === d) return 'same-node';
  const src = t.index.nodes.get(s);
  const dst = t.index.nodes.get(d);
  if (!src || !dst) return 'unknown-node';
  if (src.state === 'down') return 'source-down';
  if (dst.state === 'down') return 'destination-down';
  if (dst.state === 'paused') return 'destination-paused';
  return null;
}

/** The selection for one ordered pair in one mode, with every exclusion. */
export function selectMigrationPath(topology: Topology, sourceNodeId: string, destinationNodeId: string, options?: SelectOptions): Selection {
  const { mode, timeout } = normaliseOptions(options);
  return selectPair(topology, sourceNodeId, destinationNodeId, mode, timeout, true);
}

/**
 * One mode's selection for a pair: with `exclusions`, as `selectMigrationPath` returns it; without,
 * `excluded` is empty — what the planner needs (a drain asks for up to one selection per node).
 */
export function selectPair(topology: Topology, s: string, d: string, mode: Mode, timeout: number, exclusions: boolean, cache?: PairPathCache): Selection {
  const failed = nodeCheck(topology, s, d);
  if (failed) return failedSelection(mode, s, d, failed);
  const p = prepare(topology);
  // Address pairs that are not paths are listed in ws2025 only (legacy tries networks, not address pairs).
  const addressPairs: Exclusion[] | null = exclusions && mode === 'ws2025' ? [] : null;
  const paths = cache && !exclusions ? cachedPairPaths(cache, p, s, d) : pairPaths(p, s, d, addressPairs, mode === 'legacy');
  return assemble(p, s, d, mode, paths, timeout, exclusions ? (addressPairs ?? []) : null);
}

/**
 * Pairs' paths already found, by `source \0 destination`, each with legacy's choice: both modes'
 * selections of a pair (both modes' drains of a node, every node in turn) rank them once (issue 24).
 */
export type PairPathCache = Map<string, PairPaths>;

function cachedPairPaths(cache: PairPathCache, p: Prepared, s: string, d: string): PairPaths {
  const key = `${s}\u0000${d}`;
  let paths = cache.get(key);
  if (!paths) cache.set(key, (paths = pairPaths(p, s, d, null, true)));
  return paths;
}

/**
 * Both modes' choices for a pair, as `selectMigrationPath` makes them but without the exclusions
 * (why each address pair is not a path) and from one ranking: what a whole-cluster report needs
 * per pair. On 32 NICs a node the exclusions are most of a selection's 15 ms and 330 KB.
 */
export function selectChoices(topology: Topology, s: string, d: string, legacyTimeoutSeconds?: number): Record<Mode, Selection> {
  const { timeout } = normaliseOptions({ legacyTimeoutSeconds });
  const failed = nodeCheck(topology, s, d);
  if (failed) return { ws2025: failedSelection('ws2025', s, d, failed), legacy: failedSelection('legacy', s, d, failed) };
  const p = prepare(topology);
  const paths = pairPaths(p, s, d, null, true);
  return { ws2025: assemble(p, s, d, 'ws2025', paths, timeout, null), legacy: assemble(p, s, d, 'legacy', paths, timeout, null) };
}

/**
 * A pair's selection, assembled here and nowhere else (`selectPair` and `selectChoices` call it):
 * the mode's choice from the pair's ranked paths, and, unless `excluded` is null, why every
 * network and NIC is left out, after the address pairs already in `excluded`.
 */
function assemble(p: Prepared, s: string, d: string, mode: Mode, paths: PairPaths, timeout: number, excluded: Exclusion[] | null): Selection {
  const core = mode === 'ws2025' ? ws2025Core(paths.ranked) : legacyCore(p, s, d, paths.ranked, paths.legacy, timeout);
  if (excluded) excluded.push(...commonExclusions(p, s, d, mode, paths.ranked));
  return { mode, sourceNodeId: s, destinationNodeId: d, ...core, excluded: excluded ?? [] } as Selection;
}

export function failedSelection(mode: Mode, s: string, d: string, failure: Reason): Selection {
  return { mode, sourceNodeId: s, destinationNodeId: d, chosen: null, fallbacks: [], initiationDelaySeconds: 0, attempts: [], excluded: [], failure };
}

/** The mode-specific part of a selection (everything but the pair, the mode and `excluded`). */
export type SelectionCore = Pick<Selection, 'chosen' | 'fallbacks' | 'initiationDelaySeconds' | 'attempts' | 'failure'>;

function ws2025Core(paths: readonly PathCandidate[]): SelectionCore {
  if (paths.length === 0) return { chosen: null, fallbacks: [], initiationDelaySeconds: 0, attempts: [], failure: 'no-path' };
  return { chosen: paths[0]!, fallbacks: paths.slice(1), initiationDelaySeconds: 0, attempts: [] };
}

function sharedAttempt(p: Prepared, position: number, outcome: MissReason | 'connected', seconds: number): LegacyAttempt {
  let list = p.attempts.get(seconds);
  if (!list) p.attempts.set(seconds, (list = []));
  const networkId = p.topology.preferenceOrder[position]!;
  return (list[position * 4 + (outcome === 'connected' ? 3 : MISS_REASONS.indexOf(outcome))] ??= Object.freeze(
    outcome === 'connected' ? { networkId, outcome, seconds: 0 } : { networkId, outcome: 'timeout' as const, seconds, reason: outcome },
  ));
}

/**
 * The legacy rule, in one place (selection-algorithm.md, legacy): the networks are tried in
 * preference order and the first with a direct path between the two nodes connects; every
 * network tried before it costs one timeout. `position` is that network's preference position,
 * or -1 when no network connects the pair (then all `orderLength` networks are tried).
 */
export function legacyWait(orderLength: number, position: number, timeout: number): { tried: number; delay: number } {
  const tried = position < 0 ? orderLength : position;
  return { tried, delay: timeout * tried };
}

/**
 * Legacy's rule, "the first direct path wins", written once (selection-algorithm.md, legacy;
 * decision 148): the networks are tried in preference order and the first with a direct path
 * between the two nodes connects. Among a pair's paths that is the direct path ranked first (it
 * lies on the first network in preference order with one; `rankedBefore` orders the paths on one
 * network), and the direct paths on the other networks are its fallbacks.
 *
 * Fed a pair's paths as numbers in any order — all-pairs visits them unranked, N-1 reads them
 * ranked with some removed by a failure, a selection as it finds its candidates — it keeps the
 * chosen path's addresses. Nothing is allocated per path: all-pairs and N-1 call it in their hot
 * loops. `reset` before the next pair.
 */
export class LegacyPick implements PathVisitor {
  /** The chosen path's source and destination address indexes; -1 while there is none. */
  si = -1;
  di = -1;
  private direct = 0;
  /** Direct paths seen on the chosen path's network (they are not its fallbacks). */
  private onNetwork = 0;

  constructor(private readonly keys: RankKeys) {}

  reset(): void {
    this.si = this.di = -1;
    this.direct = this.onNetwork = 0;
  }

  path(si: number, di: number, hops: number): void {
    if (hops !== 0) return;
    this.direct++;
    const at = this.si;
    if (at >= 0) {
      const pos = this.keys.position;
      const later = pos[si]! - pos[at]!;
      if (later > 0) return; // on a network tried after the pick's: one of its fallbacks
      if (later === 0) {
        this.onNetwork++;
        if (!rankedBefore(this.keys, si, di, 0, at, this.di, 0)) return;
      } else this.onNetwork = 1;
    } else this.onNetwork = 1;
    this.si = si;
    this.di = di;
  }

  /** Preference position of the network legacy connects on; -1 when none connects the pair. */
  get position(): number {
    return this.si < 0 ? -1 : this.keys.position[this.si]!;
  }

  /** How many of the paths seen are legacy's fallbacks: the direct ones on other networks. */
  get fallbacks(): number {
    return this.direct - this.onNetwork;
  }
}

/** Legacy: networks in preference order until one connects the pair directly (`chosen`, from `LegacyPick`); each miss times out. */
function legacyCore(p: Prepared, s: string, d: string, ranked: readonly PathCandidate[], chosen: PathCandidate | null, timeout: number): SelectionCore {
  const fallbacks: PathCandidate[] = [];
  if (chosen) for (const c of ranked) if (c.kind === 'direct' && c.sourceNetworkId !== chosen.sourceNetworkId) fallbacks.push(c);
  const { tried, delay } = legacyWait(p.topology.preferenceOrder.length, chosen ? p.topology.index.preferencePosition.get(chosen.sourceNetworkId)! : -1, timeout);
  const attempts = attemptList(p, s, d, tried, chosen !== null, timeout);
  if (!chosen) return { chosen: null, fallbacks, initiationDelaySeconds: delay, attempts, failure: 'no-path' };
  return { chosen, fallbacks, initiationDelaySeconds: delay, attempts };
}

/** The attempts before (and at) the connection. Pairs whose nodes use the same networks share one frozen list. */
function attemptList(p: Prepared, s: string, d: string, tried: number, connected: boolean, timeout: number): LegacyAttempt[] {
  let byKey = p.attemptLists.get(timeout);
  if (!byKey) p.attemptLists.set(timeout, (byKey = new Map()));
  const pair = p.signature.get(s)! * p.signatureCount + p.signature.get(d)!;
  const key = (pair * (p.topology.preferenceOrder.length + 1) + tried) * 2 + (connected ? 1 : 0);
  let list = byKey.get(key);
  if (list) return list;
  const order = p.topology.preferenceOrder;
  list = [];
  for (let i = 0; i < tried; i++) list.push(sharedAttempt(p, i, missReason(p, s, d, order[i]!), timeout));
  if (connected) list.push(sharedAttempt(p, tried, 'connected', timeout));
  byKey.set(key, Object.freeze(list) as LegacyAttempt[]);
  return list;
}

/** Why a network gives no direct path between the two nodes. */
function missReason(p: Prepared, s: string, d: string, networkId: string): MissReason {
  if (!p.usable.get(s)!.has(networkId)) return 'not-on-source';
  if (!p.usable.get(d)!.has(networkId)) return 'not-on-destination';
  return 'family-mismatch';
}

/** Networks and NICs left out, in both modes. */
export function commonExclusions(p: Prepared, s: string, d: string, mode: Mode, paths: PathCandidate[]): Exclusion[] {
  const t = p.topology;
  const ctx: MessageContext = { topology: t, sourceNodeId: s, destinationNodeId: d };
  const out: Exclusion[] = [];
  for (const nodeId of [s, d])
    for (const nicId of t.index.nicsByNode.get(nodeId) ?? []) {
      const nic = t.index.nics.get(nicId)!;
      if (nic.addresses.length === 0) out.push({ elementId: nicId, reason: 'no-address', message: nicMessage(t, 'no-address', nicId) });
      else if (nic.state === 'down')
        out.push({ elementId: nicId, reason: 'nic-down', message: nicMessage(t, 'nic-down', nicId), networkIds: (t.index.addressesByNic.get(nicId) ?? []).map((i) => t.addresses[i]!.networkId) });
    }
  // A network is used when a path starts or ends on it; in legacy only direct paths exist.
  const used = new Set<string>();
  for (const c of paths) if (mode === 'ws2025' || c.kind === 'direct') used.add(c.sourceNetworkId).add(c.destinationNetworkId);
  for (const n of t.networks) {
    const e = t.eligibility[n.id]!;
    const reason: Reason | null = !e.eligible ? e.reason : used.has(n.id) ? null : missReason(p, s, d, n.id);
    if (reason) out.push({ elementId: n.id, reason, message: networkMessage(ctx, reason, n.id), networkIds: [n.id] });
  }
  return out;
}

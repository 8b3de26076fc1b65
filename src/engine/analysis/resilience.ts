/**
 * N-1 resilience: for every element that can fail (each network, router, NIC and node of the
 * document), which node pairs lose live migration altogether and which move to another network.
 *
 * Failing an element only ever removes paths (a down NIC, network or router never opens a new
 * way), so the analysis starts from each pair's ranked paths before any failure and works out
 * the least it must:
 * - a NIC touches only the paths that start or end on it: they are dropped from the list;
 * - a node changes nothing for the other pairs (nodes do not forward traffic); the pairs it is
 *   part of are *down*, not *lost*, and are counted apart;
 * - a network or router changes routing (and a network the preference order), so the failed
 *   routing is built again with it down; a pair keeps its direct paths off the failed network, and each
 *   routed path is checked again (both ways) through the failed routing (see linkImpact).
 * The paths are kept as numbers (address indexes and router counts), not as path objects.
 * Elements already down, and networks the parser created from a subnet (they are not in the
 * document, so they cannot be failed), are not analysed.
 */
import { networkName, nicLabel, nodeName, routerName } from '../text/messages';
import { Routing } from '../model/routing';
import { forEachPath, keysOf, LegacyPick, legacyWait, nodeCheck, normaliseOptions, prepare, rankedBefore, type PathVisitor, type Prepared, type RankKeys } from '../model/select';
import type { Topology } from '../model/types';
import type { FailableKind } from '../model/whatif';

export interface PairRef {
  sourceNodeId: string;
  destinationNodeId: string;
}

/** A pair that still migrates but on other networks (ws2025): [source network, destination network]. */
export interface MovedPair extends PairRef {
  from: [string, string];
  to: [string, string];
}

/** Legacy behaviour with the element down, among the pairs that connected before. */
export interface LegacyImpact {
  /** Pairs that connected before and find no network now. */
  lost: number;
  /** Pairs that still connect, after a longer search (more timeouts). */
  slower: number;
  /** Pairs that still connect, sooner (a failed network ahead of theirs is no longer tried). */
  faster: number;
  /** Extra waiting summed over the slower pairs, in seconds. */
  addedSeconds: number;
}

export interface ElementImpact {
  elementId: string;
  kind: FailableKind;
  /** How a user names it: `network 'Storage 1'`-style names come from describeImpact. */
  name: string;
  /** Pairs that had a ws2025 path and have none. */
  lost: PairRef[];
  /** Pairs whose chosen ws2025 path moves to another network. */
  moved: MovedPair[];
  legacy: LegacyImpact;
  /** Pairs that involve the failed node itself (down, not lost) and migrated before. */
  down: number;
  /** Some pair loses every path when this element fails. */
  singlePointOfFailure: boolean;
}

export interface ResilienceReport {
  /** Ordered pairs of distinct nodes. */
  pairCount: number;
  /** Pairs with a ws2025 path before any failure. */
  connectedPairs: number;
  /** Every analysed element, most impact first (see rankImpacts). */
  impacts: ElementImpact[];
  /** Ids of the single points of failure, in impact order. */
  singlePointsOfFailure: string[];
}

export interface ResilienceOptions {
  legacyTimeoutSeconds?: number;
}

/**
 * What a pair gets in both modes: the chosen ws2025 path's networks (as indexes in
 * `topology.networks`, -1 when there is none), whether legacy connects, and legacy's delay.
 */
class Outcome {
  wsFrom = -1;
  wsTo = -1;
  legacy = false;
  legacyDelay = 0;
}

/**
 * Every pair's ranked paths before any failure, as numbers: pair `k`'s paths are the triples
 * (source address, destination address, routers) at `paths[3j .. 3j + 2]` for `start[k] <= j < start[k + 1]`.
 */
interface Base {
  t: Topology;
  p: Prepared;
  keys: RankKeys;
  timeout: number;
  pairCount: number;
  start: Int32Array;
  paths: Int32Array;
  /** Both nodes can take part (nodeCheck passed). */
  active: Uint8Array;
  /** The pair has a routed path. */
  routed: Uint8Array;
  before: Outcome[];
  /** Active pairs each node is part of (as source or destination), by node index. */
  byNode: number[][];
  /** Legacy's choice, picked again for each pair after a failure. */
  pick: LegacyPick;
}

/** Collects a pair's paths, then ranks them (insertion sort on the ranking's keys: a handful per pair). */
class Collector implements PathVisitor {
  n = 0;
  buf = new Int32Array(96);
  constructor(private readonly keys: RankKeys) {}
  path(si: number, di: number, hops: number): void {
    if (3 * this.n + 3 > this.buf.length) {
      const grown = new Int32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    const b = this.buf;
    let j = this.n++;
    while (j > 0 && rankedBefore(this.keys, si, di, hops, b[3 * j - 3]!, b[3 * j - 2]!, b[3 * j - 1]!)) {
      b.copyWithin(3 * j, 3 * j - 3, 3 * j);
      j--;
    }
    b[3 * j] = si;
    b[3 * j + 1] = di;
    b[3 * j + 2] = hops;
  }
}

function base(t: Topology, p: Prepared, timeout: number): Base {
  const n = t.nodes.length;
  const pairCount = n * (n - 1);
  const keys = keysOf(p);
  const start = new Int32Array(pairCount + 1);
  let paths = new Int32Array(pairCount * 24);
  const active = new Uint8Array(pairCount);
  const routed = new Uint8Array(pairCount);
  const before: Outcome[] = [];
  const byNode: number[][] = t.nodes.map(() => []);
  const c = new Collector(keys);
  const pick = new LegacyPick(keys);
  let used = 0;
  let k = 0;
  for (let s = 0; s < n; s++)
    for (let d = 0; d < n; d++) {
      if (s === d) continue;
      start[k] = used / 3;
      c.n = 0;
      if (nodeCheck(t, t.nodes[s]!.id, t.nodes[d]!.id) === null) {
        active[k] = 1;
        byNode[s]!.push(k);
        byNode[d]!.push(k);
        forEachPath(p, s, d, c);
      }
      if (used + 3 * c.n > paths.length) {
        const grown = new Int32Array(Math.max(paths.length * 2, used + 3 * c.n));
        grown.set(paths);
        paths = grown;
      }
      paths.set(c.buf.subarray(0, 3 * c.n), used);
      used += 3 * c.n;
      const o = new Outcome();
      pick.reset();
      for (let j = 0; j < c.n; j++) {
        if (c.buf[3 * j + 2]! > 0) routed[k] = 1;
        else if (pick.si < 0) pick.path(c.buf[3 * j]!, c.buf[3 * j + 1]!, 0); // ranked: the first pick stands
      }
      if (c.n > 0) {
        o.wsFrom = p.addressNetwork[c.buf[0]!]!;
        o.wsTo = p.addressNetwork[c.buf[1]!]!;
      }
      if (active[k]) setLegacy(o, t.preferenceOrder.length, pick.position, timeout);
      before.push(o);
      k++;
    }
  start[pairCount] = used / 3;
  return { t, p, keys, timeout, pairCount, start, paths, active, routed, before, byNode, pick };
}

/** Legacy's outcome from the preference position of the network it connects on (`LegacyPick.position`; -1: none). */
function setLegacy(o: Outcome, orderLength: number, position: number, timeout: number): void {
  o.legacy = position >= 0;
  o.legacyDelay = legacyWait(orderLength, position, timeout).delay;
}

class ImpactBuilder {
  readonly impact: ElementImpact;
  constructor(private readonly b: Base, elementId: string, kind: FailableKind, name: string) {
    this.impact = {
      elementId, kind, name, lost: [], moved: [],
      legacy: { lost: 0, slower: 0, faster: 0, addedSeconds: 0 },
      down: 0, singlePointOfFailure: false,
    };
  }

  // One shared [source, destination] tuple per network pair: thousands of moved pairs name a
  // handful of network pairs, and a structured clone (the worker's answer) copies a shared tuple once.
  readonly #tuples = new Map<number, [string, string]>();
  private networks(from: number, to: number): [string, string] {
    const key = from * this.b.t.networks.length + to;
    let t = this.#tuples.get(key);
    if (!t) this.#tuples.set(key, (t = [this.b.t.networks[from]!.id, this.b.t.networks[to]!.id]));
    return t;
  }

  /** Compares pair `k`'s outcome before and after the failure. */
  compare(k: number, after: Outcome): void {
    const before = this.b.before[k]!;
    const m = this.impact;
    const hadWs = before.wsFrom >= 0;
    const hasWs = after.wsFrom >= 0;
    if (hadWs && !hasWs) m.lost.push(pairRef(this.b.t, k));
    else if (hadWs && hasWs && (before.wsFrom !== after.wsFrom || before.wsTo !== after.wsTo))
      {
      const { sourceNodeId, destinationNodeId } = pairRef(this.b.t, k);
      m.moved.push({ sourceNodeId, destinationNodeId, from: this.networks(before.wsFrom, before.wsTo), to: this.networks(after.wsFrom, after.wsTo) });
    }
    if (!before.legacy) return;
    const l = m.legacy;
    if (!after.legacy) {
      l.lost++;
      return;
    }
    const delta = after.legacyDelay - before.legacyDelay;
    if (delta > 0) {
      l.slower++;
      l.addedSeconds += delta;
    } else if (delta < 0) l.faster++;
  }

  done(): ElementImpact {
    this.impact.singlePointOfFailure = this.impact.lost.length > 0;
    return this.impact;
  }
}

function pairRef(t: Topology, k: number): PairRef {
  const m = t.nodes.length - 1;
  const s = Math.floor(k / m);
  const d = k % m;
  return { sourceNodeId: t.nodes[s]!.id, destinationNodeId: t.nodes[d < s ? d : d + 1]!.id };
}

function nodeImpact(b: Base, id: string): ElementImpact {
  const m = new ImpactBuilder(b, id, 'node', nodeName(b.t, id));
  for (const k of b.byNode[b.p.nodeIndex.get(id)!]!) if (b.before[k]!.wsFrom >= 0) m.impact.down++;
  return m.done();
}

/**
 * A NIC: the paths that start or end on it drop out; the others keep their ranks, so the first
 * one left is ws2025's choice, and legacy's is picked among those left (the preference order
 * does not change).
 */
function nicImpact(b: Base, id: string, after: Outcome): ElementImpact {
  const { t, p, paths, pick } = b;
  const m = new ImpactBuilder(b, id, 'nic', nicLabel(t, id));
  const on = new Uint8Array(t.addresses.length);
  for (const i of t.index.addressesByNic.get(id) ?? []) on[i] = 1;
  for (const k of b.byNode[p.nodeIndex.get(t.index.nics.get(id)!.node)!]!) {
    let touched = false;
    after.wsFrom = after.wsTo = -1;
    pick.reset();
    for (let j = b.start[k]!; j < b.start[k + 1]!; j++) {
      const si = paths[3 * j]!;
      const di = paths[3 * j + 1]!;
      if (on[si] || on[di]) {
        touched = true;
        continue;
      }
      if (after.wsFrom < 0) {
        after.wsFrom = p.addressNetwork[si]!;
        after.wsTo = p.addressNetwork[di]!;
      }
      // In ranked order nothing later overtakes a pick: once made, it stands (and with the NIC's
      // paths passed, both choices are found).
      if (pick.si < 0) pick.path(si, di, paths[3 * j + 2]!);
      else if (touched) break;
    }
    if (!touched) continue;
    setLegacy(after, t.preferenceOrder.length, pick.position, b.timeout);
    m.compare(k, after);
  }
  return m.done();
}

/**
 * A network or a router changes routing (and a network the preference order): routing is built
 * again with the element down, and the network leaves the preference order. A pair keeps its direct paths off the
 * failed network; each routed path is checked again both ways. A failure only removes routes,
 * so a routed path that survives crosses as many routers as before or more, and ranks no
 * earlier: the pair's scan stops at the first path that survives unchanged — nothing after it
 * can overtake it — except that legacy's choice is picked among the direct paths that survive.
 * Dropping a network from the preference order keeps the others' relative ranks.
 */
function linkImpact(b: Base, id: string, kind: 'network' | 'router', after: Outcome): ElementImpact {
  const { t, p, keys, paths, pick } = b;
  const routing = new Routing(t, id);
  const failedNet = kind === 'network' ? t.networks.findIndex((n) => n.id === id) : -1;
  // The failed network leaves the preference order; the others keep their order.
  const gone = kind === 'network' ? (t.index.preferencePosition.get(id) ?? -1) : -1;
  const orderLength = t.preferenceOrder.length - (gone >= 0 ? 1 : 0);
  const net = p.addressNetwork;
  const routes = p.routes;
  const m = new ImpactBuilder(b, id, kind, kind === 'network' ? networkName(t, id) : routerName(t, id));
  for (let k = 0; k < b.pairCount; k++) {
    if (!b.active[k] || (kind === 'router' && !b.routed[k])) continue; // direct paths cross no router
    let best = -1;
    let bestHops = 0;
    let settled = false; // the ws2025 choice cannot change any more
    pick.reset();
    for (let j = b.start[k]!; j < b.start[k + 1]!; j++) {
      const si = paths[3 * j]!;
      const di = paths[3 * j + 1]!;
      const hops = paths[3 * j + 2]!;
      if (net[si] === failedNet || net[di] === failedNet) continue;
      if (hops === 0) {
        if (pick.si < 0) pick.path(si, di, 0); // a direct path off the failed network survives; ranked: the first pick stands
      } else if (settled) continue;
      let now = 0;
      if (hops > 0) {
        now = routing.hops(si, di);
        if (now < 0 || routes[di] === 0 || routing.hops(di, si) < 0) continue;
      }
      if (!settled) {
        if (best < 0 || rankedBefore(keys, si, di, now, paths[3 * best]!, paths[3 * best + 1]!, bestHops)) {
          best = j;
          bestHops = now;
        }
        settled = now === hops;
      }
      if (settled && pick.si >= 0) break; // in ranked order nothing later overtakes either choice
    }
    after.wsFrom = best < 0 ? -1 : net[paths[3 * best]!]!;
    after.wsTo = best < 0 ? -1 : net[paths[3 * best + 1]!]!;
    const position = pick.position;
    setLegacy(after, orderLength, gone >= 0 && position > gone ? position - 1 : position, b.timeout);
    m.compare(k, after);
  }
  return m.done();
}

const KIND_RANK: Record<FailableKind, number> = { network: 0, router: 1, nic: 2, node: 3 };

/** Most impact first: pairs lost, pairs moved, legacy pairs lost, legacy seconds added; then networks, routers, NICs, nodes in document order. */
export function rankImpacts(impacts: ElementImpact[]): ElementImpact[] {
  const order = new Map(impacts.map((m, i) => [m, i]));
  return [...impacts].sort(
    (a, b) =>
      b.lost.length - a.lost.length ||
      b.moved.length - a.moved.length ||
      b.legacy.lost - a.legacy.lost ||
      b.legacy.addedSeconds - a.legacy.addedSeconds ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      order.get(a)! - order.get(b)!,
  );
}

/** N-1 analysis of a parsed topology (its `document` is failed one element at a time). */
export function analyzeResilience(topology: Topology, options?: ResilienceOptions): ResilienceReport {
  const { timeout } = normaliseOptions(options);
  const t = topology;
  const b = base(t, prepare(t), timeout);
  const doc = t.document;
  const impacts: ElementImpact[] = [];
  const after = new Outcome();
  for (const n of doc.networks ?? []) if ((n.state ?? 'up') === 'up') impacts.push(linkImpact(b, n.id, 'network', after));
  for (const r of doc.routers ?? []) if ((r.state ?? 'up') === 'up') impacts.push(linkImpact(b, r.id, 'router', after));
  for (const n of doc.nics ?? []) if ((n.state ?? 'up') === 'up') impacts.push(nicImpact(b, n.id, after));
  for (const n of doc.nodes ?? []) if ((n.state ?? 'up') !== 'down') impacts.push(nodeImpact(b, n.id));
  const ranked = rankImpacts(impacts);
  return {
    pairCount: b.pairCount,
    connectedPairs: b.before.filter((o) => o.wsFrom >= 0).length,
    impacts: ranked,
    singlePointsOfFailure: ranked.filter((m) => m.singlePointOfFailure).map((m) => m.elementId),
  };
}

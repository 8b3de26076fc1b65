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
 *   document is derived again; a pair keeps its direct paths off the failed network, and each
 *   routed path is checked again (both ways) through the failed routing, then all are ranked
 *   by the failed preference order.
 * Elements already down, and networks the parser created from a subnet (they are not in the
 * document, so they cannot be failed), are not analysed.
 */
import { buildTopology } from './derive';
import { networkName, nicLabel, nodeName, routerName } from './messages';
import { legacyChoice, legacyWait, nodeCheck, normaliseOptions, prepare, rankPaths, rankedPaths, type Prepared } from './select';
import type { PathCandidate, Topology } from './types';
import { applyFailures, type FailableKind } from './whatif';

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

/** What a pair gets in both modes from a ranked list of paths. */
interface Outcome {
  ws: PathCandidate | null;
  legacy: PathCandidate | null;
  legacyDelay: number;
}

interface BasePair extends PairRef {
  /** Both nodes can take part (nodeCheck passed). */
  active: boolean;
  paths: PathCandidate[];
  /** Source and destination address index of each path (`2i`, `2i + 1`), when a path is routed. */
  addresses: Int32Array | null;
  routed: boolean;
  outcome: Outcome;
}

function outcomeOf(t: Topology, paths: readonly PathCandidate[], timeout: number): Outcome {
  const legacy = legacyChoice(paths);
  const { delay } = legacyWait(t, legacy ? t.index.preferencePosition.get(legacy.sourceNetworkId)! : -1, timeout);
  return { ws: paths[0] ?? null, legacy, legacyDelay: delay };
}

const NONE: Outcome = { ws: null, legacy: null, legacyDelay: 0 };

class ImpactBuilder {
  readonly impact: ElementImpact;
  constructor(elementId: string, kind: FailableKind, name: string) {
    this.impact = {
      elementId, kind, name, lost: [], moved: [],
      legacy: { lost: 0, slower: 0, faster: 0, addedSeconds: 0 },
      down: 0, singlePointOfFailure: false,
    };
  }

  // One shared [source, destination] tuple per network pair: thousands of moved pairs name a
  // handful of network pairs, and a structured clone (the worker's answer) copies a shared tuple once.
  readonly #tuples = new Map<string, [string, string]>();
  private networks(c: PathCandidate): [string, string] {
    const key = `${c.sourceNetworkId}\u0000${c.destinationNetworkId}`;
    let t = this.#tuples.get(key);
    if (!t) this.#tuples.set(key, (t = [c.sourceNetworkId, c.destinationNetworkId]));
    return t;
  }

  /** Compares a pair's outcome before and after the failure. */
  compare(pair: PairRef, before: Outcome, after: Outcome): void {
    const m = this.impact;
    const { sourceNodeId, destinationNodeId } = pair;
    if (before.ws && !after.ws) m.lost.push({ sourceNodeId, destinationNodeId });
    else if (before.ws && after.ws && (before.ws.sourceNetworkId !== after.ws.sourceNetworkId || before.ws.destinationNetworkId !== after.ws.destinationNetworkId))
      m.moved.push({ sourceNodeId, destinationNodeId, from: this.networks(before.ws), to: this.networks(after.ws) });
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

interface Base {
  pairs: BasePair[];
  /** Active pairs each node is part of (as source or destination). */
  byNode: Map<string, BasePair[]>;
}

function base(t: Topology, p: Prepared, timeout: number): Base {
  const pairs: BasePair[] = [];
  const addressIndex = new Map(t.addresses.map((a) => [`${a.nicId}|${a.address}`, a.index]));
  const byNode = new Map<string, BasePair[]>(t.nodes.map((n) => [n.id, []]));
  for (const s of t.nodes)
    for (const d of t.nodes) {
      if (s === d) continue;
      const active = nodeCheck(t, s.id, d.id) === null;
      const paths = active ? rankedPaths(p, s.id, d.id, null) : [];
      const routed = paths.some((c) => c.kind === 'routed');
      let addresses: Int32Array | null = null;
      if (routed) {
        addresses = new Int32Array(paths.length * 2);
        paths.forEach((c, i) => {
          addresses![2 * i] = addressIndex.get(`${c.sourceNicId}|${c.sourceAddress}`)!;
          addresses![2 * i + 1] = addressIndex.get(`${c.destinationNicId}|${c.destinationAddress}`)!;
        });
      }
      const pair: BasePair = {
        sourceNodeId: s.id, destinationNodeId: d.id, active, paths, addresses, routed,
        outcome: active ? outcomeOf(t, paths, timeout) : NONE,
      };
      pairs.push(pair);
      if (active) {
        byNode.get(s.id)!.push(pair);
        byNode.get(d.id)!.push(pair);
      }
    }
  return { pairs, byNode };
}

function nodeImpact(t: Topology, b: Base, id: string): ElementImpact {
  const m = new ImpactBuilder(id, 'node', nodeName(t, id));
  for (const pair of b.byNode.get(id)!) if (pair.outcome.ws) m.impact.down++;
  return m.done();
}

function nicImpact(t: Topology, b: Base, id: string, timeout: number): ElementImpact {
  const m = new ImpactBuilder(id, 'nic', nicLabel(t, id));
  for (const pair of b.byNode.get(t.index.nics.get(id)!.node)!) {
    const left = pair.paths.filter((c) => c.sourceNicId !== id && c.destinationNicId !== id);
    if (left.length < pair.paths.length) m.compare(pair, pair.outcome, outcomeOf(t, left, timeout));
  }
  return m.done();
}

/** A network or a router: derive the failed document again and check each routed path again. */
function linkImpact(t: Topology, b: Base, id: string, kind: 'network' | 'router', timeout: number): ElementImpact {
  const failed = buildTopology(applyFailures(t.document, [id]));
  const { routing } = prepare(failed);
  const m = new ImpactBuilder(id, kind, kind === 'network' ? networkName(t, id) : routerName(t, id));
  for (const pair of b.pairs) {
    if (!pair.active || (kind === 'router' && !pair.routed)) continue; // direct paths cross no router
    const { paths, addresses } = pair;
    let left: PathCandidate[] | null = null; // stays null while every path is kept as it was
    let resort = false;
    for (let i = 0; i < paths.length; i++) {
      const c = paths[i]!;
      let next: PathCandidate | null = c;
      if (c.sourceNetworkId === id || c.destinationNetworkId === id) next = null;
      else if (c.kind === 'routed') {
        const forward = routing.route(addresses![2 * i]!, addresses![2 * i + 1]!);
        if (!forward.ok || !routing.route(addresses![2 * i + 1]!, addresses![2 * i]!).ok) next = null;
        else if (forward.routerIds.length !== c.routerIds.length || forward.routerIds.some((r, k) => r !== c.routerIds[k])) {
          next = { ...c, routerIds: forward.routerIds };
          resort ||= forward.routerIds.length !== c.routerIds.length;
        }
      }
      if (next !== c && left === null) left = paths.slice(0, i);
      if (left !== null && next !== null) left.push(next);
    }
    // Dropping paths or a network from the preference order keeps the others' relative ranks;
    // only a routed path with another number of routers moves. A network failure also
    // shortens the preference order, so its legacy delays are read again even when no path changed.
    if (left === null && kind === 'router') continue;
    const after = left === null ? paths : resort ? rankPaths(failed, left) : left;
    m.compare(pair, pair.outcome, outcomeOf(failed, after, timeout));
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
  for (const n of doc.networks ?? []) if ((n.state ?? 'up') === 'up') impacts.push(linkImpact(t, b, n.id, 'network', timeout));
  for (const r of doc.routers ?? []) if ((r.state ?? 'up') === 'up') impacts.push(linkImpact(t, b, r.id, 'router', timeout));
  for (const n of doc.nics ?? []) if ((n.state ?? 'up') === 'up') impacts.push(nicImpact(t, b, n.id, timeout));
  for (const n of doc.nodes ?? []) if ((n.state ?? 'up') !== 'down') impacts.push(nodeImpact(t, b, n.id));
  const ranked = rankImpacts(impacts);
  return {
    pairCount: b.pairs.length,
    connectedPairs: b.pairs.filter((p) => p.outcome.ws !== null).length,
    impacts: ranked,
    singlePointsOfFailure: ranked.filter((m) => m.singlePointOfFailure).map((m) => m.elementId),
  };
}

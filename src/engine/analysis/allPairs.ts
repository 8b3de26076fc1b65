/**
 * analyzeAllPairs: the choice for every ordered pair of distinct nodes in both modes, and the
 * summary the matrix shows (selection-algorithm.md, *All pairs*).
 *
 * The app runs it after every edit, so it keeps the answer compact: per pair and mode the chosen
 * path (its addresses, networks and routers), the number of fallbacks, the failure, and the
 * legacy delay, in typed arrays. A pair's paths are visited as numbers and ranked on the fly by
 * the ranking's keys (nothing is built per path), and a pair's full `Selection` — paths, attempts,
 * exclusions — is made by `selectMigrationPath` only when something asks for it (`selection`).
 */
import { forEachPath, keysOf, LegacyPick, legacyWait, nodeCheck, normaliseOptions, prepare, rankedBefore, selectMigrationPath, type PathVisitor, type RankKeys } from '../model/select';
import type {
  AllPairsOptions, AllPairsResult, AllPairsSummary, CompactPairs, Mode, PairChoice, PairOutcome, PairSelections, Reason, Selection, Topology,
} from '../model/types';

/** The reasons a pair has no chosen path, as `CompactPairs.failure` numbers them (from 1). */
export const PAIR_FAILURES: readonly Reason[] = ['no-path', 'same-node', 'unknown-node', 'source-down', 'destination-down', 'destination-paused'];
const NO_PATH = 1;

/**
 * Keeps a pair's first path in ranked order (ws2025's choice) and the number of paths; legacy's
 * choice and fallbacks are `LegacyPick`'s, fed the same paths. The keys compare as `rankPaths`
 * does; no two paths tie on all of them.
 */
class PairScan implements PathVisitor {
  paths = 0;
  ws = -1;
  wsTo = -1;
  wsHops = 0;
  readonly legacy: LegacyPick;

  constructor(private readonly k: RankKeys) {
    this.legacy = new LegacyPick(k);
  }

  reset(): void {
    this.paths = this.wsHops = 0;
    this.ws = this.wsTo = -1;
    this.legacy.reset();
  }

  path(si: number, di: number, hops: number): void {
    this.paths++;
    if (this.ws < 0 || rankedBefore(this.k, si, di, hops, this.ws, this.wsTo, this.wsHops)) {
      this.ws = si;
      this.wsTo = di;
      this.wsHops = hops;
    }
    this.legacy.path(si, di, hops);
  }
}

function emptyCompact(pairs: number): CompactPairs {
  return {
    sourceNetwork: new Int32Array(2 * pairs).fill(-1),
    destinationNetwork: new Int32Array(2 * pairs).fill(-1),
    sourceAddress: new Int32Array(2 * pairs).fill(-1),
    destinationAddress: new Int32Array(2 * pairs).fill(-1),
    routers: new Int16Array(2 * pairs).fill(-1),
    fallbacks: new Int32Array(2 * pairs),
    failure: new Uint8Array(2 * pairs),
    legacyDelay: new Float64Array(pairs),
  };
}

export function analyzeAllPairs(topology: Topology, options?: AllPairsOptions): AllPairsResult {
  const { timeout } = normaliseOptions(options);
  const p = prepare(topology);
  const n = topology.nodes.length;
  const pairCount = n * (n - 1);
  const c = emptyCompact(pairCount);
  const net = p.addressNetwork;
  const keys = keysOf(p);
  const scan = new PairScan(keys);
  const noPathDelay = legacyWait(topology.preferenceOrder.length, -1, timeout).delay;
  let k = 0;
  for (let s = 0; s < n; s++)
    for (let d = 0; d < n; d++) {
      if (s === d) continue;
      const failed = nodeCheck(topology, topology.nodes[s]!.id, topology.nodes[d]!.id);
      if (failed) {
        c.failure[2 * k] = c.failure[2 * k + 1] = 1 + PAIR_FAILURES.indexOf(failed);
        k++;
        continue;
      }
      scan.reset();
      forEachPath(p, s, d, scan);
      const w = 2 * k;
      if (scan.ws >= 0) {
        c.sourceAddress[w] = scan.ws;
        c.destinationAddress[w] = scan.wsTo;
        c.sourceNetwork[w] = net[scan.ws]!;
        c.destinationNetwork[w] = net[scan.wsTo]!;
        c.routers[w] = scan.wsHops;
        c.fallbacks[w] = scan.paths - 1;
      } else c.failure[w] = NO_PATH;
      const l = w + 1;
      const legacy = scan.legacy;
      if (legacy.si >= 0) {
        c.sourceAddress[l] = legacy.si;
        c.destinationAddress[l] = legacy.di;
        c.sourceNetwork[l] = c.destinationNetwork[l] = net[legacy.si]!;
        c.routers[l] = 0;
        c.fallbacks[l] = legacy.fallbacks;
        c.legacyDelay[k] = legacyWait(topology.preferenceOrder.length, legacy.position, timeout).delay;
      } else {
        c.failure[l] = NO_PATH;
        c.legacyDelay[k] = noPathDelay;
      }
      k++;
    }
  return new AllPairs(topology, timeout, c);
}

/** The result: plain arrays, and explicit methods that read them or make a pair's full selection. */
class AllPairs implements AllPairsResult {
  readonly nodeIds: string[];
  readonly networkIds: string[];
  readonly pairCount: number;
  readonly summary: AllPairsSummary;
  readonly #selections = new Map<number, Selection>();

  constructor(
    private readonly topology: Topology,
    private readonly timeout: number,
    readonly compact: CompactPairs,
  ) {
    this.nodeIds = topology.nodes.map((x) => x.id);
    this.networkIds = topology.networks.map((x) => x.id);
    this.pairCount = compact.legacyDelay.length;
    this.summary = summarise(compact);
  }

  pairIndex(s: number, d: number): number {
    if (s === d) return -1;
    return s * (this.nodeIds.length - 1) + (d < s ? d : d - 1);
  }

  /** Source and destination node id of pair `k`. */
  private nodesOf(k: number): [string, string] {
    const m = this.nodeIds.length - 1;
    const s = Math.floor(k / m);
    const d = k % m;
    return [this.nodeIds[s]!, this.nodeIds[d < s ? d : d + 1]!];
  }

  outcome(k: number): PairOutcome {
    const [sourceNodeId, destinationNodeId] = this.nodesOf(k);
    return { sourceNodeId, destinationNodeId, ws2025: this.choice(2 * k, 0), legacy: this.choice(2 * k + 1, this.compact.legacyDelay[k]!) };
  }

  private choice(i: number, delay: number): PairChoice {
    const c = this.compact;
    const failure = c.failure[i]!;
    const out: PairChoice = {
      chosen: failure ? null : { kind: c.routers[i] === 0 ? 'direct' : 'routed', sourceNetworkId: this.networkIds[c.sourceNetwork[i]!]!, destinationNetworkId: this.networkIds[c.destinationNetwork[i]!]! },
      fallbackCount: c.fallbacks[i]!,
      initiationDelaySeconds: delay,
    };
    if (failure) out.failure = PAIR_FAILURES[failure - 1]!;
    return out;
  }

  selection(k: number, mode: Mode): Selection {
    const key = 2 * k + (mode === 'ws2025' ? 0 : 1);
    let sel = this.#selections.get(key);
    if (!sel) this.#selections.set(key, (sel = this.make(k, mode)));
    return sel;
  }

  /** Not kept: a whole-cluster export should not leave every selection behind in the result. */
  pairs(): PairSelections[] {
    const out: PairSelections[] = [];
    for (let k = 0; k < this.pairCount; k++) {
      const [sourceNodeId, destinationNodeId] = this.nodesOf(k);
      const ws2025 = this.#selections.get(2 * k) ?? this.make(k, 'ws2025');
      const legacy = this.#selections.get(2 * k + 1) ?? this.make(k, 'legacy');
      out.push({ sourceNodeId, destinationNodeId, ws2025, legacy });
    }
    return out;
  }

  private make(k: number, mode: Mode): Selection {
    const [s, d] = this.nodesOf(k);
    return selectMigrationPath(this.topology, s, d, { mode, legacyTimeoutSeconds: this.timeout });
  }
}

function summarise(c: CompactPairs): AllPairsSummary {
  const pairCount = c.legacyDelay.length;
  const s: AllPairsSummary = {
    pairCount,
    noPath: { ws2025: 0, legacy: 0 },
    maxLegacyDelaySeconds: 0,
    meanLegacyDelaySeconds: 0,
    routedChosen: 0,
    singlePath: { ws2025: 0, legacy: 0 },
  };
  let total = 0;
  for (let k = 0; k < pairCount; k++) {
    for (const [m, mode] of MODES) {
      const i = 2 * k + m;
      if (c.failure[i]) s.noPath[mode]++;
      else if (c.fallbacks[i] === 0) s.singlePath[mode]++;
    }
    if (c.routers[2 * k]! > 0) s.routedChosen++;
    const delay = c.legacyDelay[k]!;
    total += delay;
    if (delay > s.maxLegacyDelaySeconds) s.maxLegacyDelaySeconds = delay;
  }
  s.meanLegacyDelaySeconds = pairCount ? total / pairCount : 0;
  return s;
}

const MODES: readonly [number, Mode][] = [
  [0, 'ws2025'],
  [1, 'legacy'],
];

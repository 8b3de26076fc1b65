/**
 * analyzeAllPairs: the selection for every ordered pair of distinct nodes in both modes, and the
 * summary the matrix shows. A pair's paths are computed once for both modes; `excluded` is
 * computed on first read (the matrix needs the choices, not every reason).
 */
import {
  failedSelection, legacyCore, nodeCheck, normaliseOptions, prepare, rankedPaths, selectMigrationPath, ws2025Core, type SelectionCore,
} from './select';
import type { AllPairsOptions, AllPairsResult, AllPairsSummary, Mode, Selection, Topology } from './types';

/**
 * A selection whose `excluded` list is computed when first read. The getter lives on the
 * prototype so that every instance keeps one fast shape; toJSON writes it out like a plain one.
 */
class LazySelection implements Selection {
  readonly mode: Mode;
  readonly sourceNodeId: string;
  readonly destinationNodeId: string;
  chosen: Selection['chosen'];
  fallbacks: Selection['fallbacks'];
  initiationDelaySeconds: number;
  attempts: Selection['attempts'];
  failure?: Selection['failure'];
  #excluded: Selection['excluded'] | null = null;
  readonly #topology: Topology;
  readonly #timeout: number;

  constructor(topology: Topology, timeout: number, mode: Mode, s: string, d: string, core: SelectionCore | Selection) {
    this.#topology = topology;
    this.#timeout = timeout;
    this.mode = mode;
    this.sourceNodeId = s;
    this.destinationNodeId = d;
    this.chosen = core.chosen;
    this.fallbacks = core.fallbacks;
    this.initiationDelaySeconds = core.initiationDelaySeconds;
    this.attempts = core.attempts;
    if (core.failure !== undefined) this.failure = core.failure;
  }

  get excluded(): Selection['excluded'] {
    return (this.#excluded ??= selectMigrationPath(this.#topology, this.sourceNodeId, this.destinationNodeId, { mode: this.mode, legacyTimeoutSeconds: this.#timeout }).excluded);
  }

  toJSON(): Selection {
    const { mode, sourceNodeId, destinationNodeId, chosen, fallbacks, initiationDelaySeconds, attempts, excluded, failure } = this;
    const plain: Selection = { mode, sourceNodeId, destinationNodeId, chosen, fallbacks, initiationDelaySeconds, attempts, excluded };
    if (failure !== undefined) plain.failure = failure;
    return plain;
  }
}

export function analyzeAllPairs(topology: Topology, options?: AllPairsOptions): AllPairsResult {
  const { timeout } = normaliseOptions(options);
  const p = prepare(topology);
  const nodeIds = topology.nodes.map((n) => n.id);
  const pairs: AllPairsResult['pairs'] = [];
  for (const s of nodeIds)
    for (const d of nodeIds) {
      if (s === d) continue;
      const failed = nodeCheck(topology, s, d);
      let ws: SelectionCore;
      let legacy: SelectionCore;
      if (failed) {
        ws = failedSelection('ws2025', s, d, failed);
        legacy = failedSelection('legacy', s, d, failed);
      } else {
        const paths = rankedPaths(p, s, d, null);
        legacy = legacyCore(p, s, d, paths, timeout);
        ws = ws2025Core(paths); // takes the chosen path off the list: after legacyCore

      }
      pairs.push({
        sourceNodeId: s,
        destinationNodeId: d,
        ws2025: new LazySelection(topology, timeout, 'ws2025', s, d, ws),
        legacy: new LazySelection(topology, timeout, 'legacy', s, d, legacy),
      });
    }
  return { nodeIds, pairs, summary: summarise(pairs) };
}

export function summarise(pairs: AllPairsResult['pairs']): AllPairsSummary {
  const s: AllPairsSummary = {
    pairCount: pairs.length,
    noPath: { ws2025: 0, legacy: 0 },
    maxLegacyDelaySeconds: 0,
    meanLegacyDelaySeconds: 0,
    routedChosen: 0,
    singlePath: { ws2025: 0, legacy: 0 },
  };
  let total = 0;
  for (const pair of pairs) {
    for (const mode of ['ws2025', 'legacy'] as const) {
      const sel = pair[mode];
      if (!sel.chosen) s.noPath[mode]++;
      else if (sel.fallbacks.length === 0) s.singlePath[mode]++;
    }
    if (pair.ws2025.chosen?.kind === 'routed') s.routedChosen++;
    total += pair.legacy.initiationDelaySeconds;
    s.maxLegacyDelaySeconds = Math.max(s.maxLegacyDelaySeconds, pair.legacy.initiationDelaySeconds);
  }
  s.meanLegacyDelaySeconds = pairs.length ? total / pairs.length : 0;
  return s;
}

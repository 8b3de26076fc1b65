/**
 * What Windows Server 2025 changes for a topology, in numbers: the legacy search waits one
 * timeout per network tried, 2025 connects at once and also finds routed paths.
 *
 * Waiting and never migrating are counted apart: a pair that never connects is not "waiting",
 * and its give-up time is not a start delay (so it stays out of the mean and the worst delay).
 * Read from the public all-pairs result only.
 */
import { PAIR_FAILURES } from './allPairs';
import type { AllPairsResult } from '../model/types';

export interface ModeComparison {
  pairCount: number;
  /** Pairs legacy connects after at least one timeout. */
  legacyWaiting: number;
  /** The "long wait" threshold: two timeouts (40 s by default). */
  longWaitSeconds: number;
  /** Pairs legacy connects whose start delay reaches longWaitSeconds. */
  legacyLongWait: number;
  /** Pairs legacy connects (at once or after timeouts). */
  legacyConnected: number;
  /** Mean and largest start delay of the pairs legacy connects (0 when none does). */
  legacyMeanDelaySeconds: number;
  legacyMaxDelaySeconds: number;
  /** Pairs legacy never migrates although both nodes are up: every network timed out (or none was enabled). */
  legacyNever: number;
  /** The longest time legacy spends trying before it gives up on such a pair. */
  legacyGiveUpSeconds: number;
  /** Seconds waited in legacy, summed over every pair (give-ups included). */
  legacyTotalSeconds: number;
  noPath: { ws2025: number; legacy: number };
  /** Pairs legacy cannot migrate at all but 2025 can (through routers). */
  rescuedBy2025: number;
  /** Pairs connected in both modes whose chosen network differs. */
  differentNetwork: number;
}

/** The compact failure code of 'no-path' (1 + its index in PAIR_FAILURES); node checks have larger codes. */
const NO_PATH_CODE = 1 + PAIR_FAILURES.indexOf('no-path');

export function compareModes(result: AllPairsResult, legacyTimeoutSeconds: number): ModeComparison {
  const c: ModeComparison = {
    pairCount: result.pairCount,
    legacyWaiting: 0,
    longWaitSeconds: 2 * legacyTimeoutSeconds,
    legacyLongWait: 0,
    legacyConnected: 0,
    legacyMeanDelaySeconds: 0,
    legacyMaxDelaySeconds: 0,
    legacyNever: 0,
    legacyGiveUpSeconds: 0,
    legacyTotalSeconds: 0,
    noPath: { ws2025: 0, legacy: 0 },
    rescuedBy2025: 0,
    differentNetwork: 0,
  };
  let connectedSeconds = 0;
  // Per pair and mode: 0 = a path was chosen, 1 = no path (the pair never migrates), larger = a node check failed.
  const { failure, sourceNetwork, legacyDelay } = result.compact;
  for (let k = 0; k < result.pairCount; k++) {
    const delay = legacyDelay[k]!;
    const ws = failure[2 * k] === 0;
    const legacy = failure[2 * k + 1] === 0;
    c.legacyTotalSeconds += delay;
    if (legacy) {
      c.legacyConnected++;
      connectedSeconds += delay;
      c.legacyMaxDelaySeconds = Math.max(c.legacyMaxDelaySeconds, delay);
      if (delay > 0) c.legacyWaiting++;
      if (delay > 0 && delay >= c.longWaitSeconds) c.legacyLongWait++;
    } else if (failure[2 * k + 1] === NO_PATH_CODE) {
      c.legacyNever++;
      c.legacyGiveUpSeconds = Math.max(c.legacyGiveUpSeconds, delay);
    }
    if (!ws) c.noPath.ws2025++;
    if (!legacy) c.noPath.legacy++;
    if (ws && !legacy) c.rescuedBy2025++;
    if (ws && legacy && sourceNetwork[2 * k] !== sourceNetwork[2 * k + 1]) c.differentNetwork++;
  }
  c.legacyMeanDelaySeconds = c.legacyConnected ? connectedSeconds / c.legacyConnected : 0;
  return c;
}

/**
 * What Windows Server 2025 changes for a topology, in numbers: the legacy search waits one
 * timeout per network tried, 2025 connects at once and also finds routed paths.
 */
import type { AllPairsResult } from '../types';

export interface ModeComparison {
  pairCount: number;
  /** Pairs whose legacy search times out at least once before connecting or giving up. */
  legacyWaiting: number;
  /** The "long wait" threshold: two timeouts (40 s by default). */
  longWaitSeconds: number;
  /** Pairs whose legacy initiation delay reaches longWaitSeconds. */
  legacyLongWait: number;
  /** Seconds waited in legacy, summed over every pair. */
  legacyTotalSeconds: number;
  noPath: { ws2025: number; legacy: number };
  /** Pairs legacy cannot migrate at all but 2025 can (through routers). */
  rescuedBy2025: number;
  /** Pairs connected in both modes whose chosen network differs. */
  differentNetwork: number;
}

export function compareModes(result: AllPairsResult, legacyTimeoutSeconds: number): ModeComparison {
  const c: ModeComparison = {
    pairCount: result.pairCount,
    legacyWaiting: 0,
    longWaitSeconds: 2 * legacyTimeoutSeconds,
    legacyLongWait: 0,
    legacyTotalSeconds: 0,
    noPath: { ws2025: 0, legacy: 0 },
    rescuedBy2025: 0,
    differentNetwork: 0,
  };
  const { failure, sourceNetwork, legacyDelay } = result.compact;
  for (let k = 0; k < result.pairCount; k++) {
    const delay = legacyDelay[k]!;
    const ws = failure[2 * k] === 0;
    const legacy = failure[2 * k + 1] === 0;
    c.legacyTotalSeconds += delay;
    if (delay > 0) c.legacyWaiting++;
    if (delay > 0 && delay >= c.longWaitSeconds) c.legacyLongWait++;
    if (!ws) c.noPath.ws2025++;
    if (!legacy) c.noPath.legacy++;
    if (ws && !legacy) c.rescuedBy2025++;
    if (ws && legacy && sourceNetwork[2 * k] !== sourceNetwork[2 * k + 1]) c.differentNetwork++;
  }
  return c;
}

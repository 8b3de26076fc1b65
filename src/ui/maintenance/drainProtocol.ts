/** Messages between the page and the every-node worker (plain, structured-clonable data). */
import type { EveryNodeResult, TopologyDocument } from '../../engine';

export interface EveryNodeRequest {
  id: number;
  document: TopologyDocument;
  legacyTimeoutSeconds: number;
}

export type EveryNodeResponse = { id: number; ok: true; result: EveryNodeResult } | { id: number; ok: false; error: string };

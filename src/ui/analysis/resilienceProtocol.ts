/** Messages between the page and the N-1 worker (plain, structured-clonable data). */
import type { ResilienceReport, TopologyDocument } from '../../engine';

export interface ResilienceRequest {
  id: number;
  document: TopologyDocument;
  legacyTimeoutSeconds: number;
}

export type ResilienceResponse = { id: number; ok: true; report: ResilienceReport } | { id: number; ok: false; error: string };

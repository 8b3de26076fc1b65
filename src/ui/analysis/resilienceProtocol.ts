/** Messages between the page and the N-1 worker (plain, structured-clonable data). */
import type { ResilienceReport, TopologyDocument } from '../../engine';

export interface ResilienceRequest {
  id: number;
  document: TopologyDocument;
  legacyTimeoutSeconds: number;
}

export type ResilienceResponse = { id: number; ok: true; report: ResilienceReport } | { id: number; ok: false; error: string };

/** The sections the analysis reads (format 1.0 and 1.1): not the layout, not fields this app does not know. */
const ANALYSED = ['format', 'version', 'sites', 'nodes', 'nics', 'networks', 'routers', 'liveMigration', 'vms', 'planning'] as const;

/**
 * What the worker is sent: only what it needs. Unknown top-level fields are kept by design and
 * may be large or deep; copying them into the worker once overflowed the stack (white page).
 */
export function analysisDocument(doc: TopologyDocument): TopologyDocument {
  const out: Record<string, unknown> = {};
  for (const key of ANALYSED) if (Object.hasOwn(doc, key)) out[key] = (doc as unknown as Record<string, unknown>)[key];
  return out as unknown as TopologyDocument;
}

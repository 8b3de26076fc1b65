/**
 * Analyses of a whole design off the main thread (N-1, every node in turn): the messages between
 * the page and a worker, and the worker's answer. Plain, structured-clonable data; no React, so a
 * worker entry imports it alone.
 */
import { parseTopology, type Topology, type TopologyDocument } from '../../engine';

export interface OffThreadRequest {
  id: number;
  document: TopologyDocument;
  legacyTimeoutSeconds: number;
}

export type OffThreadResponse<R> = { id: number; ok: true; value: R } | { id: number; ok: false; error: string };

/** An analysis of a parsed topology, as the engine exports it (analyzeResilience, drainEveryNode). */
export type Analysis<R> = (t: Topology, o: { legacyTimeoutSeconds: number }) => R;

/** The sections the analyses read (format 1.0 and 1.1): not the layout, not fields this app does not know. */
const ANALYSED = ['format', 'version', 'sites', 'nodes', 'nics', 'networks', 'routers', 'liveMigration', 'vms', 'planning'] as const;

/**
 * What a worker is sent: only what it needs. Unknown top-level fields are kept by design and
 * may be large or deep; copying them into the worker once overflowed the stack (white page).
 */
export function analysisDocument(doc: TopologyDocument): TopologyDocument {
  const out: Record<string, unknown> = {};
  for (const key of ANALYSED) if (Object.hasOwn(doc, key)) out[key] = (doc as unknown as Record<string, unknown>)[key];
  return out as unknown as TopologyDocument;
}

/** The worker's answer to one request: the document parsed again, then the analysis. */
export function answer<R>(request: OffThreadRequest, analysis: Analysis<R>): OffThreadResponse<R> {
  const { id, document, legacyTimeoutSeconds } = request;
  const parsed = parseTopology(document);
  if (!parsed.ok) return { id, ok: false, error: parsed.errors[0]?.message ?? 'The topology could not be read.' };
  try {
    return { id, ok: true, value: analysis(parsed.topology, { legacyTimeoutSeconds }) };
  } catch (err) {
    return { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** A worker entry's whole body: `serve(analyzeResilience)`. */
export function serve<R>(analysis: Analysis<R>): void {
  const scope = self as unknown as { postMessage(m: OffThreadResponse<R>): void; onmessage: ((e: MessageEvent<OffThreadRequest>) => void) | null };
  scope.onmessage = (e) => scope.postMessage(answer(e.data, analysis));
}

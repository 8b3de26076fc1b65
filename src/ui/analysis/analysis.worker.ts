/**
 * N-1 analysis off the main thread: at 64 nodes it takes a few hundred milliseconds, which would
 * freeze the page after each edit. Receives the design document, answers with the report.
 */
import { analyzeResilience, parseTopology } from '../../engine';
import type { ResilienceRequest, ResilienceResponse } from './resilienceProtocol';

const post = (m: ResilienceResponse): void => (self as unknown as { postMessage(m: ResilienceResponse): void }).postMessage(m);

self.onmessage = (e: MessageEvent<ResilienceRequest>) => {
  const { id, document, legacyTimeoutSeconds } = e.data;
  const parsed = parseTopology(document);
  if (!parsed.ok) return post({ id, ok: false, error: parsed.errors[0]?.message ?? 'The topology could not be read.' });
  try {
    post({ id, ok: true, report: analyzeResilience(parsed.topology, { legacyTimeoutSeconds }) });
  } catch (err) {
    post({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};

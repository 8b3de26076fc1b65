/**
 * Every node in turn off the main thread: 64 drains of a large cluster take a few hundred
 * milliseconds, which would freeze the page after each edit. Receives the document, answers with the table.
 */
import { drainEveryNode, parseTopology } from '../../engine';
import type { EveryNodeRequest, EveryNodeResponse } from './drainProtocol';

const post = (m: EveryNodeResponse): void => (self as unknown as { postMessage(m: EveryNodeResponse): void }).postMessage(m);

self.onmessage = (e: MessageEvent<EveryNodeRequest>) => {
  const { id, document, legacyTimeoutSeconds } = e.data;
  const parsed = parseTopology(document);
  if (!parsed.ok) return post({ id, ok: false, error: parsed.errors[0]?.message ?? 'The topology could not be read.' });
  try {
    post({ id, ok: true, result: drainEveryNode(parsed.topology, { legacyTimeoutSeconds }) });
  } catch (err) {
    post({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};

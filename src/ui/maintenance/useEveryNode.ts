/**
 * Every node in turn, for the topology the paths are computed on. In a Web Worker where there is
 * one (a request for an older topology is dropped with its worker); in place, after a paint,
 * where there is none (the component tests' jsdom). As useResilience does for N-1.
 */
import { useEffect, useRef, useState } from 'react';
import { drainEveryNode, type EveryNodeResult, type Topology } from '../../engine';
import { useApp } from '../StoreContext';
import type { EveryNodeRequest, EveryNodeResponse } from './drainProtocol';
import { startDrainWorker } from './startDrainWorker';

export interface EveryNodeState {
  result: EveryNodeResult | null;
  topology: Topology | null;
  pending: boolean;
  error: string | null;
}

export function useEveryNode(): EveryNodeState {
  const t = useApp((s) => s.effective);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  const [done, setDone] = useState<{ for: Topology; timeout: number; result: EveryNodeResult | null; error: string | null } | null>(null);
  const worker = useRef<{ w: Worker; busy: boolean } | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const id = ++seq.current;
    const finish = (result: EveryNodeResult | null, error: string | null): void => {
      if (id === seq.current) setDone({ for: t, timeout, result, error });
    };
    if (worker.current?.busy) {
      worker.current.w.terminate();
      worker.current = null;
    }
    if (!worker.current) {
      const w = startDrainWorker();
      if (w) worker.current = { w, busy: false };
    }
    const current = worker.current;
    if (!current) {
      const timer = setTimeout(() => {
        try {
          finish(drainEveryNode(t, { legacyTimeoutSeconds: timeout }), null);
        } catch (e) {
          finish(null, e instanceof Error ? e.message : String(e));
        }
      }, 0);
      return () => clearTimeout(timer);
    }
    current.busy = true;
    current.w.onmessage = (e: MessageEvent<EveryNodeResponse>) => {
      if (e.data.id !== id) return;
      current.busy = false;
      finish(e.data.ok ? e.data.result : null, e.data.ok ? null : e.data.error);
    };
    current.w.onerror = (e) => {
      current.busy = false;
      finish(null, e.message || 'The estimate failed.');
    };
    const request: EveryNodeRequest = { id, document: t.document, legacyTimeoutSeconds: timeout };
    current.w.postMessage(request);
    return undefined;
  }, [t, timeout]);

  useEffect(
    () => () => {
      worker.current?.w.terminate();
      worker.current = null;
    },
    [],
  );

  const fresh = done !== null && done.for === t && done.timeout === timeout;
  return { result: done?.result ?? null, topology: done?.for ?? null, pending: !fresh, error: fresh ? done.error : null };
}

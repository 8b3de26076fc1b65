/**
 * The N-1 report of the design (not of the what-if state: the list stays put while the user
 * fails its entries one by one to look at them). Computed in a Web Worker where there is one;
 * in place (after a paint) where there is none, as in the component tests' jsdom.
 */
import { useEffect, useRef, useState } from 'react';
import { analyzeResilience, type ResilienceReport, type Topology } from '../../engine';
import { useApp } from '../StoreContext';
import { analysisDocument, type ResilienceRequest, type ResilienceResponse } from './resilienceProtocol';
import { startWorker } from './startWorker';

export interface ResilienceState {
  /** The report for `topology`, or the previous one while a new one is computed. */
  report: ResilienceReport | null;
  /** The topology the report describes (names are looked up in it). */
  topology: Topology | null;
  pending: boolean;
  error: string | null;
}


export function useResilience(): ResilienceState {
  const design = useApp((s) => s.design);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  const [done, setDone] = useState<{ for: Topology; timeout: number; report: ResilienceReport | null; error: string | null } | null>(null);
  const worker = useRef<{ w: Worker; busy: boolean } | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const id = ++seq.current;
    const finish = (report: ResilienceReport | null, error: string | null): void => {
      if (id === seq.current) setDone({ for: design, timeout, report, error });
    };
    // A request still running is for an older design: drop that worker rather than wait for it.
    if (worker.current?.busy) {
      worker.current.w.terminate();
      worker.current = null;
    }
    if (!worker.current) {
      const w = startWorker();
      if (w) worker.current = { w, busy: false };
    }
    const current = worker.current;
    if (!current) {
      const timer = setTimeout(() => {
        try {
          finish(analyzeResilience(design, { legacyTimeoutSeconds: timeout }), null);
        } catch (e) {
          finish(null, e instanceof Error ? e.message : String(e));
        }
      }, 0);
      return () => clearTimeout(timer);
    }
    current.busy = true;
    current.w.onmessage = (e: MessageEvent<ResilienceResponse>) => {
      if (e.data.id !== id) return;
      current.busy = false;
      finish(e.data.ok ? e.data.report : null, e.data.ok ? null : e.data.error);
    };
    current.w.onerror = (e) => {
      current.busy = false;
      finish(null, e.message || 'The analysis failed.');
    };
    const request: ResilienceRequest = { id, document: analysisDocument(design.document), legacyTimeoutSeconds: timeout };
    try {
      current.w.postMessage(request);
    } catch (e) {
      current.busy = false;
      finish(null, `The analysis could not be started (${e instanceof Error ? e.message : String(e)}).`);
    }
    return undefined;
  }, [design, timeout]);

  useEffect(
    () => () => {
      worker.current?.w.terminate();
      worker.current = null;
    },
    [],
  );

  const fresh = done !== null && done.for === design && done.timeout === timeout;
  return { report: done?.report ?? null, topology: done?.for ?? null, pending: !fresh, error: fresh ? done.error : null };
}

/**
 * A whole-design analysis computed in a Web Worker where there is one, in place (after a paint)
 * where there is none, as in the component tests' jsdom. A request still running is for an older
 * design: its worker is dropped rather than waited for, and only the latest request's answer counts.
 */
import { useEffect, useRef, useState } from 'react';
import type { Topology } from '../../engine';
import { analysisDocument, type Analysis, type OffThreadRequest, type OffThreadResponse } from './offThreadProtocol';

export interface OffThreadState<R> {
  /** The result for `topology`, or the previous one while a new one is computed. */
  value: R | null;
  /** The topology the result describes (names are looked up in it). */
  topology: Topology | null;
  pending: boolean;
  error: string | null;
}

/**
 * `start` makes the worker (null where there is none); `analysis` is the same function the worker
 * serves, run in place without one; `failure` is the message when the worker itself fails.
 */
/**
 * Results kept per analysis, topology and timeout while the topology lives: a tab opened again on
 * the same design shows its result at once instead of computing it again (the N-1 analysis of the
 * largest design is seconds of a worker's time on the same 2 cores, and ≈ 0.25 s of the page's to
 * receive: issue 24, round 4).
 */
const kept = new WeakMap<Analysis<unknown>, WeakMap<Topology, Map<number, unknown>>>();

function keptFor<R>(analysis: Analysis<R>, topology: Topology, timeout: number): { value: R } | null {
  const byTimeout = kept.get(analysis as Analysis<unknown>)?.get(topology);
  return byTimeout?.has(timeout) ? { value: byTimeout.get(timeout) as R } : null;
}

function keep<R>(analysis: Analysis<R>, topology: Topology, timeout: number, value: R): void {
  let byTopology = kept.get(analysis as Analysis<unknown>);
  if (!byTopology) kept.set(analysis as Analysis<unknown>, (byTopology = new WeakMap()));
  let byTimeout = byTopology.get(topology);
  if (!byTopology.has(topology)) byTopology.set(topology, (byTimeout = new Map()));
  byTimeout!.set(timeout, value);
}

export function useOffThread<R>(topology: Topology, timeout: number, start: () => Worker | null, analysis: Analysis<R>, failure: string): OffThreadState<R> {
  const [done, setDone] = useState<{ for: Topology; timeout: number; value: R | null; error: string | null } | null>(null);
  const worker = useRef<{ w: Worker; busy: boolean } | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const id = ++seq.current;
    // Computed before (this design, maybe another mount): shown as it is (below); an older request's answer no longer counts.
    if (keptFor(analysis, topology, timeout)) return undefined;
    const finish = (value: R | null, error: string | null): void => {
      if (error === null) keep(analysis, topology, timeout, value as R);
      if (id === seq.current) setDone({ for: topology, timeout, value, error });
    };
    if (worker.current?.busy) {
      worker.current.w.terminate();
      worker.current = null;
    }
    if (!worker.current) {
      const w = start();
      if (w) worker.current = { w, busy: false };
    }
    const current = worker.current;
    if (!current) {
      const timer = setTimeout(() => {
        try {
          finish(analysis(topology, { legacyTimeoutSeconds: timeout }), null);
        } catch (e) {
          finish(null, e instanceof Error ? e.message : String(e));
        }
      }, 0);
      return () => clearTimeout(timer);
    }
    current.busy = true;
    current.w.onmessage = (e: MessageEvent<OffThreadResponse<R>>) => {
      if (e.data.id !== id) return;
      current.busy = false;
      finish(e.data.ok ? e.data.value : null, e.data.ok ? null : e.data.error);
    };
    current.w.onerror = (e) => {
      current.busy = false;
      finish(null, e.message || failure);
    };
    const request: OffThreadRequest = { id, document: analysisDocument(topology.document), legacyTimeoutSeconds: timeout };
    try {
      current.w.postMessage(request);
    } catch (e) {
      current.busy = false;
      finish(null, `The analysis could not be started (${e instanceof Error ? e.message : String(e)}).`);
    }
    return undefined;
  }, [topology, timeout, start, analysis, failure]);

  useEffect(
    () => () => {
      worker.current?.w.terminate();
      worker.current = null;
    },
    [],
  );

  const k = keptFor(analysis, topology, timeout);
  if (k) return { value: k.value, topology, pending: false, error: null };
  const fresh = done !== null && done.for === topology && done.timeout === timeout;
  return { value: done?.value ?? null, topology: done?.for ?? null, pending: !fresh, error: fresh ? done.error : null };
}

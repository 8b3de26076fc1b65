/**
 * Where a store change's time goes on the canvas (issue 25): spans the benchmark reads through the
 * test handle (`window.__lmpv.timing`). Off by default: then `timed` is one property read and a
 * call, nothing is recorded, and nothing is kept.
 */
export interface Span {
  name: string;
  /** performance.now() at the start. */
  start: number;
  ms: number;
}

export interface Timing {
  on: boolean;
  spans: Span[];
}

export const timing: Timing = { on: false, spans: [] };

/** Runs `fn`, recording how long it took under `name` while timing is on. */
export function timed<T>(name: string, fn: () => T): T {
  if (!timing.on) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    timing.spans.push({ name, start, ms: performance.now() - start });
  }
}

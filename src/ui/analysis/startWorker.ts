/** The N-1 worker, loaded from its own file (the single-file build swaps in startWorker.single.ts). */
export function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

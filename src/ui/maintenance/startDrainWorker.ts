/** The every-node-in-turn worker, loaded from its own file (the single-file build swaps in startDrainWorker.single.ts). */
export function startDrainWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./drain.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

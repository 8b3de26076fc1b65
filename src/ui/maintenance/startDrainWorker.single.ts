/**
 * The every-node-in-turn worker of the single-file build: inlined in the page and started from a
 * blob: URL (Vite's `?worker&inline`), as startWorker.single.ts does for N-1.
 */
import DrainWorker from './drain.worker.ts?worker&inline';

export function startDrainWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new DrainWorker();
  } catch {
    return null;
  }
}

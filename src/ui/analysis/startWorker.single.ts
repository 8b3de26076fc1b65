/**
 * The N-1 worker of the single-file build: its code is inlined in the page and started from a
 * blob: URL (Vite's `?worker&inline`), which a page opened from file:// may do, where loading a
 * worker script from the disk is refused.
 */
import AnalysisWorker from './analysis.worker.ts?worker&inline';

export function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new AnalysisWorker();
  } catch {
    return null;
  }
}

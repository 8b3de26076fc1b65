/**
 * The N-1 report of the design (not of the what-if state: the list stays put while the user
 * fails its entries one by one to look at them), computed off the main thread (../common/useOffThread.ts).
 */
import { analyzeResilience, type ResilienceReport, type Topology } from '../../engine';
import { resilienceDesign } from '../../store/derived';
import { useOffThread } from '../common/useOffThread';
import { useApp } from '../StoreContext';
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
  // Kept across edits that change neither paths nor names (a VM's memory): no new analysis.
  const design = useApp(resilienceDesign);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  const { value, ...rest } = useOffThread(design, timeout, startWorker, analyzeResilience, 'The analysis failed.');
  return { report: value, ...rest };
}

/**
 * Every node in turn, for the topology the paths are computed on (with the what-if failures),
 * computed off the main thread as N-1 is (../common/useOffThread.ts).
 */
import { drainEveryNode, type EveryNodeResult, type Topology } from '../../engine';
import { useOffThread } from '../common/useOffThread';
import { useApp } from '../StoreContext';
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
  const { value, ...rest } = useOffThread(t, timeout, startDrainWorker, drainEveryNode, 'The estimate failed.');
  return { result: value, ...rest };
}

/** Small named hooks over the store's derived state (src/store/derived.ts: one home per store). */
import type { AllPairsResult, Selection } from '../engine';
import { activeSelection, allPairs, pairSelections, type PairSelections } from '../store/derived';
import { useApp } from './StoreContext';

export type { PairSelections };

/** The selection for the chosen pair in both modes, or null while the pair is incomplete. */
export function usePairSelections(): PairSelections | null {
  return useApp(pairSelections);
}

/** The selection in the mode the user is looking at. */
export function useActiveSelection(): Selection | null {
  return useApp(activeSelection);
}

/** All pairs of the effective topology, computed once per topology and timeout (the matrix and the report share it). */
export function useAllPairs(): AllPairsResult {
  return useApp(allPairs);
}

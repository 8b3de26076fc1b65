/** Small named hooks over the store; derived results are memoised on their inputs. */
import { useMemo } from 'react';
import { analyzeAllPairs, runChecks, type AllPairsResult, type Diagnostic, type Selection, type Topology } from '../engine';
import { activeSelection, pairSelections, type PairSelections } from '../store/selectors';
import { pathTestOf } from '../engine/io/verify/kept';
import { useApp } from './StoreContext';

export type { PairSelections };

/** The selection for the chosen pair in both modes, or null while the pair is incomplete (src/store/selectors.ts). */
export function usePairSelections(): PairSelections | null {
  return useApp(pairSelections);
}

/** The selection in the mode the user is looking at (src/store/selectors.ts). */
export function useActiveSelection(): Selection | null {
  return useApp(activeSelection);
}

/** All pairs of a topology, computed once per topology and timeout (the matrix and the checks share it). */
const allPairsCache = new WeakMap<Topology, Map<number, AllPairsResult>>();
export function allPairsOf(topology: Topology, timeout: number): AllPairsResult {
  let byTimeout = allPairsCache.get(topology);
  if (!byTimeout) allPairsCache.set(topology, (byTimeout = new Map()));
  let r = byTimeout.get(timeout);
  if (!r) byTimeout.set(timeout, (r = analyzeAllPairs(topology, { legacyTimeoutSeconds: timeout })));
  return r;
}

/**
 * The cluster checks of a design, computed once per design (the tab badge and the panel share
 * them), on the all-pairs result the matrix uses too. The checks read the choices and whether a
 * path exists, which the legacy timeout does not change.
 */
const checksCache = new WeakMap<Topology, Diagnostic[]>();
export function checksOf(design: Topology, timeout: number): Diagnostic[] {
  let c = checksCache.get(design);
  // The path test's mismatches (issue 23) are findings of the design too.
  if (!c) checksCache.set(design, (c = [...runChecks(design, allPairsOf(design, timeout)), ...(pathTestOf(design)?.comparison.findings ?? [])]));
  return c;
}

export function useAllPairs(): AllPairsResult {
  const topology = useApp((s) => s.effective);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  return useMemo(() => allPairsOf(topology, timeout), [topology, timeout]);
}

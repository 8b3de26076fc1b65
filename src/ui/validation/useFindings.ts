/** The validation panel's findings: the parser's diagnostics, the cluster checks, and their fixes. */
import { useMemo } from 'react';
import { runChecks, type Diagnostic, type Topology } from '../../engine';
import { fixFor, type Fix } from '../../engine/edit';
import { allPairsOf } from '../hooks';
import { useApp } from '../StoreContext';

export interface Finding {
  diagnostic: Diagnostic;
  fix: Fix | null;
}

/**
 * The cluster checks of a design, computed once per design (the tab badge and the panel share
 * them), on the all-pairs result the matrix uses too. The checks read the choices and whether a
 * path exists, which the legacy timeout does not change.
 */
const checksCache = new WeakMap<Topology, Diagnostic[]>();
function checksOf(design: Topology, timeout: number): Diagnostic[] {
  let c = checksCache.get(design);
  if (!c) checksCache.set(design, (c = runChecks(design, allPairsOf(design, timeout))));
  return c;
}

/** How many findings the panel lists (for the tab badge), without computing their fixes. */
export function useFindingCount(): number {
  const design = useApp((s) => s.design);
  const diagnostics = useApp((s) => s.diagnostics.length);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  return useMemo(() => diagnostics + checksOf(design, timeout).length, [design, diagnostics, timeout]);
}

export function useFindings(): Finding[] {
  const design = useApp((s) => s.design);
  const diagnostics = useApp((s) => s.diagnostics);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  return useMemo(() => {
    const all = [...diagnostics, ...checksOf(design, timeout)];
    return all.map((d) => ({ diagnostic: d, fix: fixFor(design, d) }));
  }, [design, diagnostics, timeout]);
}

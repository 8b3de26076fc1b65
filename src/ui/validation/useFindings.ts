/** The validation panel's findings: the parser's diagnostics, the cluster checks, and their fixes. */
import { useMemo } from 'react';
import { runChecks, type Diagnostic, type Topology } from '../../engine';
import { fixFor, type Fix } from '../../engine/edit';
import { useApp } from '../StoreContext';

export interface Finding {
  diagnostic: Diagnostic;
  fix: Fix | null;
}

/** The cluster checks of a design, computed once per design (the tab badge and the panel share them). */
const checksCache = new WeakMap<Topology, Diagnostic[]>();
function checksOf(design: Topology): Diagnostic[] {
  let c = checksCache.get(design);
  if (!c) checksCache.set(design, (c = runChecks(design)));
  return c;
}

/** How many findings the panel lists (for the tab badge), without computing their fixes. */
export function useFindingCount(): number {
  const design = useApp((s) => s.design);
  const diagnostics = useApp((s) => s.diagnostics.length);
  return useMemo(() => diagnostics + checksOf(design).length, [design, diagnostics]);
}

export function useFindings(): Finding[] {
  const design = useApp((s) => s.design);
  const diagnostics = useApp((s) => s.diagnostics);
  return useMemo(() => {
    const all = [...diagnostics, ...checksOf(design)];
    return all.map((d) => ({ diagnostic: d, fix: fixFor(design, d) }));
  }, [design, diagnostics]);
}

/** The validation panel's findings: the parser's diagnostics, the cluster checks, and their fixes. */
import { useMemo } from 'react';
import { runChecks, type Diagnostic } from '../../engine';
import { fixFor, type Fix } from '../../engine/edit';
import { useApp } from '../StoreContext';

export interface Finding {
  diagnostic: Diagnostic;
  fix: Fix | null;
}

export function useFindings(): Finding[] {
  const design = useApp((s) => s.design);
  const diagnostics = useApp((s) => s.diagnostics);
  return useMemo(() => {
    const all = [...diagnostics, ...runChecks(design)];
    return all.map((d) => ({ diagnostic: d, fix: fixFor(design, d) }));
  }, [design, diagnostics]);
}

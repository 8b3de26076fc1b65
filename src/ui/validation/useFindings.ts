/** The validation panel's findings: the parser's diagnostics, the cluster checks, and their fixes. */
import { useMemo } from 'react';
import type { Diagnostic } from '../../engine';
import { fixFor, type Fix } from '../../engine/edit';
import { checksOf } from '../hooks';
import { useApp } from '../StoreContext';

export interface Finding {
  diagnostic: Diagnostic;
  fix: Fix | null;
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

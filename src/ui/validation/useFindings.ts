/** The validation panel's findings: the parser's diagnostics, the cluster checks, and their fixes. */
import { useMemo } from 'react';
import type { Diagnostic } from '../../engine';
import { fixFor, type Fix } from '../../engine/edit';
import { checks } from '../../store/derived';
import { useApp } from '../StoreContext';

export interface Finding {
  diagnostic: Diagnostic;
  fix: Fix | null;
}

/** How many findings the panel lists (for the tab badge), without computing their fixes. */
export function useFindingCount(): number {
  const diagnostics = useApp((s) => s.diagnostics.length);
  return diagnostics + useApp(checks).length;
}

export function useFindings(): Finding[] {
  const design = useApp((s) => s.design);
  const diagnostics = useApp((s) => s.diagnostics);
  const found = useApp(checks);
  return useMemo(() => [...diagnostics, ...found].map((d) => ({ diagnostic: d, fix: fixFor(design, d) })), [design, diagnostics, found]);
}

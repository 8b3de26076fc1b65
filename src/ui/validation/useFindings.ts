/**
 * The validation panel's findings: the parser's diagnostics and the cluster checks, and their
 * fixes — each fix computed when its finding is shown (or its group fixed), once per design: a
 * broken design of the largest size has 14,336 findings of which the panel shows 200, and
 * computing every fix froze the tab.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Diagnostic, Topology } from '../../engine';
import { fixFor, type Fix } from '../../engine/edit';
import { checks, checksSoon, subscribeChecks } from '../../store/derived';
import { useApp, useAppStore } from '../StoreContext';

export interface Finding {
  diagnostic: Diagnostic;
  fix: Fix | null;
}

/**
 * How many findings the panel lists (for the tab badge), without computing their fixes; null
 * while the design's checks are still to come (`checksSoon`: a task after the load or the edit).
 */
export function useFindingCount(): number | null {
  const store = useAppStore();
  const diagnostics = useApp((s) => s.diagnostics.length);
  const subscribe = useCallback((heard: () => void) => {
    const a = store.subscribe(heard);
    const b = subscribeChecks(store.getState(), heard);
    return () => {
      a();
      b();
    };
  }, [store]);
  const found = useSyncExternalStore(subscribe, () => checksSoon(store.getState()));
  return found === null ? null : diagnostics + found.length;
}

export interface Findings {
  list: Diagnostic[];
  /** A finding's fix (null: none), computed on first use and kept for this design. */
  fixOf: (d: Diagnostic) => Fix | null;
}

/** Fixes computed for a design: a fix depends on the design and the finding alone. */
export function fixCache(design: Topology): (d: Diagnostic) => Fix | null {
  const known = new Map<Diagnostic, Fix | null>();
  return (d) => {
    let f = known.get(d);
    if (f === undefined) {
      f = fixFor(design, d);
      known.set(d, f);
    }
    return f;
  };
}

export function useFindings(): Findings {
  const design = useApp((s) => s.design);
  const diagnostics = useApp((s) => s.diagnostics);
  const found = useApp(checks);
  const list = useMemo(() => [...diagnostics, ...found], [diagnostics, found]);
  const fixOf = useMemo(() => fixCache(design), [design]);
  return { list, fixOf };
}

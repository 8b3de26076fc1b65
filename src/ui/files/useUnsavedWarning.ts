/**
 * Closing or reloading the tab with unsaved changes asks first (the browser's own "Leave site?"
 * question; browsers show their own words, not ours). The autosave keeps the work either way; the
 * question is for the file the user thinks they saved.
 */
import { useEffect } from 'react';
import { useAppStore } from '../StoreContext';
// From the frame's one rule, not fileActions: this hook runs on the first visit, which must not load the file commands (test/e2e/bundle.e2e.ts).
import { hasUnsavedWork } from '../frame/unsavedWork';

export function useUnsavedWarning(): void {
  const store = useAppStore();
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent): void => {
      if (!hasUnsavedWork(store.getState())) return;
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [store]);
}

/** Installs the global keyboard shortcuts of the command registry. */
import { useEffect } from 'react';
import { useAppStore } from '../StoreContext';
import { useCanvasApi } from '../CanvasContext';
import { COMMANDS } from './index';
import { findCommand, isTypingTarget, letsThrough, matches } from './shortcuts';

export function useShortcuts(): void {
  const store = useAppStore();
  const canvas = useCanvasApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const cmd = findCommand(COMMANDS, e);
      if (!cmd) return;
      if (isTypingTarget(e.target) && !cmd.shortcuts!.some((s) => matches(s, e) && letsThrough(e.target, s))) return;
      const ctx = { store, canvas };
      // A disabled command leaves the key to the browser (e.g. Ctrl+C copies selected text).
      if (cmd.enabled && !cmd.enabled(ctx)) return;
      e.preventDefault();
      cmd.run(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, canvas]);
}

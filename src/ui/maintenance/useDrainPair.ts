/**
 * While the drain view is open, the diagram shows its pair: the drained node and the destination
 * (the one chosen, or the first VM's). It uses the store's pair preview, so closing the view puts
 * back the pair the user had — unless the user picked another pair meanwhile, which is kept.
 */
import { useEffect } from 'react';
import type { Mode } from '../../engine';
import { useAppStore } from '../StoreContext';

export interface DrainPair {
  sourceNodeId: string;
  destinationNodeId: string;
}

export function useDrainPair(pair: DrainPair | null): void {
  const store = useAppStore();
  const source = pair?.sourceNodeId ?? null;
  const destination = pair?.destinationNodeId ?? null;
  useEffect(() => {
    if (source === null || destination === null) return;
    const { ui, actions } = store.getState();
    const mode: Mode = ui.preview?.mode ?? ui.mode;
    actions.previewPair({ sourceNodeId: source, destinationNodeId: destination, mode });
    return () => {
      const now = store.getState();
      if (!now.ui.preview) return;
      const mine = now.ui.sourceNodeId === source && now.ui.destinationNodeId === destination && now.ui.mode === mode;
      const { sourceNodeId, destinationNodeId, mode: current } = now.ui;
      now.actions.previewPair(null);
      if (mine) return;
      // The user picked another pair (or mode) while the view was open: theirs stays.
      now.actions.setSource(sourceNodeId);
      now.actions.setDestination(destinationNodeId);
      now.actions.setMode(current);
    };
  }, [store, source, destination]);
}

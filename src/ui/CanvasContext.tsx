/** Holds the diagram's API for commands and exports (set by GraphView when it mounts). */
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { CanvasApiHolder } from '../canvas/api';

const CanvasApiContext = createContext<CanvasApiHolder | null>(null);

export function CanvasApiProvider({ children }: { children: ReactNode }) {
  const [holder] = useState<CanvasApiHolder>(() => ({ current: null }));
  return <CanvasApiContext.Provider value={holder}>{children}</CanvasApiContext.Provider>;
}

export function useCanvasApi(): CanvasApiHolder {
  const holder = useContext(CanvasApiContext);
  if (!holder) throw new Error('useCanvasApi needs a <CanvasApiProvider>.');
  return holder;
}

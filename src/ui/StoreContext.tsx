/** The store reaches components through context, so each test and app instance has its own. */
import { createContext, useContext, useDeferredValue, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppActions, AppState, AppStore } from '../store/appStore';

const StoreContext = createContext<AppStore | null>(null);
/** The state the components inside a <Deferred> read (null outside one: they read the store). */
const DeferredState = createContext<AppState | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreProvider>.');
  return store;
}

const nothing = (): null => null;

/**
 * A value from the store's state. Inside a <Deferred>, from the state that subtree shows, which
 * may be a render behind the store.
 */
export function useApp<T>(selector: (s: AppState) => T): T {
  const deferred = useContext(DeferredState);
  const live = useStore(useAppStore(), deferred ? nothing : selector);
  return deferred ? selector(deferred) : (live as T);
}

/** A value from the store's state as it is now, even inside a <Deferred> (a field being typed in). */
export function useLiveApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/**
 * Shows `children` from a deferred copy of the store's state (issue 25): after a click, React
 * first renders what must be in the next frame (the diagram is not React's; the pair's selects),
 * and this subtree a moment later, in a render React may interrupt. For panels that only show
 * derived text (the path, the comparison, the why, the legend), never for a field the user types
 * in or a control whose value must follow at once (those read `useLiveApp`).
 */
export function Deferred({ children }: { children: ReactNode }) {
  const state = useDeferredValue(useStore(useAppStore()));
  return <DeferredState.Provider value={state}>{children}</DeferredState.Provider>;
}

export function useActions(): AppActions {
  return useLiveApp((s) => s.actions);
}

/**
 * Code loaded on demand: what a first visit does not show (dialogs, the analysis tabs, the file
 * formats) is split into chunks the browser fetches when first needed. `lazyNamed` makes a
 * component of a module's named export: before its chunk has arrived it suspends (React.lazy;
 * the nearest Suspense shows its fallback, e.g. `LoadingPanel`); once the chunk is there, it
 * renders at once, without a fallback frame. `preload()` starts the fetch early (on pointing at
 * or focusing what opens it).
 *
 * Hosts show such a component through `WhenLoaded`, which waits for the chunk itself instead of
 * suspending: React holds back a Suspense boundary's content for ≈ 300 ms after its fallback
 * appeared (to avoid flicker), which made every first open take a third of a second.
 */
import { createElement, lazy, useEffect, useReducer, useState, type ComponentType, type ReactNode } from 'react';

export type Preloadable<P> = ComponentType<P> & { preload(): Promise<unknown>; isLoaded(): boolean };

const everyLoad: (() => Promise<unknown>)[] = [];

export function lazyNamed<M, K extends keyof M, P extends object = M[K] extends ComponentType<infer Q> ? (Q extends object ? Q : never) : never>(
  load: () => Promise<M>,
  name: K,
): Preloadable<P> {
  let pending: Promise<M> | null = null;
  let loaded: ComponentType<P> | null = null;
  const once = (): Promise<M> =>
    (pending ??= load().then(
      (m) => {
        loaded = m[name] as unknown as ComponentType<P>;
        return m;
      },
      (e: unknown) => {
        pending = null; // a failed fetch (offline) is tried again next time
        throw e;
      },
    ));
  const Suspending = lazy(() => once().then(() => ({ default: loaded! })));
  function Lazy(props: P) {
    // Fixed for the life of the instance: switching types later would remount what it shows.
    const [direct] = useState(() => loaded);
    return direct ? createElement(direct, props) : createElement(Suspending, props);
  }
  Lazy.preload = once;
  Lazy.isLoaded = (): boolean => loaded !== null;
  everyLoad.push(once);
  return Lazy;
}

/** Loads every lazily loaded component made so far (component tests, which render synchronously). */
export function preloadAll(): Promise<unknown> {
  return Promise.all(everyLoad.map((f) => f()));
}

/** Shown while a lazily loaded panel or the diagram arrives (usually a frame or two). */
export function LoadingPanel({ what }: { what: string }) {
  return (
    <p className="lazy-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** Whether `component` (any component; a `lazyNamed` one may not be loaded yet) can render now; starts loading it when not, and renders again once it can. */
export function useLoaded(component: object): boolean {
  const [, loadedNow] = useReducer((n: number) => n + 1, 0);
  const lazyOne = 'isLoaded' in component ? (component as Preloadable<never>) : null;
  const ready = !lazyOne || lazyOne.isLoaded();
  useEffect(() => {
    if (ready || !lazyOne) return;
    let live = true;
    lazyOne.preload().then(
      () => live && loadedNow(),
      () => {}, // offline: opening it again tries again
    );
    return () => {
      live = false;
    };
  }, [lazyOne, ready]);
  return ready;
}

/** Renders `children()` once `component`'s code is loaded, `fallback` until then. */
export function WhenLoaded({ component, fallback = null, children }: { component: object; fallback?: ReactNode; children: () => ReactNode }) {
  return useLoaded(component) ? children() : fallback;
}

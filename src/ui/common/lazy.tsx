/**
 * Code loaded on demand: what a first visit does not show (dialogs, the analysis tabs, the file
 * formats) is split into chunks the browser fetches when first needed. `lazyNamed` makes a
 * component of a module's named export: before its chunk has arrived it suspends (React.lazy;
 * the nearest Suspense shows its fallback, e.g. `LoadingPanel`); once the chunk is there, it
 * renders at once, without a fallback frame. `preload()` starts the fetch early (on pointing at
 * or focusing what opens it).
 */
import { createElement, lazy, useState, type ComponentType } from 'react';

export type Preloadable<P> = ComponentType<P> & { preload(): Promise<unknown> };

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

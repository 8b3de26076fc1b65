/**
 * `window.__lmpv`: the handle end-to-end tests and the canvas benchmark use to reach the running
 * app — the store, and once the diagram is mounted its cytoscape, the highlight layer's
 * cytoscape (what is lit is drawn there, over the plain diagram), whether the layer is up to
 * date, and the CanvasApi. It is set in
 * production builds too (the benchmark measures the production build); the app never reads it.
 * Tests see it typed once, in test/e2e/handle.ts.
 */
import type { Core } from 'cytoscape';
import type { CanvasApi } from '../canvas/api';
import type { Timing } from '../canvas/timing';
import type { AppStore } from '../store/appStore';

export interface LmpvHandle {
  store: AppStore;
  /** The diagram's cytoscape (while GraphView is mounted). */
  cy?: Core;
  /** The highlight layer's cytoscape (null when headless): copies of what is lit; `data-veil` on its container says whether the rest is faded. */
  overlay?: Core | null;
  /** True when the highlight layer shows the current highlight (names grown for the current zoom). */
  settled?(): boolean;
  canvas?: CanvasApi;
  /** The floating panels' box over the canvas, in canvas pixels, as the fit avoids it (GraphView.tsx `floatingPanel`). */
  floating?(): { x1: number; y1: number; x2: number; y2: number } | null;
  /** The canvas's timing spans (src/canvas/timing.ts): the benchmark turns them on. */
  timing?: Timing;
}

/** The handle, when the page has one (main.tsx installs it; unit and component tests may not). */
export function testHandle(): Partial<LmpvHandle> | undefined {
  return (window as unknown as { __lmpv?: Partial<LmpvHandle> }).__lmpv;
}

export function installTestHandle(store: AppStore): void {
  (window as unknown as { __lmpv?: LmpvHandle }).__lmpv = { store };
}

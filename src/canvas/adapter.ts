/**
 * The cytoscape adapter: creates cy once and puts its three jobs together —
 *   rendering    (./render.ts): store → cytoscape, inside cy.batch(), with the highlight overlay
 *                (./highlightScheduler.ts);
 *   interaction  (./interaction.ts): cytoscape's pointer events → the gesture machine
 *                (./gestureMachine.ts) → one store action per gesture;
 *   workarounds  (./cyWorkarounds.ts): every reach into cytoscape's internals, in one place.
 * cy is a view: nothing here keeps topology state of its own.
 */
import cytoscape, { type Core } from 'cytoscape';
import type { AppStore } from '../store/appStore';
import { cheapStyleDirtying, disableActivation, holdBackgrounding, narrowHitTest, skipUnheardBoundsEvents } from './cyWorkarounds';
import type { View } from './viewDeriver';
import type { Box } from './geometry';
import { installInteraction, type ContextMenuRequest } from './interaction';
import { createRenderer } from './render';
import { stylesheet } from './style';
import { MIN_ZOOM } from './viewport';

export type { ContextMenuRequest } from './interaction';

export interface AdapterOptions {
  container: HTMLElement;
  store: AppStore;
  /** No rendering (jsdom tests): styles, classes and events still work. */
  headless?: boolean;
  onContextMenu?(request: ContextMenuRequest | null): void;
  /** A panel floating over the canvas (container pixels) that a fit keeps clear of. */
  overlay?(): Box | null;
  /** A large design is being drawn in steps (true) or its first frame may now be drawn (false): render.ts. */
  onDrawing?(busy: boolean): void;
}

export interface CanvasAdapter {
  cy: Core;
  /** The view last applied (for the API: layout, exports). */
  view(): View;
  /** Restyles the diagram with a highlight the overlay is still showing (before an export). */
  flush(): void;
  /** The highlight overlay's cytoscape (null when headless). */
  overlay: Core | null;
  /** True when the diagram itself shows the whole current highlight (nothing left on the overlay). */
  settled(): boolean;
  fit(): void;
  /** True while a large design is drawn in steps (render.ts `STEPPED_FROM`). */
  drawing(): boolean;
  destroy(): void;
}

export function createAdapter(options: AdapterOptions): CanvasAdapter {
  const { store, headless = false } = options;
  const cy = cytoscape({
    ...(headless ? { headless: true, styleEnabled: true } : { container: options.container }),
    style: stylesheet,
    minZoom: MIN_ZOOM,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autounselectify: true,
  });
  holdBackgrounding(cy);
  disableActivation(cy);
  cheapStyleDirtying(cy);
  skipUnheardBoundsEvents(cy);

  const renderer = createRenderer({ cy, store, container: headless ? null : options.container, floating: options.overlay, onDrawing: options.onDrawing });
  narrowHitTest(cy, renderer.hitBoxes);
  const uninstall = installInteraction({ cy, store, renderer, onContextMenu: options.onContextMenu, floating: options.overlay });

  return {
    cy,
    view: renderer.view,
    flush: renderer.flush,
    overlay: renderer.overlay,
    settled: renderer.settled,
    fit: renderer.fit,
    drawing: renderer.drawing,
    destroy() {
      uninstall();
      renderer.destroy();
      cy.destroy();
    },
  };
}

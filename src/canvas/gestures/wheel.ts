/**
 * Wheel and trackpad-pinch zoom that feels like a map (decisions 180–182): each wheel event on
 * the diagram moves a target zoom (../wheelZoom.ts), and every animation frame eases the zoom
 * towards it around the latest pointer position, so the model point under the pointer stays
 * where it is. cytoscape's own wheel zoom (one step per event) is detached
 * (`detachWheelZoom` in ../cyWorkarounds.ts); its touch pinch is kept. The view goes through
 * `cy.viewport`, so everything that follows cytoscape's 'viewport' event (the highlight overlay,
 * the context menu) follows the animation.
 */
import type { Core } from 'cytoscape';
import { detachWheelZoom } from '../cyWorkarounds';
import { retarget, stepView, wheelFactor, type Point } from '../wheelZoom';

interface Animation {
  target: number;
  pointer: Point;
  /** The zoom this animation last set: anything else means someone else zoomed (Fit, the buttons, a pinch). */
  set: number;
  /** Time of the last frame (null before the first one). */
  last: number | null;
}

/** One frame's length when there is no previous frame to measure from. */
const FIRST_FRAME_MS = 1000 / 60;

const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** `held`: a press that will grab a node at its first move (interaction.ts) holds the wheel as a grab does. */
export function installWheelZoom(cy: Core, held: () => boolean = () => false): () => void {
  const container = cy.container();
  if (!container || !detachWheelZoom(cy)) return () => {};
  let anim: Animation | null = null;
  let frame = 0;
  // cytoscape does not zoom by wheel while a node is dragged (the drag would jump); neither do we.
  let grabbed = false;
  const onGrab = (): void => {
    grabbed = true;
  };
  const onFree = (): void => {
    grabbed = false;
  };
  cy.on('grab', 'node', onGrab);
  cy.on('free', 'node', onFree);

  const tick = (now: number): void => {
    frame = 0;
    if (!anim || cy.destroyed()) return;
    if (cy.zoom() !== anim.set || !cy.userZoomingEnabled()) {
      anim = null;
      return;
    }
    // Reduced motion: the whole step in the first frame.
    const dt = reducedMotion() ? Number.POSITIVE_INFINITY : anim.last === null ? FIRST_FRAME_MS : now - anim.last;
    anim.last = now;
    const next = stepView({ zoom: cy.zoom(), pan: cy.pan() }, anim.target, anim.pointer, dt);
    cy.viewport(next.view);
    anim.set = cy.zoom();
    if (next.done) anim = null;
    else frame = requestAnimationFrame(tick);
  };

  const onWheel = (e: WheelEvent): void => {
    // As cytoscape: a view that may not be zoomed or panned by the user leaves the wheel to the page.
    if (!(cy.zoomingEnabled() && cy.userZoomingEnabled() && cy.panningEnabled() && cy.userPanningEnabled())) return;
    e.preventDefault();
    if (grabbed || held()) return;
    const rect = container.getBoundingClientRect();
    const factor = wheelFactor(e, rect.height);
    if (factor === 1) return;
    const pointer = { x: e.clientX - rect.left - container.clientLeft, y: e.clientY - rect.top - container.clientTop };
    // Still animating (and nobody else zoomed meanwhile): the events accumulate on the target.
    const running = anim !== null && cy.zoom() === anim.set;
    const from = running ? anim!.target : cy.zoom();
    const target = retarget(from, factor, cy.minZoom(), cy.maxZoom());
    if (!running && target === cy.zoom()) return; // at the end of the zoom range
    anim = { target, pointer, set: cy.zoom(), last: running ? anim!.last : null };
    if (!frame) frame = requestAnimationFrame(tick);
  };
  container.addEventListener('wheel', onWheel, { passive: false });

  return () => {
    container.removeEventListener('wheel', onWheel);
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    anim = null;
    if (!cy.destroyed()) {
      cy.off('grab', 'node', onGrab);
      cy.off('free', 'node', onFree);
    }
  };
}

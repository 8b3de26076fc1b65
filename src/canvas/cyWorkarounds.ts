/**
 * Every place this project reaches into cytoscape's internals, with the reason and the version
 * it was checked on. Nothing else in src/ touches `_private`, the collection prototype or the
 * renderer. When cytoscape is upgraded, re-read the cited source files in
 * node_modules/cytoscape/src, adjust what changed, then update CHECKED_CYTOSCAPE_VERSION and the
 * exact version in package.json (test/unit/canvas-cyWorkarounds.test.ts fails until both agree
 * with what is installed).
 */
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import type { Box } from './geometry';

/** The cytoscape release these workarounds were read against (package.json pins it exactly). */
export const CHECKED_CYTOSCAPE_VERSION = '3.34.4';

/**
 * 1. `_private.backgrounding` (src/extensions/renderer/canvas/drawing-nodes.mjs, `drawImages`):
 * drawing a node without a background image flips the flag twice per frame (one of the two image
 * passes counts the 'none' placeholder), and each flip calls `node.updateStyle()`, which restyles
 * the node with its descendants and ancestors — on a compound diagram every frame restyled whole
 * sites (300 ms per click on 64 nodes). Nothing here uses background images, so the flag is held
 * at false. Applied to every node added to `cy` (the diagram and the highlight overlay).
 */
export function holdBackgrounding(cy: Core): void {
  cy.on('add', 'node', (e) => {
    const p = (e.target as NodeSingular & { _private?: Record<string, unknown> })._private;
    if (p && !Object.getOwnPropertyDescriptor(p, 'backgrounding')?.get) Object.defineProperty(p, 'backgrounding', { get: () => false, set: () => {}, configurable: true });
  });
}

/**
 * 2. The collection prototype's `activate`/`unactivate` (src/collection/switch-functions.mjs,
 * called from the press and release handlers in src/extensions/renderer/base/load-listeners.mjs):
 * cytoscape marks a pressed element `:active` and clears it on release, restyling it each time;
 * any restyle throws away the cached drawing of the whole diagram, so every click paid two full
 * redraws (≈ 20 ms each at 64 nodes) for a state this stylesheet never shows. Both become no-ops.
 * The prototype is shared by every cytoscape instance of the page (nothing here reads `:active`).
 */
export function disableActivation(cy: Core): void {
  const proto = Object.getPrototypeOf(cy.collection()) as Record<string, unknown>;
  if (proto.lmpvNoActivation) return;
  const same = function (this: unknown): unknown {
    return this;
  };
  Object.assign(proto, { activate: same, unactivate: same, lmpvNoActivation: true });
}

/**
 * 3. `interactive()` (src/collection/style.mjs; not in cytoscape's typings) is the cached check the
 * press handler runs on the pressed node (`nodeIsGrabbable`, load-listeners.mjs) and the hit test
 * runs on every element (`getCachedZSortedEles`, z-ordering.mjs). After a restyle it and the
 * compound bounds are stale, and the next press recomputed them all — the click that picks the
 * destination paid for the source's restyle. Called while the page is idle instead.
 */
export function warmInteractive(cy: Core): void {
  cy.nodes().forEach((n) => {
    (n as unknown as { interactive?: () => boolean }).interactive?.();
    n.boundingBox();
  });
}

interface ZSorted extends Array<unknown> {
  interactive: unknown[];
}
interface Renderer {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown[];
  getCachedZSortedEles(force?: boolean): ZSorted;
}

const inside = (b: Box, x: number, y: number, m: number): boolean => b.x1 - m <= x && x <= b.x2 + m && b.y1 - m <= y && y <= b.y2 + m;

/**
 * 4. The renderer's `findNearestElements` (src/extensions/renderer/base/coord-ele-math/coords.mjs)
 * measures every element of `getCachedZSortedEles()` (z-ordering.mjs) — ≈ 6 ms for 744 elements,
 * three times per click (move, press, release). While it runs, `getCachedZSortedEles` is replaced
 * by the few elements whose box from `boxes()` holds the point (with cytoscape's widest tolerance,
 * 24 screen pixels), so the original test picks among them: same elements, same order, same
 * answer. `boxes()` null (unknown or stale, e.g. during a drag): the original runs on everything.
 * Elements without a box are always tested. Does nothing if either method is missing (headless).
 */
export function narrowHitTest(cy: Core, boxes: () => ReadonlyMap<string, Box> | null): void {
  const r = (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  if (!r || typeof r.findNearestElements !== 'function' || typeof r.getCachedZSortedEles !== 'function') return;
  const original = r.findNearestElements;
  const zSorted = r.getCachedZSortedEles;
  r.findNearestElements = function (x, y, interactiveOnly, isTouch) {
    const known = boxes();
    if (!known) return original.call(this, x, y, interactiveOnly, isTouch);
    const margin = 24 / cy.zoom() + 4;
    const all = zSorted.call(this);
    const list = (interactiveOnly ? all.interactive : all) as { id(): string }[];
    const near = list.filter((el) => {
      const b = known.get(el.id());
      return !b || inside(b, x, y, margin);
    }) as unknown as ZSorted;
    near.interactive = near;
    r.getCachedZSortedEles = () => near;
    try {
      return original.call(this, x, y, false, isTouch);
    } finally {
      r.getCachedZSortedEles = zSorted;
    }
  };
}

interface Internal {
  _private: { styleCache?: unknown; parent?: Internal | null; children?: Internal[]; edges?: Internal[]; group: string };
}

/**
 * 5. The collection prototype's `dirtyStyleCache` (src/collection/style.mjs), which
 * `styfn.checkTriggers` (src/style/apply.mjs) calls for EVERY property that changes on an
 * element: on a compound graph it builds four collections each time (the element, its
 * descendants, its ancestors, all their connected edges) only to null their `styleCache`. The
 * first style of the 64-node diagram applies ≈ 15 properties to each of 744 elements, and each
 * site's call collects its hundreds of descendants: ≈ 1 s of the first paint (Chromium profile,
 * issue 16) went into building and discarding those collections. Replaced by a walk over the
 * same elements (`_private.parent`, `_private.children`, `_private.edges`) that nulls the same
 * caches and allocates nothing. The prototype is shared by every cytoscape instance of the page.
 * Without compounds (the highlight layer's cytoscape) the original nulls each element's cache and
 * its edges' (`connectedEdges()`, a new collection per call): the walk does that too.
 */
export function cheapStyleDirtying(cy: Core): void {
  const proto = Object.getPrototypeOf(cy.collection()) as Record<string, unknown>;
  if (proto.lmpvCheapStyleDirtying) return;
  const dirtyWithEdges = (el: Internal): void => {
    el._private.styleCache = null;
    if (el._private.group === 'nodes') for (const e of el._private.edges ?? []) e._private.styleCache = null;
  };
  const down = (el: Internal): void => {
    for (const c of el._private.children ?? []) {
      dirtyWithEdges(c);
      down(c);
    }
  };
  Object.assign(proto, {
    lmpvCheapStyleDirtying: true,
    dirtyStyleCache(this: ArrayLike<Internal> & { cy(): Core }): unknown {
      // Without compounds (the highlight layer, overlay.ts) the original builds a collection of each
      // node's edges per call (≈ 1 ms of a pick's frame there); the same walk nulls the same caches.
      for (let i = 0; i < this.length; i++) {
        const el = this[i]!;
        dirtyWithEdges(el);
        if (el._private.group !== 'nodes') continue;
        down(el);
        for (let p = el._private.parent; p; p = p._private.parent) dirtyWithEdges(p);
      }
      return this;
    },
  });
}

interface Listener {
  type: string;
  qualifier?: unknown;
  callback: (this: unknown, e: { target: unknown; type: string; cy: unknown }) => unknown;
}
interface WithEmitter {
  _private: { emitter?: { listeners: Listener[] }; parent?: WithEmitter | null };
}
const listensFor = (x: WithEmitter | undefined, type: string): boolean => x?._private.emitter?.listeners.some((l) => l.type === type) ?? false;
/** Per core: the renderer's own `'bounds'` listeners, there when `skipUnheardBoundsEvents` was installed. */
const renderersOwn = new WeakMap<object, ReadonlySet<Listener>>();

/**
 * 6. The collection prototype's `emitAndNotify` (src/collection/events.mjs) for `'bounds'`, which
 * `dirtyBoundingBoxCache` and `dirtyCompoundBoundsCache` (src/collection/dimensions/bounds.mjs)
 * emit for every bounds-moving property applied to an element: each emit creates the element's
 * emitter, parses the event name, builds an event object and bubbles it through every ancestor to
 * the core (src/emitter.mjs) — for one listener that reads the event's target only: the canvas
 * renderer's `onDirtyBounds`, bound on the core when cytoscape is created
 * (src/extensions/renderer/base/coord-ele-math/rendered-style.mjs: `enqueue(e.target)`). The
 * core's `'bounds'` listeners present when this is installed (right after `cytoscape()`: the
 * renderer's; none headless) are called directly, once per element as the bubbling did, with the
 * target; the renderer is notified as before. When any other listener for `'bounds'` sits on the
 * elements, their ancestors or the core (the only places the event reaches), the original runs
 * unchanged. (Until 8 December the renderer's own listener counted as "heard", so in the browser
 * the original always ran — ≈ 50 ms of a 64-node open went to these emits.)
 */
export function skipUnheardBoundsEvents(cy: Core): void {
  const coreOf = (c: Core): WithEmitter => c as unknown as WithEmitter;
  renderersOwn.set(cy, new Set((coreOf(cy)._private.emitter?.listeners ?? []).filter((l) => l.type === 'bounds' && l.qualifier == null)));
  const proto = Object.getPrototypeOf(cy.collection()) as Record<string, unknown>;
  if (proto.lmpvSkipUnheardBounds) return;
  const original = proto.emitAndNotify as (this: unknown, event: string, extra?: unknown) => unknown;
  Object.assign(proto, {
    lmpvSkipUnheardBounds: true,
    emitAndNotify(this: ArrayLike<WithEmitter> & { cy(): Core }, event: string, extra?: unknown): unknown {
      if (event !== 'bounds' || this.length === 0) return original.call(this, event, extra);
      const core = this.cy() as unknown as WithEmitter & { notify(event: string, eles: unknown): void };
      const own = renderersOwn.get(core);
      const direct: Listener[] = [];
      let heard = false;
      for (const l of core._private.emitter?.listeners ?? []) {
        if (l.type !== event) continue;
        if (own?.has(l)) direct.push(l);
        else heard = true;
      }
      for (let i = 0; i < this.length && !heard; i++) for (let el: WithEmitter | null | undefined = this[i]; el && !heard; el = el._private.parent) heard = listensFor(el, event);
      if (heard) return original.call(this, event, extra);
      core.notify(event, this);
      // As the bubbling reached the core: once per element, the core as `this`, the element as the target.
      for (const l of direct) for (let i = 0; i < this.length; i++) l.callback.call(core, { target: this[i], type: event, cy: core });
      return this;
    },
  });
}

interface Binding {
  target: EventTarget;
  args: [string, EventListener, boolean | AddEventListenerOptions | undefined];
}

/**
 * 7. The renderer's wheel listener (`wheelHandler` in src/extensions/renderer/base/load-listeners.mjs,
 * bound with `r.registerBinding(r.container, 'wheel', wheelHandler, true)`, which records it in
 * `r.bindings`): cytoscape zooms in one step per wheel event, and the option that stops it
 * (`userZoomingEnabled`) stops the touch pinch too. A listener of ours cannot get there first on
 * the container (cytoscape's capture listener was registered before it), so that one binding is
 * removed and ./gestures/wheel.ts zooms instead (decision 181). The touch pinch (touchmove) and
 * Safari's gesture events (which call `wheelHandler` directly) are left to cytoscape. Returns
 * false — and leaves cytoscape's zoom as it was — when the binding is not found (headless, or a
 * cytoscape that binds it differently).
 */
export function detachWheelZoom(cy: Core): boolean {
  const r = (cy as unknown as { renderer(): { container?: HTMLElement; bindings?: Binding[] } | undefined }).renderer();
  const found = r?.bindings?.find((b) => b.target === r.container && b.args[0] === 'wheel');
  if (!found) return false;
  found.target.removeEventListener(...found.args);
  return true;
}

/** Holds cytoscape's frames back while on (see `holdFrames`). */
export interface FrameHold {
  set(on: boolean): void;
  held(): boolean;
}

/**
 * 8. The renderer's frame (`renderFn` in `startRenderLoop`, src/extensions/renderer/base/redraw.mjs)
 * runs the pre-frame hooks (`beforeRenderCallbacks`) and draws when `requestedFrame && !skipFrame`;
 * otherwise it runs the hooks with `willDraw = false` — and the texture caches' hook (`dequeue` in
 * src/extensions/renderer/canvas/texture-cache-defs.mjs) then calls `flushRenderedStyleQueue`,
 * the calculations of every dirty element (style, label and edge projections: `updateEleCalcs` in
 * coord-ele-math/rendered-style.mjs). A new drawing of the largest design made that work, or the
 * fit's bounding box before it, one block of ≈ 1.7 s (issue 24). While held, `skipFrame` reads
 * true and the hooks read as none, so a frame computes and draws nothing and the request stays
 * pending; render.ts meanwhile computes the bounds slice by slice in tasks of their own
 * (`boundingBox` runs the same calculations and caches them), and the first frame after the
 * release draws. A hook registered while held (`beforeRender`, which only the renderer's setup
 * calls) would be lost: the hold is only set once the diagram is mounted. No renderer (headless):
 * nothing is held.
 */
export function holdFrames(cy: Core): FrameHold {
  const r = (cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
  let on = false;
  const none: unknown[] = [];
  if (r && Array.isArray(r.beforeRenderCallbacks) && !Object.getOwnPropertyDescriptor(r, 'skipFrame')?.get) {
    let skip = Boolean(r.skipFrame);
    let hooks = r.beforeRenderCallbacks as unknown[];
    Object.defineProperty(r, 'skipFrame', {
      get: () => on || skip,
      set: (v: unknown) => {
        skip = Boolean(v);
      },
      configurable: true,
    });
    Object.defineProperty(r, 'beforeRenderCallbacks', {
      get: () => (on ? none : hooks),
      set: (v: unknown[]) => {
        hooks = v;
      },
      configurable: true,
    });
  }
  return {
    set(v) {
      on = v && r !== undefined && Array.isArray(r.beforeRenderCallbacks);
    },
    held: () => on,
  };
}

/**
 * 9. What the first frame after a hold (8) still did itself, done beforehand in tasks of their
 * own: the renderer's queue of elements to recalculate (`flushRenderedStyleQueue`, rendered-style.mjs:
 * the edges of every node whose bounds changed are queued again at the frame, ≈ 0.25 s on the
 * largest design) and the z-ordered list of every element it draws (`getCachedZSortedEles`,
 * z-ordering.mjs: a sort of every element, ≈ 0.2 s; kept until an element is added, removed or
 * moved). `step` 0 flushes the queue, 1 sorts; false when there is no such step (or no renderer).
 */
/**
 * 9b. The style of `eles` computed now (the collection's `cleanStyle`, src/collection/style.mjs:
 * what `pstyle` and the renderer's queue do first for an element whose style is out of date), so
 * that a later step of 9 (the queue's flush) has only its own calculations to do. Used on a large
 * drawing's edges, a slice at a time (render.ts `slices`).
 */
export function styleNow(eles: unknown): void {
  const c = eles as { cleanStyle?: () => void };
  if (typeof c.cleanStyle === 'function') c.cleanStyle();
}

export function prepareFrame(cy: Core, step: number): boolean {
  const r = (cy as unknown as { renderer(): { flushRenderedStyleQueue?: () => void; getCachedZSortedEles?: () => unknown } | undefined }).renderer();
  if (step === 0 && typeof r?.flushRenderedStyleQueue === 'function') r.flushRenderedStyleQueue();
  else if (step === 1 && typeof r?.getCachedZSortedEles === 'function') r.getCachedZSortedEles();
  else return false;
  return true;
}

interface GrabRenderer {
  hoverData?: { down?: { id(): string } | null; isOverThresholdDrag?: boolean; mdownPos?: number[] | null };
  dragData?: { possibleDragElements?: unknown };
  nodeIsGrabbable?(node: NodeSingular): boolean;
  updateCachedGrabbedEles?(): void;
  redrawHint?(kind: string, on: boolean): void;
}
interface GrabInternal {
  _private: { grabbed?: boolean; rscratch: { isGrabTarget?: boolean } };
}
const grabRenderer = (cy: Core): GrabRenderer | undefined => (cy as unknown as { renderer(): GrabRenderer | undefined }).renderer();

/**
 * 10. The press's grab, deferred to the first move past the drag threshold (issue 25). The mouse
 * press handler (`mousedownHandler` in src/extensions/renderer/base/load-listeners.mjs, a closure)
 * grabs a grabbable node at once: it marks it and its descendants grabbed (`setGrabbed`, a restyle
 * of each, `updateStyle(false)`), lists them to drag (`r.dragData.possibleDragElements`), moves
 * them to the drag layer (`updateCachedGrabbedEles`) and asks for a redraw of the whole diagram —
 * the restyle drops the node canvas's layered textures, so the frames of a mere click drew every
 * element again (131 ms of cytoscape in a 150 ms press at 4× on 64 nodes). interaction.ts turns
 * `autoungrabify` on just before cytoscape sees a primary press (its capture listener), so the
 * press grabs nothing and draws nothing; when the pointer has moved past cytoscape's threshold
 * (`r.hoverData.isOverThresholdDrag`, set before its `tapdrag` is emitted in the same move),
 * `grabAtFirstMove` turns it off and does what the press would have done — in the press's order,
 * with its events (`grabon`, `grab`) — and the same move's drag branch then drags as before.
 * `wouldGrab` is the press's own test (`nodeIsGrabbable`) as if `autoungrabify` were off. The
 * move handler reads the list to drag into a local before it emits `tapdrag`, so the list must be
 * the one the grab fills: `newDragList` gives the press an empty one (as the press itself does when
 * it grabs; a press that grabs nothing leaves the list alone, and the release frees by walking every
 * element, not the list), and the grab merges into it.
 */
export function wouldGrab(cy: Core, node: NodeSingular): boolean {
  const before = cy.autoungrabify();
  cy.autoungrabify(false);
  try {
    const r = grabRenderer(cy);
    return typeof r?.nodeIsGrabbable === 'function' ? Boolean(r.nodeIsGrabbable(node)) : node.grabbable();
  } finally {
    cy.autoungrabify(before);
  }
}

/** An empty list to drag for the press about to start (see 10); nothing headless. */
export function newDragList(cy: Core): void {
  const r = grabRenderer(cy);
  if (r?.dragData) r.dragData.possibleDragElements = cy.collection();
}

/** Whether the pointer of the press under way has moved past cytoscape's drag threshold (false headless). */
export function pastDragThreshold(cy: Core): boolean {
  return grabRenderer(cy)?.hoverData?.isOverThresholdDrag === true;
}

/**
 * What cytoscape's press does to grab `node` (see 10), done now; `autoungrabify` must be off.
 * False (nothing done) headless, when the press under way is not on `node`, when the node
 * cannot be grabbed, or when the press was not given an empty list to drag (`newDragList`).
 */
export function grabAtFirstMove(cy: Core, node: NodeSingular, originalEvent?: Event): boolean {
  const r = grabRenderer(cy);
  if (!r?.hoverData || !r.dragData || typeof r.nodeIsGrabbable !== 'function' || typeof r.updateCachedGrabbedEles !== 'function' || typeof r.redrawHint !== 'function') return false;
  if (r.hoverData.down?.id() !== node.id() || !r.nodeIsGrabbable(node)) return false;
  (node as unknown as GrabInternal)._private.rscratch.isGrabTarget = true;
  const list = r.dragData.possibleDragElements as NodeCollection | undefined;
  if (!list || typeof list.merge !== 'function' || list.nonempty()) return false;
  // `addToDragList` and `setGrabbed` as the press calls them: on the node, then on its descendants
  // as one collection (cytoscape marks only the first of them grabbed and restyles them all).
  const add = (eles: NodeCollection): void => {
    const first = eles[0] as (NodeSingular & GrabInternal) | undefined;
    if (!first || list.has(eles) || !first.grabbable() || first.locked()) return;
    list.merge(eles);
    if (first._private.grabbed === true) return;
    first._private.grabbed = true;
    (eles as unknown as { updateStyle(notify: boolean): void }).updateStyle(false);
  };
  add(node);
  if ((cy as unknown as { hasCompoundNodes(): boolean }).hasCompoundNodes()) add(node.descendants());
  r.updateCachedGrabbedEles();
  const at = r.hoverData.mdownPos;
  const event = (type: string) => ({ type, originalEvent, position: at ? { x: at[0], y: at[1] } : undefined });
  const emit = (type: string): void => {
    (node as unknown as { emit(e: unknown): void }).emit(event(type));
  };
  emit('grabon');
  emit('grab');
  r.redrawHint('eles', true);
  r.redrawHint('drag', true);
  return true;
}

/**
 * 11. The collection's `dirtyBoundingBoxCache` (src/collection/dimensions/bounds.mjs; not in
 * cytoscape's typings) for names grown for the zoom (render.ts `grow`). A site's name grown inside
 * a batch kept the label box measured at its old size: its texture was cut to that box, so a site
 * name drawn after another design was open showed clipped ("Seattle" as ",eattle", "Portland" as
 * "Portlanc" on the imported stretched cluster opened after the two-site example, lead's
 * screenshot at 1440 × 900; cytoscape's box 81 model px against the text's 92). The boxes of the
 * regrown names are dropped, so they are measured again with the new size.
 */
export function forgetLabelBoxes(cy: Core, ids: readonly string[]): void {
  // One element at a time: a union per id would copy the growing collection each time.
  for (const id of ids) (cy.getElementById(id) as unknown as { dirtyBoundingBoxCache?: () => unknown }).dirtyBoundingBoxCache?.();
}

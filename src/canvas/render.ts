/**
 * Rendering: store → cytoscape, never the other way round. On every store change the view is
 * derived (./viewDeriver.ts, memoised) and only what changed is applied, inside `cy.batch()`: the
 * structure, the positions with the geometry (bars, drops), the looks. A highlight-only change is
 * painted on the overlay first when it can be (./highlightScheduler.ts). A new file (the store's
 * `loadSeq`) fits the view. While nodes are dragged, the bars, drops and transit subnets follow
 * them on the view only (`previewDrag`); the drag's end is the gesture machine's business.
 */
import type { Core } from 'cytoscape';
import type { AppState, AppStore } from '../store/appStore';
import { applyDecorations, applyGeometry, applyPositions, onScreen, syncStructure } from './applyView';
import { forgetLabelBoxes, holdFrames, prepareFrame, styleNow, warmInteractive } from './cyWorkarounds';
import { modelOf, viewDeriverOf, type View } from './viewDeriver';
import { union, type Box, type Geometry, type Pos } from './geometry';
import { createHighlightScheduler } from './highlightScheduler';
import { drawnBoxes, type DrawnBoxes } from './hitTest';
import { drawnGeometry, followRouters } from './diagramLayout';
import type { Look } from './overlayPlan';
import type { Decoration } from './highlight';
import { grownName, grows } from './grownName';
import { fitViewport, MIN_ZOOM } from './viewport';
import { timed } from './timing';
import { resizeCompounds, sameElements } from './applyView';

export const FIT_PADDING = 30;

/**
 * From this many drawn elements on (about 2 per NIC), a new design is drawn in steps, each a task
 * of its own (issue 24): the view derived, then the elements made, then their bounds computed in
 * slices of `SLICE_MS` while cytoscape's frames are held back, then the fit and the first frame.
 * The largest design in one task blocked the page for 3.5–5 s; a 64-node cluster of 8 NICs a node
 * (≈ 1,100 elements) is drawn at once, as before.
 */
export const STEPPED_FROM = 1500;
const SLICE_MS = 50;
/** Elements measured at a time within a slice. */
const SLICE_SIZE = 200;

const countMoved = (a: ReadonlyMap<string, Pos>, b: ReadonlyMap<string, Pos>): number => {
  let n = 0;
  for (const [id, p] of b) {
    const q = a.get(id);
    if (!q || q.x !== p.x || q.y !== p.y) n++;
  }
  return n;
};

/** What a slice of the bounds' computation measures (an element or a collection), or a step of its own. */
type Measurable = { boundingBox(o: { includeLabels: boolean; includeOverlays: boolean }): unknown } | (() => void);

/** The elements a document will draw, roughly (a NIC and its drop, a router and its links). */
export function drawnSize(doc: AppState['document']): number {
  return 2 * (doc.nics?.length ?? 0) + 3 * (doc.routers?.length ?? 0) + (doc.nodes?.length ?? 0) + (doc.networks?.length ?? 0) + (doc.sites?.length ?? 0);
}

export interface RendererOptions {
  cy: Core;
  store: AppStore;
  /** The element the overlay is added to (null: headless, no overlay, no frames). */
  container: HTMLElement | null;
  /** A panel floating over the canvas (container pixels) that a fit keeps clear of. */
  floating?(): Box | null;
  /** Told when a drawing in steps starts (true) and when its first frame may be drawn (false). */
  onDrawing?(busy: boolean): void;
}

export interface Renderer {
  /** The view last applied. */
  view(): View;
  /** The positions last applied from the store (leaves). */
  appliedPositions(): ReadonlyMap<string, Pos>;
  /** Current positions of every leaf, as cytoscape has them (dragged ones where they are now). */
  currentPositions(): Map<string, Pos>;
  /** Hit boxes from our geometry; null while they may be stale (from the start of a drag to the next store change). */
  hitBoxes(): ReadonlyMap<string, Box> | null;
  /** Something was dragged: bars, drops and transit subnets follow at the next frame. */
  previewDrag(): void;
  /** Runs a pending drag preview now (before the drag's end is measured). */
  finishDrag(): void;
  flush(): void;
  settled(): boolean;
  overlay: Core | null;
  fit(): void;
  /** True while a drawing in steps is under way (the diagram shown may be the previous one). */
  drawing(): boolean;
  destroy(): void;
}

export function createRenderer({ cy, store, container, floating, onDrawing }: RendererOptions): Renderer {
  const headless = container === null;
  const derive = viewDeriverOf(store); // shared with the legend
  const applied = new Map<string, Look>();
  const highlight = createHighlightScheduler(cy, container);
  let view: View | null = null;
  let geometry: Geometry | null = null;
  let appliedPositions: Map<string, Pos> = new Map();

  // Boxes of what is drawn, from our geometry; stale from the start of a drag to the next move.
  let boxes: { known: DrawnBoxes | null; fresh: boolean } = { known: null, fresh: false };
  const knownBoxes = (): DrawnBoxes | null => {
    if (!boxes.fresh || !view || !geometry) return null;
    boxes.known ??= drawnBoxes(view.model, view.positions, geometry);
    return boxes.known;
  };

  // A new design drawn in steps (STEPPED_FROM): `waiting` holds the state whose view is derived
  // and applied in the next tasks; `settling` the elements whose bounds are still to compute
  // while the frames are held. Anything that needs the view meanwhile finishes `waiting` at once.
  const frames = holdFrames(cy);
  let waiting: { s: AppState; fit: boolean; timer: ReturnType<typeof setTimeout> | null } | null = null;
  /** `fitPasses`: passes of the fit still to make; `grown`: the names were grown after the last one. */
  let settling: { queue: Measurable[]; fitPasses: number; grown: boolean; prepared: number; timer: ReturnType<typeof setTimeout> | null } | null = null;
  const busy = (on: boolean): void => {
    if (headless) return;
    frames.set(on);
    onDrawing?.(on);
  };

  const sync = (s: AppState, prev: AppState | null): void => {
    const fit = !prev || s.loadSeq !== prev.loadSeq;
    if (waiting) {
      waiting.s = s;
      waiting.fit ||= fit;
      return;
    }
    if (fit && !headless && drawnSize(s.document) >= STEPPED_FROM) {
      // This task has the store's load; the drawing (model and automatic layout) is made in the
      // next, the rest of the view (positions, highlight) in the one after, applied in the next.
      busy(true);
      const w = (waiting = { s, fit, timer: null as ReturnType<typeof setTimeout> | null });
      w.timer = setTimeout(() => {
        timed('canvas: the drawing (model, automatic layout)', () => modelOf(w.s.design));
        w.timer = setTimeout(() => {
          timed('canvas: derive the view (selection, highlight)', () => derive(w.s));
          w.timer = setTimeout(finishWaiting, 0);
        }, 0);
      }, 0);
      return;
    }
    syncNow(s, fit);
  };
  const syncNow = (s: AppState, fit: boolean): void => {
    const next = timed('canvas: derive the view (selection, highlight)', () => derive(s));
    timed('canvas: restyle the diagram', () => apply(fit, next));
  };
  /** Applies the state a drawing in steps waits for (now, when something needs the view). */
  const finishWaiting = (): void => {
    const w = waiting;
    if (!w) return;
    if (w.timer !== null) clearTimeout(w.timer);
    waiting = null;
    syncNow(w.s, w.fit);
    if (!settling) busy(false);
  };

  /**
   * After a new structure or a move of a large diagram: every element's bounds computed slice by
   * slice, each slice's task under `SLICE_MS`, while the frames are held; then, for a fit, the
   * names grown first for the zoom the fit is estimated at (`growForEstimate`), then the pass of
   * `fit` (measure, fit, grow the names) — and only when that pass grew a name otherwise, a second
   * pass after the slices again (only what the grown names changed costs); then what the first
   * frame would still compute (cyWorkarounds 9), and the frame.
   */
  const settleInSteps = (fit: boolean): void => {
    if (settling?.timer) clearTimeout(settling.timer);
    if (fit) growForEstimate();
    const fitPasses = fit ? 2 : (settling?.fitPasses ?? 0);
    settling = { queue: slices(), fitPasses, grown: false, prepared: 0, timer: null };
    busy(true);
    settling.timer = setTimeout(settleSlice, 0);
  };
  /**
   * Leaves, then compounds from the innermost out (a compound's box needs its children's), then
   * the edges' style (cyWorkarounds 9b), the renderer's queue (9, step 0: the nodes' connected
   * edges recalculated once and the nodes marked clean for them), then the edges' bounds. An edge is recalculated in every measurement
   * while one of its ends is not marked so (rendered-style.mjs `recalculateRenderedStyle`): edges
   * measured before the queue was flushed were calculated again by the flush, and again by the
   * fit's measurement (≈ 50 ms each on the largest design).
   */
  const slices = (): Measurable[] => {
    const queue: Measurable[] = [];
    const inSlices = (part: { length: number; slice(a: number, b: number): Measurable }): void => {
      for (let i = 0; i < part.length; i += SLICE_SIZE) queue.push(part.slice(i, i + SLICE_SIZE));
    };
    inSlices(cy.nodes(':childless'));
    const parents = cy.nodes(':parent').map((n) => ({ n, depth: n.parents().length }));
    parents.sort((x, y) => y.depth - x.depth);
    for (const p of parents) queue.push(p.n);
    const edges = cy.edges();
    for (let i = 0; i < edges.length; i += SLICE_SIZE) {
      const part = edges.slice(i, i + SLICE_SIZE);
      queue.push(() => styleNow(part));
    }
    queue.push(() => void prepareFrame(cy, 0));
    inSlices(edges);
    return queue;
  };
  const settleSlice = (): void => {
    const st = settling;
    if (!st) return;
    st.timer = null;
    const t0 = performance.now();
    timed('canvas: bounds, a slice', () => {
      while (st.queue.length > 0 && performance.now() - t0 < SLICE_MS) {
        const next = st.queue.shift()!;
        if (typeof next === 'function') next();
        else next.boundingBox({ includeLabels: true, includeOverlays: false });
      }
    });
    if (st.queue.length === 0) {
      if (st.fitPasses > 0) {
        // One pass of the fit on bounds already computed; the names it grows otherwise are
        // measured in the next slices and fitted again. When it grew none (the estimate's growth
        // was the fit's), the view is fitted for what it shows: no second pass.
        if (st.fitPasses === 2) cy.resize();
        const changed = timed('canvas: fit', () => fitPass());
        st.fitPasses = changed ? st.fitPasses - 1 : 0;
        if (changed) st.queue = slices();
      } else if (!st.grown) {
        st.grown = true;
        if (grow() > 0) st.queue = slices();
      } else if (prepareFrame(cy, st.prepared)) {
        // What the first frame would still do, one step per task.
        st.prepared++;
      } else {
        settling = null;
        if (!waiting) busy(false);
        warmSoon();
        return;
      }
    }
    st.timer = setTimeout(settleSlice, 0);
  };
  /** Finishes a drawing in steps now: what is left is computed by the next frame, as without steps. */
  const settleNow = (): void => {
    const st = settling;
    if (!st) return;
    if (st.timer) clearTimeout(st.timer);
    settling = null;
    if (st.fitPasses === 2) fit();
    else if (st.fitPasses === 1) fitPass();
    // Names the frames left to the steps (`growSoon`) are grown at the next frame.
    else if (!st.grown) growAllSoon();
    if (!waiting) busy(false);
  };

  // The decorations the diagram itself was last restyled with: plain ones under the highlight
  // layer (./highlightScheduler.ts), or the view's own when the layer cannot take them.
  let shown: ReadonlyMap<string, Decoration> | null = null;
  const apply = (fitNow: boolean, next: View): void => {
    // A new model drawing the very elements of the last (a rename: scale.ts `drawingOf` kept the
    // layout, the view deriver the positions) is no new structure: nothing is synced, nothing is
    // measured again; its geometry is derived again (it reads the model) and only what changed is
    // applied — the renamed element's label — so cytoscape redraws that element alone.
    const relabeled = !!view && next.model !== view.model && sameElements(view.model, next.model);
    const structure = !view || (next.model !== view.model && !relabeled);
    const placed = structure || next.positions !== view!.positions;
    const moved = placed || relabeled;
    const highlighted = moved || next.decorations !== view!.decorations;
    // Nothing drawn changed (an edit of a VM, the planning; the deriver keeps equal decorations).
    if (!highlighted && !fitNow) {
      view = next;
      return;
    }
    let want: ReadonlyMap<string, Decoration> | null = null;
    if (!moved && highlighted && geometry) {
      // A pick, a cleared pair, a what-if, a restore: the layer repaints; the diagram is restyled
      // only when what it draws itself changes (a site's selection, the layer unable to take it).
      want = highlight.paint(next, geometry, () => knownBoxes()?.drawn) ? highlight.plain(next) : next.decorations;
      if (want === shown && !fitNow) {
        view = next;
        return;
      }
    }
    // Leaves drawn elsewhere than before (a drag moves a few, auto layout or a new file every one).
    const movedLeaves = placed && !structure ? countMoved(view!.positions, next.positions) : 0;
    let restyled: Map<string, Look> | null = null;
    cy.batch(() => {
      if (structure) for (const id of syncStructure(cy, next.model)) applied.delete(id);
      else if (relabeled) resizeCompounds(cy, next.model);
      if (moved) {
        // A rename whose drawing kept the layout (the same `auto` map: scale.ts `drawingOf`) and the
        // positions keeps the geometry: it reads the elements' sizes, edges and positions, and the
        // outer boxes of the hosts, which a name within its row does not change (decision 418).
        const kept = relabeled && !placed && next.auto === view!.auto && geometry !== null;
        if (!kept) {
          geometry = drawnGeometry(next.model, next.positions);
          applyPositions(cy, next.positions, geometry);
          applyGeometry(cy, next.model, geometry);
        }
        appliedPositions = next.positions;
        boxes = { known: null, fresh: true };
      }
      // Its labels are regrown below, right away: the data events they raise are ours.
      const decorations = want ?? (highlight.overlay ? highlight.plain(next) : next.decorations);
      if (highlighted) restyled = timed('canvas: classes and labels', () => quietly(() => applyDecorations(cy, next.model, decorations, geometry!, applied)));
      shown = decorations;
    });
    view = next;
    // Things moved: the layer is drawn again where they are now (or, when it cannot, the diagram shows the highlight).
    let changed = restyled as Map<string, Look> | null; // assigned in the batch's callback
    if (moved && !highlight.paint(next, geometry!, () => knownBoxes()?.drawn) && shown !== next.decorations) {
      const decorations = next.decorations;
      let more = new Map<string, Look>();
      timed('canvas: classes and labels', () => quietly(() => cy.batch(() => void (more = applyDecorations(cy, next.model, decorations, geometry!, applied)))));
      shown = decorations;
      changed = new Map([...(changed ?? []), ...more]);
    }
    // A large diagram made or moved: its bounds in slices, then the fit or the names grown (above).
    if (!headless && (structure ? cy.elements().length : movedLeaves) >= STEPPED_FROM) settleInSteps(fitNow);
    else if (settling) settling.fitPasses = fitNow ? 2 : settling.fitPasses;
    else if (fitNow) timed('canvas: fit', fit);
    // A restyle alone changes no box and no zoom: only the names whose label changed can grow
    // differently (a what-if or a cleared pair restyles hundreds of elements, a few labels).
    else if (!placed && changed) grow(new Set([...changed].filter(([id, look]) => onScreen(look.label) !== labelsGrown.get(id)).map(([id]) => id)));
    else if (structure || highlighted) grow();
    if (!settling) warmSoon();
  };

  // Names drawn larger while zoomed out (./textGrowth.ts): after every restyle and zoom.
  // The label each name was last grown for: a restyle regrows only the names whose label changed.
  const labelsGrown = new Map<string, string>();
  /**
   * `only`: the names to grow (all when absent: after a zoom, a move, a new structure). `at`: a zoom
   * other than the view's and the hosts' widths from our boxes (`growForEstimate`: cytoscape's
   * `outerWidth` would compute a new host's style and its NICs' before the names are grown, and
   * again after). Returns how many names changed their size or their label.
   */
  const grow = (only?: ReadonlySet<string>, at?: { zoom: number; width(id: string): number | undefined }): number => timed('canvas: names grown for the zoom', () => growNow(only, at));
  const growNow = (only?: ReadonlySet<string>, at?: { zoom: number; width(id: string): number | undefined }): number => {
    if (headless || !view) return 0;
    if (only?.size === 0) return 0;
    const z = at?.zoom ?? cy.zoom();
    const m = view.model.metrics;
    const nodes = only ? [...only].flatMap((id) => view!.model.byId.get(id) ?? []) : view.model.nodes;
    let changed = 0;
    const regrown: string[] = [];
    quietly(() => cy.batch(() => {
      for (const n of nodes) {
        if (!grows(n)) continue;
        const el = cy.getElementById(n.id);
        if (el.empty()) continue;
        const label = String(el.data('label') ?? '');
        labelsGrown.set(n.id, label);
        const w = n.kind === 'host' ? (at?.width(n.id) ?? el.outerWidth()) : Number(el.data('w')) || n.w;
        const { fs, short } = grownName(m, n, label, w, z);
        const fsNow = el.data('fs') ?? 0;
        const shortNow = el.data('short') ?? '';
        if (fsNow !== fs) el.data('fs', fs);
        if (shortNow !== short) el.data('short', short);
        if (fsNow !== fs || shortNow !== short) {
          changed++;
          regrown.push(n.id);
        }
      }
    }));
    // A regrown name's label box is measured again (cyWorkarounds 11).
    if (regrown.length > 0) forgetLabelBoxes(cy, regrown);
    return changed;
  };
  /**
   * Before a fit: the names grown for the zoom the fit is estimated at, from our own boxes of the
   * drawing (./hitTest.ts `drawnBoxes`: nodes with their labels at base size, edges along their
   * line), so that cytoscape measures the drawing once as it will be shown. The growth is in
   * steps (./textGrowth.ts), the same over wide ranges of zoom (every name at its largest step
   * below ≈ 0.3): the estimate need not be exact, and the fit's own pass grows any name the
   * estimate got wrong (and then fits again, as before).
   */
  const growForEstimate = (): void => {
    const known = knownBoxes();
    if (headless || !known || cy.width() <= 0 || cy.height() <= 0) return;
    let bb: Box | null = null;
    for (const b of known.hit.values()) bb = union(bb, b);
    if (!bb) return;
    const zoom = fitViewport(bb, cy.width(), cy.height(), floating?.() ?? null, FIT_PADDING).zoom;
    const drawn = known.drawn;
    timed('canvas: names grown for the estimated fit', () => grow(undefined, { zoom, width: (id) => { const b = drawn.get(id); return b ? b.x2 - b.x1 : undefined; } }));
  };
  // Data changes made here (labels regrown at once, sizes set by grow) are not news to the listener below.
  let quiet = false;
  const quietly = <T,>(fn: () => T): T => {
    const was = quiet;
    quiet = true;
    try {
      return fn();
    } finally {
      quiet = was;
    }
  };
  // At the next frame: every name after a zoom, else the names whose label changed meanwhile.
  let growFrame = 0;
  let growAll = false;
  let growIds = new Set<string>();
  const growSoon = (ids?: Iterable<string>): void => {
    if (ids) for (const id of ids) growIds.add(id);
    else growAll = true;
    if (growFrame) return;
    growFrame = schedule(() => {
      growFrame = 0;
      const only = growAll ? undefined : growIds;
      growAll = false;
      growIds = new Set();
      // A drawing in steps grows every name itself, after its fit (`settleSlice`): not now, at a
      // zoom the fit is about to change (that would undo the names grown for the estimated fit).
      if (settling && !settling.grown) return;
      grow(only);
    });
  };
  const growAllSoon = (): void => growSoon();

  // A restyle leaves cytoscape's cached checks stale until the next press; refreshed while idle.
  let warmHandle: number | null = null;
  const warmSoon = (): void => {
    if (headless || warmHandle !== null || typeof requestIdleCallback !== 'function') return;
    warmHandle = requestIdleCallback(
      () => {
        warmHandle = null;
        if (!cy.destroyed()) warmInteractive(cy);
      },
      { timeout: 1000 },
    );
  };

  const fit = (): void => {
    finishWaiting();
    // Bounds still being computed: the fit comes when they are (a fit now would compute them all at once).
    if (settling) {
      settling.fitPasses = 2;
      settling.grown = false;
      settling.prepared = 0;
      return;
    }
    if (headless || cy.elements().empty()) return;
    // A large diagram: its bounds (after auto layout, all of them) computed in slices before each pass.
    if (cy.elements().length >= STEPPED_FROM) return settleInSteps(true);
    cy.resize(); // the room may have changed since the last ResizeObserver callback (a notice just went)
    // The names grown for the estimated fit, then one measured pass; a second only when that pass
    // grew names otherwise (they take room the second fit makes for them).
    growForEstimate();
    if (fitPass()) fitPass();
  };
  /**
   * One pass of the fit: the drawing measured with its labels, fitted, its names grown for that
   * zoom. Returns whether that changed any name (then the measurement is out of date).
   */
  const fitPass = (): boolean => {
    if (headless || cy.elements().empty()) return false;
    const bb = cy.elements().boundingBox({ includeLabels: true, includeOverlays: false });
    const fitted = fitViewport(bb, cy.width(), cy.height(), floating?.() ?? null, FIT_PADDING);
    // The fit is never refused: the zoom's lower bound goes down to it, and back up for a smaller design.
    cy.minZoom(Math.min(MIN_ZOOM, fitted.zoom));
    cy.viewport(fitted);
    return grow() > 0;
  };

  const currentPositions = (): Map<string, Pos> => {
    const out = new Map<string, Pos>();
    for (const id of appliedPositions.keys()) {
      const el = cy.getElementById(id);
      if (el.nonempty() && el.isNode() && !el.isParent()) out.set(id, { ...el.position() });
    }
    return out;
  };

  // While dragging: bars stretch, drops follow and transit subnets move with their routers (view only).
  let frame = 0;
  const redrawDrag = (): void => {
    frame = 0;
    if (!view) return;
    const { model, auto } = view;
    const current = currentPositions();
    for (const n of model.nodes) {
      if (n.kind !== 'transit') continue;
      const p = followRouters(model, auto, current, n.id);
      if (p) current.set(n.id, p);
    }
    const g = drawnGeometry(model, current);
    cy.batch(() => {
      applyPositions(cy, new Map([...current].filter(([id]) => model.byId.get(id)?.kind === 'transit')), g);
      applyGeometry(cy, model, g);
      applyDecorations(cy, model, shown ?? view!.decorations, g, applied);
    });
    highlight.track();
  };
  const schedule = (fn: () => void): number => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : (setTimeout(fn, 0) as unknown as number));
  const cancel = (): void => {
    if (!frame) return;
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    else clearTimeout(frame);
    frame = 0;
  };

  sync(store.getState(), null);
  const unsubscribe = store.subscribe((s, prev) => sync(s, prev));
  // A label changed by the highlight (tags) after the overlay painted it: its grown form follows.
  const labelChanged = (e: { target: { isNode(): boolean; id(): string } }): void => {
    if (!quiet && e.target.isNode()) growSoon([e.target.id()]);
  };
  if (!headless) {
    cy.on('viewport', growAllSoon);
    cy.on('data', 'node.host, node.network', labelChanged);
  }

  const ready = <T,>(fn: () => T): (() => T) => () => {
    finishWaiting();
    return fn();
  };
  return {
    view: ready(() => view!),
    appliedPositions: ready(() => appliedPositions),
    currentPositions: ready(currentPositions),
    hitBoxes: () => (waiting ? null : (knownBoxes()?.hit ?? null)),
    previewDrag() {
      finishWaiting();
      settleNow();
      // Our boxes hold until something is dragged; the drag's edit brings fresh ones.
      boxes = { known: null, fresh: false };
      if (!frame) frame = schedule(redrawDrag);
    },
    finishDrag() {
      if (!frame) return;
      cancel();
      redrawDrag();
    },
    flush: () => highlight.flush(),
    settled: () => highlight.settled(),
    overlay: highlight.overlay,
    fit,
    drawing: () => waiting !== null || settling !== null,
    destroy() {
      unsubscribe();
      if (waiting?.timer) clearTimeout(waiting.timer);
      if (settling?.timer) clearTimeout(settling.timer);
      waiting = settling = null;
      frames.set(false);
      if (!headless) {
        cy.off('viewport', growAllSoon);
        cy.off('data', 'node.host, node.network', labelChanged);
      }
      if (growFrame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(growFrame);
      highlight.destroy();
      cancel();
      if (warmHandle !== null) cancelIdleCallback(warmHandle);
    },
  };
}

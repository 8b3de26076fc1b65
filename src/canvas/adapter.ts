/**
 * The cytoscape adapter: cy is created once and redrawn from the store, never the other way
 * round. Store changes are applied inside `cy.batch()` (structure, positions, geometry, classes —
 * each only when its inputs changed); cy events become store actions when a gesture ends.
 */
import cytoscape, { type Core, type EventObject, type NodeSingular } from 'cytoscape';
import type { AppState, AppStore } from '../store/appStore';
import { applyDecorations, applyGeometry, applyLooks, applyPositions, changedLooks, syncStructure } from './apply';
import { createOverlay } from './overlay';
import { drawnBoxes, installHitTest, type DrawnBoxes } from './hitTest';
import { planOverlay, type Look } from './overlayPlan';
import { installGestures } from './gestures';
import { createViewDeriver, type View } from './derive';
import { centre, computeGeometry, leafBox, type Box, type Geometry, type Pos } from './geometry';
import { changedPositions, followRouters, layoutAfterMove } from './layout';
import { stylesheet } from './style';
import { fitViewport } from './viewport';

export interface ContextMenuRequest {
  /** The topology element the menu is about (an edge's NIC or router, a transit's first router). */
  id: string;
  /** Where to open it, relative to the canvas container. */
  x: number;
  y: number;
}

export interface AdapterOptions {
  container: HTMLElement;
  store: AppStore;
  /** No rendering (jsdom tests): styles, classes and events still work. */
  headless?: boolean;
  onContextMenu?(request: ContextMenuRequest | null): void;
  /** A panel floating over the canvas (container pixels) that a fit keeps clear of. */
  overlay?(): Box | null;
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
  destroy(): void;
}

const FIT_PADDING = 30;

/** The topology element a tap or right-click on a drawn element is about. */
export function topologyTarget(cy: Core, id: string): string | null {
  const el = cy.getElementById(id);
  if (el.empty()) return null;
  if (el.group() === 'edges') return (el as cytoscape.EdgeSingular).source().id();
  if (el.hasClass('transit')) return (el as NodeSingular).connectedEdges()[0]?.source().id() ?? null;
  return id;
}

/**
 * Works around cytoscape 3.34: drawing a node without a background image flips its private
 * `backgrounding` flag twice (one of its two image passes counts the 'none' placeholder), and each
 * flip restyles the node with its descendants and ancestors — on a compound diagram every frame
 * restyled whole sites (300 ms per click on 64 nodes). Nothing here uses background images, so the
 * flag is held at false. Remove when cytoscape counts images consistently.
 */
function holdBackgrounding(node: NodeSingular): void {
  const p = (node as unknown as { _private?: Record<string, unknown> })._private;
  if (p && !Object.getOwnPropertyDescriptor(p, 'backgrounding')?.get) Object.defineProperty(p, 'backgrounding', { get: () => false, set: () => {}, configurable: true });
}

/**
 * cytoscape marks a pressed element `:active` on press and clears it on release, restyling it
 * each time; any restyle throws away the cached drawing of the whole diagram, so every click paid
 * two full redraws (≈ 20 ms each at 64 nodes) for a state this stylesheet never shows. Activation
 * is switched off (it is state on the shared collection prototype; nothing here reads it).
 */
function disableActivation(cy: Core): void {
  const proto = Object.getPrototypeOf(cy.collection()) as Record<string, unknown>;
  if (proto.lmpvNoActivation) return;
  const same = function (this: unknown): unknown {
    return this;
  };
  Object.assign(proto, { activate: same, unactivate: same, lmpvNoActivation: true });
}

export function createAdapter(options: AdapterOptions): CanvasAdapter {
  const { store, headless = false } = options;
  const cy = cytoscape({
    ...(headless ? { headless: true, styleEnabled: true } : { container: options.container }),
    style: stylesheet,
    minZoom: 0.08,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autounselectify: true,
  });

  cy.on('add', 'node', (e) => holdBackgrounding(e.target as NodeSingular));
  disableActivation(cy);

  const derive = createViewDeriver();
  const applied = new Map<string, Look>();
  let view: View | null = null;
  let geometry: Geometry | null = null;
  let appliedPositions: Map<string, Pos> = new Map();

  // The overlay paints a completed pair at once; the diagram restyles itself right after the
  // frame that shows it (see overlayPlan.ts), and the overlay is emptied when the diagram has drawn.
  const overlay = headless ? null : createOverlay(cy, options.container, (o) => o.on('add', 'node', (e) => holdBackgrounding(e.target as NodeSingular)));
  // The looks the overlay shows and the diagram has yet to take (null: nothing pending).
  let pending: Map<string, Look> | null = null;
  let round = 0; // a commit scheduled for an earlier overlay must not run before the next one is painted
  const commit = (): void => {
    if (!pending || cy.destroyed()) return; // destroyed: the timer outlived the diagram
    const looks = pending;
    pending = null;
    cy.batch(() => applyLooks(cy, looks, applied));
    if (overlay && overlay.size() > 0) cy.one('render', () => overlay.clear());
  };
  /** Applies a pending highlight now (before a drag, an export, a structural change). */
  const flush = (): void => {
    commit();
    overlay?.clear();
  };
  const commitAfterFrame = (looks: Map<string, Look>): void => {
    pending = looks;
    const mine = ++round;
    // After the frame that shows the overlay: a task queued from the frame's callback runs once it is painted.
    requestAnimationFrame(() => setTimeout(() => mine === round && commit(), 0));
  };

  // Boxes of what is drawn, from our geometry; stale from the start of a drag to the next move.
  let boxes: { known: DrawnBoxes | null; fresh: boolean } = { known: null, fresh: false };
  const knownBoxes = (): DrawnBoxes | null => {
    if (!boxes.fresh || !view || !geometry) return null;
    boxes.known ??= drawnBoxes(view.model, view.positions, geometry);
    return boxes.known;
  };

  /** Paints the new highlight over the diagram when it can; false: restyle the diagram instead. */
  const paintOver = (next: View): boolean => {
    if (!overlay || !geometry) return false;
    const g = geometry;
    const looks = changedLooks(next.model, next.decorations, g, applied);
    const plan = planOverlay({
      model: next.model,
      boxes: knownBoxes()?.drawn,
      changed: [...looks.keys()],
      drawn: (id) => applied.get(id) ?? null,
      next: (id) => looks.get(id) ?? applied.get(id)!,
      frame: (id) => {
        if (!next.model.byId.has(id)) return null;
        if (next.model.children.has(id)) {
          const el = cy.getElementById(id) as NodeSingular;
          return el.empty() ? null : { ...el.position(), w: el.width(), h: el.height() };
        }
        const p = next.positions.get(id);
        if (!p) return null;
        const b = leafBox(next.model, id, p, g);
        return { ...centre(b), w: b.x2 - b.x1, h: b.y2 - b.y1 };
      },
      ends: (id) => {
        const el = cy.getElementById(id) as cytoscape.EdgeSingular;
        const e = g.ends.get(id);
        if (el.empty() || !e) return null;
        return { source: el.sourceEndpoint(), target: el.targetEndpoint(), sourceEnd: e.source, targetEnd: e.target };
      },
    });
    if (!plan) return false;
    overlay.show(plan);
    commitAfterFrame(looks);
    return true;
  };

  const sync = (s: AppState, prev: AppState | null): void => {
    const next = derive(s);
    const structure = !view || next.model !== view.model;
    const moved = structure || next.positions !== view!.positions;
    const restyle = moved || next.decorations !== view!.decorations;
    if (!moved && restyle && paintOver(next)) {
      view = next;
      return;
    }
    // Restyled directly below: whatever the overlay shows is superseded in the same frame.
    pending = null;
    overlay?.clear();
    cy.batch(() => {
      if (structure) for (const id of syncStructure(cy, next.model)) applied.delete(id);
      if (moved) {
        geometry = computeGeometry(next.model, next.positions);
        applyPositions(cy, next.positions, geometry);
        applyGeometry(cy, next.model, geometry);
        appliedPositions = next.positions;
        boxes = { known: null, fresh: true };
      }
      if (restyle) applyDecorations(cy, next.model, next.decorations, geometry!, applied);
    });
    view = next;
    if (!prev || s.replaced !== prev.replaced) fit();
    warmSoon();
  };

  // A restyle leaves compound bounds and cytoscape's derived visibility stale until something asks;
  // the next press asks for them all (hit test, "is it grabbable?"), so the click that picks the
  // destination paid for the source's restyle. Recomputed while the page is idle instead.
  let warmHandle: number | null = null;
  const warm = (): void => {
    warmHandle = null;
    if (cy.destroyed()) return;
    cy.nodes().forEach((n) => {
      // `interactive()` is the cached check cytoscape's press handler runs (not in its typings).
      (n as unknown as { interactive?: () => boolean }).interactive?.();
      n.boundingBox();
    });
  };
  const warmSoon = (): void => {
    if (headless || warmHandle !== null || typeof requestIdleCallback !== 'function') return;
    warmHandle = requestIdleCallback(warm, { timeout: 1000 });
  };

  const fit = (): void => {
    if (headless || cy.elements().empty()) return;
    cy.resize(); // the room may have changed since the last ResizeObserver callback (a notice just went)
    const bb = cy.elements().boundingBox({ includeLabels: true, includeOverlays: false });
    cy.viewport(fitViewport(bb, cy.width(), cy.height(), options.overlay?.() ?? null, FIT_PADDING));
  };

  /** Current positions of every leaf, as dragged (network bars' x re-derived from their drops). */
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
    const g = computeGeometry(model, current);
    cy.batch(() => {
      applyPositions(cy, new Map([...current].filter(([id]) => model.byId.get(id)?.kind === 'transit')), g);
      applyGeometry(cy, model, g);
      applyDecorations(cy, model, view!.decorations, g, applied);
    });
  };
  const schedule = (fn: () => void): number => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : (setTimeout(fn, 0) as unknown as number));
  cy.on('grab', 'node', flush);
  installHitTest(cy, () => knownBoxes()?.hit ?? null);
  cy.on('drag', 'node', () => {
    // Our boxes hold until something is dragged; the drag's commit (a move) brings fresh ones.
    boxes = { known: null, fresh: false };
    if (!frame) frame = schedule(redrawDrag);
  });

  // One commit per drag gesture: cytoscape frees every grabbed element; the first event commits.
  let commitPending = false;
  const commitDrag = (): void => {
    commitPending = false;
    if (!view) return;
    const current = currentPositions();
    const g = computeGeometry(view.model, current);
    for (const [id, bus] of g.buses) {
      const p = current.get(id);
      if (p) current.set(id, { x: bus.x, y: p.y });
    }
    const moved = changedPositions(appliedPositions, current);
    if (moved.length === 0) return;
    const centres = new Map<string, Pos>();
    cy.nodes(':parent').forEach((n) => {
      centres.set(n.id(), { ...n.position() });
    });
    const s = store.getState();
    s.actions.commit({ ...s.document, layout: layoutAfterMove(view.model, s.document.layout ?? {}, current, centres) });
  };
  cy.on('dragfree', 'node', () => {
    if (commitPending) return;
    commitPending = true;
    queueMicrotask(commitDrag);
  });

  cy.on('tap', (e: EventObject) => {
    options.onContextMenu?.(null);
    const pointer = e.originalEvent as MouseEvent | undefined;
    const transit = e.target !== cy && e.target.hasClass('transit');
    // The store decides what a tap means (actions.tapElement); one store update per click.
    store.getState().actions.tapElement(e.target === cy ? null : topologyTarget(cy, e.target.id()), {
      additive: !!pointer && (pointer.ctrlKey || pointer.metaKey || pointer.shiftKey),
      ids: transit ? e.target.connectedEdges().map((x: cytoscape.EdgeSingular) => x.source().id()) : undefined,
    });
  });

  cy.on('cxttap', (e: EventObject) => {
    if (e.target === cy) {
      options.onContextMenu?.(null);
      return;
    }
    const id = topologyTarget(cy, e.target.id());
    if (id) options.onContextMenu?.({ id, x: e.renderedPosition?.x ?? 0, y: e.renderedPosition?.y ?? 0 });
  });
  cy.on('viewport', () => options.onContextMenu?.(null));

  // The designer's gestures (palette drop, connect, re-parent), after the handlers above.
  installGestures(cy, store);
  sync(store.getState(), null);
  const unsubscribe = store.subscribe((s, prev) => sync(s, prev));

  return {
    cy,
    view: () => view!,
    flush,
    overlay: overlay?.cy ?? null,
    settled: () => pending === null && (overlay?.size() ?? 0) === 0,
    fit,
    destroy() {
      unsubscribe();
      overlay?.destroy();
      if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      if (warmHandle !== null) cancelIdleCallback(warmHandle);
      cy.destroy();
    },
  };
}

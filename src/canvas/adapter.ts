/**
 * The cytoscape adapter: cy is created once and redrawn from the store, never the other way
 * round. Store changes are applied inside `cy.batch()` (structure, positions, geometry, classes —
 * each only when its inputs changed); cy events become store actions when a gesture ends.
 */
import cytoscape, { type Core, type EventObject, type NodeSingular } from 'cytoscape';
import type { AppState, AppStore } from '../store/appStore';
import { applyDecorations, applyGeometry, applyPositions, syncStructure } from './apply';
import { installGestures } from './gestures';
import { createViewDeriver, type View } from './derive';
import { computeGeometry, type Box, type Geometry, type Pos } from './geometry';
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

/** The host a tap picks: the host itself or the host a NIC belongs to. */
function hostOf(el: NodeSingular): string | null {
  if (el.hasClass('host')) return el.id();
  const parent = el.parent().first();
  return el.hasClass('nic') && parent.nonempty() ? parent.id() : null;
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

  const derive = createViewDeriver();
  const applied = new Map<string, string>();
  let view: View | null = null;
  let geometry: Geometry | null = null;
  let appliedPositions: Map<string, Pos> = new Map();

  const sync = (s: AppState, prev: AppState | null): void => {
    const next = derive(s);
    const structure = !view || next.model !== view.model;
    const moved = structure || next.positions !== view!.positions;
    cy.batch(() => {
      if (structure) for (const id of syncStructure(cy, next.model)) applied.delete(id);
      if (moved) {
        geometry = computeGeometry(next.model, next.positions);
        applyPositions(cy, next.positions, geometry);
        applyGeometry(cy, next.model, geometry);
        appliedPositions = next.positions;
      }
      if (moved || next.decorations !== view!.decorations) applyDecorations(cy, next.model, next.decorations, geometry!, applied);
    });
    view = next;
    const loaded = prev !== null && s.document !== prev.document && s.savedDocument !== prev.savedDocument && s.document === s.savedDocument;
    if (!prev || loaded) fit();
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
  cy.on('drag', 'node', () => {
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
    const { actions, ui } = store.getState();
    if (e.target === cy) {
      actions.select([]);
      return;
    }
    const id = topologyTarget(cy, e.target.id());
    const pointer = e.originalEvent as MouseEvent | undefined;
    // Ctrl/Cmd- or Shift-click adds to (or removes from) the selection and picks no pair.
    if (id && pointer && (pointer.ctrlKey || pointer.metaKey || pointer.shiftKey)) {
      actions.select(ui.selectedIds.includes(id) ? ui.selectedIds.filter((x) => x !== id) : [...ui.selectedIds, id]);
      return;
    }
    if (e.target.hasClass('transit')) actions.select(e.target.connectedEdges().map((x: cytoscape.EdgeSingular) => x.source().id()));
    else if (id) actions.select([id]);
    if (ui.tool !== 'select' || !e.target.isNode()) return;
    const host = hostOf(e.target as NodeSingular);
    if (host) actions.pickNode(host);
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
    fit,
    destroy() {
      unsubscribe();
      if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      if (warmHandle !== null) cancelIdleCallback(warmHandle);
      cy.destroy();
    },
  };
}

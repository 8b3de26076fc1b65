/**
 * The diagram: mounts the cytoscape adapter once, registers the CanvasApi for commands and
 * exports, and hosts the legend and the context menu. The store stays the one truth.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useCanvasApi } from '../CanvasContext';
import { Deferred, useAppStore } from '../StoreContext';
import { createAdapter, type ContextMenuRequest } from '../../canvas/adapter';
import { union, type Box } from '../../canvas/geometry';
import { createCanvasApi } from '../../canvas/canvasApi';
import { testHandle } from '../testHandle';
import { timing } from '../../canvas/timing';
import { ContextMenu } from './ContextMenu';
import { Legend } from './Legend';
import { markDiagramMounted } from './mounted';
import './canvas.css';

/** A panel another feature floats over the canvas area (the designer's palette), in canvas pixels. */
function floatingPanel(canvas: HTMLElement): Box | null {
  const area = canvas.closest('.canvas-area');
  const own = canvas.closest('.graph-view');
  if (!area) return null;
  const c = canvas.getBoundingClientRect();
  let box: Box | null = null;
  for (const child of area.children) {
    if (child === own || getComputedStyle(child).position !== 'absolute') continue;
    const r = child.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const b = { x1: r.left - c.left, y1: r.top - c.top, x2: r.right - c.left, y2: r.bottom - c.top };
    box = union(box, b);
  }
  return box;
}

export function GraphView({ headless = false }: { headless?: boolean }) {
  const store = useAppStore();
  // The holder is a ref-like box (`current`) shared with the commands.
  const apiRef = useCanvasApi();
  const container = useRef<HTMLDivElement>(null);
  const drawingNote = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<ContextMenuRequest | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  useLayoutEffect(() => {
    const el = container.current!;
    // A large design is drawn in steps (canvas/render.ts): its name and "Drawing…" meanwhile, set
    // here at once (the steps run outside React's renders).
    const onDrawing = (busy: boolean): void => {
      const note = drawingNote.current;
      if (!note) return;
      const name = store.getState().document.name?.trim();
      note.textContent = busy ? (name ? `Drawing ${name}…` : 'Drawing…') : '';
      note.hidden = !busy;
    };
    const adapter = createAdapter({ container: el, store, headless, onContextMenu: setMenu, overlay: () => floatingPanel(el), onDrawing });
    const api = createCanvasApi(adapter, store);
    apiRef.current = api;
    // The test handle main.tsx installs (src/ui/testHandle.ts; absent in unit tests) gets the diagram.
    const hook = testHandle();
    if (hook) Object.assign(hook, { cy: adapter.cy, overlay: adapter.overlay, settled: adapter.settled, canvas: api, timing, floating: () => floatingPanel(el) });
    // When the room shrinks (a notice appears or grows, the legend opens), a diagram that was
    // whole on screen is fitted again instead of running under the edges; a zoomed-in view is left.
    const whole = (): boolean => {
      const cy = adapter.cy;
      if (cy.elements().empty()) return true;
      const b = cy.elements().renderedBoundingBox({ includeLabels: true, includeOverlays: false });
      return b.x1 >= -1 && b.y1 >= -1 && b.x2 <= cy.width() + 1 && b.y2 <= cy.height() + 1;
    };
    // Handled after the frame the change is painted in, not inside it (issue 25): the legend
    // strip grows and shrinks with what a click lights, and measuring the diagram (`whole`) and
    // resizing cytoscape (a full redraw) in that frame doubled a pick's time. Meanwhile the
    // canvas keeps its size, clipped by the container (a strip under the legend for one frame).
    let pending = 0;
    const onResize = (): void => {
      pending = 0;
      if (adapter.cy.destroyed()) return;
      // A large design drawn in steps (canvas/render.ts): measuring it here would compute every
      // element's bounds in this one task (the legend strip of the new design resizes the canvas
      // meanwhile); its fit, at the end of the steps, takes the new size.
      if (adapter.drawing()) return void adapter.cy.resize();
      const wasWhole = whole();
      adapter.cy.resize();
      if (wasWhole && !whole()) adapter.fit();
    };
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            if (pending) return;
            pending = requestAnimationFrame(() => {
              pending = -1;
              setTimeout(onResize, 0);
            });
          })
        : null;
    observer?.observe(container.current!);
    markDiagramMounted();
    return () => {
      observer?.disconnect();
      if (pending > 0) cancelAnimationFrame(pending);
      if (hook?.cy === adapter.cy) {
        delete hook.cy;
        delete hook.overlay;
        delete hook.settled;
        delete hook.canvas;
        delete hook.timing;
      }
      if (apiRef.current === api) apiRef.current = null;
      adapter.destroy();
    };
  }, [store, apiRef, headless]);

  return (
    <div className="graph-view" data-testid="graph">
      <div
        ref={container}
        className="graph-canvas"
        role="region"
        data-testid="graph-canvas"
        aria-label="Cluster diagram. Click a node for the source, then another for the destination; right-click an element for its actions. The Path tab lists the same path as text."
        onContextMenu={(e) => e.preventDefault()}
      />
      <div ref={drawingNote} className="graph-drawing" data-testid="graph-drawing" role="status" aria-live="polite" hidden />
      {/* The legend follows the diagram a render later (issue 25). */}
      <Deferred>
        <Legend />
      </Deferred>
      {menu && <ContextMenu request={menu} onClose={closeMenu} />}
    </div>
  );
}

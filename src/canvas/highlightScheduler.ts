/**
 * Highlight scheduling (decision 45): a completed pair is painted at once on a small second
 * cytoscape over the diagram (./overlay.ts draws, ./overlayPlan.ts decides what it can paint);
 * the diagram takes the same looks right after the frame that shows them, and the overlay is
 * emptied when the diagram has drawn. Anything the overlay cannot paint over is left to the
 * renderer (./render.ts), which restyles the diagram directly and calls `supersede()`.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { applyLooks, changedLooks } from './applyView';
import { holdBackgrounding } from './cyWorkarounds';
import type { View } from './viewDeriver';
import { centre, leafBox, type Box, type Geometry } from './geometry';
import { createOverlay } from './overlay';
import { planOverlay, type Look } from './overlayPlan';
import { timed } from './timing';

export interface HighlightScheduler {
  /** Paints `next`'s highlight over the diagram when it can (true); false: restyle the diagram instead. */
  paint(next: View, geometry: Geometry, boxes: ReadonlyMap<string, Box> | undefined): boolean;
  /** The diagram is being restyled directly: whatever the overlay shows is superseded in the same frame. */
  supersede(): void;
  /** Applies a pending highlight to the diagram now (before a drag, an export, a structural change). */
  flush(): void;
  /** True when the diagram itself shows the whole current highlight. */
  settled(): boolean;
  /** The overlay's cytoscape (null when headless). */
  overlay: Core | null;
  destroy(): void;
}

/** `applied`: the looks the diagram shows, shared with the renderer (which restyles it directly). */
export function createHighlightScheduler(cy: Core, container: HTMLElement | null, applied: Map<string, Look>): HighlightScheduler {
  const overlay = container ? createOverlay(cy, container, holdBackgrounding) : null;
  // The looks the overlay shows and the diagram has yet to take (null: nothing pending).
  let pending: Map<string, Look> | null = null;
  let round = 0; // a commit scheduled for an earlier overlay must not run before the next one is painted

  const commit = (): void => {
    if (!pending || cy.destroyed()) return; // destroyed: the timer outlived the diagram
    const looks = pending;
    pending = null;
    timed('canvas: diagram takes the overlay\'s looks (after the frame)', () => cy.batch(() => applyLooks(cy, looks, applied)));
    if (overlay && overlay.size() > 0) cy.one('render', () => overlay.clear());
  };
  const commitAfterFrame = (looks: Map<string, Look>): void => {
    pending = looks;
    const mine = ++round;
    // After the frame that shows the overlay: a task queued from the frame's callback runs once it is painted.
    requestAnimationFrame(() => setTimeout(() => mine === round && commit(), 0));
  };

  return {
    overlay: overlay?.cy ?? null,
    paint(next, g, boxes) {
      if (!overlay) return false;
      const looks = changedLooks(next.model, next.decorations, g, applied);
      const plan = planOverlay({
        model: next.model,
        boxes,
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
          const el = cy.getElementById(id) as EdgeSingular;
          const e = g.ends.get(id);
          if (el.empty() || !e) return null;
          return { source: el.sourceEndpoint(), target: el.targetEndpoint(), sourceEnd: e.source, targetEnd: e.target };
        },
      });
      if (!plan) return false;
      overlay.show(plan);
      commitAfterFrame(looks);
      return true;
    },
    supersede() {
      pending = null;
      overlay?.clear();
    },
    flush() {
      commit();
      overlay?.clear();
    },
    settled: () => pending === null && (overlay?.size() ?? 0) === 0,
    destroy() {
      overlay?.destroy();
    },
  };
}

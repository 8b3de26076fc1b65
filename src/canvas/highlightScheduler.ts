/**
 * The highlight layer (issue 25, round 3; it replaces decision 45's overlay-then-commit): the
 * diagram draws every element plain, and the highlight — the veil that fades, the copies of what
 * is lit — is drawn on a small second cytoscape over it (./overlay.ts draws, ./overlayPlan.ts
 * decides). A pick, a cleared pair, a what-if or a restore repaints the layer only; the diagram is
 * not restyled, in the click's frame or after it.
 *
 * What the layer does not draw stays on the diagram: the selection of a site (a site's copy would
 * have to hold the whole site), a selection of more than `SELECTION_ON_LAYER` elements, and —
 * when the layer cannot take the highlight at all (no container: headless; more than
 * `MAX_COPIES` copies) — the whole highlight, as before (`paint` returns false, the renderer
 * restyles the diagram with the view's decorations).
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { lookOf } from './applyView';
import { holdBackgrounding } from './cyWorkarounds';
import type { View } from './viewDeriver';
import { centre, leafBox, type Box, type Geometry } from './geometry';
import { plainDecorations, type Decoration } from './highlight';
import { createOverlay } from './overlay';
import { byDecorations, planLayer, type Look } from './overlayPlan';
import type { DiagramModel } from './elements';
import { timed } from './timing';

/** A selection larger than this (select all) is drawn by the diagram: that many copies would cost more than a restyle. */
export const SELECTION_ON_LAYER = 40;

export interface HighlightScheduler {
  /**
   * Draws `next`'s highlight on the layer, over the diagram drawn with `plain(next)` (true). False:
   * the layer cannot (headless, too much) and is emptied; the diagram must draw `next.decorations`.
   */
  paint(next: View, geometry: Geometry, boxes: () => ReadonlyMap<string, Box> | undefined): boolean;
  /** What the diagram itself draws under the layer; the same map while the selection it draws is the same. */
  plain(next: View): Map<string, Decoration>;
  /** The copies follow the diagram's elements to where they are now (a drag under way). */
  track(): void;
  /** Runs pending work now (the copies' names grown for a new zoom). */
  flush(): void;
  /** True when the layer shows the current highlight for the current zoom. */
  settled(): boolean;
  /** The layer's cytoscape (null when headless). */
  overlay: Core | null;
  destroy(): void;
}

/** The selected ids the diagram draws itself. */
function selectionOnDiagram(model: DiagramModel, selectedIds: readonly string[]): string[] {
  if (selectedIds.length > SELECTION_ON_LAYER) return [...selectedIds];
  return selectedIds.filter((id) => model.byId.get(id)?.kind === 'site');
}

export function createHighlightScheduler(cy: Core, container: HTMLElement | null): HighlightScheduler {
  const overlay = container ? createOverlay(cy, container, holdBackgrounding) : null;
  let plainKey: { model: DiagramModel; ids: string } | null = null;
  let plainMap = new Map<string, Decoration>();
  // The diagram's looks for one plain map and geometry, computed once.
  let drawnOf: { plain: Map<string, Decoration>; geometry: Geometry; looks: Map<string, Look>; fades: Map<string, boolean> } | null = null;
  let frame = 0;

  const plain = (next: View): Map<string, Decoration> => {
    const selectedIds: string[] = [];
    for (const [id, d] of next.decorations) if (d.classes.includes('selected')) selectedIds.push(id);
    const selected = selectionOnDiagram(next.model, selectedIds);
    const ids = selected.join('\n');
    if (!plainKey || plainKey.model !== next.model || plainKey.ids !== ids) {
      plainKey = { model: next.model, ids };
      plainMap = plainDecorations(next.model, selected);
    }
    return plainMap;
  };

  // After a zoom: the copies' names at the next frame, and the covers of the diagram's own names a
  // frame later (the renderer grows those at the next frame too, after this layer).
  let coverFrame = 0;
  const regrowSoon = (): void => {
    if (!overlay || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (cy.destroyed()) return;
      overlay.regrow();
      if (!coverFrame)
        coverFrame = requestAnimationFrame(() => {
          coverFrame = 0;
          if (!cy.destroyed()) overlay.recover();
        });
    });
  };
  if (overlay) cy.on('viewport', regrowSoon);

  return {
    overlay: overlay?.cy ?? null,
    plain,
    paint(next, g, boxes) {
      if (!overlay) return false;
      return timed('canvas: highlight layer', () => {
        const model = next.model;
        const diagram = plain(next);
        if (!drawnOf || drawnOf.plain !== diagram || drawnOf.geometry !== g) drawnOf = { plain: diagram, geometry: g, looks: new Map(), fades: new Map() };
        const { looks: drawnLooks, fades } = drawnOf;
        const drawn = (id: string): Look => {
          let look = drawnLooks.get(id);
          if (!look) drawnLooks.set(id, (look = lookOf(model, id, diagram, g)));
          return look;
        };
        const plan = planLayer({
          model,
          boxes,
          look: (id) => lookOf(model, id, next.decorations, g),
          drawn,
          quick: byDecorations(next.decorations, diagram, drawn, fades),
          frame: (id) => {
            if (model.children.has(id)) {
              const el = cy.getElementById(id) as NodeSingular;
              return el.empty() ? null : { ...el.position(), w: el.width(), h: el.height() };
            }
            const p = next.positions.get(id);
            if (!p) return null;
            const b = leafBox(model, id, p, g);
            return { ...centre(b), w: b.x2 - b.x1, h: b.y2 - b.y1 };
          },
          ends: (id) => {
            const el = cy.getElementById(id) as EdgeSingular;
            const e = g.ends.get(id);
            if (el.empty() || !e) return null;
            return { source: el.sourceEndpoint(), target: el.targetEndpoint(), sourceEnd: e.source, targetEnd: e.target, ...(e.path ? { path: e.path } : {}) };
          },
        });
        if (!plan) {
          overlay.clear();
          return false;
        }
        overlay.show(plan, model);
        return true;
      });
    },
    track() {
      overlay?.track();
    },
    flush() {
      if (!overlay) return;
      if (frame) {
        cancelAnimationFrame(frame);
        frame = 0;
        overlay.regrow();
      }
      if (coverFrame) {
        cancelAnimationFrame(coverFrame);
        coverFrame = 0;
      }
      overlay.recover();
    },
    settled: () => frame === 0 && coverFrame === 0,
    destroy() {
      if (overlay) cy.off('viewport', regrowSoon);
      if (frame) cancelAnimationFrame(frame);
      if (coverFrame) cancelAnimationFrame(coverFrame);
      overlay?.destroy();
    },
  };
}

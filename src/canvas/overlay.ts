/**
 * The highlight overlay: a second, small cytoscape drawn over the diagram, with the same
 * stylesheet and viewport, that paints a plan (see overlayPlan.ts) in one cheap frame. It never
 * takes input (pointer events pass through to the diagram) and is emptied once the diagram has
 * drawn the same picture itself.
 */
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import { COMPACT, HOST } from './metrics';
import type { OverlayPlan } from './overlayPlan';
import { PALETTE, stylesheet } from './style';

/**
 * A host is a compound in the diagram and a plain box here: transparent (its NICs show through
 * from below), its label where the compound's is, on the site's colour so that it covers the
 * faded label underneath; faded like a compound.
 */
const overlayRules: StylesheetJson = [
  { selector: 'node.host.copy', style: { 'background-opacity': 0, 'text-valign': 'top', 'text-margin-y': -HOST.labelGap, 'text-background-color': PALETTE.siteFill, 'text-background-opacity': 1, 'text-background-padding': '1px' } },
  { selector: 'node.host.copy.label-below', style: { 'text-valign': 'bottom', 'text-margin-y': HOST.labelGap } },
  { selector: 'node.host.copy.compact', style: { 'text-margin-y': -COMPACT.host.labelGap } },
  { selector: 'node.host.copy.compact.label-below', style: { 'text-margin-y': COMPACT.host.labelGap } },
  { selector: 'node.host.copy.dimmed', style: { 'background-blacken': 0, 'border-opacity': 0.45, 'text-opacity': 0.55 } },
];

export interface Overlay {
  cy: Core;
  show(plan: OverlayPlan): void;
  clear(): void;
  /** Elements painted (0: nothing over the diagram). */
  size(): number;
  destroy(): void;
}

export function createOverlay(base: Core, host: HTMLElement, prepare: (cy: Core) => void): Overlay {
  const layer = document.createElement('div');
  layer.className = 'graph-overlay';
  layer.setAttribute('aria-hidden', 'true');
  layer.dataset.testid = 'graph-overlay';
  host.appendChild(layer);
  const cy = cytoscape({
    container: layer,
    style: [...(stylesheet as object[]), ...(overlayRules as object[])] as StylesheetJson,
    minZoom: base.minZoom(),
    maxZoom: base.maxZoom(),
    userPanningEnabled: false,
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
    autounselectify: true,
  });
  prepare(cy);
  const follow = (): void => {
    if (cy.elements().nonempty()) cy.viewport({ zoom: base.zoom(), pan: base.pan() });
  };
  base.on('viewport', follow);
  const resize = (): void => {
    cy.resize();
  };
  base.on('resize', resize);

  return {
    cy,
    show(plan) {
      cy.batch(() => {
        cy.elements().remove();
        cy.add([
          ...plan.nodes.map((n) => ({
            group: 'nodes' as const,
            // The names grown while zoomed out (render.ts) as the diagram draws them.
            data: { id: n.id, label: n.label, w: n.w, h: n.h, ...grown(base, n.id, n.label) },
            position: { x: n.x, y: n.y },
            classes: `${n.classes} copy`,
          })),
          ...plan.edges.map((e) => ({
            group: 'edges' as const,
            data: { id: e.id, source: e.source, target: e.target, label: e.label, sourceEnd: e.sourceEnd, targetEnd: e.targetEnd },
            classes: e.classes,
          })),
        ]);
        cy.viewport({ zoom: base.zoom(), pan: base.pan() });
      });
    },
    clear() {
      if (cy.elements().nonempty()) cy.elements().remove();
    },
    size: () => cy.elements().length,
    destroy() {
      base.off('viewport', follow);
      base.off('resize', resize);
      cy.destroy();
      layer.remove();
    },
  };
}

/** A copy's grown name (textGrowth.ts) as the diagram draws it; a network's short label from the copy's own label. */
function grown(base: Core, id: string, label: string): { fs?: number; short?: string } {
  const el = base.getElementById(id);
  const fs = Number(el.data('fs') ?? 0);
  if (!(fs > 0)) return {};
  const short = String(el.data('short') ?? '');
  // A network's one line from the copy's label; a node's full label (its short form may predate the tag).
  return { fs, ...(short && el.hasClass('network') ? { short: label.split('\n')[0] ?? '' } : {}) };
}

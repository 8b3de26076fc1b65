/**
 * The highlight layer (issue 25, round 3): a second, small cytoscape over the diagram, with the
 * same stylesheet and viewport, that draws a plan (see overlayPlan.ts): the veil — a translucent
 * sheet of the canvas background, this layer's own background, over the whole diagram while
 * anything is faded — and over it copies of what is lit. It never takes input (pointer events
 * pass through to the diagram); it follows the diagram's viewport and size, and, during a drag,
 * its elements (`track`).
 */
import cytoscape, { type Core, type EdgeSingular, type NodeSingular, type StylesheetJson } from 'cytoscape';
import { onScreen, STRAIGHT } from './applyView';
import type { DiagramModel } from './elements';
import { grownName, grows } from './grownName';
import { placeNumbers, type NumberedLine } from './numberPlaces';
import type { Box } from './geometry';
import { COMPACT, HOST, SITE } from './metrics';
import type { LayerPlan } from './overlayPlan';
import { PALETTE, stylesheet, VEIL, VEIL_COLOUR } from './style';

/** `a` seen through a sheet of `b` at opacity `k` (#rrggbb). */
export function throughVeil(a: string, b: string, k: number): string {
  const rgb = (h: string): number[] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [x, y] = [rgb(a), rgb(b)];
  return `#${x.map((v, i) => Math.round(v * (1 - k) + y[i]! * k).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The copies' own rules, after the diagram's. Copies are ordered by hand (`z-index`): sites, then
 * hosts, then lines, then the rest — as the diagram draws a compound under its lines and a bar
 * over the drops that pass behind it. A compound of the diagram is a plain box here: its label is
 * put back where the compound's is (a childless node's label would be centred), a host's on an
 * opaque ground of the site's colour as seen (through the veil or not) so that it covers the
 * diagram's own label underneath; a site is a frame (it never fades: its fill is the diagram's,
 * under the veil). A ghost is a lit line's end that is not lit itself: invisible, there for the
 * line's end point.
 */
const layerRules: StylesheetJson = [
  { selector: 'node.copy, edge.copy', style: { 'z-index-compare': 'manual', 'z-index': 4 } },
  { selector: 'edge.copy', style: { 'z-index': 3 } },
  { selector: 'node.host.copy', style: { 'z-index': 2 } },
  // Under a host's copy, the diagram's own name of that host is covered (it may be wider: the copy's may be shortened).
  { selector: 'node.cover', style: { 'z-index-compare': 'manual', 'z-index': 1, shape: 'rectangle', width: 'data(w)', height: 'data(h)', 'border-width': 0, label: '', 'background-color': PALETTE.siteFill, events: 'no' } },
  { selector: 'node.cover.veiled', style: { 'background-color': throughVeil(PALETTE.siteFill, VEIL_COLOUR, VEIL) } },
  { selector: 'node.site.copy', style: { 'z-index': 0, 'background-opacity': 0 } },
  { selector: 'node.site.copy.compound', style: { 'text-valign': 'top', 'text-margin-y': -SITE.labelGap } },
  { selector: 'node.site.copy.compound.compact', style: { 'text-margin-y': -COMPACT.site.labelGap } },
  { selector: 'node.host.copy.compound', style: { 'text-valign': 'top', 'text-margin-y': -HOST.labelGap, 'text-background-color': PALETTE.siteFill, 'text-background-opacity': 1, 'text-background-padding': '1px' } },
  { selector: 'node.host.copy.compound.label-below', style: { 'text-valign': 'bottom', 'text-margin-y': HOST.labelGap } },
  { selector: 'node.host.copy.compound.compact', style: { 'text-margin-y': -COMPACT.host.labelGap } },
  { selector: 'node.host.copy.compound.compact.label-below', style: { 'text-margin-y': COMPACT.host.labelGap } },
  { selector: 'node.host.copy.compound.veiled', style: { 'text-background-color': throughVeil(PALETTE.siteFill, VEIL_COLOUR, VEIL) } },
  // A lit host's name moved sideways to stay inside its site's frame (`keepNamesInSites`).
  { selector: 'node.host.copy.compound[dx]', style: { 'text-margin-x': 'data(dx)' as unknown as number } },
  // The diagram's `:parent` rules, for the boxes that stand for compounds.
  { selector: 'node.copy.compound.dimmed', style: { 'background-blacken': 0, 'border-opacity': 0.45, 'text-opacity': 0.55, 'background-opacity': 0.6 } },
  { selector: 'node.copy.compound.failed', style: { 'border-width': 4, 'background-opacity': 1 } },
  { selector: 'node.copy.ghost', style: { opacity: 0 } },
  // A dashed or dotted line shows the ground between its dashes, not the diagram's own line under it.
  { selector: 'edge.copy', style: { 'underlay-color': PALETTE.siteFill, 'underlay-opacity': 1, 'underlay-padding': 0 } },
  { selector: 'edge.copy.veiled', style: { 'underlay-color': throughVeil(PALETTE.siteFill, VEIL_COLOUR, VEIL) } },
  { selector: 'edge.copy.selected', style: { 'underlay-color': PALETTE.selected, 'underlay-opacity': 0.25, 'underlay-padding': 6 } },
  // A fallback number moved along its line, or left out, clear of the others (`spreadNumbers`).
  { selector: 'edge.copy[off]', style: { 'source-text-offset': 'data(off)' as unknown as number } },
  { selector: 'edge.copy.crowded', style: { 'source-label': '' } },
];

export interface Overlay {
  cy: Core;
  show(plan: LayerPlan, model: DiagramModel): void;
  clear(): void;
  /** Moves the copies to where the diagram's elements are now (a drag under way). */
  track(): void;
  /** Grows the copies' names for the current zoom. */
  regrow(): void;
  /** Fits the covers of the diagram's own host names to those names as drawn now (they grow with the zoom too). */
  recover(): void;
  /** The veil is drawn. */
  veiled(): boolean;
  /** Elements drawn (0: nothing over the diagram). */
  size(): number;
  destroy(): void;
}

const NAMES = 'node.host.copy, node.network.copy, node.site.copy';
const coverId = (id: string): string => `${id}\u0000name`;

/**
 * The layer's renderer draws its node canvas only. Cytoscape's renderer has three canvases (nodes,
 * dragged elements, the selection box) and on every change (`notify`: an element added, removed,
 * restyled; a viewport) it marks the node and the drag canvas to be drawn again, and on a viewport
 * the selection box's too (`redrawHint('eles' | 'drag' | 'select')`, src/extensions/renderer/base/
 * index.mjs): each such frame clears the two that are always empty here — nothing on the layer is
 * ever grabbed, dragged or box-selected, it takes no input (`pointer-events: none`) — and hands
 * them to the compositor again, ≈ 2–3 ms of a pick's frame on the 64-node cluster (the clear of a
 * canvas the compositor holds copies it; the commit uploads it). Those two hints are dropped; a
 * resize still clears every canvas (cytoscape sizes them again). Returns false when the renderer
 * has no such method (headless, another cytoscape): nothing changed.
 */
export function drawNodeCanvasOnly(cy: Core): boolean {
  type Hint = (this: unknown, group: string, on: boolean) => void;
  const r = (cy as unknown as { renderer(): { redrawHint?: Hint } | undefined }).renderer();
  const hint = r?.redrawHint;
  if (!r || typeof hint !== 'function') return false;
  r.redrawHint = function (group, on) {
    if (group === 'drag' || group === 'select') return;
    hint.call(this, group, on);
  };
  return true;
}

const veilCss = `rgba(${[1, 3, 5].map((i) => parseInt(VEIL_COLOUR.slice(i, i + 2), 16)).join(', ')}, ${VEIL})`;

export function createOverlay(base: Core, host: HTMLElement, prepare: (cy: Core) => void): Overlay {
  const layer = document.createElement('div');
  layer.className = 'graph-overlay';
  layer.setAttribute('aria-hidden', 'true');
  layer.dataset.testid = 'graph-overlay';
  host.appendChild(layer);
  const cy = cytoscape({
    container: layer,
    style: [...(stylesheet as object[]), ...(layerRules as object[])] as StylesheetJson,
    minZoom: 1e-3, // it follows the diagram, whose lower bound moves with the fit (viewport.ts MIN_ZOOM)
    maxZoom: base.maxZoom(),
    userPanningEnabled: false,
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
    autounselectify: true,
  });
  prepare(cy);
  drawNodeCanvasOnly(cy);
  let model: DiagramModel | null = null;
  let veil = false;
  const follow = (): void => {
    if (cy.elements().empty()) return;
    const [zoom, pan, was] = [base.zoom(), base.pan(), cy.pan()];
    if (zoom !== cy.zoom() || pan.x !== was.x || pan.y !== was.y) cy.viewport({ zoom, pan });
  };
  base.on('viewport', follow);
  const resize = (): void => {
    cy.resize();
  };
  base.on('resize', resize);
  const setVeil = (on: boolean): void => {
    if (on === veil) return;
    veil = on;
    layer.style.background = on ? veilCss : '';
    layer.dataset.veil = on ? 'on' : 'off';
  };
  setVeil(false);

  const grownData = (id: string, label: string, zoom: number): { fs: number; short: string } => {
    const n = model?.byId.get(id);
    if (!model || !n || !grows(n)) return { fs: 0, short: '' };
    const el = base.getElementById(id);
    if (el.empty()) return { fs: 0, short: '' };
    return grownName(model.metrics, n, label, n.kind === 'host' ? (el as NodeSingular).outerWidth() : Number(el.data('w')) || n.w, zoom);
  };

  /** Where the diagram draws a host's name (model coordinates), a pixel wider each side. */
  const nameBox = (id: string): { of: string; x: number; y: number; w: number; h: number } => {
    const el = base.getElementById(id) as NodeSingular;
    const b = el.empty() ? null : el.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    if (!b || !(b.w > 0)) return { of: id, x: 0, y: 0, w: 0, h: 0 };
    return { of: id, x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2, w: b.w + 2, h: b.h + 2 };
  };

  /**
   * A lit host's name is longer than its plain one (" · DESTINATION"). The restyled diagram grew the
   * host's site to hold it; the layer does not regrow the diagram, so a name that would run past its
   * site's frame (a host at the site's edge) is moved sideways, just inside the frame (a margin of
   * 2 model px). A name wider than the frame stays centred.
   */
  const keepNamesInSites = (): void => {
    cy.nodes('node.host.copy.compound').forEach((n) => {
      const site = base.getElementById(n.id()).parent();
      const dx = Number(n.data('dx') ?? 0);
      if (site.empty()) {
        if (dx !== 0) n.removeData('dx');
        return;
      }
      const frame = site.boundingBox({ includeLabels: false, includeOverlays: false });
      const name = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      if (!(name.w > 0)) return;
      // Where the name would be without the move.
      const [x1, x2] = [name.x1 - dx, name.x2 - dx];
      const margin = 2;
      let want = 0;
      if (x2 - x1 <= frame.w - 2 * margin) {
        if (x1 < frame.x1 + margin) want = frame.x1 + margin - x1;
        else if (x2 > frame.x2 - margin) want = frame.x2 - margin - x2;
      }
      if (Math.abs(want - dx) < 0.5) return;
      if (want === 0) n.removeData('dx');
      else n.data('dx', want);
    });
  };

  /**
   * The lit lines' fallback numbers placed clear of each other and of the names (./numberPlaces.ts):
   * the names of the lit copies (a NIC's is inside its tile), of the diagram's routers, router links
   * and bars, and the copied bars, drawn over the lines. A routed line (three sites or more) keeps
   * its number where the style puts it.
   */
  const spreadNumbers = (): void => {
    const lines: NumberedLine[] = [];
    cy.edges().forEach((e) => {
      const drawn = base.getElementById(e.id());
      if (!e.data('label') || drawn.empty() || drawn.hasClass('wan-link')) return;
      lines.push({
        id: e.id(),
        label: String(e.data('label')),
        source: e.sourceEndpoint(),
        target: e.targetEndpoint(),
        at: drawn.numericStyle('source-text-offset'),
        fontSize: drawn.numericStyle('font-size'),
      });
    });
    if (lines.length === 0) return;
    const labelOnly = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as const;
    const obstacles: Box[] = [];
    const name = (n: NodeSingular): void => {
      if (!n.data('label')) return;
      const b = n.boundingBox(labelOnly);
      if (b.w > 0 && b.h > 0) obstacles.push(b);
    };
    cy.nodes(':childless').not('.cover, .ghost, .nic').forEach(name);
    cy.nodes('node.network.copy').forEach((n) => {
      obstacles.push(n.boundingBox({ includeLabels: false, includeOverlays: false }));
    });
    base.nodes('node.router, node.transit, node.network').forEach((n) => {
      if (cy.getElementById(n.id()).empty()) name(n);
    });
    const places = placeNumbers(lines, obstacles);
    cy.batch(() => {
      for (const [id, place] of places) {
        const e = cy.getElementById(id);
        if ('crowded' in place) {
          if (!e.hasClass('crowded')) e.addClass('crowded');
          continue;
        }
        if (e.hasClass('crowded')) e.removeClass('crowded');
        if (e.data('off') !== place.off) e.data('off', place.off);
      }
    });
  };

  const recover = (): void => {
    cy.nodes('.cover').forEach((n) => {
      const { x, y, w, h } = nameBox(n.data('of') as string);
      if (n.position('x') !== x || n.position('y') !== y) n.position({ x, y });
      if (n.data('w') !== w || n.data('h') !== h) n.data({ w, h });
    });
  };

  /** A copied line's bends (a router link between three sites or more is routed: `edge.wan-link`), as the diagram has them. */
  const bendsOf = (id: string): { segW: string; segD: string } => {
    const el = base.getElementById(id);
    return { segW: (el.data('segW') as string | undefined) ?? STRAIGHT.segW, segD: (el.data('segD') as string | undefined) ?? STRAIGHT.segD };
  };

  return {
    cy,
    show(plan, m) {
      model = m;
      const zoom = base.zoom();
      const extra = `copy${plan.veil ? ' veiled' : ''}`;
      type Spec = { group: 'nodes' | 'edges'; data: Record<string, unknown>; position?: { x: number; y: number }; classes: string };
      const specs: Spec[] = [
        ...plan.nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, label: onScreen(n.label), w: n.w, h: n.h, ...(n.ghost ? {} : grownData(n.id, onScreen(n.label), zoom)) },
          position: { x: n.x, y: n.y },
          classes: `${n.classes} ${extra}${n.compound ? ' compound' : ''}${n.ghost ? ' ghost' : ''}`,
        })),
        ...plan.edges.map((e) => ({
          group: 'edges' as const,
          data: { id: e.id, source: e.source, target: e.target, label: e.label, sourceEnd: e.sourceEnd, targetEnd: e.targetEnd, ...bendsOf(e.id) },
          classes: `${e.classes} ${extra}`,
        })),
        ...plan.nodes
          .filter((n) => n.kind === 'host' && n.compound && !n.ghost)
          .map((n) => {
            const { of, x, y, w, h } = nameBox(n.id);
            return { group: 'nodes' as const, data: { id: coverId(n.id), of, w, h }, position: { x, y }, classes: `cover${plan.veil ? ' veiled' : ''}` };
          }),
      ];
      // Only what changed: a copy kept as it was keeps cytoscape's cached drawing of it.
      const wanted = new Map(specs.map((x) => [String(x.data.id), x]));
      cy.batch(() => {
        cy.elements()
          .filter((el) => {
            const want = wanted.get(el.id());
            return !want || (el.isEdge() && (el.data('source') !== want.data.source || el.data('target') !== want.data.target));
          })
          .remove();
        const add: Spec[] = [];
        for (const spec of specs) {
          const el = cy.getElementById(String(spec.data.id));
          if (el.empty()) {
            add.push(spec);
            continue;
          }
          if (el.classes().join(' ') !== spec.classes.split(' ').filter(Boolean).join(' ')) el.classes(spec.classes);
          const changed = Object.entries(spec.data).filter(([k, v]) => k !== 'id' && k !== 'source' && k !== 'target' && el.data(k) !== v);
          if (changed.length > 0) el.data(Object.fromEntries(changed));
          // A datum the copy had and no longer has (a grown size gone): back to none.
          for (const k of ['fs', 'short']) if (!(k in spec.data) && el.data(k)) el.data(k, k === 'fs' ? 0 : '');
          if (spec.position && el.isNode()) {
            const p = el.position();
            if (p.x !== spec.position.x || p.y !== spec.position.y) el.position({ ...spec.position });
          }
        }
        if (add.length > 0) cy.add(add);
        follow();
      });
      keepNamesInSites();
      spreadNumbers();
      setVeil(plan.veil);
    },
    clear() {
      if (cy.elements().nonempty()) cy.elements().remove();
      setVeil(false);
    },
    track() {
      cy.batch(() => {
        recover();
        cy.nodes('.copy').forEach((n) => {
          const el = base.getElementById(n.id()) as NodeSingular;
          if (el.empty()) return;
          const p = el.position();
          if (n.position('x') !== p.x || n.position('y') !== p.y) n.position({ x: p.x, y: p.y });
          const [w, h] = el.isParent() ? [el.width(), el.height()] : [Number(el.data('w')), Number(el.data('h') ?? n.data('h'))];
          if (n.data('w') !== w || n.data('h') !== h) n.data({ w, h });
        });
        cy.edges().forEach((e) => {
          const el = base.getElementById(e.id()) as EdgeSingular;
          if (el.empty()) return;
          const ends = { sourceEnd: el.data('sourceEnd') as string, targetEnd: el.data('targetEnd') as string, ...bendsOf(e.id()) };
          if (e.data('sourceEnd') !== ends.sourceEnd || e.data('targetEnd') !== ends.targetEnd || e.data('segW') !== ends.segW || e.data('segD') !== ends.segD) e.data(ends);
        });
      });
      keepNamesInSites();
      spreadNumbers();
    },
    regrow() {
      if (cy.elements().empty()) return;
      const zoom = base.zoom();
      cy.batch(() => {
        cy.$(NAMES).forEach((n) => {
          if (n.hasClass('ghost')) return;
          const { fs, short } = grownData(n.id(), String(n.data('label') ?? ''), zoom);
          if ((n.data('fs') ?? 0) !== fs) n.data('fs', fs);
          if ((n.data('short') ?? '') !== short) n.data('short', short);
        });
      });
      keepNamesInSites();
      spreadNumbers();
    },
    recover() {
      if (cy.nodes('.cover').nonempty()) cy.batch(recover);
    },
    veiled: () => veil,
    size: () => cy.elements().length,
    destroy() {
      base.off('viewport', follow);
      base.off('resize', resize);
      cy.destroy();
      layer.remove();
    },
  };
}

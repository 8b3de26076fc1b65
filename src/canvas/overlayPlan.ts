/**
 * The highlight overlay's plan: what to draw over the diagram so that a completed pair shows at
 * once, before the diagram itself is restyled (cytoscape throws its cached drawing away on any
 * restyle, and restyling plus redrawing 700 elements takes longer than the 50 ms a click may).
 *
 * The overlay can only paint over the diagram, never erase it, so it is used only when every
 * change covers what is drawn: an element goes from plain or faded to a highlight (chosen,
 * fallback, try, source, destination). Anything else (a highlight going away, a failure, a host
 * label that gets shorter, a site) returns null: the caller restyles the diagram directly.
 * Changes that are not urgent are left to that restyle a moment later: the selection underlay,
 * and elements that only fade (everything but the source on the first pick; the source's other
 * NICs once the pair is complete). Pure.
 */
import type { DiagramModel } from './elements';
import type { Box, Pos } from './geometry';

export interface Look {
  classes: string;
  label: string;
}

export interface OverlayNode {
  id: string;
  classes: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface OverlayEdge {
  id: string;
  source: string;
  target: string;
  classes: string;
  label: string;
  sourceEnd: string;
  targetEnd: string;
}

export interface OverlayPlan {
  nodes: OverlayNode[];
  edges: OverlayEdge[];
}

export interface PlanInput {
  model: DiagramModel;
  /** Ids whose look changes. */
  changed: readonly string[];
  /** What the diagram draws now. */
  drawn(id: string): Look | null;
  /** What it will draw. */
  next(id: string): Look;
  /** A node's centre and size as drawn (compounds: their current box without padding). */
  frame(id: string): { x: number; y: number; w: number; h: number } | null;
  /** A drawn edge's end points and its cytoscape end point values. */
  ends(id: string): { source: Pos; target: Pos; sourceEnd: string; targetEnd: string } | null;
  /** The drawn boxes of the leaves, when the caller has them at hand (else derived from `frame`). */
  boxes?: ReadonlyMap<string, Box>;
}

/** More elements to paint than this are faster restyled in place than copied. */
export const MAX_CHANGES = 120;

/** States that draw more than a plain or faded element: they cannot be painted over. */
const HIGHLIGHTS = new Set(['chosen', 'idle', 'fallback', 'attempt', 'source', 'destination', 'failed']);
/** The selection underlay is left to the diagram's own restyle (it follows a moment later). */
const SELECTED = 'selected';

const classList = (s: string): string[] => s.split(' ').filter(Boolean);
const withoutSelected = (s: string): string[] => classList(s).filter((c) => c !== SELECTED);

/** The look to paint: the next one, but with the selection state as drawn. */
function paintedLook(drawn: Look, next: Look): Look {
  const nextClasses = withoutSelected(next.classes);
  if (classList(drawn.classes).includes(SELECTED)) nextClasses.push(SELECTED);
  return { classes: nextClasses.join(' '), label: next.label };
}

/** The same element, only faded (what a lit NIC of the source becomes once the pair is complete). */
function onlyFades(drawn: Look, look: Look): boolean {
  if (look.label !== drawn.label) return false;
  const before = new Set(classList(drawn.classes));
  const after = classList(look.classes);
  return after.length === before.size + 1 && after.every((c) => before.has(c) || c === 'dimmed');
}

const segmentHitsBox = (a: Pos, b: Pos, box: Box): boolean => {
  // Drops are vertical or nearly so; a box test on the segment's extent is exact for those and
  // errs on the side of painting one element too many for the rare slanted router link.
  const x1 = Math.min(a.x, b.x);
  const x2 = Math.max(a.x, b.x);
  const y1 = Math.min(a.y, b.y);
  const y2 = Math.max(a.y, b.y);
  return x1 <= box.x2 && box.x1 <= x2 && y1 < box.y2 && box.y1 < y2;
};

export function planOverlay(input: PlanInput): OverlayPlan | null {
  const { model } = input;
  if (input.changed.length === 0) return null;
  const nodes = new Map<string, OverlayNode>();
  const edges = new Map<string, OverlayEdge>();

  const addNode = (id: string, look: Look): boolean => {
    const f = input.frame(id);
    if (!f) return false;
    nodes.set(id, { id, classes: look.classes, label: look.label, ...f });
    return true;
  };

  for (const id of input.changed) {
    const drawn = input.drawn(id);
    if (!drawn) return null;
    const next = input.next(id);
    const look = paintedLook(drawn, next);
    if (look.classes === drawn.classes && look.label === drawn.label) continue; // only the selection changed
    if (onlyFades(drawn, look)) continue; // not urgent: it fades with the diagram a moment later
    if (withoutSelected(drawn.classes).some((c) => HIGHLIGHTS.has(c))) return null;
    const node = model.byId.get(id);
    if (node) {
      if (node.kind === 'site') return null;
      // A host's label sits outside its box: a shorter label would leave the old one showing.
      if (node.kind === 'host' && look.label.length < drawn.label.length) return null;
      if (!addNode(id, look)) return null;
      continue;
    }
    const edge = model.edgeById.get(id);
    if (!edge || look.label.length < drawn.label.length) return null;
    const e = input.ends(id);
    if (!e) return null;
    edges.set(id, { id, source: edge.source, target: edge.target, classes: look.classes, label: look.label, sourceEnd: e.sourceEnd, targetEnd: e.targetEnd });
  }

  // An edge needs its two ends in the overlay; and what the diagram draws over an edge (a bar
  // it passes behind) must be painted over it again.
  let leaves: { id: string; box: Box }[] | null = null;
  const covering = (e: OverlayEdge): string[] => {
    leaves ??= model.nodes.flatMap((n) => {
      if (n.kind === 'site' || n.kind === 'host') return [];
      const known = input.boxes?.get(n.id);
      if (known) return [{ id: n.id, box: known }];
      const f = input.frame(n.id);
      return f ? [{ id: n.id, box: { x1: f.x - f.w / 2, y1: f.y - f.h / 2, x2: f.x + f.w / 2, y2: f.y + f.h / 2 } }] : [];
    });
    const ends = input.ends(e.id)!;
    return leaves.filter((l) => l.id !== e.source && l.id !== e.target && segmentHitsBox(ends.source, ends.target, l.box)).map((l) => l.id);
  };
  for (const e of edges.values()) {
    for (const id of [e.source, e.target, ...covering(e)]) {
      if (nodes.has(id)) continue;
      const drawn = input.drawn(id);
      if (!drawn || !addNode(id, drawn)) return null;
    }
  }

  if (nodes.size === 0 && edges.size === 0) return null; // only the selection or fading: nothing urgent
  if (nodes.size + edges.size > MAX_CHANGES) return null;
  // Hosts first: a host's box is painted under the NICs inside it.
  const ordered = [...nodes.values()].sort((a, b) => Number(model.byId.get(b.id)?.kind === 'host') - Number(model.byId.get(a.id)?.kind === 'host'));
  return { nodes: ordered, edges: [...edges.values()] };
}

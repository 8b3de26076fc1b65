/**
 * The highlight layer's plan (issue 25, round 3): what to draw over the plain diagram so that the
 * user sees the highlight, without the diagram itself ever being restyled by a pick, a cleared
 * pair, a what-if or a restore (cytoscape throws its one cached drawing of the whole diagram away
 * on any restyle and redraws all its elements one by one, decisions 352 and 364).
 *
 * - **The veil**: while anything is faded, a translucent sheet of the canvas background covers the
 *   whole diagram (drawn by ./overlay.ts): that is the fading.
 * - **Copies** over the veil, in the looks the highlight gives them (the same stylesheet): every
 *   element whose look differs from the diagram's other than by fading — the path, fallbacks,
 *   tries, failures, the pair's hosts, the selection —, and with them what they need to look as
 *   they would on the diagram:
 *   - a host (a compound on the diagram, a box here) brings its NICs and their lines, in their
 *     own looks (faded ones faded), since its box covers what is drawn inside it;
 *   - a line brings its two ends (invisible stand-ins when the end itself is not lit: its end
 *     point is computed from the end's shape) and what the diagram draws over it (a bar it passes
 *     behind), in that element's look;
 *   - sites, which never fade, are copied as frames (border and name) while the veil is on.
 * - Too much to copy (`MAX_COPIES`, e.g. a huge selection) returns null: the diagram shows the
 *   highlight itself, as it did before the layer. Pure.
 */
import type { DiagramKind, DiagramModel } from './elements';
import type { Decoration } from './highlight';
import type { Box, Pos } from './geometry';

export interface Look {
  classes: string;
  label: string;
}

export interface LayerNode {
  id: string;
  kind: DiagramKind;
  classes: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** A compound on the diagram (site, host with NICs): its label sits outside its box. */
  compound: boolean;
  /** Drawn invisible: the end of a copied line that is not lit itself. */
  ghost: boolean;
}

export interface LayerEdge {
  id: string;
  source: string;
  target: string;
  classes: string;
  label: string;
  sourceEnd: string;
  targetEnd: string;
}

export interface LayerPlan {
  /** Something is faded: the veil is drawn. */
  veil: boolean;
  nodes: LayerNode[];
  edges: LayerEdge[];
}

export interface PlanInput {
  model: DiagramModel;
  /** What the user is to see. */
  look(id: string): Look;
  /** What the diagram itself draws. */
  drawn(id: string): Look;
  /** A node's centre and size as drawn (compounds: their current box without padding). */
  frame(id: string): { x: number; y: number; w: number; h: number } | null;
  /**
   * A drawn edge's end points and its cytoscape end point values; `path`: a routed line's points (a
   * router link between three sites or more), ends included.
   */
  ends(id: string): { source: Pos; target: Pos; sourceEnd: string; targetEnd: string; path?: Pos[] } | null;
  /**
   * What the caller knows without computing the looks (optional, a shortcut): 'plain' when the
   * element looks as the diagram draws it, 'fades' when it is only faded (`onlyFades`); null or
   * undefined: `look` and `drawn` are compared.
   */
  quick?(id: string): 'plain' | 'fades' | null | undefined;
  /** The drawn boxes of the leaves, when the caller has them at hand (else derived from `frame`); asked once, when a line is copied. */
  boxes?(): ReadonlyMap<string, Box> | undefined;
}

/** More copies than this: the diagram is restyled instead (a layer that large costs what it saves). */
export const MAX_COPIES = 600;

const classList = (s: string): string[] => s.split(' ').filter(Boolean);

/** The same element, only faded: the veil shows it. */
export function onlyFades(drawn: Look, look: Look): boolean {
  if (look.label !== drawn.label) return false;
  const before = new Set(classList(drawn.classes));
  const after = classList(look.classes);
  return after.length === before.size + 1 && after.every((c) => before.has(c) || c === 'dimmed');
}

/**
 * `PlanInput.quick` from the decorations (issue 25, frames): most of the diagram on a pick is
 * plain or only faded, and telling so from the two decorations saves computing and comparing
 * both looks of every element (≈ 1,100 on the 64-node 8-NIC cluster). A look (`lookOf`) reads an
 * element's decoration for its classes and label only, so the same classes and label give the
 * same look ('plain'), and a plain decoration given just 'dimmed' gives the drawn look with
 * 'dimmed' added ('fades' when `onlyFades` says so of that look, remembered in `fades` per
 * drawn look). Anything else: null, the looks are compared.
 */
export function byDecorations(
  next: ReadonlyMap<string, Decoration>,
  plain: ReadonlyMap<string, Decoration>,
  drawn: (id: string) => Look,
  fades: Map<string, boolean> = new Map(),
): (id: string) => 'plain' | 'fades' | null {
  return (id) => {
    const d = next.get(id);
    const p = plain.get(id);
    if ((d?.label ?? '') !== (p?.label ?? '')) return null;
    const [dc, pc] = [d?.classes ?? '', p?.classes ?? ''];
    if (dc === pc) return 'plain';
    if (pc !== '' || dc !== 'dimmed') return null;
    let only = fades.get(id);
    if (only === undefined) {
      const look = drawn(id);
      fades.set(id, (only = onlyFades(look, { classes: [look.classes, 'dimmed'].filter(Boolean).join(' '), label: look.label })));
    }
    return only ? 'fades' : null;
  };
}

const segmentHitsBox = (a: Pos, b: Pos, box: Box): boolean => {
  // Drops are vertical or nearly so; a box test on the segment's extent is exact for those and
  // errs on the side of copying one element too many for the rare slanted router link.
  const x1 = Math.min(a.x, b.x);
  const x2 = Math.max(a.x, b.x);
  const y1 = Math.min(a.y, b.y);
  const y2 = Math.max(a.y, b.y);
  return x1 <= box.x2 && box.x1 <= x2 && y1 < box.y2 && box.y1 < y2;
};

const ORDER: Partial<Record<DiagramKind, number>> = { site: 0, host: 1 };

export function planLayer(input: PlanInput): LayerPlan | null {
  const { model } = input;
  let veil = false;
  const lit: string[] = [];
  const visit = (id: string): void => {
    const known = input.quick?.(id);
    if (known === 'plain') return;
    if (known === 'fades') {
      veil = true;
      return;
    }
    const look = input.look(id);
    const drawn = input.drawn(id);
    if (look.classes === drawn.classes && look.label === drawn.label) return;
    if (onlyFades(drawn, look)) {
      veil = true;
      return;
    }
    if (classList(look.classes).includes('dimmed')) veil = true;
    lit.push(id);
  };
  for (const n of model.nodes) visit(n.id);
  for (const e of model.edges) visit(e.id);

  const nodes = new Map<string, LayerNode>();
  const edges = new Map<string, LayerEdge>();
  const addNode = (id: string, ghost = false): boolean => {
    const known = nodes.get(id);
    if (known) {
      if (!ghost) known.ghost = false;
      return true;
    }
    const n = model.byId.get(id);
    const f = n && input.frame(id);
    if (!n || !f) return false;
    const look = input.look(id);
    nodes.set(id, { id, kind: n.kind, classes: look.classes, label: look.label, ...f, compound: model.children.has(id), ghost });
    return true;
  };
  const addEdge = (id: string): boolean => {
    if (edges.has(id)) return true;
    const e = model.edgeById.get(id);
    const at = e && input.ends(id);
    if (!e || !at) return false;
    const look = input.look(id);
    edges.set(id, { id, source: e.source, target: e.target, classes: look.classes, label: look.label, sourceEnd: at.sourceEnd, targetEnd: at.targetEnd });
    return true;
  };
  let edgesOf: Map<string, string[]> | null = null;
  const linesOf = (nodeId: string): string[] => {
    if (!edgesOf) {
      edgesOf = new Map();
      for (const e of model.edges) for (const end of [e.source, e.target]) edgesOf.set(end, [...(edgesOf.get(end) ?? []), e.id]);
    }
    return edgesOf.get(nodeId) ?? [];
  };

  if (veil) for (const n of model.nodes) if (n.kind === 'site' && !addNode(n.id)) return null;
  for (const id of lit) {
    const node = model.byId.get(id);
    if (!node) {
      if (!addEdge(id)) return null;
      continue;
    }
    // A site's only look of its own is the selection, which the diagram draws (highlightScheduler.ts).
    if (node.kind === 'site' || !addNode(id)) return null;
    if (node.kind !== 'host') continue;
    for (const child of model.children.get(id) ?? []) {
      if (!addNode(child)) return null;
      for (const line of linesOf(child)) if (!addEdge(line)) return null;
    }
  }

  // A line needs its two ends in the layer; and what the diagram draws over a line (a bar it
  // passes behind) is drawn over it again.
  let leaves: { id: string; box: Box }[] | null = null;
  const covering = (e: LayerEdge): string[] => {
    const drawn = leaves ? undefined : input.boxes?.();
    leaves ??= model.nodes.flatMap((n) => {
      if (n.kind === 'site' || n.kind === 'host') return [];
      const known = drawn?.get(n.id);
      if (known) return [{ id: n.id, box: known }];
      const f = input.frame(n.id);
      return f ? [{ id: n.id, box: { x1: f.x - f.w / 2, y1: f.y - f.h / 2, x2: f.x + f.w / 2, y2: f.y + f.h / 2 } }] : [];
    });
    const at = input.ends(e.id)!;
    const pts = at.path ?? [at.source, at.target];
    return leaves.filter((l) => l.id !== e.source && l.id !== e.target && pts.some((q, i) => i > 0 && segmentHitsBox(pts[i - 1]!, q, l.box))).map((l) => l.id);
  };
  for (const e of [...edges.values()]) {
    for (const end of [e.source, e.target]) if (!addNode(end, true)) return null;
    for (const id of covering(e)) if (!addNode(id)) return null;
  }

  if (nodes.size + edges.size > MAX_COPIES) return null;
  // Sites, then hosts, then the rest (the layer's stylesheet orders them the same way: z-index).
  const ordered = [...nodes.values()].sort((a, b) => (ORDER[a.kind] ?? 2) - (ORDER[b.kind] ?? 2));
  return { veil, nodes: ordered, edges: [...edges.values()] };
}

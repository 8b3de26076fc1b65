/**
 * Applying the derived view to cytoscape: only what changed, always inside the caller's
 * `cy.batch()`. Elements are added, removed, re-parented and updated in place, never rebuilt.
 */
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { DiagramModel } from './elements';
import type { Geometry, Pos } from './geometry';
import type { Decoration } from './highlight';
import type { Look } from './overlayPlan';

const OUTSIDE = 'outside-to-node';
/** A routed router link's bends (`edge.wan-link`) when it has none: one bend on the straight line. */
export const STRAIGHT = { segW: '0.5', segD: '0' } as const;

/**
 * Adds, removes, re-parents and resizes elements so that cy holds exactly the model's elements.
 * Returns the ids added or removed (their applied classes must be applied afresh).
 */
export function syncStructure(cy: Core, model: DiagramModel): string[] {
  const want = new Set<string>([...model.byId.keys(), ...model.edgeById.keys()]);
  const touched: string[] = [];
  const gone = cy.elements().filter((e) => !want.has(e.id()));
  gone.forEach((e) => {
    touched.push(e.id());
  });
  gone.remove();
  // New elements are added in one call, in the model's order (a compound before its children):
  // one `cy.add` per element built a collection each time (≈ 0.5 s of the largest design's open).
  // Elements kept are re-parented and resized after it (a new compound may be their parent).
  const added: ElementDefinition[] = [];
  const kept: { node: NodeSingular; n: DiagramModel['nodes'][number] }[] = [];
  for (const n of model.nodes) {
    const el = cy.getElementById(n.id);
    if (el.empty()) {
      touched.push(n.id);
      added.push({ group: 'nodes', data: { id: n.id, parent: n.parent ?? undefined, label: n.lines.join('\n'), w: n.w, h: n.h }, classes: n.classes.join(' ') });
    } else kept.push({ node: el as NodeSingular, n });
  }
  for (const e of model.edges)
    if (cy.getElementById(e.id).empty()) {
      touched.push(e.id);
      added.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: '', sourceEnd: OUTSIDE, targetEnd: OUTSIDE, ...STRAIGHT } });
    }
  if (added.length > 0) cy.add(added);
  for (const { node, n } of kept) {
    if ((node.data('parent') ?? null) !== n.parent) node.move({ parent: n.parent });
    if (node.data('w') !== n.w || node.data('h') !== n.h) node.data({ w: n.w, h: n.h });
  }
  return touched;
}

/**
 * True when `b` draws the very elements `a` draws, in the same order, with the same kinds, parents,
 * leaf sizes and edge ends: what `syncStructure` would add, remove, move or resize nothing drawn of
 * (issue 24: a rename's new model, whose drawing kept the layout, scale.ts `drawingOf`). A
 * compound's `w` and `h` may differ (a host's follow its name): cytoscape sizes a compound to its
 * children and does not read them (`resizeCompounds` keeps its data the model's). Labels and
 * classes may differ too: they are the decorations' (`applyDecorations` applies the changed ones).
 */
export function sameElements(a: DiagramModel, b: DiagramModel): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i]!;
    const y = b.nodes[i]!;
    if (x.id !== y.id || x.kind !== y.kind || x.parent !== y.parent) return false;
    const compound = a.children.has(x.id);
    if (compound !== b.children.has(y.id)) return false;
    if (!compound && (x.w !== y.w || x.h !== y.h)) return false;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const x = a.edges[i]!;
    const y = b.edges[i]!;
    if (x.id !== y.id || x.source !== y.source || x.target !== y.target) return false;
  }
  return true;
}

/** A compound's `w` and `h` set to the model's where they differ (what `syncStructure` does to the elements it keeps). */
export function resizeCompounds(cy: Core, model: DiagramModel): void {
  for (const id of model.children.keys()) {
    const n = model.byId.get(id);
    const el = cy.getElementById(id);
    if (!n || el.empty()) continue;
    if (el.data('w') !== n.w || el.data('h') !== n.h) el.data({ w: n.w, h: n.h });
  }
}

const near = (a: Pos, b: Pos): boolean => Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01;

/** Places leaves (compounds follow their children); network bars take their x from the geometry. */
export function applyPositions(cy: Core, positions: ReadonlyMap<string, Pos>, geometry: Geometry): void {
  for (const [id, p] of positions) {
    const el = cy.getElementById(id);
    if (el.empty() || !el.isNode() || el.isParent()) continue;
    const bus = geometry.buses.get(id);
    const target = bus ? { x: bus.x, y: p.y } : p;
    if (!near(el.position(), target)) el.position({ x: target.x, y: target.y });
  }
}

/** Bar widths and every drop's end points. */
export function applyGeometry(cy: Core, model: DiagramModel, geometry: Geometry): void {
  for (const [id, bus] of geometry.buses) {
    const el = cy.getElementById(id);
    if (el.empty()) continue;
    if (el.data('w') !== bus.w) el.data('w', bus.w);
    if (Math.abs(el.position('x') - bus.x) >= 0.01) el.position('x', bus.x);
  }
  for (const e of model.edges) {
    const ends = geometry.ends.get(e.id);
    const el = cy.getElementById(e.id);
    if (!ends || el.empty()) continue;
    if (el.data('sourceEnd') !== ends.source || el.data('targetEnd') !== ends.target) el.data({ sourceEnd: ends.source, targetEnd: ends.target });
    const segW = ends.segments?.weights ?? STRAIGHT.segW;
    const segD = ends.segments?.distances ?? STRAIGHT.segD;
    if (el.data('segW') !== segW || el.data('segD') !== segD) el.data({ segW, segD });
  }
}

/** An element's classes (the model's, the label side, the highlight's) and label. */
export function lookOf(model: DiagramModel, id: string, decorations: ReadonlyMap<string, Decoration>, geometry: Geometry): Look {
  const base = model.byId.get(id)?.classes ?? model.edgeById.get(id)?.classes ?? [];
  const d = decorations.get(id);
  const below = geometry.labelBelow.has(id);
  let label = d?.label ?? '';
  // A compact node's label is its name next to its box and its FROM / TO line beyond (a no-break
  // space when neither, so the label keeps its height); a node without NICs (its name inside the
  // box) shows the name alone.
  if (model.metrics.kind === 'compact' && model.byId.get(id)?.kind === 'host') {
    const [name = '', tag = ''] = label.split('\n');
    label = !model.children.has(id) ? name : below ? `${name}\n${tag || '\u00a0'}` : `${tag || '\u00a0'}\n${name}`;
  }
  return { classes: [...base, ...(below ? ['label-below'] : []), d?.classes ?? ''].filter(Boolean).join(' '), label };
}

const sameLook = (a: Look | undefined, b: Look): boolean => a !== undefined && a.classes === b.classes && a.label === b.label;

/** The elements whose look differs from the one applied, with their new look. */
export function changedLooks(model: DiagramModel, decorations: ReadonlyMap<string, Decoration>, geometry: Geometry, applied: ReadonlyMap<string, Look>): Map<string, Look> {
  const out = new Map<string, Look>();
  const visit = (id: string): void => {
    const look = lookOf(model, id, decorations, geometry);
    if (!sameLook(applied.get(id), look)) out.set(id, look);
  };
  for (const n of model.nodes) visit(n.id);
  for (const e of model.edges) visit(e.id);
  return out;
}

/**
 * A label as cytoscape is given it on screen: a line holding only the no-break space that keeps a
 * compact node's FROM / TO line (`lookOf`) becomes a zero-width space, which cytoscape keeps —
 * it trims a label's leading and trailing white space, no-break spaces included, so the line was
 * dropped and the node's label (and its site's box) grew and shrank with every pick. The
 * exported pictures keep the no-break space (their writers drop such lines themselves).
 */
export const onScreen = (label: string): string => (label.includes('\u00a0') ? label.replace(/(^|\n)\u00a0(?=\n|$)/g, '$1\u200b') : label);

/** Applies looks (classes and labels) and records them in `applied`: the look last applied to cytoscape. */
export function applyLooks(cy: Core, looks: ReadonlyMap<string, Look>, applied: Map<string, Look>): void {
  for (const [id, look] of looks) {
    const el = cy.getElementById(id);
    if (el.empty()) continue;
    el.classes(look.classes);
    const label = onScreen(look.label);
    if (el.data('label') !== label) el.data('label', label);
    applied.set(id, look);
  }
}

/** Classes and labels: only those that changed (returned, with their new look). */
export function applyDecorations(cy: Core, model: DiagramModel, decorations: ReadonlyMap<string, Decoration>, geometry: Geometry, applied: Map<string, Look>): Map<string, Look> {
  const looks = changedLooks(model, decorations, geometry, applied);
  applyLooks(cy, looks, applied);
  return looks;
}

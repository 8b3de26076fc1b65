/**
 * Dropping a palette item (HTML5 drag, type PALETTE_MIME) on the diagram: the element is inserted
 * where it was dropped — a node or router into the site under the pointer, a NIC onto the node
 * under the pointer — as one undo step. A drop on top of another element is nudged to the nearest
 * free spot, so that nothing is drawn over anything else; a palette drop lands wholly inside the
 * visible canvas and clear of the panel floating over it (the palette). Nothing else moves.
 */
import type { Core } from 'cytoscape';
import type { Position } from '../../engine';
import type { Edit, ElementKind } from '../../engine/edit';
import type { AppStore } from '../../store/appStore';
import { boxOf, grow, overlaps, type Box } from '../geometry';
import { FONT, HOST, lineBox } from '../metrics';
import { freeSpot, freeSpotWithin } from '../placement/freeSpot';
import { contains, innermost, modelPoint, nodeBox } from './hit';

/** What the palette can drop: any element kind. */
/** The MIME type of a palette drag (the palette sets it); the data is the kind. */
export const PALETTE_MIME = 'application/x-lmpv-palette';
const KINDS = new Set<string>(['site', 'node', 'nic', 'network', 'router'] satisfies ElementKind[]);
const MARGIN = 10;
/** How much a node without NICs grows when it gets one: its name goes above, the NIC row is taller. */
const EMPTY_HOST_GROWTH = { above: lineBox(FONT.node, 1) + HOST.labelGap + 8, below: 8 };

/** Roughly the box a new element of each kind is drawn with (before it has a label or NICs). */
const SIZE: Record<ElementKind, { w: number; h: number }> = {
  site: { w: 200, h: 90 }, node: { w: 120, h: 50 }, nic: { w: 90, h: 40 }, network: { w: 220, h: 36 }, router: { w: 130, h: 50 },
};

/** What the user sees of the diagram, in model coordinates: the canvas and the panel floating over it. */
export interface DropView {
  visible: Box;
  floating: Box | null;
}

/** The view of a cytoscape canvas: `floating` is in container pixels (as the adapter's `overlay` gives it). */
export function dropView(cy: Core, floating: Box | null): DropView | undefined {
  const w = cy.width();
  const h = cy.height();
  if (!(w > 0 && h > 0)) return undefined;
  const model = (b: Box): Box => {
    const a = modelPoint(cy, { x: b.x1, y: b.y1 });
    const c = modelPoint(cy, { x: b.x2, y: b.y2 });
    return { x1: a.x, y1: a.y, x2: c.x, y2: c.y };
  };
  return { visible: model({ x1: 0, y1: 0, x2: w, y2: h }), floating: floating ? model(floating) : null };
}

/**
 * Where a new element of size `w` × `h` dropped at `p` goes (pure): `p` itself when it overlaps
 * none of `obstacles`; else, for nodes and NICs, the next free place in the row (alternately right
 * and left), then the rows below; else the nearest free spot. With a `view`, the element must lie
 * wholly inside the visible canvas and clear of the floating panel — a drop near an edge is first
 * pulled in — unless no such spot exists (then the rule without the view applies).
 */
export function chooseDropSpot(p: Position, w: number, h: number, obstacles: readonly Box[], rows: boolean, view?: DropView): Position {
  const inView = (q: Position): boolean => {
    if (!view) return true;
    const b = grow(boxOf(q, w, h), MARGIN);
    return b.x1 >= view.visible.x1 && b.y1 >= view.visible.y1 && b.x2 <= view.visible.x2 && b.y2 <= view.visible.y2 && !(view.floating && overlaps(view.floating, b));
  };
  const clear = (q: Position): boolean => !obstacles.some((o) => overlaps(o, grow(boxOf(q, w, h), MARGIN)));
  const search = (at: Position, ok: (q: Position) => boolean): Position | null => {
    if (ok(at)) return at;
    if (rows)
      for (let row = 0; row < 4; row++)
        for (let k = 0; k < 12; k++) {
          const side = k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2);
          const q = { x: at.x + side * (w + 2 * MARGIN), y: at.y + row * (h + 4 * MARGIN) };
          if (ok(q)) return q;
        }
    return null;
  };
  if (view) {
    // A drop near an edge of the canvas is pulled in, so the element is wholly visible.
    const v = view.visible;
    const half = { w: w / 2 + MARGIN, h: h / 2 + MARGIN };
    const at = v.x2 - v.x1 >= 2 * half.w && v.y2 - v.y1 >= 2 * half.h
      ? { x: Math.min(Math.max(p.x, v.x1 + half.w), v.x2 - half.w), y: Math.min(Math.max(p.y, v.y1 + half.h), v.y2 - half.h) }
      : p;
    const ok = (q: Position): boolean => inView(q) && clear(q);
    const found = search(at, ok) ?? freeSpotWithin(at, w, h, view.floating ? [...obstacles, view.floating] : obstacles, MARGIN, v);
    if (found) return found;
  }
  return search(p, clear) ?? freeSpot(p, w, h, obstacles, MARGIN);
}

/**
 * The nearest spot to `p` where an element of `kind` overlaps nothing (boxes around `p` do not
 * count). A moved element gives its own size and the ids not to count (itself, its NICs).
 */
export function freeDropSpot(cy: Core, kind: ElementKind, p: Position, moved?: { size: { w: number; h: number }; ignore: ReadonlySet<string> }, view?: DropView): Position {
  const parentClass = kind === 'nic' ? 'host' : kind === 'node' || kind === 'router' ? 'site' : null;
  const obstacles: Box[] = [];
  cy.nodes().forEach((n) => {
    if (moved?.ignore.has(n.id())) return;
    const b = nodeBox(n);
    // The box the drop lands in (its site, its node), even while still empty, is its parent, not an obstacle.
    if ((n.isParent() || (parentClass !== null && n.hasClass(parentClass))) && contains(b, p)) return;
    // Boxes around children: the children are the obstacles (except for a new site, which must not nest).
    if (n.isParent() && kind !== 'site') return;
    // Labels count: nothing is dropped over a node's or router's name. A node without NICs still
    // has its name inside; its first NIC moves the name above the box and makes the box taller.
    const l = n.boundingBox({ includeLabels: true, includeOverlays: false });
    const empty = n.hasClass('host') && !n.isParent();
    obstacles.push(empty ? { x1: l.x1, y1: l.y1 - EMPTY_HOST_GROWTH.above, x2: l.x2, y2: l.y2 + EMPTY_HOST_GROWTH.below } : { x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2 });
  });
  const { w, h } = moved?.size ?? SIZE[kind];
  // Nodes fill a site's row and NICs a node's, side by side, then the rows below; the rest go to the nearest free spot.
  return chooseDropSpot(p, w, h, obstacles, kind === 'node' || kind === 'nic', view);
}

/** The edit a drop at model point `p` makes, or what to tell the user; `view` keeps the new element in sight. */
export function dropEdit(cy: Core, kind: ElementKind, p: Position, view?: DropView): Edit | { error: string } {
  const spot = freeDropSpot(cy, kind, p, undefined, view);
  const position = { x: Math.round(spot.x), y: Math.round(spot.y) };
  switch (kind) {
    case 'site':
      return { type: 'add-site', position };
    case 'network':
      return { type: 'add-network', position };
    case 'node':
    case 'router':
      return { type: kind === 'node' ? 'add-node' : 'add-router', site: innermost(cy, p, 'site'), position };
    case 'nic': {
      // A NIC's box lies inside its node's: the innermost node box under the pointer is the one.
      const node = innermost(cy, p, 'host');
      if (!node) return { error: 'Drop a NIC onto a node: it belongs to the node it is dropped on.' };
      return { type: 'add-nic', node, position };
    }
  }
}

export function installDrop(cy: Core, store: AppStore, floating?: () => Box | null): () => void {
  const container = cy.container();
  if (!container) return () => {};
  const accepts = (e: DragEvent): boolean => e.dataTransfer?.types.includes(PALETTE_MIME) ?? false;
  const onOver = (e: DragEvent): void => {
    if (!accepts(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent): void => {
    if (!accepts(e)) return;
    e.preventDefault();
    const kind = e.dataTransfer!.getData(PALETTE_MIME);
    if (!KINDS.has(kind)) return;
    const rect = container.getBoundingClientRect();
    const p = modelPoint(cy, { x: e.clientX - rect.left, y: e.clientY - rect.top });
    const edit = dropEdit(cy, kind as ElementKind, p, dropView(cy, floating?.() ?? null));
    const { actions } = store.getState();
    if ('error' in edit) {
      actions.notify({ kind: 'info', text: edit.error });
      return;
    }
    const r = actions.edit(edit);
    if (!r.ok) actions.notify({ kind: 'error', text: `Could not insert the ${kind}.`, errors: r.errors });
  };
  container.addEventListener('dragover', onOver);
  container.addEventListener('drop', onDrop);
  return () => {
    container.removeEventListener('dragover', onOver);
    container.removeEventListener('drop', onDrop);
  };
}

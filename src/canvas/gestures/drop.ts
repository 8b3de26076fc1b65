/**
 * Dropping a palette item (HTML5 drag, type PALETTE_MIME) on the diagram: the element is inserted
 * where it was dropped — a node or router into the site under the pointer, a NIC onto the node
 * under the pointer — as one undo step. A drop on top of another element is nudged to the nearest
 * free spot, so that nothing is drawn over anything else.
 */
import type { Core } from 'cytoscape';
import type { Position } from '../../engine';
import type { Edit, ElementKind } from '../../engine/edit';
import type { AppStore } from '../../store/appStore';
import { boxOf, grow, overlaps, type Box } from '../geometry';
import { freeSpot } from '../placement/freeSpot';
import { contains, innermost, modelPoint, nodeBox } from './hit';

/** What the palette can drop: any element kind. */
export type PaletteKind = ElementKind;
/** The MIME type of a palette drag (the palette sets it); the data is the kind. */
export const PALETTE_MIME = 'application/x-lmpv-palette';
const KINDS = new Set<string>(['site', 'node', 'nic', 'network', 'router'] satisfies PaletteKind[]);
const MARGIN = 10;

/** Roughly the box a new element of each kind is drawn with (before it has a label or NICs). */
const SIZE: Record<PaletteKind, { w: number; h: number }> = {
  site: { w: 200, h: 90 }, node: { w: 120, h: 50 }, nic: { w: 90, h: 40 }, network: { w: 220, h: 36 }, router: { w: 130, h: 50 },
};

/**
 * The nearest spot to `p` where an element of `kind` overlaps nothing (boxes around `p` do not
 * count). A moved element gives its own size and the ids not to count (itself, its NICs).
 */
export function freeDropSpot(cy: Core, kind: PaletteKind, p: Position, moved?: { size: { w: number; h: number }; ignore: ReadonlySet<string> }): Position {
  const parentClass = kind === 'nic' ? 'host' : kind === 'node' || kind === 'router' ? 'site' : null;
  const obstacles: Box[] = [];
  cy.nodes().forEach((n) => {
    if (moved?.ignore.has(n.id())) return;
    const b = nodeBox(n);
    // The box the drop lands in (its site, its node), even while still empty, is its parent, not an obstacle.
    if ((n.isParent() || (parentClass !== null && n.hasClass(parentClass))) && contains(b, p)) return;
    // Boxes around children: the children are the obstacles (except for a new site, which must not nest).
    if (n.isParent() && kind !== 'site') return;
    obstacles.push(b);
  });
  const { w, h } = moved?.size ?? SIZE[kind];
  const free = (q: Position): boolean => !obstacles.some((o) => overlaps(o, grow(boxOf(q, w, h), MARGIN)));
  if (free(p)) return p;
  // Nodes fill a site's row and NICs a node's, side by side, then the rows below; the rest go to the nearest free spot.
  if (kind === 'node' || kind === 'nic') {
    for (let row = 0; row < 4; row++)
      for (let k = 0; k < 12; k++) {
        const side = k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2);
        const q = { x: p.x + side * (w + 2 * MARGIN), y: p.y + row * (h + 4 * MARGIN) };
        if (free(q)) return q;
      }
  }
  return freeSpot(p, w, h, obstacles, MARGIN);
}

/** The edit a drop at model point `p` makes, or what to tell the user. */
export function dropEdit(cy: Core, kind: PaletteKind, p: Position): Edit | { error: string } {
  const spot = freeDropSpot(cy, kind, p);
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

export function installDrop(cy: Core, store: AppStore): () => void {
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
    const edit = dropEdit(cy, kind as PaletteKind, p);
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

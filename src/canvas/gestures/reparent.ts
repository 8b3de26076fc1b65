/**
 * Moving elements between sites and nodes: a node (or router) dropped inside another site joins
 * it, a NIC dropped on another node moves onto it. The boxes are taken as they were when the
 * drag started (a compound box grows to follow a child dragged out of it). The edits join the
 * drag's positions in one batch (../interaction.ts): one undo step for the whole gesture.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { Position, Topology } from '../../engine';
import { setOwn } from '../../engine';
import type { Edit } from '../../engine/edit';
import type { Box } from '../geometry';
import { freeDropSpot } from './drop';
import { innermost, nodeBox } from './hit';

/**
 * Site and host boxes as drawn now. Taken at the first move of a drag (cytoscape reports the move
 * before it shifts anything), not at the press: every click presses, and measuring every box on
 * each press delayed the click's highlight.
 */
export function measureParents(cy: Core): Map<string, Box> {
  const boxes = new Map<string, Box>();
  cy.nodes('.site, .host').forEach((n) => {
    boxes.set(n.id(), nodeBox(n));
  });
  return boxes;
}

const centre = (n: NodeSingular): Position => {
  const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
  return { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 };
};

/** The re-parenting a finished drag asks for (none when everything stayed in its parent). */
export function reparentEdits(cy: Core, t: Topology, dragged: ReadonlySet<string>, boxes: ReadonlyMap<string, Box>): Edit[] {
  const edits: Edit[] = [];
  const positions: Record<string, Position> = {};
  // The parent left behind stays where it was before the drag (its box had followed the child).
  const stay = (parent: string | null): void => {
    const b = parent === null ? undefined : boxes.get(parent);
    if (b && parent !== null) setOwn(positions, parent, { x: Math.round((b.x1 + b.x2) / 2), y: Math.round((b.y1 + b.y2) / 2) });
  };
  /** Keeps what moved where it was dropped, nudged off any sibling it landed on. */
  const keep = (n: NodeSingular, kind: 'node' | 'router' | 'nic'): void => {
    const leaves = n.isParent() ? n.descendants().filter((d) => !d.isParent()) : cy.collection().merge(n);
    const b = nodeBox(n);
    const at = centre(n);
    const ignore = new Set([n.id(), ...leaves.map((l) => l.id())]);
    const spot = freeDropSpot(cy, kind, at, { size: { w: b.x2 - b.x1, h: b.y2 - b.y1 }, ignore });
    const dx = spot.x - at.x;
    const dy = spot.y - at.y;
    leaves.forEach((l) => {
      setOwn(positions, l.id(), { x: Math.round(l.position().x + dx), y: Math.round(l.position().y + dy) });
    });
  };
  for (const id of dragged) {
    const el = cy.getElementById(id);
    if (el.empty() || !el.isNode()) continue;
    const n = el as NodeSingular;
    const node = t.index.nodes.get(id);
    const router = t.index.routers.get(id);
    const nic = t.index.nics.get(id);
    if (node || router) {
      const site = innermost(cy, centre(n), 'site', boxes);
      const current = (node ?? router)!.site;
      if (site !== null && site !== current) {
        edits.push({ type: 'move', ids: [id], to: site });
        keep(n, node ? 'node' : 'router');
        stay(current);
      }
    } else if (nic && !dragged.has(nic.node)) {
      const host = innermost(cy, centre(n), 'host', boxes, nic.node);
      if (host !== null && host !== nic.node && t.index.nodes.has(host)) {
        edits.push({ type: 'move', ids: [id], to: host });
        keep(n, 'nic');
        stay(nic.node);
      }
    }
  }
  return edits.length === 0 ? [] : [...edits, { type: 'set-positions', positions }];
}

/**
 * What a palette item inserts when clicked or Enter-ed (no drop point): into the selected site
 * (or the site of the selected node or router), a NIC onto the selected node (or the node of the
 * selected NIC). Pure, so the palette, the commands and the tests share it.
 */
import type { Position, Topology } from '../../engine';
import { hostOf, type Edit } from '../../engine/edit';
import type { ElementKind } from '../../engine';

function siteOf(t: Topology, id: string): string | null {
  if (t.index.sites.has(id)) return id;
  const node = t.index.nodes.get(id) ?? t.index.nodes.get(t.index.nics.get(id)?.node ?? '');
  if (node) return node.site;
  return t.index.routers.get(id)?.site ?? null;
}


/** The edit inserting `kind` given the selection, or a message saying what to select first. */
export function insertEdit(kind: ElementKind, t: Topology, selected: readonly string[], position?: Position): Edit | { error: string } {
  const first = selected.length === 1 ? selected[0]! : null;
  const at = position ? { position } : {};
  switch (kind) {
    case 'site':
      return { type: 'add-site', ...at };
    case 'network':
      return { type: 'add-network', ...at };
    case 'node':
    case 'router': {
      const site = first ? siteOf(t, first) : null;
      return { type: kind === 'node' ? 'add-node' : 'add-router', site, ...at };
    }
    case 'nic': {
      const node = first ? hostOf(t, first) : null;
      if (node === null) return { error: 'Select a node first: a NIC is added onto the selected node.' };
      return { type: 'add-nic', node, ...at };
    }
  }
}

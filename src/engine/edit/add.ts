/**
 * Inserting elements from the palette: fresh ids and names, the right parent, and the drop point
 * as position when there is one. Without a drop point no position is saved: the diagram places
 * the element from its automatic layout, beside its relatives (src/canvas/placement).
 */
import { parseCidr } from '../model/address';
import type { NetworkDoc, NicDoc, NodeDoc, Position, RouterDoc, TopologyDocument } from '../model/types';
import { freeNetworkPrefix, takenPrefixes } from './alloc';
import { elementKind } from '../model/elementKind';
import { appendElement, quote, usedIds, withPositions, type EditContext } from './context';
import { networkIdentity, nicIdentity, nodeIdentity, routerIdentity, siteIdentity } from './ids';
import { fail, type Edit, type Step } from './types';

type AddEdit = Extract<Edit, { type: 'add-site' | 'add-node' | 'add-nic' | 'add-network' | 'add-router' }>;

function cleanName(name: string | undefined, fallback: string): string | null {
  if (name === undefined) return fallback;
  const s = name.trim();
  return s === '' ? null : s;
}

const placed = (doc: TopologyDocument, id: string, position: Position | undefined): Step => ({
  ok: true, document: position ? withPositions(doc, { [id]: position }) : doc, created: [id],
});

export function applyAdd(ctx: EditContext, edit: AddEdit): Step {
  const { doc, t } = ctx;
  const ids = usedIds(t);
  const emptyName = fail('A name cannot be empty.');
  switch (edit.type) {
    case 'add-site': {
      const fresh = siteIdentity(ids, new Set(t.sites.map((s) => s.name)));
      const name = cleanName(edit.name, fresh.name);
      if (name === null) return emptyName;
      const next = appendElement(doc, 'sites', { id: fresh.id, name });
      return placed(next, fresh.id, edit.position);
    }
    case 'add-node': {
      const site = edit.site ?? null;
      if (site !== null && elementKind(t, site) !== 'site') return fail(`There is no site ${quote(site)} to put the node in.`);
      const fresh = nodeIdentity(ids, new Set(t.nodes.map((n) => n.name)));
      const name = cleanName(edit.name, fresh.name);
      if (name === null) return emptyName;
      const node: NodeDoc = site === null ? { id: fresh.id, name } : { id: fresh.id, name, site };
      const next = appendElement(doc, 'nodes', node);
      return placed(next, fresh.id, edit.position);
    }
    case 'add-nic': {
      if (elementKind(t, edit.node) !== 'node') return fail(`A NIC goes onto a node; ${quote(edit.node)} is not one.`);
      const names = new Set((t.index.nicsByNode.get(edit.node) ?? []).map((id) => t.index.nics.get(id)!.name));
      const fresh = nicIdentity(edit.node, ids, names);
      const name = cleanName(edit.name, fresh.name);
      if (name === null) return emptyName;
      const nic: NicDoc = { id: fresh.id, node: edit.node, name, addresses: [] };
      const next = appendElement(doc, 'nics', nic);
      return placed(next, fresh.id, edit.position);
    }
    case 'add-network': {
      const fresh = networkIdentity(ids, new Set(t.networks.map((n) => n.name)));
      const name = cleanName(edit.name, fresh.name);
      if (name === null) return emptyName;
      let prefix: string | null;
      if (edit.prefix !== undefined) {
        const c = parseCidr(edit.prefix);
        if (!c) return fail(`'${edit.prefix}' is not a prefix (expected e.g. 10.0.1.0/24 or fd00:1::/64).`, 'prefix');
        prefix = edit.prefix;
      } else {
        prefix = freeNetworkPrefix(takenPrefixes(t), edit.family ?? 4);
        if (prefix === null) return fail('No free subnet is left for a new network.');
      }
      const network: NetworkDoc = { id: fresh.id, name, prefixes: [prefix] };
      const next = appendElement(doc, 'networks', network);
      return placed(next, fresh.id, edit.position);
    }
    case 'add-router': {
      const site = edit.site ?? null;
      if (site !== null && elementKind(t, site) !== 'site') return fail(`There is no site ${quote(site)} to put the router in.`);
      const fresh = routerIdentity(ids, new Set(t.routers.map((r) => r.name)));
      const name = cleanName(edit.name, fresh.name);
      if (name === null) return emptyName;
      const router: RouterDoc = site === null ? { id: fresh.id, name, interfaces: [] } : { id: fresh.id, name, site, interfaces: [] };
      const next = appendElement(doc, 'routers', router);
      return placed(next, fresh.id, edit.position);
    }
  }
}

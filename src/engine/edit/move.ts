/**
 * Re-parenting: nodes and routers into a site (or out of every site), NICs onto another node.
 * The saved positions of what moved (a node's NICs with it) are forgotten, so that the diagram
 * draws it inside its new parent instead of stretching that parent to where it was; a drop on the
 * canvas follows the move with the drop positions, in the same batch.
 */
import type { NicDoc, NodeDoc, RouterDoc, TopologyDocument } from '../model/types';
import { elementKind } from '../model/elementKind';
import { quote, updateElement, withField, type EditContext } from './context';
import { fail, type Step } from './types';

export function applyMove(ctx: EditContext, ids: readonly string[], to: string | null): Step {
  const { t } = ctx;
  const target = to === null ? null : elementKind(t, to);
  if (to !== null && target !== 'site' && target !== 'node') return fail(`Elements can be moved into a site or (NICs) onto a node; ${quote(to)} is neither.`);
  const moving = new Set(ids);
  let doc = ctx.doc;
  for (const id of ids) {
    const kind = elementKind(t, id);
    if (kind === 'node' || kind === 'router') {
      if (target === 'node') return fail(`Only NICs go onto a node; ${quote(t.index.nodes.get(id)?.name ?? t.index.routers.get(id)!.name)} can go into a site.`);
      const section = kind === 'node' ? 'nodes' : 'routers';
      const before = doc;
      doc = updateElement(doc, section, id, (el: NodeDoc | RouterDoc) => withField(el, 'site', to ?? undefined));
      if (doc !== before) doc = forget(doc, [id, ...(kind === 'node' ? nicsOf(doc, id) : [])]);
    } else if (kind === 'nic') {
      const nic = t.index.nics.get(id)!;
      // A NIC selected together with its node travels with the node.
      if (moving.has(nic.node) && target !== 'node') continue;
      if (target !== 'node') return fail(`A NIC goes onto a node; ${quote(nic.name)} cannot be moved ${to === null ? 'out of its node' : 'into a site'}.`);
      const before = doc;
      doc = updateElement(doc, 'nics', id, (n: NicDoc) => (n.node === to ? n : { ...n, node: to! }));
      if (doc !== before) doc = forget(doc, [id]);
    } else if (kind !== null) {
      return fail(`A ${kind} has no parent to move it to.`);
    }
  }
  return { ok: true, document: doc };
}

function nicsOf(doc: TopologyDocument, nodeId: string): string[] {
  return (doc.nics ?? []).filter((n) => n.node === nodeId).map((n) => n.id);
}

function forget(doc: TopologyDocument, ids: string[]): TopologyDocument {
  const layout = doc.layout;
  if (!layout || !ids.some((id) => Object.hasOwn(layout, id))) return doc;
  return { ...doc, layout: Object.fromEntries(Object.entries(layout).filter(([id]) => !ids.includes(id))) };
}

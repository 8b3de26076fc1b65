/**
 * Copy, paste and duplicate of nodes with their NICs. A copy gets a fresh id and the next free
 * name (`HV01` → `HV05`), its NICs the next free addresses on the same networks (routes kept:
 * their gateways are on those networks too). It is placed beside the originals, offset to the
 * right by the width of the copied group until it lands on no saved position; pasted into another
 * site, it gets no saved position and the diagram places it there.
 */
import { parseAddress, parseCidr, prefixContains } from '../model/address';
import { LIMITS } from '../model/limits';
import { ownValue, setOwn } from '../model/own';
import type { NicDoc, NodeDoc, Position, TopologyDocument } from '../model/types';
import { key, nextNicAddress, usedAddresses } from './alloc';
import { elementKind } from '../model/elementKind';
import { quote, usedIds, withPositions, type EditContext } from './context';
import { copyName, firstFree } from './ids';
import { fail, type Clip, type Step } from './types';

/** Room between the originals and their copy (a node's box is wider than its NICs' centres). */
const GAP = 260;

/** The nodes among `ids` with their NICs and positions (other kinds are not copied). */
export function copyNodes(doc: TopologyDocument, ids: readonly string[]): Clip | null {
  const wanted = new Set(ids);
  const nodes = (doc.nodes ?? []).filter((n) => wanted.has(n.id));
  if (nodes.length === 0) return null;
  const nodeIds = new Set(nodes.map((n) => n.id));
  const nics = (doc.nics ?? []).filter((n) => nodeIds.has(n.node));
  const layout: Record<string, Position> = {};
  for (const id of [...nodeIds, ...nics.map((n) => n.id)]) {
    const p = ownValue(doc.layout, id);
    if (p) setOwn(layout, id, p);
  }
  return { nodes, nics, layout };
}

export function applyPaste(ctx: EditContext, clip: Clip, site: string | null | undefined): Step {
  const { t } = ctx;
  if (clip.nodes.length === 0) return fail('There is nothing to paste: copy one or more nodes first.');
  if (site !== undefined && site !== null && elementKind(t, site) !== 'site') return fail(`There is no site ${quote(site)} to paste into.`);
  // Said before the parser's count ("The topology has 129 nodes… Is it the right file?" read oddly after a paste).
  if (t.nodes.length + clip.nodes.length > LIMITS.nodes)
    return fail(
      `Pasting ${clip.nodes.length === 1 ? 'this node' : `these ${clip.nodes.length} nodes`} would make ${t.nodes.length + clip.nodes.length}; a design holds at most ${LIMITS.nodes} nodes (a Windows Server cluster has at most 64). Paste fewer, or delete nodes first.`,
    );
  const nics = t.nics.length + clip.nics.length;
  if (nics > LIMITS.nics)
    return fail(
      `Pasting ${clip.nodes.length === 1 ? 'this node' : `these ${clip.nodes.length} nodes`} (${clip.nics.length.toLocaleString('en-US')} NIC${clip.nics.length === 1 ? '' : 's'}) would make ${nics.toLocaleString('en-US')} NICs; a design holds at most ${LIMITS.nics.toLocaleString('en-US')} (64 nodes with 16 NICs each, or 128 with 8). Paste fewer, or delete NICs first.`,
    );
  const ids = usedIds(t);
  const nodeNames = new Set(t.nodes.map((n) => n.name));
  const used = usedAddresses(ctx.doc);
  const declared = t.networks.flatMap((n) => n.prefixes.map((p) => parseCidr(p)!));
  const messages: string[] = [];
  const created: string[] = [];
  const newNodes: NodeDoc[] = [];
  const newNics: NicDoc[] = [];
  const positions: Record<string, Position> = {};
  const layout = ctx.doc.layout ?? {};
  const offset = copyOffset(clip, layout);

  for (const node of clip.nodes) {
    const id = firstFree((j) => `n${j}`, (s) => ids.has(s));
    ids.add(id);
    const name = copyName(node.name, nodeNames);
    nodeNames.add(name);
    const target = site !== undefined ? site : node.site !== undefined && t.index.sites.has(node.site) ? node.site : null;
    const copy: NodeDoc = { ...node, id, name };
    if (target === null) delete copy.site;
    else copy.site = target;
    newNodes.push(copy);
    created.push(id);

    const nics = clip.nics.filter((n) => n.node === node.id);
    // Into another site, the originals' positions mean nothing: the diagram places the copy.
    const placedHere = target === (node.site ?? null);
    const from = ownValue(clip.layout, node.id);
    if (from && placedHere) setOwn(positions, id, { x: from.x + offset.x, y: from.y + offset.y });
    for (const nic of nics) {
      // `n1-mgmt` becomes `n5-mgmt`; ids that do not start with their node's id become `n5-nicK`.
      const suffix = nic.id.startsWith(`${node.id}-`) ? nic.id.slice(node.id.length + 1) : null;
      const nicId = firstFree((j) => (suffix === null ? `${id}-nic${j}` : j === 1 ? `${id}-${suffix}` : `${id}-${suffix}-${j}`), (s) => ids.has(s));
      ids.add(nicId);
      const addresses: string[] = [];
      for (const a of nic.addresses) {
        const c = parseCidr(a);
        if (!c) continue;
        const subnet = declared.find((p) => prefixContains(p, c)) ?? c;
        const host = nextNicAddress(subnet.subnet, used);
        if (host === null) {
          messages.push(`No free address was left in ${subnet.subnet} for the copy of ${quote(nic.name)}.`);
          continue;
        }
        used.add(key(c.family, host));
        addresses.push(`${host}/${subnet.prefixLength}`);
      }
      const mine = addresses.map((a) => parseCidr(a)!);
      const out: NicDoc = { ...nic, id: nicId, node: id, addresses };
      if (nic.routes) out.routes = nic.routes.filter((r) => { const v = parseAddress(r.via); return v !== null && mine.some((m) => prefixContains(m, v)); });
      newNics.push(out);
      const p = ownValue(clip.layout, nic.id);
      if (p && placedHere) setOwn(positions, nicId, { x: p.x + offset.x, y: p.y + offset.y });
    }
  }
  let doc: TopologyDocument = { ...ctx.doc, nodes: [...(ctx.doc.nodes ?? []), ...newNodes], nics: [...(ctx.doc.nics ?? []), ...newNics] };
  doc = withPositions(doc, positions);
  return { ok: true, document: doc, messages, created };
}

/** To the right of the copied group, one group width (plus a gap) at a time, until nothing saved is in the way. */
function copyOffset(clip: Clip, layout: Record<string, Position>): Position {
  const points = Object.values(clip.layout);
  if (points.length === 0) return { x: 0, y: 0 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const box = { x1: Math.min(...xs), x2: Math.max(...xs), y1: Math.min(...ys), y2: Math.max(...ys) };
  const step = box.x2 - box.x1 + GAP;
  const taken = Object.values(layout);
  for (let k = 1; k < 50; k++) {
    const dx = step * k;
    const clash = taken.some((q) => q.x > box.x1 + dx - GAP / 2 && q.x < box.x2 + dx + GAP / 2 && q.y > box.y1 - GAP / 2 && q.y < box.y2 + GAP / 2);
    if (!clash) return { x: dx, y: 0 };
  }
  return { x: step, y: 0 };
}

export function applyDuplicate(ctx: EditContext, ids: readonly string[]): Step {
  const clip = copyNodes(ctx.doc, ids);
  if (!clip) return fail('Only nodes can be duplicated: select one or more nodes.');
  return applyPaste(ctx, clip, undefined);
}

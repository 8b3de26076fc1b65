/**
 * Connecting two elements, as drawn on the canvas. What it means depends on the two kinds:
 * - NIC → network: the NIC gets the next free address in each of the network's prefixes;
 * - node → network: a new NIC on the node, in the network;
 * - router → network: the router gets an interface with the gateway address (.1 when free);
 * - router → router: a transit subnet between them (a free /30, or /126 for IPv6-only routers);
 * - NIC ↔ NIC on two nodes (or node ↔ node, node ↔ NIC, creating the missing NICs): a switchless
 *   cable, i.e. a new /24 (/64) network with host 1 on one side and host 2 on the other.
 * A NIC is plugged into one network: connecting it elsewhere moves it, dropping its addresses on
 * other networks and the routes whose gateway it can no longer reach (reported).
 * The direction does not matter.
 */
import { hostInSubnet, parseAddress, parseCidr, prefixContains, type ParsedCidr } from '../model/address';
import { nicLabel, nodeName } from '../text/messages';
import type { IpFamily, NicDoc, TopologyDocument } from '../model/types';
import { freeNetworkPrefix, freeTransitPrefix, gatewayAddress, key, nextNicAddress, takenPrefixes, usedAddresses } from './alloc';
import { elementKind } from '../model/elementKind';
import { appendElement, quote, updateElement, usedIds, type EditContext } from './context';
import { firstFree, networkIdentity, nicIdentity } from './ids';
import { fail, type ElementKind, type Step } from './types';

interface Work {
  doc: TopologyDocument;
  ids: Set<string>;
  used: Set<string>;
  messages: string[];
  created: string[];
}

const HOW = 'Connect a NIC or a node to a network, a router to a network or to another router, or two NICs (or nodes) for a direct cable.';

export function applyConnect(ctx: EditContext, from: string, to: string): Step {
  const { t } = ctx;
  const ka = elementKind(t, from);
  const kb = elementKind(t, to);
  if (ka === null || kb === null) return fail(`Cannot connect: ${quote(ka === null ? from : to)} does not exist.`);
  if (from === to) return fail('An element cannot be connected to itself.');
  const w: Work = { doc: ctx.doc, ids: usedIds(t), used: usedAddresses(ctx.doc), messages: [], created: [] };
  const pair = (x: ElementKind, y: ElementKind): [string, string] | null =>
    ka === x && kb === y ? [from, to] : ka === y && kb === x ? [to, from] : null;

  let p: [string, string] | null;
  let r: string | null;
  if ((p = pair('nic', 'network'))) r = joinNetwork(ctx, w, p[0], p[1]);
  else if ((p = pair('node', 'network'))) {
    const nic = newNic(ctx, w, p[0], t.index.networks.get(p[1])!.name);
    r = joinNetwork(ctx, w, nic, p[1]);
  } else if ((p = pair('router', 'network'))) r = routerJoin(ctx, w, p[0], p[1]);
  else if ((p = pair('router', 'router'))) r = transit(ctx, w, p[0], p[1]);
  else if ((p = pair('nic', 'nic')) || (p = pair('node', 'node')) || (p = pair('node', 'nic'))) r = cable(ctx, w, p[0], p[1]);
  else return fail(`${HOW} A ${ka} and a ${kb} cannot be connected.`);
  if (r !== null) return fail(r);
  return { ok: true, document: w.doc, messages: w.messages, created: w.created };
}

/** A new NIC on a node (name unique on the node); the diagram places it beside the node's NICs. */
function newNic(ctx: EditContext, w: Work, nodeId: string, baseName?: string): string {
  const names = new Set((w.doc.nics ?? []).filter((n) => n.node === nodeId).map((n) => n.name));
  const fresh = nicIdentity(nodeId, w.ids, names);
  const name = baseName ? firstFree((k) => (k === 1 ? baseName : `${baseName} ${k}`), (s) => names.has(s)) : fresh.name;
  w.doc = appendElement(w.doc, 'nics', { id: fresh.id, node: nodeId, name, addresses: [] });
  w.ids.add(fresh.id);
  w.created.push(fresh.id);
  return fresh.id;
}

const nicDoc = (w: Work, id: string): NicDoc => (w.doc.nics ?? []).find((n) => n.id === id)!;

/**
 * Sets a NIC's addresses to `added` plus those of its current addresses that lie in `keep`
 * (prefixes of the network it is joining); routes whose gateway is no longer on one of its
 * subnets go, with a message.
 */
function plug(ctx: EditContext, w: Work, nicId: string, keep: ParsedCidr[], added: string[], target: string): void {
  const nic = nicDoc(w, nicId);
  const kept = nic.addresses.filter((a) => {
    const c = parseCidr(a);
    return c !== null && keep.some((k) => prefixContains(k, c));
  });
  const dropped = nic.addresses.filter((a) => !kept.includes(a));
  const addresses = [...kept, ...added];
  const mine = addresses.map((a) => parseCidr(a)!);
  const routes = (nic.routes ?? []).filter((r) => {
    const via = parseAddress(r.via);
    const ok = via !== null && mine.some((c) => prefixContains(c, via));
    if (!ok) w.messages.push(`Removed the route to ${r.prefix} via ${r.via} from ${label(ctx, w, nicId)}: its gateway is not on the NIC's subnet any more.`);
    return ok;
  });
  if (dropped.length > 0) w.messages.push(`${label(ctx, w, nicId)} was moved to ${target}; it no longer has ${dropped.join(', ')}.`);
  w.doc = updateElement(w.doc, 'nics', nicId, (n) => {
    const out: NicDoc = { ...n, addresses };
    if (n.routes) out.routes = routes;
    return out;
  });
}

function label(ctx: EditContext, w: Work, nicId: string): string {
  if (ctx.t.index.nics.has(nicId)) return nicLabel(ctx.t, nicId);
  const nic = nicDoc(w, nicId);
  return `${nodeName(ctx.t, nic.node)} ${quote(nic.name)}`;
}

function joinNetwork(ctx: EditContext, w: Work, nicId: string, networkId: string): string | null {
  const net = ctx.t.index.networks.get(networkId)!;
  if (net.prefixes.length === 0) return `Network ${quote(net.name)} has no prefix yet: give it one (e.g. 10.0.1.0/24) before connecting NICs to it.`;
  const prefixes = net.prefixes.map((p) => parseCidr(p)!);
  const current = nicDoc(w, nicId).addresses.map((a) => parseCidr(a)).filter((c): c is ParsedCidr => c !== null);
  const missing = prefixes.filter((p) => !current.some((c) => prefixContains(p, c)));
  if (missing.length === 0) return `${label(ctx, w, nicId)} is already on network ${quote(net.name)}.`;
  const nodeId = nicDoc(w, nicId).node;
  const sibling = (w.doc.nics ?? []).find((n) => n.node === nodeId && n.id !== nicId && n.addresses.some((a) => { const c = parseCidr(a); return c !== null && prefixes.some((p) => prefixContains(p, c)); }));
  if (sibling) return `${nodeName(ctx.t, nodeId)} already has NIC ${quote(sibling.name)} on network ${quote(net.name)}; a node uses one interface per network.`;
  const added: string[] = [];
  for (const p of missing) {
    const host = nextNicAddress(p.subnet, w.used);
    if (host === null) return `Network ${quote(net.name)} has no free address left in ${p.subnet}.`;
    w.used.add(key(p.family, host));
    added.push(`${host}/${p.prefixLength}`);
  }
  plug(ctx, w, nicId, prefixes, added, `network ${quote(net.name)}`);
  return null;
}

function routerJoin(ctx: EditContext, w: Work, routerId: string, networkId: string): string | null {
  const net = ctx.t.index.networks.get(networkId)!;
  const router = ctx.t.index.routers.get(routerId)!;
  if (net.prefixes.length === 0) return `Network ${quote(net.name)} has no prefix yet: give it one before connecting a router to it.`;
  const own = router.interfaces.map((a) => parseCidr(a)!);
  const added: string[] = [];
  for (const p of net.prefixes.map((x) => parseCidr(x)!)) {
    if (own.some((c) => prefixContains(p, c))) continue;
    const host = gatewayAddress(p.subnet, w.used);
    if (host === null) return `Network ${quote(net.name)} has no free address left in ${p.subnet}.`;
    w.used.add(key(p.family, host));
    added.push(`${host}/${p.prefixLength}`);
  }
  if (added.length === 0) return `${router.name} is already attached to network ${quote(net.name)}.`;
  w.doc = updateElement(w.doc, 'routers', routerId, (r) => ({ ...r, interfaces: [...r.interfaces, ...added] }));
  return null;
}

function familyOf(addresses: string[], fallback: IpFamily = 4): { has4: boolean; has6: boolean; family: IpFamily } {
  const fams = addresses.map((a) => parseCidr(a)?.family);
  const has4 = fams.includes(4);
  const has6 = fams.includes(6);
  return { has4, has6, family: !has4 && has6 ? 6 : fallback };
}

function transit(ctx: EditContext, w: Work, a: string, b: string): string | null {
  const { t } = ctx;
  const ra = t.index.routers.get(a)!;
  const rb = t.index.routers.get(b)!;
  const fa = familyOf(ra.interfaces);
  const fb = familyOf(rb.interfaces);
  const family: IpFamily = !fa.has4 && !fb.has4 && (fa.has6 || fb.has6) ? 6 : 4;
  const shared = (t.index.subnetsByRouter.get(a) ?? []).filter((s) => (t.index.subnetsByRouter.get(b) ?? []).includes(s) && t.subnets[s]!.family === family);
  if (shared.length > 0) return `${ra.name} and ${rb.name} are already linked through ${t.subnets[shared[0]!]!.prefix}.`;
  const prefix = freeTransitPrefix(takenPrefixes(t), family);
  if (prefix === null) return 'No free transit subnet is left.';
  const c = parseCidr(prefix)!;
  const h1 = nextFrom(prefix, 1);
  const h2 = nextFrom(prefix, 2);
  w.doc = updateElement(w.doc, 'routers', a, (r) => ({ ...r, interfaces: [...r.interfaces, `${h1}/${c.prefixLength}`] }));
  w.doc = updateElement(w.doc, 'routers', b, (r) => ({ ...r, interfaces: [...r.interfaces, `${h2}/${c.prefixLength}`] }));
  w.messages.push(`Linked ${ra.name} and ${rb.name} through the transit subnet ${prefix}.`);
  return null;
}

/** Host n of a fresh subnet (nothing in it is used: it overlaps nothing). */
const nextFrom = (prefix: string, n: number): string => parseAddress(hostInSubnet(prefix, n)!)!.text;

function cable(ctx: EditContext, w: Work, x: string, y: string): string | null {
  const { t } = ctx;
  const nodeOfX = elementKind(t, x) === 'node' ? x : t.index.nics.get(x)!.node;
  const nodeOfY = elementKind(t, y) === 'node' ? y : t.index.nics.get(y)!.node;
  if (nodeOfX === nodeOfY) return `Both ends are on ${nodeName(t, nodeOfX)}: a direct cable joins two different nodes.`;
  const nicX = elementKind(t, x) === 'node' ? newNic(ctx, w, x) : x;
  const nicY = elementKind(t, y) === 'node' ? newNic(ctx, w, y) : y;
  const fx = familyOf(nicDoc(w, nicX).addresses);
  const fy = familyOf(nicDoc(w, nicY).addresses);
  const family: IpFamily = !fx.has4 && !fy.has4 && (fx.has6 || fy.has6) ? 6 : 4;
  const prefix = freeNetworkPrefix(takenPrefixes(t), family);
  if (prefix === null) return 'No free subnet is left for a new cable.';
  const c = parseCidr(prefix)!;
  const names = new Set(t.networks.map((n) => n.name));
  const base = `Direct ${nodeName(t, nodeOfX)}-${nodeName(t, nodeOfY)}`;
  const name = firstFree((k) => (k === 1 ? base : `${base} (${k})`), (s) => names.has(s));
  const id = networkIdentity(w.ids, names).id;
  // No saved position: the diagram draws a cable between the two NICs it joins.
  w.doc = appendElement(w.doc, 'networks', { id, name, prefixes: [prefix] });
  w.ids.add(id);
  w.created.push(id);
  const target = `the direct cable ${quote(name)}`;
  plug(ctx, w, nicX, [c], [`${nextFrom(prefix, 1)}/${c.prefixLength}`], target);
  plug(ctx, w, nicY, [c], [`${nextFrom(prefix, 2)}/${c.prefixLength}`], target);
  return null;
}

/**
 * Deleting elements and what depends on them, leaving nothing dangling:
 * - a site takes what is drawn inside it: its nodes (with their NICs) and routers;
 * - a node takes its NICs and its VMs (a VM's owner must exist; the user is told which went);
 * - a network (declared, or one the parser created from addresses) unplugs the NICs and router
 *   interfaces that were on it, and leaves the live migration settings;
 * - routes that went through a deleted router, whose gateway is no longer on the NIC's subnet, or
 *   that led to a deleted network are removed — each one reported;
 * - saved positions of everything deleted go too.
 */
import { parseAddress, parseCidr, prefixContains, type ParsedCidr } from '../address';
import { nicLabel } from '../messages';
import type { NicDoc, RouteDoc, RouterDoc } from '../types';
import { key } from './alloc';
import { kindOf, mapSection, quote, type EditContext } from './context';
import type { Step } from './types';

const names = (list: string[]): string => (list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`);

export function applyDelete(ctx: EditContext, ids: readonly string[]): Step {
  const { doc, t } = ctx;
  const del = { site: new Set<string>(), node: new Set<string>(), nic: new Set<string>(), network: new Set<string>(), router: new Set<string>() };
  for (const id of ids) {
    const k = kindOf(t, id);
    if (k) del[k].add(id);
  }
  const messages: string[] = [];
  // Cascade: sites take their nodes and routers, nodes their NICs.
  for (const siteId of del.site) {
    const inside = [...t.nodes.filter((n) => n.site === siteId), ...t.routers.filter((r) => r.site === siteId)];
    const extra = inside.filter((e) => !del.node.has(e.id) && !del.router.has(e.id));
    inside.forEach((e) => (t.index.nodes.has(e.id) ? del.node : del.router).add(e.id));
    if (extra.length) messages.push(`Deleted site ${quote(t.index.sites.get(siteId)!.name)} with what was in it: ${names(extra.map((e) => e.name))}.`);
  }
  for (const nodeId of del.node) for (const nicId of t.index.nicsByNode.get(nodeId) ?? []) del.nic.add(nicId);
  const goneVms = new Set<string>();
  for (const nodeId of del.node) {
    const own = t.index.vmsByNode.get(nodeId) ?? [];
    own.forEach((id) => goneVms.add(id));
    if (own.length)
      messages.push(`Deleted ${own.length === 1 ? 'the VM' : `the ${own.length} VMs`} of ${t.index.nodes.get(nodeId)!.name} with it: ${names(own.map((id) => quote(t.index.vms.get(id)!.name)))}.`);
  }
  const all = new Set([...del.site, ...del.node, ...del.nic, ...del.network, ...del.router, ...goneVms]);
  if (all.size === 0) return { ok: true, document: doc };

  const gonePrefixes: { cidr: ParsedCidr; network: string }[] = [];
  for (const id of del.network) for (const p of t.index.networks.get(id)!.prefixes) gonePrefixes.push({ cidr: parseCidr(p)!, network: t.index.networks.get(id)!.name });
  const onGoneNetwork = (cidr: string): boolean => {
    const c = parseCidr(cidr);
    return c !== null && gonePrefixes.some((g) => prefixContains(g.cidr, c));
  };
  const goneRouterAddress = new Map<string, string>();
  for (const id of del.router)
    for (const itf of t.index.routers.get(id)!.interfaces) {
      const c = parseCidr(itf)!;
      goneRouterAddress.set(key(c.family, c.text), t.index.routers.get(id)!.name);
    }

  let next = doc;
  next = mapSection(next, 'sites', (s) => (del.site.has(s.id) ? null : s));
  next = mapSection(next, 'nodes', (n) => (del.node.has(n.id) ? null : n));
  next = mapSection(next, 'networks', (n) => (del.network.has(n.id) ? null : n));
  if (goneVms.size > 0) next = { ...next, vms: (next.vms ?? []).filter((v) => !goneVms.has(v.id)) };
  next = mapSection(next, 'routers', (r) => {
    if (del.router.has(r.id)) return null;
    const interfaces = r.interfaces.filter((a) => !onGoneNetwork(a));
    if (interfaces.length === r.interfaces.length) return r;
    messages.push(`${r.name} lost its interface${r.interfaces.length - interfaces.length > 1 ? 's' : ''} ${r.interfaces.filter((a) => !interfaces.includes(a)).join(', ')} on the deleted network.`);
    return { ...r, interfaces } satisfies RouterDoc;
  });
  next = mapSection(next, 'nics', (nic) => {
    if (del.nic.has(nic.id)) return null;
    const addresses = nic.addresses.filter((a) => !onGoneNetwork(a));
    const mine = addresses.map((a) => parseCidr(a)).filter((c): c is ParsedCidr => c !== null);
    const routes = (nic.routes ?? []).filter((r) => {
      const why = routeGone(r, mine);
      if (why) messages.push(`Removed the route to ${r.prefix} via ${r.via} from ${nicLabel(t, nic.id)}: ${why}.`);
      return why === null;
    });
    if (addresses.length === nic.addresses.length && routes.length === (nic.routes ?? []).length) return nic;
    const out: NicDoc = { ...nic, addresses };
    if (nic.routes) out.routes = routes;
    return out;
  });

  function routeGone(r: RouteDoc, mine: ParsedCidr[]): string | null {
    const via = parseAddress(r.via);
    const router = via ? goneRouterAddress.get(key(via.family, via.text)) : undefined;
    if (router !== undefined) return `it went through ${router}, which was deleted`;
    if (via && !mine.some((c) => prefixContains(c, via))) return "its gateway is no longer on the NIC's subnet";
    const dest = parseCidr(r.prefix);
    const lost = dest && gonePrefixes.find((g) => g.cidr.subnet === dest.subnet);
    if (lost) return `network ${quote(lost.network)} was deleted`;
    return null;
  }

  const lm = next.liveMigration;
  if (lm) {
    const order = lm.networkOrder?.filter((id) => !del.network.has(id));
    const excluded = lm.excludedNetworks?.filter((id) => !del.network.has(id));
    if (order?.length !== lm.networkOrder?.length || excluded?.length !== lm.excludedNetworks?.length) {
      const out = { ...lm };
      if (order) out.networkOrder = order;
      if (excluded) out.excludedNetworks = excluded;
      next = { ...next, liveMigration: out };
      messages.push('The deleted network was removed from the live migration settings.');
    }
  }
  if (next.layout && Object.keys(next.layout).some((id) => all.has(id))) {
    next = { ...next, layout: Object.fromEntries(Object.entries(next.layout).filter(([id]) => !all.has(id))) };
  }
  return { ok: true, document: next, messages };
}

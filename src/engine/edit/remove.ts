/**
 * Deleting elements and what depends on them, leaving nothing dangling:
 * - a site takes what is drawn inside it: its nodes (with their NICs) and routers;
 * - a node takes its NICs and its VMs (a VM's owner must exist; the user is told which went);
 * - a network (declared, or one the parser created from addresses) unplugs the NICs and router
 *   interfaces that were on it, and leaves the live migration settings;
 * - routes that went through a deleted router, whose gateway is no longer on the NIC's subnet, or
 *   that led to a deleted network are removed;
 * - saved positions of everything deleted go too.
 * What went with the deleted elements is reported as one short message, grouped by kind
 * ("Deleted Router A. Removed with it: 4 static routes through Router A (on HV01 'Management', …).").
 */
import { parseAddress, parseCidr, prefixContains, type ParsedCidr } from '../model/address';
import { nicLabel } from '../text/messages';
import type { NicDoc, RouteDoc, RouterDoc } from '../model/types';
import { key } from './alloc';
import { elementKind } from '../model/elementKind';
import { mapSection, quote, type EditContext } from './context';
import type { Step } from './types';

const names = (list: string[]): string => (list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`);
/** At most `max` names, then "and N more". */
const few = (list: string[], max = 6): string => (list.length <= max ? names(list) : `${list.slice(0, max).join(', ')} and ${list.length - max} more`);
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function applyDelete(ctx: EditContext, ids: readonly string[]): Step {
  const { doc, t } = ctx;
  const del = { site: new Set<string>(), node: new Set<string>(), nic: new Set<string>(), network: new Set<string>(), router: new Set<string>() };
  for (const id of ids) {
    const k = elementKind(t, id);
    if (k) del[k].add(id);
  }
  const asked = [...del.site].map((id) => `site ${quote(t.index.sites.get(id)!.name)}`)
    .concat([...del.node].map((id) => t.index.nodes.get(id)!.name), [...del.nic].map((id) => nicLabel(t, id)))
    .concat([...del.network].map((id) => `network ${quote(t.index.networks.get(id)!.name)}`), [...del.router].map((id) => t.index.routers.get(id)!.name));
  /** What went with the asked-for elements, one entry per kind. */
  const withIt: string[] = [];
  // Cascade: sites take their nodes and routers, nodes their NICs.
  for (const siteId of del.site) {
    const inside = [...t.nodes.filter((n) => n.site === siteId), ...t.routers.filter((r) => r.site === siteId)];
    const extra = inside.filter((e) => !del.node.has(e.id) && !del.router.has(e.id));
    inside.forEach((e) => (t.index.nodes.has(e.id) ? del.node : del.router).add(e.id));
    if (extra.length) withIt.push(`what was in site ${quote(t.index.sites.get(siteId)!.name)} (${few(extra.map((e) => e.name))})`);
  }
  const nicsWithNodes: string[] = [];
  for (const nodeId of del.node)
    for (const nicId of t.index.nicsByNode.get(nodeId) ?? []) {
      if (!del.nic.has(nicId)) nicsWithNodes.push(nicLabel(t, nicId));
      del.nic.add(nicId);
    }
  if (nicsWithNodes.length) withIt.push(`${count(nicsWithNodes.length, 'NIC', 'NICs')} (${few(nicsWithNodes)})`);
  // A node takes its VMs (format 1.1): listed with the rest of what goes with it.
  const goneVms = new Set<string>();
  for (const nodeId of del.node) for (const id of t.index.vmsByNode.get(nodeId) ?? []) goneVms.add(id);
  if (goneVms.size) withIt.push(`${count(goneVms.size, 'VM', 'VMs')} (${few([...goneVms].map((id) => quote(t.index.vms.get(id)!.name)))})`);
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

  const lostInterfaces: string[] = [];
  /** Removed routes by why they went: "through Router A" → the NICs they were on. */
  const routesGone = new Map<string, string[]>();
  let next = doc;
  next = mapSection(next, 'sites', (s) => (del.site.has(s.id) ? null : s));
  next = mapSection(next, 'nodes', (n) => (del.node.has(n.id) ? null : n));
  next = mapSection(next, 'networks', (n) => (del.network.has(n.id) ? null : n));
  if (goneVms.size > 0) next = { ...next, vms: (next.vms ?? []).filter((v) => !goneVms.has(v.id)) };
  next = mapSection(next, 'routers', (r) => {
    if (del.router.has(r.id)) return null;
    const interfaces = r.interfaces.filter((a) => !onGoneNetwork(a));
    if (interfaces.length === r.interfaces.length) return r;
    lostInterfaces.push(...r.interfaces.filter((a) => !interfaces.includes(a)).map((a) => `${r.name} ${a}`));
    return { ...r, interfaces } satisfies RouterDoc;
  });
  next = mapSection(next, 'nics', (nic) => {
    if (del.nic.has(nic.id)) return null;
    const addresses = nic.addresses.filter((a) => !onGoneNetwork(a));
    const mine = addresses.map((a) => parseCidr(a)).filter((c): c is ParsedCidr => c !== null);
    const routes = (nic.routes ?? []).filter((r) => {
      const why = routeGone(r, mine);
      if (why) routesGone.set(why, [...(routesGone.get(why) ?? []), nicLabel(t, nic.id)]);
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
    if (router !== undefined) return `through ${router}`;
    if (via && !mine.some((c) => prefixContains(c, via))) return "whose gateway is no longer on the NIC's subnet";
    const dest = parseCidr(r.prefix);
    const lost = dest && gonePrefixes.find((g) => g.cidr.subnet === dest.subnet);
    if (lost) return `to network ${quote(lost.network)}`;
    return null;
  }

  const lm = next.liveMigration;
  if (lm) {
    const order = lm.networkOrder?.filter((id) => !del.network.has(id));
    const excluded = lm.excludedNetworks?.filter((id) => !del.network.has(id));
    const smb = lm.smbMultichannelNetworks?.filter((id) => !del.network.has(id));
    if (order?.length !== lm.networkOrder?.length || excluded?.length !== lm.excludedNetworks?.length || smb?.length !== lm.smbMultichannelNetworks?.length) {
      const out = { ...lm };
      if (order) out.networkOrder = order;
      if (excluded) out.excludedNetworks = excluded;
      if (smb) out.smbMultichannelNetworks = smb;
      next = { ...next, liveMigration: out };
      withIt.push('its place in the live migration settings');
    }
  }
  if (next.layout && Object.keys(next.layout).some((id) => all.has(id))) {
    next = { ...next, layout: Object.fromEntries(Object.entries(next.layout).filter(([id]) => !all.has(id))) };
  }
  for (const [why, nics] of routesGone) withIt.push(`${count(nics.length, 'static route', 'static routes')} ${why} (on ${few([...new Set(nics)])})`);
  if (lostInterfaces.length) withIt.push(`${count(lostInterfaces.length, 'router interface', 'router interfaces')} on it (${few(lostInterfaces)})`);
  const messages = withIt.length ? [`Deleted ${few(asked)}. Removed with ${asked.length === 1 ? 'it' : 'them'}: ${withIt.join('; ')}.`] : [];
  return { ok: true, document: next, messages };
}

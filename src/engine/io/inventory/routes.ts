/**
 * Routes (Get-NetRoute on each node) → the routes of the NIC whose adapter is the route's
 * InterfaceAlias. Every route table is messy — on-link entries, routes of adapters that carry no
 * cluster network, gateways on another subnet after a misconfiguration — so a route that cannot
 * be a topology route is left out with a note; a route never makes the import fail.
 */
import { NODE_FIELDS, nicsByAdapter } from './adapters';
import { aliasKey } from './hosts';
import { isLinkLocal6, parseCidr, prefixContains, readAddress, type ParsedAddress, type ParsedCidr } from './ip';
import { field, firstField, isObj, items, listSome, nameOf, show, text, type Field } from './json';
import type { Build, NicInfo } from './model';

/** A gateway that NIC routes go through: it becomes a router. */
export interface NextHop {
  address: ParsedAddress;
  /** The NIC subnet it is on (its interface's prefix length comes from there). */
  subnet: ParsedCidr;
  nodeIds: Set<string>;
  nicIds: string[];
}

const isUnspecified = (a: ParsedAddress): boolean => a.value === 0n;

export function readRoutes(list: Field, b: Build): Map<string, NextHop> {
  const byAdapter = nicsByAdapter(b.nics);
  const nicAddresses = new Map<string, NicInfo>();
  for (const nic of b.nics) for (const c of nic.addresses) nicAddresses.set(`${c.family}|${c.text}`, nic);
  const hops = new Map<string, NextHop>();
  const seen = new Set<string>();
  // Routes that are not the topology's business, counted for one note each.
  const other = { adapters: { count: 0, names: new Set<string>() }, hosts: { count: 0, names: new Set<string>() } };

  for (const f of items(list)) {
    if (!isObj(f.value)) continue;
    const nodeName = nameOf(firstField(f.value, NODE_FIELDS, f.path).value);
    const alias = text(field(f.value, 'InterfaceAlias', f.path).value);
    const node = nodeName === undefined ? undefined : b.hosts.get(nodeName);
    if (node === undefined) {
      other.hosts.count++;
      if (nodeName !== undefined && other.hosts.names.size < 100) other.hosts.names.add(nodeName);
      continue;
    }
    const nics = alias === undefined ? [] : (byAdapter.get(aliasKey(node.doc.id, alias)) ?? []);
    if (nics.length === 0) {
      other.adapters.count++;
      if (alias !== undefined && other.adapters.names.size < 100) other.adapters.names.add(alias);
      continue;
    }
    const destField = field(f.value, 'DestinationPrefix', f.path);
    const hopField = field(f.value, 'NextHop', f.path);
    const dest = parseCidr(text(destField.value) ?? '');
    const via = readAddress(text(hopField.value) ?? '');
    const where = `${node.doc.name} ${alias ?? ''}`;
    const ids = nics.map((n) => n.doc.id);
    if (dest === null) {
      b.ctx.dropped(destField.path, `A route of ${where} was left out: its destination ${show(destField.value)} is not a prefix.`, ids);
      continue;
    }
    if (via === null) {
      b.ctx.dropped(hopField.path, `The route to ${dest.subnet} of ${where} was left out: its next hop ${show(hopField.value)} is not an address.`, ids);
      continue;
    }
    if (isUnspecified(via)) continue; // on-link: no gateway, nothing to model
    if (via.family !== dest.family) {
      b.ctx.dropped(hopField.path, `The route to ${dest.subnet} of ${where} was left out: its next hop ${via.text} is not IPv${dest.family}.`, ids);
      continue;
    }
    if (via.family === 6 && isLinkLocal6(via)) {
      b.linkLocal.nextHops++;
      continue;
    }
    const owner = nicAddresses.get(`${via.family}|${via.text}`);
    if (owner !== undefined) {
      b.ctx.dropped(hopField.path, `The route to ${dest.subnet} of ${where} was left out: its next hop ${via.text} is ${owner.doc.id}'s own address, and routing through a cluster node is not modelled.`, [...ids, owner.doc.id]);
      continue;
    }
    for (const nic of nics) {
      const subnet = nic.addresses.find((c) => prefixContains(c, via));
      if (subnet === undefined) {
        const own = nic.addresses.map((c) => c.subnet).join(', ') || 'none';
        b.ctx.dropped(hopField.path, `The route to ${dest.subnet} via ${via.text} of ${where} was left out: the next hop is not on the adapter's own subnet (${own}), so it cannot be reached directly.`, [nic.doc.id]);
        continue;
      }
      const key = `${nic.doc.id}|${dest.subnet}|${via.text}`;
      if (seen.has(key)) continue; // the same route from the active and the persistent store
      seen.add(key);
      (nic.doc.routes ??= []).push({ prefix: dest.subnet, via: via.text });
      const hopKey = `${via.family}|${via.text}`;
      const hop = hops.get(hopKey) ?? { address: via, subnet: parseCidr(subnet.subnet) ?? subnet, nodeIds: new Set<string>(), nicIds: [] };
      hops.set(hopKey, hop);
      hop.nodeIds.add(nic.doc.node);
      if (!hop.nicIds.includes(nic.doc.id)) hop.nicIds.push(nic.doc.id);
    }
  }
  const count = (n: number): string => (n === 1 ? '1 route' : `${n} routes`);
  const names = (set: Set<string>): string => (set.size === 0 ? '' : ` (${listSome([...set], 6)})`);
  const were = (n: number): string => (n === 1 ? 'was' : 'were');
  if (other.adapters.count > 0)
    b.ctx.assumed('routes', `${count(other.adapters.count)} of adapters that carry no cluster network${names(other.adapters.names)} ${were(other.adapters.count)} not imported.`);
  if (other.hosts.count > 0)
    b.ctx.assumed('routes', `${count(other.hosts.count)} of computers that are not nodes of this cluster${names(other.hosts.names)} ${were(other.hosts.count)} not imported.`);
  return hops;
}

/**
 * Cluster network interfaces → NICs. A NIC is named after its adapter, its id is node + adapter,
 * and each address gets the prefix length of its cluster network's subnet. An address that does
 * not fit its network is left out with a note rather than invented into a network of its own.
 */
import type { NicDoc } from '../../model/types';
import { INTERFACE_STATE, readEnum } from './enums';
import { slug } from './ids';
import { isLinkLocal6, prefixContains, readAddress, withLength, type ParsedAddress, type ParsedCidr } from './ip';
import { field, isObj, items, nameOf, scalars, show, text, type Field, type Obj, type Scalar } from './json';
import type { Build, NetworkInfo, NodeInfo } from './model';
import { guidKey } from './networks';
import { addNode } from './nodes';

function networkIndex(networks: NetworkInfo[]): (ref: string) => NetworkInfo | undefined {
  const byKey = new Map<string, NetworkInfo>();
  for (const n of networks) if (!byKey.has(n.doc.name.toLowerCase())) byKey.set(n.doc.name.toLowerCase(), n);
  for (const n of networks) byKey.set(`#${n.doc.id.toLowerCase()}`, n);
  return (ref) => byKey.get(ref.toLowerCase()) ?? byKey.get(`#${guidKey(ref).toLowerCase()}`);
}

function nodeOf(iface: Obj, path: string, b: Build): NodeInfo | null {
  const f = field(iface, 'Node', path);
  const name = nameOf(f.value);
  if (name === undefined) {
    b.ctx.error(f.path, `This network interface has no Node (found ${show(f.value)}).`);
    return null;
  }
  const known = b.hosts.get(name);
  if (known !== undefined) return known;
  const node = addNode(b, name, undefined);
  b.ctx.assumed(f.path, `Node ${name} has network interfaces but is not in the inventory's node list; it was added and is assumed to be up.`, [node.doc.id]);
  return node;
}

/** The adapter name; tools that leave it out still name the interface `HV01 - Ethernet 2`. */
function adapterOf(iface: Obj, path: string, node: NodeInfo, b: Build): string {
  const adapter = text(field(iface, 'Adapter', path).value);
  if (adapter !== undefined) return adapter;
  const name = text(field(iface, 'Name', path).value);
  const prefix = `${node.doc.name} - `;
  const fallback = name === undefined ? `Interface ${b.nics.length + 1}` : name.toLowerCase().startsWith(prefix.toLowerCase()) ? name.slice(prefix.length) : name;
  b.ctx.assumed(`${path}.Adapter`, `A network interface of node ${node.doc.name} has no Adapter name; it is called ${fallback}.`, []);
  return fallback;
}

interface Placement {
  cidr: ParsedCidr | null;
  reason?: string;
}

/** The address with its network's prefix length, or why it cannot have one. */
function place(a: ParsedAddress, network: NetworkInfo | undefined, networks: NetworkInfo[]): Placement {
  const prefixOf = (n: NetworkInfo): ParsedCidr | null => (a.family === 4 ? n.v4 : n.v6);
  if (network !== undefined) {
    const own = prefixOf(network);
    if (own !== null && prefixContains(own, a)) return { cidr: withLength(a, own.prefixLength) };
    return {
      cidr: null,
      reason: own === null ? `network ${network.doc.name} has no IPv${a.family} subnet` : `it is not in network ${network.doc.name}'s subnet ${own.subnet}`,
    };
  }
  for (const n of networks) {
    const p = prefixOf(n);
    if (p !== null && prefixContains(p, a)) return { cidr: withLength(a, p.prefixLength) };
  }
  return { cidr: null, reason: 'it is in no cluster network' };
}

function addressEntries(iface: Obj, path: string): Scalar[] {
  const listed = [...scalars(field(iface, 'Ipv4Addresses', path)), ...scalars(field(iface, 'Ipv6Addresses', path))];
  return listed.length > 0 ? listed : scalars(field(iface, 'Address', path));
}

/** The NIC with its fields in the order of the format's description, as a hand-written file has them. */
export function inFormatOrder(d: NicDoc): NicDoc {
  const out: NicDoc = { id: d.id, node: d.node, name: d.name, addresses: d.addresses };
  if (d.speedGbps !== undefined) out.speedGbps = d.speedGbps;
  if (d.rdma !== undefined) out.rdma = d.rdma;
  if (d.state !== undefined) out.state = d.state;
  if (d.routes !== undefined) out.routes = d.routes;
  return out;
}

export function readInterfaces(list: Field, b: Build): void {
  const networkOf = networkIndex(b.networks);
  const used = new Map<string, string>();
  for (const f of items(list)) {
    if (!isObj(f.value)) {
      b.ctx.error(f.path, `Each entry of 'interfaces' must be an object describing a cluster network interface, not ${show(f.value)}.`);
      continue;
    }
    const iface = f.value;
    const node = nodeOf(iface, f.path, b);
    if (node === null) continue;
    const adapter = adapterOf(iface, f.path, node, b);
    const doc: NicDoc = { id: b.ids.claim(`${node.doc.id}-${slug(adapter, 'nic')}`), node: node.doc.id, name: adapter, addresses: [] };
    const label = `${node.doc.name} ${adapter}`;

    const stateField = field(iface, 'State', f.path);
    const state = readEnum(INTERFACE_STATE, stateField);
    if (state.kind === 'invalid') b.ctx.error(stateField.path, `The state of ${label}, ${show(stateField.value)}, ${state.message}.`);
    else if (state.kind === 'absent') b.ctx.assumed(stateField.path, `${label} has no State; it is assumed to be up.`, [doc.id]);
    else if (state.value === 'down') doc.state = 'down';

    const netField = field(iface, 'Network', f.path);
    const netRef = nameOf(netField.value);
    const network = netRef === undefined ? undefined : networkOf(netRef);
    if (netRef !== undefined && network === undefined)
      b.ctx.assumed(netField.path, `${label} is on network ${netRef}, which is not in the inventory's network list; its addresses are matched to networks by subnet.`, [doc.id]);

    const addresses: ParsedCidr[] = [];
    for (const entry of addressEntries(iface, f.path)) {
      const a = entry.text === undefined ? null : readAddress(entry.text);
      if (a === null) {
        b.ctx.error(entry.path, `${label}: ${show(entry.raw)} is not an IP address.`);
        continue;
      }
      if (a.family === 6 && isLinkLocal6(a)) {
        b.linkLocal.addresses++;
        continue;
      }
      const key = `${a.family}|${a.text}`;
      const owner = used.get(key);
      if (owner !== undefined) {
        if (owner !== doc.id) b.ctx.dropped(entry.path, `${label}: the address ${a.text} is already on ${owner}; it was left out here.`, [doc.id, owner]);
        continue;
      }
      const { cidr, reason } = place(a, network, b.networks);
      if (cidr === null) {
        b.ctx.dropped(entry.path, `${label}: the address ${a.text} was left out because ${reason ?? 'it fits no network'}.`, [doc.id]);
        continue;
      }
      used.set(key, doc.id);
      addresses.push(cidr);
      doc.addresses.push(`${cidr.text}/${cidr.prefixLength}`);
    }
    b.nics.push({ doc, adapter, addresses });
  }
  // NICs grouped by node, in node order, each node's in inventory order.
  const order = new Map(b.nodes.map((n, i) => [n.doc.id, i]));
  b.nics.sort((x, y) => (order.get(x.doc.node) ?? 0) - (order.get(y.doc.node) ?? 0));
}

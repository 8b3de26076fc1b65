/**
 * Cluster networks: id = the network's GUID, role, metric, state, and its subnets from the
 * address / prefix-length pairs (or, from tools that only give them, `Address` and `AddressMask`).
 *
 * The metric is imported even when AutoMetric is true: it is the value the cluster ranks networks
 * by right now, which the format's derived metric only approximates.
 */
import { RANGE } from '../../model/shape';
import type { NetworkDoc } from '../../model/types';
import { prefixesOverlap } from '../../model/address';
import { NETWORK_ROLE, NETWORK_STATE, readEnum } from './enums';
import { slug } from './ids';
import { isLinkLocal6, maskLength, readAddress, subnetOf, withLength, type ParsedCidr } from './ip';
import { field, isObj, items, num, scalars, show, text, type Field, type Obj } from './json';
import type { Build, NetworkInfo } from './model';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** A GUID in its plain lower-case form; anything else trimmed, as it is. */
export function guidKey(s: string): string {
  const m = GUID.exec(s.trim());
  return m?.[1] !== undefined ? m[1].toLowerCase() : s.trim();
}

const bits = (family: 4 | 6): number => (family === 4 ? 32 : 128);

/** One family's address / prefix-length pairs, as subnets. */
function pairs(net: Obj, path: string, name: string, family: 4 | 6, b: Build): ParsedCidr[] {
  const addrField = field(net, `Ipv${family}Addresses`, path);
  const lenField = field(net, `Ipv${family}PrefixLengths`, path);
  const lengths = scalars(lenField);
  const out: ParsedCidr[] = [];
  scalars(addrField).forEach((entry, j) => {
    const a = entry.text === undefined ? null : readAddress(entry.text);
    if (a === null) return b.ctx.error(entry.path, `Network ${name}: ${show(entry.raw)} is not an IPv${family} address.`);
    if (a.family === 6 && isLinkLocal6(a)) {
      b.linkLocal.networks.push(name);
      return;
    }
    const len = lengths[j];
    let length: number | null = null;
    if (len !== undefined) {
      const n = num(len.text);
      if (n === undefined || !Number.isInteger(n) || n < 0 || n > bits(a.family))
        return b.ctx.error(len.path, `Network ${name}: ${show(len.raw)} is not a prefix length for ${a.text} (a whole number from 0 to ${bits(a.family)}).`);
      length = n;
    } else if (a.family === 4) length = maskLengthOf(net, path, 4)?.length ?? null;
    if (length === null)
      return b.ctx.error(lenField.path, `Network ${name}: there is no prefix length for its address ${a.text} (the inventory needs one prefix length per address).`);
    const cidr = withLength(a, length);
    if (cidr !== null) out.push(cidr);
  });
  return out;
}

/** The prefix length from `AddressMask` (a dotted mask, or already a length); undefined when there is none. */
function maskLengthOf(net: Obj, path: string, family: 4 | 6): { length: number | null; field: Field } | undefined {
  const f = field(net, 'AddressMask', path);
  const t = text(f.value);
  if (t === undefined) return undefined;
  const n = num(t);
  return { length: n !== undefined && Number.isInteger(n) && n >= 0 && n <= bits(family) ? n : maskLength(t, family), field: f };
}

function readPrefixes(net: Obj, path: string, name: string, b: Build): ParsedCidr[] {
  const found = [...pairs(net, path, name, 4, b), ...pairs(net, path, name, 6, b)];
  const listed = [4, 6].some((family) => scalars(field(net, `Ipv${family}Addresses`, path)).length > 0);
  if (listed) return found;
  // Tools that do not list the pairs still give the network's Address and AddressMask.
  const addrField = field(net, 'Address', path);
  const t = text(addrField.value);
  if (t === undefined) return [];
  const a = readAddress(t);
  if (a === null) {
    b.ctx.error(addrField.path, `Network ${name}: ${show(addrField.value)} is not an address.`);
    return [];
  }
  if (a.family === 6 && isLinkLocal6(a)) {
    b.linkLocal.networks.push(name);
    return [];
  }
  const mask = maskLengthOf(net, path, a.family);
  if (mask === undefined) {
    b.ctx.error(addrField.path, `Network ${name}: its address ${a.text} comes with no prefix length or subnet mask.`);
    return [];
  }
  if (mask.length === null) {
    b.ctx.error(mask.field.path, `Network ${name}: ${show(mask.field.value)} is not a subnet mask.`);
    return [];
  }
  const cidr = withLength(a, mask.length);
  return cidr === null ? [] : [cidr];
}

/** At most one subnet per family, none overlapping another network's: the rest left out with a note. */
function keepPrefixes(found: ParsedCidr[], path: string, name: string, b: Build): { v4: ParsedCidr | null; v6: ParsedCidr | null } {
  const kept: { v4: ParsedCidr | null; v6: ParsedCidr | null } = { v4: null, v6: null };
  for (const c of found) {
    const slot = c.family === 4 ? 'v4' : 'v6';
    if (`${c.text}/${c.prefixLength}` !== c.subnet)
      b.ctx.assumed(path, `Network ${name}: ${c.text}/${c.prefixLength} is not a network address; it is imported as ${c.subnet}.`);
    const other = kept[slot];
    if (other !== null) {
      if (other.subnet !== c.subnet)
        b.ctx.dropped(path, `Network ${name} has more than one IPv${c.family} subnet; the topology keeps one per family, so ${c.subnet} was left out (${other.subnet} kept).`);
      continue;
    }
    const clash = b.networks.find((n) => [n.v4, n.v6].some((p) => p !== null && prefixesOverlap(p, c)));
    if (clash !== undefined) {
      b.ctx.dropped(path, `Network ${name}'s subnet ${c.subnet} overlaps network ${clash.doc.name}'s; a subnet can belong to only one cluster network, so it was left out, with the addresses in it.`, [clash.doc.id]);
      continue;
    }
    kept[slot] = subnetOf(c);
  }
  return kept;
}

export function readNetworks(list: Field, b: Build): void {
  for (const f of items(list)) {
    if (!isObj(f.value)) {
      b.ctx.error(f.path, `Each entry of 'networks' must be an object describing a cluster network, not ${show(f.value)}.`);
      continue;
    }
    const net = f.value;
    const idText = text(field(net, 'Id', f.path).value);
    const nameText = text(field(net, 'Name', f.path).value);
    const name = nameText ?? idText ?? `Network ${b.networks.length + 1}`;
    const wanted = idText !== undefined ? guidKey(idText) : `net-${slug(name, String(b.networks.length + 1))}`;
    const id = b.ids.claim(wanted);
    const doc: NetworkDoc = { id, name, prefixes: [] };
    if (idText === undefined) b.ctx.assumed(`${f.path}.Id`, `Network ${name} has no Id; it was given the id ${id}, so the live migration settings cannot refer to it.`, [id]);
    else if (id !== wanted) b.ctx.assumed(`${f.path}.Id`, `Network ${name} has the same Id as another network; it was given the id ${id}.`, [id]);
    if (nameText === undefined) b.ctx.assumed(`${f.path}.Name`, `Network ${id} has no Name; it is called ${name}.`, [id]);

    const role = field(net, 'Role', f.path);
    const r = readEnum(NETWORK_ROLE, role);
    if (r.kind === 'invalid') b.ctx.error(role.path, `The role of network ${name}, ${show(role.value)}, ${r.message}.`);
    else if (r.kind === 'ok') {
      doc.role = r.value;
      if (r.name === 'Client')
        b.ctx.assumed(role.path, `Network ${name} has role Client (2), which a cluster network cannot have; it is imported as cluster and client.`, [id]);
    }

    const metric = field(net, 'Metric', f.path);
    if (metric.value !== undefined && metric.value !== null) {
      const m = num(metric.value);
      // The cluster's Metric is a UInt32: anything past it is no metric a cluster has.
      if (m === undefined || !Number.isInteger(m) || m < RANGE.metric.min || m > RANGE.metric.max)
        b.ctx.error(metric.path, `The metric of network ${name}, ${show(metric.value)}, is not a whole number from 0 to ${RANGE.metric.max.toLocaleString('en-US')}.`);
      else doc.metric = m;
    }

    const state = field(net, 'State', f.path);
    const s = readEnum(NETWORK_STATE, state);
    if (s.kind === 'invalid') b.ctx.error(state.path, `The state of network ${name}, ${show(state.value)}, ${s.message}.`);
    else if (s.kind === 'absent') b.ctx.assumed(state.path, `Network ${name} has no State; it is assumed to be up.`, [id]);
    else {
      if (s.value === 'down') doc.state = 'down';
      if (s.name === 'Partitioned')
        b.ctx.assumed(state.path, `Network ${name} was Partitioned (some nodes could not reach each other on it); it is imported as up.`, [id]);
    }

    const { v4, v6 } = keepPrefixes(readPrefixes(net, f.path, name, b), f.path, name, b);
    doc.prefixes = [v4, v6].filter((p): p is ParsedCidr => p !== null).map((p) => p.subnet);
    if (doc.prefixes.length === 0) b.ctx.assumed(f.path, `Network ${name} has no subnet the topology can use; its interfaces are imported without addresses.`, [id]);
    b.networks.push({ doc, v4, v6, path: f.path } satisfies NetworkInfo);
  }
}

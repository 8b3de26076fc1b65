/**
 * Changing a network's prefix renumbers what is in it: NIC addresses and router interfaces keep
 * their host part in the new prefix, gateways (route `via`) follow, and routes to the old subnet
 * point at the new one. Without this, editing a prefix would strand every NIC on a network the
 * parser then creates from their old addresses.
 */
import { parseAddress, parseCidr, prefixContains, type ParsedCidr } from '../model/address';
import type { IpFamily, NicDoc, RouterDoc, TopologyDocument } from '../model/types';
import { mapSection } from './context';

export interface Renumbering {
  from: ParsedCidr;
  to: ParsedCidr;
}

/** Text of an address given as an unsigned integer. */
export function addressText(value: bigint, family: IpFamily): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => Number((value >> s) & 0xffn)).join('.');
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((value >> BigInt(i * 16)) & 0xffffn).toString(16));
  return parseAddress(groups.join(':'))!.text;
}

/** Pairs old → new prefix, one per IP family that changed. */
export function renumberings(oldPrefixes: readonly string[], newPrefixes: readonly string[]): Renumbering[] {
  const out: Renumbering[] = [];
  const olds = oldPrefixes.map((p) => parseCidr(p)).filter((c): c is ParsedCidr => c !== null);
  const news = newPrefixes.map((p) => parseCidr(p));
  if (news.some((c) => c === null)) return [];
  for (const from of olds) {
    const to = (news as ParsedCidr[]).find((c) => c.family === from.family);
    if (to && to.subnet !== from.subnet) out.push({ from, to });
  }
  return out;
}

/** The address moved into the new prefix (same host part), or null when it does not fit. */
function moved(value: bigint, r: Renumbering): bigint | null {
  const offset = value - r.from.network;
  const bits = BigInt((r.to.family === 4 ? 32 : 128) - r.to.prefixLength);
  return offset < 1n << bits ? r.to.network + offset : null;
}

export type RenumberResult = { ok: true; document: TopologyDocument; count: number } | { ok: false; message: string };

export function renumber(doc: TopologyDocument, list: Renumbering[]): RenumberResult {
  let count = 0;
  let problem: string | null = null;
  const mapCidr = (cidr: string): string => {
    const c = parseCidr(cidr);
    const r = c && list.find((x) => prefixContains(x.from, c));
    if (!c || !r) return cidr;
    const v = moved(c.value, r);
    if (v === null) {
      problem ??= `${c.text} has no place in ${r.to.subnet}: its host part is too large for a /${r.to.prefixLength}. Choose a larger prefix, or renumber it first.`;
      return cidr;
    }
    count++;
    return `${addressText(v, c.family)}/${r.to.prefixLength}`;
  };
  const mapVia = (via: string): string => {
    const a = parseAddress(via);
    const r = a && list.find((x) => prefixContains(x.from, a));
    if (!a || !r) return via;
    const v = moved(a.value, r);
    return v === null ? via : addressText(v, a.family);
  };
  const mapPrefix = (prefix: string): string => {
    const c = parseCidr(prefix);
    const r = c && list.find((x) => x.from.subnet === c.subnet);
    return r ? r.to.subnet : prefix;
  };
  const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  let next = mapSection(doc, 'nics', (nic) => {
    const addresses = nic.addresses.map(mapCidr);
    const routes = nic.routes?.map((r) => {
      const prefix = mapPrefix(r.prefix);
      const via = mapVia(r.via);
      return prefix === r.prefix && via === r.via ? r : { prefix, via };
    });
    const routesSame = !nic.routes || routes!.every((r, i) => r === nic.routes![i]);
    if (same(addresses, nic.addresses) && routesSame) return nic;
    const out: NicDoc = { ...nic, addresses };
    if (routes) out.routes = routes;
    return out;
  });
  next = mapSection(next, 'routers', (r) => {
    const interfaces = r.interfaces.map(mapCidr);
    return same(interfaces, r.interfaces) ? r : ({ ...r, interfaces } satisfies RouterDoc);
  });
  if (problem !== null) return { ok: false, message: problem };
  return { ok: true, document: next, count };
}

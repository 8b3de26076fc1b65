/**
 * Address allocation for the designer. Addresses never collide: every NIC address and router
 * interface of the document is taken, whatever its prefix length; new subnets never overlap a
 * network, a router subnet or a routed destination.
 *
 * Conventions (documented in the README):
 * - a NIC joining a network gets the first free host from .11 (IPv6 ::11) up, leaving the
 *   low hosts to gateways; small subnets (under 64 addresses) start at the first host;
 * - a router joining a network gets the gateway address users expect: the first host (.1 / ::1),
 *   else the last host, else the next free one;
 * - new networks and switchless cables take the first free /24 from 10.0.0.0/24 up (IPv6: the
 *   first free /64 from fd00:1::/64 up);
 * - router-to-router transit links take the first free /30 in 172.16.0.0/16 (IPv6: /126 in
 *   fd00:ffff::/64), first host to the first router, second to the other.
 */
import { hostInSubnet, parseAddress, parseCidr, prefixesOverlap, type ParsedCidr } from '../model/address';
import type { IpFamily, Topology, TopologyDocument } from '../model/types';

/** `family|compressed address` of every NIC address and router interface. */
export function usedAddresses(doc: TopologyDocument): Set<string> {
  const used = new Set<string>();
  const add = (cidr: string): void => {
    const c = parseCidr(cidr);
    if (c) used.add(key(c.family, c.text));
  };
  for (const nic of doc.nics ?? []) nic.addresses.forEach(add);
  for (const r of doc.routers ?? []) r.interfaces.forEach(add);
  return used;
}

export const key = (family: IpFamily, text: string): string => `${family}|${text}`;

function hostCount(subnet: ParsedCidr): bigint {
  return 1n << BigInt((subnet.family === 4 ? 32 : 128) - subnet.prefixLength);
}

/** Scans hosts n = start…, then 1…start-1; at most `limit` tries (an IPv6 /64 is never exhausted in practice). */
function scan(subnet: string, used: Set<string>, start: number, limit = 1 << 16): string | null {
  const c = parseCidr(subnet);
  if (!c) return null;
  const tryHost = (n: number): string | null => {
    const h = hostInSubnet(c.subnet, n);
    if (h === null) return null;
    const text = parseAddress(h)!.text;
    return used.has(key(c.family, text)) ? null : text;
  };
  let tries = 0;
  for (let n = start; tries < limit; n++, tries++) {
    if (hostInSubnet(c.subnet, n) === null) break;
    const h = tryHost(n);
    if (h) return h;
  }
  for (let n = 1; n < start && tries < limit; n++, tries++) {
    const h = tryHost(n);
    if (h) return h;
  }
  return null;
}

/** The next free host address (no prefix length) for a NIC in `subnet`, or null when it is full. */
export function nextNicAddress(subnet: string, used: Set<string>): string | null {
  const c = parseCidr(subnet);
  if (!c) return null;
  const roomy = hostCount(c) >= 64n;
  return scan(c.subnet, used, roomy ? (c.family === 4 ? 11 : 0x11) : 1);
}

/** The gateway address for a router in `subnet`: first host, else last host, else next free. */
export function gatewayAddress(subnet: string, used: Set<string>): string | null {
  const c = parseCidr(subnet);
  if (!c) return null;
  const first = hostInSubnet(c.subnet, 1);
  if (first && !used.has(key(c.family, parseAddress(first)!.text))) return parseAddress(first)!.text;
  const size = hostCount(c);
  const lastN = c.family === 4 && c.prefixLength < 31 ? size - 2n : size - 1n;
  if (lastN <= BigInt(Number.MAX_SAFE_INTEGER)) {
    const last = hostInSubnet(c.subnet, Number(lastN));
    if (last && !used.has(key(c.family, parseAddress(last)!.text))) return parseAddress(last)!.text;
  }
  return scan(c.subnet, used, 1);
}

/** Every prefix a new subnet must not overlap: networks, router subnets, routed destinations. */
export function takenPrefixes(t: Topology): ParsedCidr[] {
  const out: ParsedCidr[] = [];
  for (const s of t.subnets) out.push(parseCidr(s.prefix)!);
  for (const nic of t.nics)
    for (const r of nic.routes) {
      const c = parseCidr(r.prefix);
      if (c && c.prefixLength > 0) out.push(c);
    }
  return out;
}

function firstFreeSubnet(candidate: (i: number) => string, count: number, taken: ParsedCidr[]): string | null {
  for (let i = 0; i < count; i++) {
    const c = parseCidr(candidate(i))!;
    if (!taken.some((p) => prefixesOverlap(p, c))) return c.subnet;
  }
  return null;
}

/** A free /24 (IPv4) or /64 (IPv6) for a new network or cable. */
export function freeNetworkPrefix(taken: ParsedCidr[], family: IpFamily): string | null {
  return family === 4
    ? firstFreeSubnet((i) => `10.${i >> 8}.${i & 255}.0/24`, 1 << 16, taken)
    : firstFreeSubnet((i) => `fd00:${(i + 1).toString(16)}::/64`, 0xfffe, taken);
}

/** A free /30 (IPv4) or /126 (IPv6) for a transit link between two routers. */
export function freeTransitPrefix(taken: ParsedCidr[], family: IpFamily): string | null {
  return family === 4
    ? firstFreeSubnet((i) => `${hostInSubnet('172.16.0.0/16', i * 4) ?? '172.16.0.0'}/30`, 1 << 14, taken)
    : firstFreeSubnet((i) => `fd00:ffff::${(i * 4).toString(16)}/126`, 1 << 14, taken);
}

/**
 * Address reading for the import, over the engine's address math (ipaddr.js with its traps closed:
 * four-part decimal IPv4 only, no IPv4/IPv6 comparisons, RFC 5952 output), so that the import and
 * parseTopology agree on what a subnet is.
 */
import ipaddr from 'ipaddr.js';
import { parseAddress, parseCidr, prefixContains, type ParsedAddress, type ParsedCidr } from '../../model/address';

export type { ParsedAddress, ParsedCidr };
export { parseCidr, prefixContains };

/** An address as Windows writes it: may carry a zone index (`fe80::1%12`). */
export function readAddress(raw: string): ParsedAddress | null {
  const s = raw.trim();
  const zone = s.indexOf('%');
  return parseAddress(zone >= 0 && s.includes(':') ? s.slice(0, zone) : s);
}

/** `address/length` as a parsed prefix (host bits kept), or null when the length is out of range. */
export function withLength(a: ParsedAddress, length: number): ParsedCidr | null {
  return parseCidr(`${a.text}/${length}`);
}

/** The prefix length of a dotted (IPv4) or IPv6 mask, or null when it is not a contiguous mask. */
export function maskLength(mask: string, family: 4 | 6): number | null {
  const s = mask.trim();
  try {
    if (family === 4) return ipaddr.IPv4.isValidFourPartDecimal(s) ? ipaddr.IPv4.parse(s).prefixLengthFromSubnetMask() : null;
    return ipaddr.IPv6.isValid(s) ? ipaddr.IPv6.parse(s).prefixLengthFromSubnetMask() : null;
  } catch {
    return null;
  }
}

const LINK_LOCAL_6 = parseCidr('fe80::/10');

/**
 * IPv6 link-local (fe80::/10): the same prefix exists on every link, so the topology — which
 * tells networks apart by their prefixes — cannot use it.
 */
export function isLinkLocal6(a: ParsedAddress): boolean {
  return LINK_LOCAL_6 !== null && prefixContains(LINK_LOCAL_6, a);
}

/** The prefix of a subnet in `parseCidr`'s form for a subnet text such as `10.0.1.0/24`. */
export function subnetOf(c: ParsedCidr): ParsedCidr {
  return parseCidr(c.subnet) ?? c;
}

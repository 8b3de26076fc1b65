/**
 * Address math over ipaddr.js, with its traps closed: only four-part decimal IPv4 (no `10.1`,
 * no octal `010.0.0.1`), host bits checked explicitly, IPv4 and IPv6 never compared.
 * Addresses become bigints so that prefix tests are two shifts, with no object allocation in the
 * selection's hot loops.
 */
import ipaddr from 'ipaddr.js';
import type { IpFamily } from './types';

export interface ParsedAddress {
  family: IpFamily;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
  /** Compressed text: dotted quad, or RFC 5952 for IPv6. */
  text: string;
}

export interface ParsedCidr extends ParsedAddress {
  prefixLength: number;
  /** The address masked to its prefix length. */
  network: bigint;
  /** Network-address form of the subnet, e.g. `10.0.1.0/24`. */
  subnet: string;
}

const bitsOf = (family: IpFamily): number => (family === 4 ? 32 : 128);

function toBigInt(bytes: number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function fromBigInt(value: bigint, family: IpFamily): string {
  const n = family === 4 ? 4 : 16;
  const bytes = new Array<number>(n);
  let v = value;
  for (let i = n - 1; i >= 0; i--) {
    bytes[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return family === 4 ? bytes.join('.') : ipaddr.fromByteArray(bytes).toString();
}

export function maskOf(value: bigint, prefixLength: number, family: IpFamily): bigint {
  const host = BigInt(bitsOf(family) - prefixLength);
  return (value >> host) << host;
}

/**
 * Parsing is pure and the same strings come back on every edit (the whole document is re-parsed),
 * so results are memoised. The caches are bounded: cleared when they grow past CACHE_LIMIT.
 * Callers treat the results as read-only.
 */
const CACHE_LIMIT = 50_000;
const addressCache = new Map<string, ParsedAddress | null>();
const cidrCache = new Map<string, ParsedCidr | null>();

function memo<T>(cache: Map<string, T>, key: string, compute: (k: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const v = compute(key);
  cache.set(key, v);
  return v;
}

/** Parses a plain address (no prefix length). Returns null when it is not one. */
export function parseAddress(text: string): ParsedAddress | null {
  return typeof text === 'string' ? memo(addressCache, text, parseAddressUncached) : null;
}

function parseAddressUncached(text: string): ParsedAddress | null {
  if (typeof text !== 'string') return null;
  const s = text.trim();
  if (s !== text || s === '') return null;
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(s)) {
      const a = ipaddr.IPv4.parse(s);
      return { family: 4, value: toBigInt(a.toByteArray()), text: a.toString() };
    }
    if (s.includes(':') && ipaddr.IPv6.isValid(s) && !s.includes('%')) {
      const a = ipaddr.IPv6.parse(s);
      return { family: 6, value: toBigInt(a.toByteArray()), text: a.toRFC5952String() };
    }
  } catch {
    return null;
  }
  return null;
}

/** Parses `address/prefixLength`. Host bits may be set (it may be an interface address). */
export function parseCidr(text: string): ParsedCidr | null {
  return typeof text === 'string' ? memo(cidrCache, text, parseCidrUncached) : null;
}

function parseCidrUncached(text: string): ParsedCidr | null {
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return null;
  const addr = parseAddressUncached(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (!addr || !/^\d{1,3}$/.test(lenText)) return null;
  const prefixLength = Number(lenText);
  if (prefixLength > bitsOf(addr.family)) return null;
  const network = maskOf(addr.value, prefixLength, addr.family);
  return { ...addr, prefixLength, network, subnet: `${fromBigInt(network, addr.family)}/${prefixLength}` };
}

/** True when the CIDR has no host bits set (network-address form). */
export function isNetworkForm(cidr: ParsedCidr): boolean {
  return cidr.network === cidr.value;
}

/** Does the prefix contain the address? False across families. */
export function prefixContains(prefix: ParsedCidr, address: ParsedAddress): boolean {
  return (
    prefix.family === address.family &&
    maskOf(address.value, prefix.prefixLength, prefix.family) === prefix.network
  );
}

/** Do two prefixes overlap (one contains the other)? */
export function prefixesOverlap(a: ParsedCidr, b: ParsedCidr): boolean {
  if (a.family !== b.family) return false;
  const len = Math.min(a.prefixLength, b.prefixLength);
  return maskOf(a.network, len, a.family) === maskOf(b.network, len, b.family);
}

export function isDefaultRoute(prefix: string): boolean {
  const p = parseCidr(prefix);
  return p !== null && p.prefixLength === 0;
}

/** Id of an implicit network: `net-` + the subnet with `/`, `:` and `.` replaced by `-`. */
export function implicitNetworkId(subnet: string): string {
  return `net-${subnet.replace(/[/:.]/g, '-')}`;
}

/** The n-th host address of a subnet (n ≥ 1), or null when the subnet has no such host. */
export function hostInSubnet(subnet: string, n: number): string | null {
  const p = parseCidr(subnet);
  if (!p) return null;
  const size = 1n << BigInt(bitsOf(p.family) - p.prefixLength);
  const offset = BigInt(n);
  // IPv4 keeps the network and broadcast addresses out, except on /31 and /32.
  const last = p.family === 4 && p.prefixLength < 31 ? size - 2n : size - 1n;
  if (offset < 0n || offset > last) return null;
  return fromBigInt(p.network + offset, p.family);
}

/**
 * Each distinct next hop becomes a router with that interface address. The inventory cannot see
 * how those routers reach each other, so they are all joined through one assumed transit subnet,
 * and a note says so, to be edited to match the real network.
 *
 * The transit subnet is taken from the documentation blocks of RFC 5737 (192.0.2.0/24, then
 * 198.51.100.0/24, 203.0.113.0/24), which never appear on a real network — unlike 169.254.0.0/16,
 * which the cluster's own virtual adapter and unconfigured switchless links use — and it is
 * checked against every subnet of the inventory all the same. 198.18.0.0/15 (RFC 2544
 * benchmarking) is the fallback for more than 253 routers.
 */
import { hostInSubnet, prefixesOverlap } from '../../model/address';
import type { RouterDoc } from '../../model/types';
import { parseCidr, type ParsedCidr } from './ip';
import { listSome } from './json';
import type { Build } from './model';
import type { NextHop } from './routes';

const TRANSIT_BLOCKS = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '198.18.0.0/15'];

/** The first transit block with room for `count` routers that overlaps nothing in use. */
export function chooseTransit(count: number, inUse: ParsedCidr[]): string | null {
  for (const block of TRANSIT_BLOCKS) {
    const c = parseCidr(block);
    if (c === null || hostInSubnet(block, count) === null) continue;
    if (!inUse.some((u) => prefixesOverlap(u, c))) return block;
  }
  return null;
}

export function buildRouters(hops: Map<string, NextHop>, b: Build): RouterDoc[] {
  const siteOfNode = new Map(b.nodes.map((n) => [n.doc.id, n.doc.site]));
  const routers: RouterDoc[] = [];
  for (const hop of hops.values()) {
    const address = hop.address.text;
    // In a site when every node that uses it is in that site.
    const sites = new Set([...hop.nodeIds].map((id) => siteOfNode.get(id)));
    const [site] = sites;
    routers.push({
      id: b.ids.claim(`gw-${address.replace(/[.:]/g, '-')}`),
      name: `Gateway ${address}`,
      ...(sites.size === 1 && site !== undefined ? { site } : {}),
      interfaces: [`${address}/${hop.subnet.prefixLength}`],
    });
  }
  if (routers.length < 2) return routers;

  const inUse = [
    ...b.networks.flatMap((n) => [n.v4, n.v6]),
    ...b.nics.flatMap((n) => n.addresses),
    ...[...hops.values()].map((h) => h.subnet),
  ].filter((c): c is ParsedCidr => c !== null);
  const transit = chooseTransit(routers.length, inUse);
  const ids = routers.map((r) => r.id);
  if (transit === null) {
    b.ctx.assumed('routes', `The inventory cannot show how its ${routers.length} gateways reach each other, and no free address block was found to join them; connect them by hand.`, ids);
    return routers;
  }
  const length = transit.split('/')[1] ?? '24';
  routers.forEach((r, i) => {
    const host = hostInSubnet(transit, i + 1);
    if (host !== null) r.interfaces.push(`${host}/${length}`);
  });
  b.ctx.assumed(
    'routes',
    `The inventory shows the nodes' gateways (${listSome([...hops.values()].map((h) => h.address.text))}) but not how they reach each other. ` +
      `The import assumes they are all joined by one transit network, ${transit} (an address block reserved for documentation, so it clashes with nothing real). ` +
      'Edit the routers to match your real network: paths between sites depend on it.',
    ids,
  );
  return routers;
}

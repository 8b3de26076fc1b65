/** The next hops a NIC can use: interface addresses of the routers on its own subnets. */
import { parseCidr, prefixContains } from '../../../engine';
import type { Topology } from '../../../engine';

export interface Gateway {
  address: string;
  routerId: string;
  label: string;
}

export function gatewaysOf(t: Topology, nicId: string): Gateway[] {
  const out: Gateway[] = [];
  for (const i of t.index.addressesByNic.get(nicId) ?? []) {
    const a = t.addresses[i]!;
    const s = t.index.subnetByPrefix.get(a.subnet);
    if (s === undefined) continue;
    const subnet = parseCidr(a.subnet)!;
    for (const routerId of t.subnets[s]!.routerIds) {
      const router = t.index.routers.get(routerId)!;
      for (const itf of router.interfaces) {
        const c = parseCidr(itf)!;
        if (prefixContains(subnet, c) && !out.some((g) => g.address === c.text))
          out.push({ address: c.text, routerId, label: `${c.text} — ${router.name}${router.state === 'down' ? ' (down)' : ''}` });
      }
    }
  }
  return out;
}

/** Destinations worth offering: every known subnet but the NIC's own, and the default routes. */
export function destinationsFor(t: Topology, nicId: string): string[] {
  const own = new Set((t.index.addressesByNic.get(nicId) ?? []).map((i) => t.addresses[i]!.subnet));
  return [...t.subnets.map((s) => s.prefix).filter((p) => !own.has(p)), '0.0.0.0/0', '::/0'];
}

/**
 * One-click fixes for diagnostics, offered only where the fix is unambiguous:
 * - a network in the live migration order that is excluded or has role None: take it out of the
 *   order (the exclusion or role wins anyway, so nothing else changes);
 * - a saved position of an element that does not exist: forget it;
 * - a node pair with no path for want of static routes: add the missing route(s) — the forward
 *   route and/or the return route — when exactly one set of routes through each subnet's only
 *   router gives the pair a path both ways (./routeFix.ts);
 * - a NIC reached through routers with no route back (analysis/returnRoutes.ts
 *   `asymmetric-route`): add the return route through the only router on its subnet — not when
 *   a sending node already has a direct path to it on an eligible network;
 * - a routed path preferred over a direct network (`routed-preferred-over-direct`): put the
 *   direct network ahead of the routed one in the live migration order;
 * - SMB Multichannel on networks not enabled for live migration (`smb-on-excluded-networks`, 1.2):
 *   constrain it to the live migration networks (`smbMultichannelNetworks`).
 */
import type { Diagnostic, Topology } from '../model/types';
import { hasDirectPath } from '../analysis/returnRoutes';
import { quote } from './context';
import { returnRouteFix, routeFix } from './routeFix';
import type { Edit } from './types';

export interface Fix {
  /** Button text, e.g. "Add the return route on HV03 'Live Migration'". */
  label: string;
  edit: Edit;
}

export function fixFor(t: Topology, d: Diagnostic): Fix | null {
  switch (d.code) {
    case 'ineligible-network-in-order': {
      const id = d.elementIds[0];
      if (id === undefined) return null;
      return {
        label: `Remove ${quote(t.index.networks.get(id)?.name ?? id)} from the live migration order`,
        edit: { type: 'set-live-migration', networkOrder: t.liveMigration.networkOrder.filter((x) => x !== id) },
      };
    }
    case 'unknown-layout-id': {
      const id = d.path.startsWith('layout.') ? d.path.slice('layout.'.length) : null;
      return id === null ? null : { label: 'Forget this saved position', edit: { type: 'remove-positions', ids: [id] } };
    }
    case 'pair-without-path': {
      const [a, b] = d.elementIds;
      return a !== undefined && b !== undefined ? routeFix(t, a, b) : null;
    }
    case 'asymmetric-route': {
      // elementIds: the receiving NIC, the sending network, then the sending nodes. A pair that
      // already has a direct path on an eligible network needs no routed one: no fix is offered.
      const [nicId, networkId, ...senders] = d.elementIds;
      if (nicId === undefined || networkId === undefined) return null;
      const receiver = t.index.nics.get(nicId)?.node;
      if (receiver === undefined || senders.some((n) => t.index.nodes.has(n) && hasDirectPath(t, n, receiver))) return null;
      return returnRouteFix(t, nicId, networkId);
    }
    case 'routed-preferred-over-direct': {
      // elementIds: the routed path's networks (source first), then the direct network, then nodes.
      const networks = d.elementIds.filter((id) => t.index.networks.has(id));
      const routed = networks[0];
      const direct = networks[networks.length - 1];
      if (routed === undefined || direct === undefined || routed === direct || !t.preferenceOrder.includes(direct)) return null;
      const order = t.preferenceOrder.filter((id) => id !== direct);
      order.splice(order.indexOf(routed), 0, direct);
      return {
        label: `Put ${quote(t.index.networks.get(direct)!.name)} ahead of ${quote(t.index.networks.get(routed)!.name)} in the live migration order`,
        edit: { type: 'set-live-migration', networkOrder: order },
      };
    }
    case 'smb-on-excluded-networks': {
      const networks = liveMigrationNetworks(t);
      if (networks.length === 0) return null;
      return {
        label: `Constrain SMB Multichannel to the live migration network${networks.length === 1 ? '' : 's'} (${networks.map((id) => quote(t.index.networks.get(id)!.name)).join(', ')})`,
        edit: { type: 'set-live-migration', smbMultichannelNetworks: networks },
      };
    }
    default:
      return null;
  }
}

/**
 * The networks live migration is enabled on (not excluded, role not None), whatever their state,
 * in the live migration order, then the rest by metric, name, id: what the SMB Multichannel
 * constraint should list to keep SMB on them.
 */
export function liveMigrationNetworks(t: Topology): string[] {
  const on = t.networks.filter((n) => n.role !== 'none' && !t.liveMigration.excludedNetworks.includes(n.id));
  const pos = (id: string): number => {
    const i = t.preferenceOrder.indexOf(id);
    return i < 0 ? Infinity : i;
  };
  return on
    .sort((a, b) => pos(a.id) - pos(b.id) || a.metric - b.metric || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n) => n.id);
}

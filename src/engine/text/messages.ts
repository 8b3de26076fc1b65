/** Every reason in an administrator's words, naming the elements concerned. */
import type { Reason, Topology } from '../model/types';

export interface MessageContext {
  topology: Topology;
  sourceNodeId: string;
  destinationNodeId: string;
}

const q = (s: string): string => `'${s}'`;

export function networkName(t: Topology, id: string): string {
  return t.index.networks.get(id)?.name ?? id;
}
export function nodeName(t: Topology, id: string): string {
  return t.index.nodes.get(id)?.name ?? id;
}
export function nicLabel(t: Topology, id: string): string {
  const nic = t.index.nics.get(id);
  return nic ? `${nodeName(t, nic.node)} ${q(nic.name)}` : id;
}
export function routerName(t: Topology, id: string): string {
  return t.index.routers.get(id)?.name ?? id;
}

export const networkMessage = (ctx: MessageContext, reason: Reason, networkId: string): string => {
  const { topology: t } = ctx;
  const net = `Network ${q(networkName(t, networkId))}`;
  const onNet = `network ${q(networkName(t, networkId))}`;
  const src = nodeName(t, ctx.sourceNodeId);
  const dst = nodeName(t, ctx.destinationNodeId);
  switch (reason) {
    case 'excluded-by-setting':
      return `${net} is excluded from live migration (MigrationExcludeNetworks).`;
    case 'role-none':
      return `${net} has role None: the cluster does not use it, so live migration cannot either.`;
    case 'network-down':
      return `${net} is down: nothing crosses it.`;
    case 'not-on-source':
      return `${src} has no working address on ${onNet}.`;
    case 'not-on-destination':
      return `${dst} has no working address on ${onNet}.`;
    case 'family-mismatch':
      return `${src} and ${dst} are both on ${onNet}, but with addresses of different IP versions (IPv4 vs IPv6).`;
    default:
      return `${net}: ${reason}.`;
  }
};

export const nicMessage = (t: Topology, reason: 'nic-down' | 'no-address', nicId: string): string =>
  reason === 'nic-down'
    ? `NIC ${nicLabel(t, nicId)} is down: it carries nothing.`
    : `NIC ${nicLabel(t, nicId)} has no IP address, so it belongs to no cluster network.`;

export function pairMessage(
  t: Topology,
  reason: 'no-route' | 'no-return-route' | 'router-down' | 'family-mismatch',
  from: { nicId: string; address: string; networkId: string },
  to: { nicId: string; address: string; networkId: string },
): string {
  const a = `${from.address} (${nicLabel(t, from.nicId)}, ${q(networkName(t, from.networkId))})`;
  const b = `${to.address} (${nicLabel(t, to.nicId)}, ${q(networkName(t, to.networkId))})`;
  switch (reason) {
    case 'no-route':
      return `No route from ${a} to ${b}: the source NIC has no static route to that address through a working router chain.`;
    case 'no-return-route':
      return `Replies cannot come back from ${b} to ${a}: the destination NIC has no route back. Add the return route.`;
    case 'router-down':
      return `The route from ${a} to ${b} needs a router that is down.`;
    case 'family-mismatch':
      return `${a} and ${b} are of different IP versions and cannot talk to each other.`;
  }
}

export function nodeFailureMessage(ctx: MessageContext, reason: Reason): string {
  const { topology: t, sourceNodeId: s, destinationNodeId: d } = ctx;
  switch (reason) {
    case 'same-node':
      return `Source and destination are the same node (${nodeName(t, s)}): there is nothing to migrate.`;
    case 'unknown-node':
      return `Unknown node ${!t.index.nodes.has(s) ? q(s) : q(d)}.`;
    case 'source-down':
      return `Source node ${q(nodeName(t, s))} is down.`;
    case 'destination-down':
      return `Destination node ${q(nodeName(t, d))} is down.`;
    case 'destination-paused':
      return `Destination node ${q(nodeName(t, d))} is paused: a paused node takes no new workloads.`;
    case 'no-path':
      return `No live migration path from ${nodeName(t, s)} to ${nodeName(t, d)} on any network enabled for live migration.`;
    default:
      return reason;
  }
}

/** One line per reason code, for legends and the "Why" view. */
export const REASON_TEXT: Record<Reason, string> = {
  'excluded-by-setting': 'excluded from live migration in the cluster settings',
  'role-none': 'network role is None (not used by the cluster)',
  'network-down': 'network is down',
  'nic-down': 'NIC is down',
  'no-address': 'NIC has no address',
  'not-on-source': 'source node has no working address on it',
  'not-on-destination': 'destination node has no working address on it',
  'family-mismatch': 'IPv4 on one side, IPv6 on the other',
  'no-route': 'no static route through working routers',
  'no-return-route': 'no route back from the destination',
  'router-down': 'a router on the way is down',
  'same-node': 'source and destination are the same node',
  'unknown-node': 'unknown node',
  'source-down': 'source node is down',
  'destination-down': 'destination node is down',
  'destination-paused': 'destination node is paused',
  'no-path': 'no path at all',
};

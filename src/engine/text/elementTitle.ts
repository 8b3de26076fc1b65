/**
 * What the diagram says of an element under the pointer (the browser's tooltip): the facts a
 * compact drawing leaves out — a NIC's addresses, speed and networks, a node's site and VMs, a
 * network's prefixes and rank, a router's interfaces. Pure; one line a fact.
 */
import type { Topology } from '../model/types';
import { vmSummary } from '../plan/text';
import { networkName, nodeName } from './messages';

const state = (s: string): string[] => (s === 'up' ? [] : [`State: ${s}`]);
/** "Router Edge 1", but "Router A1" for a router named so. */
const named = (kind: string, name: string): string => (name.toLowerCase().startsWith(kind.toLowerCase()) ? name : `${kind} ${name}`);

function nicTitle(t: Topology, id: string): string | null {
  const nic = t.index.nics.get(id);
  if (!nic) return null;
  const addresses = (t.index.addressesByNic.get(id) ?? []).map((i) => t.addresses[i]!);
  const networks = [...new Set(addresses.map((a) => a.networkId))].map((n) => networkName(t, n));
  const speed = [nic.speedGbps === null ? null : `${nic.speedGbps} Gb/s`, nic.rdma ? 'RDMA-capable' : null].filter(Boolean).join(' · ');
  return [
    `${nodeName(t, nic.node)} · NIC ${nic.name}`,
    addresses.length ? addresses.map((a) => a.cidr).join(', ') : 'No address',
    ...(speed ? [speed] : []),
    ...(networks.length ? [`On ${networks.join(', ')}`] : []),
    ...state(nic.state),
  ].join('\n');
}

function nodeTitle(t: Topology, id: string): string | null {
  const n = t.index.nodes.get(id);
  if (!n) return null;
  const vms = (t.index.vmsByNode.get(id) ?? []).map((v) => t.index.vms.get(v)!);
  const nics = t.index.nicsByNode.get(id)?.length ?? 0;
  const site = n.site ? t.index.sites.get(n.site)?.name : null;
  return [`${named('Node', n.name)}${site ? ` · ${site}` : ''}`, `${nics} NIC${nics === 1 ? '' : 's'} · ${vmSummary(vms)}`, ...state(n.state)].join('\n');
}

function networkTitle(t: Topology, id: string): string | null {
  const net = t.index.networks.get(id);
  if (!net) return null;
  const e = t.eligibility[id];
  const rank = t.index.preferencePosition.get(id);
  const lm = e?.eligible ? `Live migration #${(rank ?? 0) + 1}` : e?.reason === 'excluded-by-setting' ? 'Excluded from live migration' : e?.reason === 'role-none' ? 'Not used by the cluster' : 'Down';
  const nics = new Set((t.index.addressesByNetwork.get(id) ?? []).map((i) => t.addresses[i]!.nicId)).size;
  return [named('Network', net.name), net.prefixes.join(', '), `${lm} · ${nics} NIC${nics === 1 ? '' : 's'}`, ...state(net.state)].join('\n');
}

function routerTitle(t: Topology, id: string): string | null {
  const r = t.index.routers.get(id);
  if (!r) return null;
  return [named('Router', r.name), r.interfaces.join(', '), ...state(r.state)].join('\n');
}

/** The tooltip of a topology element (a node, NIC, network, router or site), or null. */
export function elementTitle(t: Topology, id: string): string | null {
  const site = t.index.sites.get(id);
  if (site) {
    const nodes = t.nodes.filter((n) => n.site === id).length;
    return `${named('Site', site.name)}\n${nodes} node${nodes === 1 ? '' : 's'}`;
  }
  return nicTitle(t, id) ?? nodeTitle(t, id) ?? networkTitle(t, id) ?? routerTitle(t, id);
}

/**
 * What the details panel says about one element, as labelled lists of text. Pure: the design
 * gives the configured values, the effective topology what a what-if failure changed. Items that
 * name another element carry its id so the panel can link to it.
 */
import { derivedMetricTerms, METRIC_SPEED_DEDUCTION_MAX, multiNicNetworks, networkIntent, networkName, nodeName, orderBasisText, readOrigin, REASON_TEXT, routerName, type NetworkRole, type Topology } from '../../engine';
import { ordinal } from '../path/explain';
import { elementKind, ownValue, type ElementKind } from '../../engine';


export const KIND_LABEL: Record<ElementKind, string> = { site: 'Site', node: 'Node', nic: 'NIC', network: 'Network', router: 'Router' };

export interface FactItem {
  text: string;
  /** Id of an element this item names. */
  ref?: string;
}
export interface Fact {
  label: string;
  items: FactItem[];
}
export interface ElementFacts {
  kind: ElementKind;
  id: string;
  name: string;
  facts: Fact[];
}

/** A name that says what the element is: NICs carry their node's name. */
export function elementName(t: Topology, id: string): string {
  const i = t.index;
  const nic = i.nics.get(id);
  if (nic) return `${nodeName(t, nic.node)} · ${nic.name}`;
  return i.nodes.get(id)?.name ?? i.networks.get(id)?.name ?? i.routers.get(id)?.name ?? i.sites.get(id)?.name ?? id;
}

const ROLE_TEXT: Record<NetworkRole, string> = {
  none: 'None (0): not used by the cluster',
  cluster: 'Cluster only (1)',
  clusterAndClient: 'Cluster and client (3)',
};

const text = (s: string): FactItem[] => [{ text: s }];

/** Supported since Windows Server 2016 (Simplified SMB Multichannel and Multi-NIC Cluster Networks). */
const MULTI_NIC = 'Multi-NIC cluster network: SMB Multichannel uses both';
function multiNicItems(t: Topology, filter: (m: { nodeId: string; networkId: string }) => boolean): FactItem[] {
  return multiNicNetworks(t)
    .filter(filter)
    .map((m) => ({
      text: `${nodeName(t, m.nodeId)} has ${m.nicIds.length} NICs on '${networkName(t, m.networkId)}' (${m.nicIds.map((id) => t.index.nics.get(id)!.name).join(', ')}): supported since Windows Server 2016; ${m.nicIds.length === 2 ? 'SMB Multichannel uses both' : 'SMB Multichannel uses them all'}`,
      ref: m.networkId,
    }));
}
const fact = (label: string, items: FactItem[], empty = 'none'): Fact => ({ label, items: items.length ? items : text(empty) });

/** State as configured, or "down (what-if)" when a simulated failure took it down. */
function stateText(designed: string, effective: string, failed: boolean): string {
  return failed && designed !== effective ? `${effective} (what-if failure; designed ${designed})` : designed;
}

function nicItems(t: Topology, nicIds: readonly string[]): FactItem[] {
  return nicIds.map((id) => {
    const addrs = (t.index.addressesByNic.get(id) ?? []).map((a) => `${t.addresses[a]!.cidr} on '${networkName(t, t.addresses[a]!.networkId)}'`);
    return { text: `${t.index.nics.get(id)!.name}: ${addrs.length ? addrs.join(', ') : 'no address'}`, ref: id };
  });
}

function siteFacts(t: Topology, id: string): Fact[] {
  return [
    fact('Nodes', t.nodes.filter((n) => n.site === id).map((n) => ({ text: n.name, ref: n.id }))),
    fact('Routers', t.routers.filter((r) => r.site === id).map((r) => ({ text: r.name, ref: r.id }))),
  ];
}

function nodeFacts(d: Topology, e: Topology, id: string, failed: boolean): Fact[] {
  const n = d.index.nodes.get(id)!;
  const nicIds = d.index.nicsByNode.get(id) ?? [];
  const nets = [...new Set(nicIds.flatMap((nic) => (d.index.addressesByNic.get(nic) ?? []).map((a) => d.addresses[a]!.networkId)))];
  return [
    fact('State', text(stateText(n.state, e.index.nodes.get(id)?.state ?? n.state, failed))),
    fact('Site', n.site ? [{ text: d.index.sites.get(n.site)?.name ?? n.site, ref: n.site }] : []),
    fact('NICs', nicItems(d, nicIds)),
    fact('Networks', nets.map((net) => ({ text: networkName(d, net), ref: net }))),
    ...withItems(MULTI_NIC, multiNicItems(d, (m) => m.nodeId === id)),
    ...hostFacts(d, id),
  ];
}

/** A fact only when it has something to say. */
const withItems = (label: string, items: FactItem[]): Fact[] => (items.length ? [fact(label, items)] : []);

const TRANSPORT_TEXT = { tcpip: 'TCP/IP', compression: 'Compression', smb: 'SMB' } as const;

/** What an imported cluster said about this host (origin.hosts): OS build, Hyper-V migration settings. */
function hostFacts(d: Topology, id: string): Fact[] {
  const h = ownValue(readOrigin(d.document)?.hosts, id);
  if (!h) return [];
  const os = [h.osCaption, h.osBuild !== undefined ? `build ${h.osBuild}` : h.osVersion].filter(Boolean).join(', ');
  const lm = [
    h.migrationEnabled === undefined ? null : h.migrationEnabled ? 'enabled' : 'disabled',
    h.transport ? TRANSPORT_TEXT[h.transport] : null,
    h.maxMigrations !== undefined ? `${h.maxMigrations} at a time` : null,
  ].filter(Boolean);
  // Issue 26: the host's own migration networks and its SMB bandwidth limit, when the inventory read them.
  const nets = h.useAnyNetworkForMigration === true ? 'any network' : h.migrationSubnets !== undefined ? (h.migrationSubnets.length ? h.migrationSubnets.join(', ') : 'none') : null;
  const smb =
    h.smbBandwidthFeature === false ? 'none: FS-SMBBW not installed'
    : h.smbLiveMigrationLimitBps === undefined ? null
    : h.smbLiveMigrationLimitBps === 0 ? 'none set'
    : `${Math.round(h.smbLiveMigrationLimitBps / 1048576).toLocaleString('en-US')} MB/s`;
  return [
    fact('Operating system', os ? text(`${os} (as imported)`) : [], 'unknown'),
    fact('Hyper-V live migration', lm.length ? text(`${lm.join(' · ')} (as imported)`) : [], 'unknown'),
    ...(nets === null ? [] : [fact('Incoming migration networks', text(`${nets} (as imported)`))]),
    ...(smb === null ? [] : [fact('SMB live migration limit', text(`${smb} (as imported)`))]),
  ];
}

function nicFacts(d: Topology, e: Topology, id: string, failed: boolean): Fact[] {
  const nic = d.index.nics.get(id)!;
  const addrs = (d.index.addressesByNic.get(id) ?? []).map((a) => d.addresses[a]!);
  return [
    fact('Node', [{ text: nodeName(d, nic.node), ref: nic.node }]),
    fact('State', text(stateText(nic.state, e.index.nics.get(id)?.state ?? nic.state, failed))),
    fact('Addresses', addrs.map((a) => ({ text: a.cidr }))),
    fact('Networks', [...new Set(addrs.map((a) => a.networkId))].map((net) => ({ text: networkName(d, net), ref: net }))),
    fact('Speed', nic.speedGbps !== null ? text(`${nic.speedGbps} Gb/s`) : [], 'unknown'),
    fact('RDMA-capable', text(nic.rdma ? 'yes (used only by SMB Direct: transport SMB, direct, both ends RDMA-capable)' : 'no')),
    ...mtuFact(d, id),
    fact('Static routes', nic.routes.map((r) => ({ text: `${r.prefix} via ${r.via}${r.prefix.endsWith('/0') ? ' (default gateway)' : ''}` }))),
  ];
}

function mtuFact(d: Topology, id: string): Fact[] {
  const mtu = ownValue(readOrigin(d.document)?.nicMtu, id);
  return mtu === undefined ? [] : [fact('MTU', text(`${mtu} bytes (as imported)`))];
}

function networkFacts(d: Topology, e: Topology, id: string, failed: boolean): Fact[] {
  const n = d.index.networks.get(id)!;
  const eligibility = e.eligibility[id];
  const pos = e.index.preferencePosition.get(id);
  const lm =
    pos !== undefined
      ? `enabled · ${ordinal(pos + 1)} of ${e.preferenceOrder.length} in the preference order${orderBasisText(e, id)}`
      : `not used: ${eligibility && !eligibility.eligible ? REASON_TEXT[eligibility.reason] : 'not eligible'}`;
  const onIt = (d.index.addressesByNetwork.get(id) ?? []).map((a) => d.addresses[a]!);
  const routers = [...new Set(n.prefixes.flatMap((p) => d.subnets[d.index.subnetByPrefix.get(p) ?? -1]?.routerIds ?? []))];
  const facts = [
    fact('Prefixes', n.prefixes.map((p) => ({ text: p }))),
    fact('Role', text(`${ROLE_TEXT[n.role]}${n.roleDerived ? ` — derived: ${n.role === 'clusterAndClient' ? 'a NIC on it has a default gateway' : 'no NIC on it has a default gateway'}` : ''}`)),
    fact('Metric', text(metricText(d, id))),
    fact('State', text(stateText(n.state, e.index.networks.get(id)?.state ?? n.state, failed))),
    fact('Live migration', text(lm)),
    ...intentFact(d, id),
    fact('NICs on it', onIt.map((a) => ({ text: `${nodeName(d, a.nodeId)} · ${d.index.nics.get(a.nicId)!.name} — ${a.address}`, ref: a.nicId }))),
    fact('Routers', routers.map((r) => ({ text: routerName(d, r), ref: r }))),
    ...withItems(MULTI_NIC, multiNicItems(d, (m) => m.networkId === id)),
  ];
  if (n.implicit) facts.push(fact('Origin', text('Created from NIC addresses: no declared network covers this subnet')));
  return facts;
}

/** Network ATC's intent for this network, on an imported cluster that has ATC. */
function intentFact(d: Topology, id: string): Fact[] {
  const intent = networkIntent(readOrigin(d.document), id);
  return intent ? [fact('Network ATC intent', text(`${intent.intent}${intent.text ? ` (${intent.text})` : ''}`))] : [];
}

function routerFacts(d: Topology, e: Topology, id: string, failed: boolean): Fact[] {
  const r = d.index.routers.get(id)!;
  const subnets = (d.index.subnetsByRouter.get(id) ?? []).map((i) => d.subnets[i]!);
  return [
    fact('State', text(stateText(r.state, e.index.routers.get(id)?.state ?? r.state, failed))),
    fact('Site', r.site ? [{ text: d.index.sites.get(r.site)?.name ?? r.site, ref: r.site }] : []),
    fact('Interfaces', r.interfaces.map((a) => ({ text: a }))),
    fact(
      'Attached subnets',
      subnets.map((s) => {
        const peers = s.routerIds.filter((x) => x !== id).map((x) => routerName(d, x));
        const shared = peers.length ? `, shared with ${peers.join(', ')}` : '';
        return s.networkId ? { text: `${s.prefix} · '${networkName(d, s.networkId)}'${shared}`, ref: s.networkId } : { text: `${s.prefix} · transit${shared}` };
      }),
    ),
  ];
}

/** Everything the details panel shows about `id`, or null for an id that is no element. */
export function elementFacts(design: Topology, effective: Topology, failedIds: readonly string[], id: string): ElementFacts | null {
  const kind = elementKind(design, id);
  if (!kind) return null;
  const failed = failedIds.includes(id);
  const facts =
    kind === 'site' ? siteFacts(design, id)
    : kind === 'node' ? nodeFacts(design, effective, id, failed)
    : kind === 'nic' ? nicFacts(design, effective, id, failed)
    : kind === 'network' ? networkFacts(design, effective, id, failed)
    : routerFacts(design, effective, id, failed);
  return { kind, id, name: elementName(design, id), facts };
}

/**
 * A network's metric: as written, or "derived (AutoMetric-like)" with its terms (derived fact 4,
 * 1.2), so a designer sees why a network is the cluster's own.
 */
const BASE_TEXT: Record<NetworkRole, string> = { cluster: 'cluster only', clusterAndClient: 'cluster and client', none: 'role none' };

export function metricText(t: Topology, id: string): string {
  const n = t.index.networks.get(id)!;
  const m = derivedMetricTerms(t, id);
  if (!m) return String(n.metric);
  const parts = [`${m.base} (${BASE_TEXT[n.role]})`];
  if (m.rdma) parts.push(`− ${m.rdma} (every NIC RDMA-capable)`);
  if (m.speed) parts.push(`− ${m.speed} (${m.lowestGbps} Gbps${m.speed === METRIC_SPEED_DEDUCTION_MAX ? ', the most' : ''})`);
  parts.push(`+ ${m.position} (position)`);
  const own = t.clusterNetworkId === id ? ": the lowest, so it is the cluster's own network" : '';
  return `${n.metric} — derived (AutoMetric-like): ${parts.join(' ')}${own}`;
}

/**
 * Cluster-validation style checks, in the spirit of Test-Cluster's network tests, that the
 * parser's diagnostics (diagnostics.ts) do not already make. `runChecks` returns only these
 * additions, so the validation panel shows `[...diagnostics, ...runChecks(design)]` and nothing
 * twice: duplicate addresses are parse errors; networks without NICs, pairs with no path and
 * ineligible networks in the order are parser diagnostics. (Two NICs of one node on one network
 * are supported — a fact in Details, `multiNicNetworks` — not a finding.)
 *
 * Pair checks are grouped (by the networks concerned) so that a 64-node cluster gets a handful
 * of findings, not thousands; every finding names its elements in `elementIds`.
 */
import { analyzeAllPairs } from './allPairs';
import { parseAddress, parseCidr, prefixContains } from '../model/address';
import { networkPairLabel, pairList } from '../text/impactText';
import { networkName, nicLabel } from '../text/messages';
import { originChecks } from './originChecks';
import { smbPreferred } from '../model/streams';
import { missingReturnRoutes } from './returnRoutes';
import type { AllPairsResult, Diagnostic, Topology } from '../model/types';

export function runChecks(topology: Topology, allPairs?: AllPairsResult): Diagnostic[] {
  const pairs = allPairs ?? analyzeAllPairs(topology);
  return [...nextHopChecks(topology), ...missingReturnRoutes(topology, pairs), ...pairChecks(topology, pairs), ...apipaAddresses(topology), ...smbRdmaAcrossSites(topology), ...smbOnExcludedNetworks(topology, pairs), ...originChecks(topology)];
}

/**
 * An APIPA address (169.254.0.0/16) on a network enabled for live migration: Windows gives an
 * interface such an address when it got none, so the "network" is an unconfigured link — on a
 * switchless cable, every cable would share one subnet. Switchless links need a static subnet per
 * cable (Network ATC assigns them). One finding per network. (docs/DECISIONS.md, decision 66.)
 */
function apipaAddresses(t: Topology): Diagnostic[] {
  const apipa = parseCidr('169.254.0.0/16')!;
  const byNetwork = new Map<string, { nicIds: string[]; path: string }>();
  const nicIndex = new Map(t.nics.map((n, i) => [n.id, i]));
  for (const a of t.addresses) {
    if (a.family !== 4 || !t.eligibility[a.networkId]?.eligible) continue;
    const c = parseCidr(a.cidr);
    if (!c || !prefixContains(apipa, c)) continue;
    let g = byNetwork.get(a.networkId);
    if (!g) byNetwork.set(a.networkId, (g = { nicIds: [], path: `nics[${nicIndex.get(a.nicId)}].addresses[${a.position}]` }));
    if (!g.nicIds.includes(a.nicId)) g.nicIds.push(a.nicId);
  }
  return [...byNetwork].map(([networkId, g]) => ({
    code: 'apipa-address' as const,
    path: g.path,
    elementIds: [networkId, ...g.nicIds],
    message: `Network '${networkName(t, networkId)}' is enabled for live migration but has APIPA (169.254.x.x) addresses (${g.nicIds.slice(0, 3).map((id) => nicLabel(t, id)).join(', ')}${g.nicIds.length > 3 ? ', …' : ''}): the interfaces got no configured address. Give each link a static subnet (switchless cables need one per cable; Network ATC assigns them), or exclude the network.`,
  }));
}

/**
 * Transport SMB with RDMA NICs on a network enabled for live migration whose NICs are in more
 * than one site: RDMA is not used between sites (storage/RDMA traffic is not routed or stretched),
 * so SMB Direct cannot carry the migrations that cross it. (docs/DECISIONS.md, decision 67.)
 */
function smbRdmaAcrossSites(t: Topology): Diagnostic[] {
  if (t.liveMigration.transport !== 'smb') return [];
  const out: Diagnostic[] = [];
  // Declared networks come first in `t.networks`, in file order: their position is their JSON index.
  t.networks.forEach((n, position) => {
    if (!t.eligibility[n.id]?.eligible) return;
    const nicIds = [...new Set((t.index.addressesByNetwork.get(n.id) ?? []).map((i) => t.addresses[i]!.nicId))];
    const rdma = nicIds.filter((id) => t.index.nics.get(id)!.rdma);
    if (rdma.length === 0) return;
    const sites = [...new Set(nicIds.map((id) => t.index.nodes.get(t.index.nics.get(id)!.node)?.site).filter((s): s is string => typeof s === 'string'))];
    if (sites.length < 2) return;
    out.push({
      code: 'smb-rdma-across-sites',
      path: n.implicit ? 'liveMigration.transport' : `networks[${position}]`,
      elementIds: [n.id, ...sites, ...rdma],
      message: `The transport is SMB and network '${n.name}' spans sites ${sites.map((s) => `'${t.index.sites.get(s)?.name ?? s}'`).join(' and ')} with RDMA NICs: RDMA is not used between sites, so live migrations across them on this network get no SMB Direct. Keep RDMA networks within a site and migrate between sites over a network without RDMA, or use Compression.`,
    });
  });
  return out;
}

/**
 * (1.2) Transport SMB, no SMB Multichannel constraint keeping it off them, and node pairs whose
 * memory SMB Multichannel sends over networks live migration is not enabled on (excluded, or role
 * None): the live migration settings do not say where the memory goes. One finding, the networks
 * with their pair counts; the fix constrains SMB Multichannel to the live migration networks
 * (fixes.ts). Pairs whose live migration connects directly in either mode (a routed path is one
 * stream). Source: sources.md, SMB Multichannel rows (docs/DECISIONS.md, decision 283).
 */
function smbOnExcludedNetworks(t: Topology, result: AllPairsResult): Diagnostic[] {
  if (t.liveMigration.transport !== 'smb') return [];
  const off = (id: string): boolean => {
    const e = t.eligibility[id];
    return e !== undefined && !e.eligible && e.reason !== 'network-down';
  };
  if (!t.networks.some((n) => off(n.id))) return [];
  const { failure, routers } = result.compact;
  const count = new Map<string, number>();
  const nodes = new Set<string>();
  for (let k = 0; k < result.pairCount; k++) {
    const w = 2 * k;
    const direct = (!failure[w] && routers[w] === 0) || !failure[w + 1];
    if (!direct) continue;
    const row = Math.floor(k / (result.nodeIds.length - 1));
    const col = k % (result.nodeIds.length - 1);
    const s = result.nodeIds[row]!;
    const d = result.nodeIds[col < row ? col : col + 1]!;
    const nets = new Set(smbPreferred(t, s, d).map((x) => x.networkId).filter(off));
    for (const n of nets) count.set(n, (count.get(n) ?? 0) + 1);
    if (nets.size > 0) nodes.add(s).add(d);
  }
  if (count.size === 0) return [];
  const ids = t.networks.map((n) => n.id).filter((id) => count.has(id));
  const list = ids.map((id) => `'${networkName(t, id)}' (${count.get(id)} node pair${count.get(id) === 1 ? '' : 's'})`).join(', ');
  return [
    {
      code: 'smb-on-excluded-networks',
      path: 'liveMigration.transport',
      elementIds: [...ids, ...nodes],
      message: `The transport is SMB, and SMB Multichannel sends live migration memory over network${ids.length === 1 ? '' : 's'} not enabled for live migration: ${list}. SMB picks the fastest interfaces (RDMA first) whatever the live migration settings. To keep live migration on its own networks, constrain SMB Multichannel to them (New-SmbMultichannelConstraint on every node).`,
    },
  ];
}

/** (Details) Nodes with more than one NIC on a cluster network: supported, SMB Multichannel uses them all. */
export function multiNicNetworks(t: Topology): { nodeId: string; networkId: string; nicIds: string[] }[] {
  const out: { nodeId: string; networkId: string; nicIds: string[] }[] = [];
  for (const node of t.nodes) {
    const byNet = new Map<string, string[]>();
    for (const nicId of t.index.nicsByNode.get(node.id) ?? [])
      for (const net of new Set((t.index.addressesByNic.get(nicId) ?? []).map((i) => t.addresses[i]!.networkId))) byNet.set(net, [...(byNet.get(net) ?? []), nicId]);
    for (const [networkId, nicIds] of byNet) if (nicIds.length > 1) out.push({ nodeId: node.id, networkId, nicIds });
  }
  return out;
}

/** Static routes whose next hop is no router's interface: nothing forwards that traffic. */
function nextHopChecks(t: Topology): Diagnostic[] {
  const routerAddresses = new Set<string>();
  for (const r of t.routers)
    for (const itf of r.interfaces) {
      const a = parseCidr(itf);
      if (a) routerAddresses.add(`${a.family}|${a.text}`);
    }
  const nicByAddress = new Map(t.addresses.map((a) => [a.address, a.nicId]));
  // One finding per next hop: an imported cluster without routers would otherwise repeat it per NIC.
  const byVia = new Map<string, { nicIds: string[]; path: string; prefixes: Set<string> }>();
  t.nics.forEach((nic, i) =>
    nic.routes.forEach((r, k) => {
      const parsed = parseAddress(r.via);
      const via = parsed?.text ?? r.via;
      if (parsed && routerAddresses.has(`${parsed.family}|${via}`)) return;
      let g = byVia.get(via);
      if (!g) byVia.set(via, (g = { nicIds: [], path: `nics[${i}].routes[${k}].via`, prefixes: new Set() }));
      if (!g.nicIds.includes(nic.id)) g.nicIds.push(nic.id);
      g.prefixes.add(r.prefix);
    }),
  );
  return [...byVia].map(([via, g]) => {
    const owner = nicByAddress.get(via);
    const what = owner ? `${via}, which is NIC ${nicLabel(t, owner)} — a cluster node, not a router` : `${via}, which is no router's address in this topology`;
    const who = g.nicIds.length === 1 ? `NIC ${nicLabel(t, g.nicIds[0]!)}` : `${g.nicIds.length} NICs (${g.nicIds.slice(0, 3).map((id) => nicLabel(t, id)).join(', ')}${g.nicIds.length > 3 ? ', …' : ''})`;
    return {
      code: 'route-via-not-router' as const,
      path: g.path,
      elementIds: owner ? [...g.nicIds, owner] : g.nicIds,
      message: `${who} route${g.nicIds.length === 1 ? 's' : ''} ${[...g.prefixes].join(', ')} through ${what}. Add the router (with that interface address) or correct the next hop.`,
    };
  });
}

// A forward route without a return: ./returnRoutes.ts (flagged only where it matters).

interface PairGroup {
  networks: [string, string];
  extra: string[];
  pairs: { sourceNodeId: string; destinationNodeId: string }[];
}

function addTo(groups: Map<string, PairGroup>, key: string, networks: [string, string], extra: string[], pair: PairGroup['pairs'][number]): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { networks, extra, pairs: [] }));
  g.pairs.push(pair);
}

const pairWord = (n: number): string => (n === 1 ? '1 node pair' : `${n} node pairs`);

function pairChecks(t: Topology, result: AllPairsResult): Diagnostic[] {
  const single = new Map<string, PairGroup>();
  const routedOnly = new Map<string, PairGroup>();
  const routedFirst = new Map<string, PairGroup>();
  // Read off the compact arrays. A routed choice's first direct fallback is the legacy choice:
  // both are the first direct path in ranked order.
  const { failure, sourceNetwork: from, destinationNetwork: to, routers, fallbacks } = result.compact;
  const net = (i: number): string => result.networkIds[i]!;
  for (let k = 0; k < result.pairCount; k++) {
    const w = 2 * k;
    if (failure[w]) continue; // no path at all is the parser's 'pair-without-path'
    const row = Math.floor(k / (result.nodeIds.length - 1));
    const col = k % (result.nodeIds.length - 1);
    const ref = { sourceNodeId: result.nodeIds[row]!, destinationNodeId: result.nodeIds[col < row ? col : col + 1]! };
    const networks: [string, string] = [net(from[w]!), net(to[w]!)];
    const key = `${networks[0]}\u0000${networks[1]}`;
    if (fallbacks[w] === 0) addTo(single, key, networks, [], ref);
    if (failure[w + 1]) addTo(routedOnly, key, networks, [], ref);
    else if (routers[w]! > 0) addTo(routedFirst, `${key}\u0000${net(from[w + 1]!)}`, networks, [net(from[w + 1]!)], ref);
  }
  const nodesOf = (g: PairGroup): string[] => [...new Set(g.pairs.flatMap((p) => [p.sourceNodeId, p.destinationNodeId]))];
  const netIds = (g: PairGroup): string[] => [...new Set([...g.networks, ...g.extra])];
  const out: Diagnostic[] = [];
  for (const g of single.values())
    out.push({
      code: 'pair-single-path', path: '', elementIds: [...netIds(g), ...nodesOf(g)],
      message: `${pairWord(g.pairs.length)} can live-migrate only on ${networkPairLabel(t, g.networks)}, with no fallback (${pairList(t, g.pairs)}): if it fails, they cannot migrate.`,
    });
  for (const g of routedOnly.values())
    out.push({
      code: 'pair-routed-only', path: '', elementIds: [...netIds(g), ...nodesOf(g)],
      message: `${pairWord(g.pairs.length)} can live-migrate only through routers (${networkPairLabel(t, g.networks)}; ${pairList(t, g.pairs)}): before Windows Server 2025 they cannot live-migrate at all.`,
    });
  for (const g of routedFirst.values())
    out.push({
      code: 'routed-preferred-over-direct', path: 'liveMigration.networkOrder', elementIds: [...netIds(g), ...nodesOf(g)],
      message: `${pairWord(g.pairs.length)} migrate through routers on ${networkPairLabel(t, g.networks)} although they share '${networkName(t, g.extra[0]!)}' directly (${pairList(t, g.pairs)}): '${networkName(t, g.networks[0])}' comes first in the live migration order. Put '${networkName(t, g.extra[0]!)}' ahead of it if the direct network should carry migrations.`,
    });
  return out;
}

/**
 * Diagnostics: what is accepted but worth telling the user (topology-format.md, "Validation").
 * Each names the document path and the elements concerned.
 */
import { isDefaultRoute, parseCidr } from './address';
import { networkName, nodeName } from '../text/messages';
import { hasPath, nodeCheck, prepare } from './select';
import type { Diagnostic, Topology } from './types';

export function collectDiagnostics(t: Topology): Diagnostic[] {
  return [...elementDiagnostics(t), ...pairDiagnostics(t)];
}

/**
 * Every finding but the pairs without a path, in order: they name elements, so a rename changes
 * their words (model/reparse.ts) but never whether a pair has a path.
 */
export function elementDiagnostics(t: Topology): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nicPath = new Map(t.nics.map((n, i) => [n.id, `nics[${i}]`]));
  const { networks: declared = [] } = t.document;
  const networkPath = new Map(declared.map((n, i) => [n.id, `networks[${i}]`]));

  // Two NICs of one node on one cluster network are supported (multi-NIC cluster networks,
  // Windows Server 2016 and later; SMB Multichannel uses both): a fact in Details, not a
  // diagnostic (docs/DECISIONS.md, decision 65). See multiNicNetworks().
  for (const n of t.networks) {
    if ((t.index.addressesByNetwork.get(n.id) ?? []).length === 0)
      out.push({ code: 'network-without-nic', path: networkPath.get(n.id) ?? '', elementIds: [n.id], message: `Network '${n.name}' has no NIC on it.` });
  }
  for (const nic of t.nics) {
    if (nic.addresses.length === 0)
      out.push({ code: 'nic-without-address', path: `${nicPath.get(nic.id)!}.addresses`, elementIds: [nic.id], message: `NIC '${nic.name}' of ${nodeName(t, nic.node)} has no address, so it is on no cluster network.` });
  }
  t.liveMigration.networkOrder.forEach((id, i) => {
    const e = t.eligibility[id];
    if (e && !e.eligible && e.reason !== 'network-down')
      out.push({
        code: 'ineligible-network-in-order', path: `liveMigration.networkOrder[${i}]`, elementIds: [id],
        message: e.reason === 'excluded-by-setting'
          ? `Network '${networkName(t, id)}' is in the live migration order but also excluded from live migration; the exclusion wins.`
          : `Network '${networkName(t, id)}' is in the live migration order but its role is None, so it is never used.`,
      });
  });
  for (const node of t.nodes) {
    for (const family of [4, 6] as const) {
      const defaults = (t.index.nicsByNode.get(node.id) ?? []).flatMap((nicId) =>
        t.index.nics.get(nicId)!.routes.filter((r) => isDefaultRoute(r.prefix) && parseCidr(r.prefix)!.family === family).map(() => nicId));
      if (defaults.length > 1)
        out.push({
          code: 'multiple-default-routes', path: nicPath.get(defaults[1]!)!, elementIds: [node.id, ...new Set(defaults)],
          message: `${node.name} has ${defaults.length} IPv${family} default routes; a cluster node should have one default gateway (on its management network), or traffic may leave through the wrong NIC.`,
        });
    }
  }
  out.push(...layoutDiagnostics(t));
  return out;
}

/** Node pairs with no path (ws2025), among nodes that could take part in a migration. */
function pairDiagnostics(t: Topology): Diagnostic[] {
  const out: Diagnostic[] = [];
  const p = prepare(t);
  const active = t.nodes.filter((n) => n.state === 'up');
  for (const a of active)
    for (const b of active) {
      if (a.id === b.id) continue;
      if (nodeCheck(t, a.id, b.id) === null && hasPath(p, a.id, b.id)) continue;
      out.push({
        code: 'pair-without-path', path: '', elementIds: [a.id, b.id],
        message: `No live migration path from ${a.name} to ${b.name}: no network enabled for live migration connects them, directly or through routers. ${whatWouldConnect(t, a.id, b.id)}`,
      });
    }
  return out;
}

/** Saved positions of ids the topology does not have (they follow the other findings but the pairs without a path). */
export function layoutDiagnostics(t: Topology): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Set<string>([...t.sites, ...t.nodes, ...t.nics, ...t.networks, ...t.routers, ...t.vms].map((e) => e.id));
  for (const id of Object.keys(t.layout)) {
    if (!ids.has(id)) out.push({ code: 'unknown-layout-id', path: `layout.${id}`, elementIds: [], message: `A saved position names '${id}', which is not in the topology; it is ignored.` });
  }
  return out;
}

/**
 * What would give a pair without a path one, in the finding itself (issue 27): enabling a
 * network both nodes already share, static routes between the networks each can use, or a
 * network both reach.
 */
function whatWouldConnect(t: Topology, a: string, b: string): string {
  const networksOf = (node: string, eligible: boolean): string[] => [
    ...new Set(
      (t.index.nicsByNode.get(node) ?? []).flatMap((nicId) =>
        t.index.nics.get(nicId)!.state === 'up' ? (t.index.addressesByNic.get(nicId) ?? []).map((i) => t.addresses[i]!.networkId).filter((n) => t.index.preferencePosition.has(n) === eligible) : [],
      ),
    ),
  ];
  const quoted = (ids: string[]): string => ids.slice(0, 2).map((id) => `'${networkName(t, id)}'`).join(' or ');
  const theirs = new Set(networksOf(b, false));
  const shared = networksOf(a, false).filter((n) => theirs.has(n));
  const fromA = networksOf(a, true);
  const fromB = networksOf(b, true);
  const enable = shared.length > 0 ? `enable ${quoted(shared)} for live migration (both have a NIC on it)` : null;
  const routes = fromA.length > 0 && fromB.length > 0 && t.routers.length > 0 ? `add static routes through a router from ${quoted(fromA)} to ${quoted(fromB)} and back (Windows Server 2025 only)` : null;
  const network = `connect both to a network enabled for live migration (a NIC of each on one subnet)`;
  const ways = [enable, routes, network].filter((x): x is string => x !== null);
  const text = ways.length === 1 ? ways[0]! : `${ways.slice(0, -1).join(', ')}, or ${ways[ways.length - 1]}`;
  return `To give them one: ${text}.`;
}

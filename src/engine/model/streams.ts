/**
 * How the chosen path carries the memory (selection-algorithm.md, *Transport and streams*, 1.2).
 *
 * TCP/IP and Compression: one TCP connection on the chosen path. SMB with a direct chosen path:
 * SMB Multichannel spreads the memory over the NIC pairs it prefers by capability — on any `up`
 * network the two nodes share, networks excluded from live migration included, unless
 * `smbMultichannelNetworks` constrains it — RDMA pairs first, then only the fastest; the chosen
 * path's own pair may be left idle. A routed chosen path is a single stream. SMB Direct (RDMA)
 * only on a direct stream whose two NICs are RDMA-capable, and only with SMB.
 */
import { nodeName } from '../text/messages';
import type { Nic, PathCandidate, Selection, Topology, Transport } from './types';

export interface Stream {
  sourceNicId: string;
  destinationNicId: string;
  /** (1.2) The pair's network; for a routed path, the source address's network. */
  networkId: string;
  /** SMB Direct: transport smb, a direct stream, both NICs RDMA-capable. */
  rdma: boolean;
}

export const TRANSPORT_LABEL: Record<Transport, string> = { tcpip: 'TCP/IP', compression: 'Compression', smb: 'SMB' };

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A NIC's speed for SMB Multichannel's choice: `speedGbps`, else the unknown-speed assumption. */
const speedOf = (t: Topology, n: Nic): number => n.speedGbps ?? t.planning.unknownSpeedGbps;

/** Networks by metric, then name, then id (the order of the streams and of a pair's network). */
function networkRank(t: Topology, a: string, b: string): number {
  const x = t.index.networks.get(a)!;
  const y = t.index.networks.get(b)!;
  return x.metric - y.metric || byString(x.name, y.name) || byString(x.id, y.id);
}

/**
 * Every NIC pair SMB Multichannel could use between two nodes (step 1): both NICs up, addresses of
 * one IP family on one `up` network (restricted to `only` when given). A pair counts once, on the
 * network that ranks first by metric, name, id. Not sorted.
 */
export function smbCandidates(t: Topology, sourceNodeId: string, destinationNodeId: string, only: ReadonlySet<string> | null): Stream[] {
  const nics = t.index.nics;
  const nicsOf = (node: string): Nic[] => (t.index.nicsByNode.get(node) ?? []).map((id) => nics.get(id)!).filter((n) => n.state === 'up');
  const keys = (n: Nic): Set<string> => {
    const out = new Set<string>();
    for (const i of t.index.addressesByNic.get(n.id) ?? []) {
      const a = t.addresses[i]!;
      const net = t.index.networks.get(a.networkId)!;
      if (net.state !== 'up' || (only !== null && !only.has(net.id))) continue;
      out.add(`${a.family}\u0000${a.networkId}`);
    }
    return out;
  };
  const dst = nicsOf(destinationNodeId).map((n) => ({ nic: n, keys: keys(n) }));
  const out: Stream[] = [];
  for (const s of nicsOf(sourceNodeId)) {
    const sk = keys(s);
    if (sk.size === 0) continue;
    for (const d of dst) {
      let best: string | null = null;
      for (const k of sk) {
        if (!d.keys.has(k)) continue;
        const net = k.slice(k.indexOf('\u0000') + 1);
        if (best === null || networkRank(t, net, best) < 0) best = net;
      }
      if (best !== null) out.push({ sourceNicId: s.id, destinationNicId: d.nic.id, networkId: best, rdma: s.rdma && d.nic.rdma });
    }
  }
  return out;
}

/**
 * The NIC pairs SMB Multichannel sends memory over between two nodes when live migration connects
 * directly (steps 1–3): the candidates (within `smbMultichannelNetworks` when set), RDMA pairs
 * only when there are any, then only the fastest. Not sorted; [] when none.
 */
export function smbPreferred(t: Topology, sourceNodeId: string, destinationNodeId: string): Stream[] {
  const nics = t.index.nics;
  const constraint = t.liveMigration.smbMultichannelNetworks;
  let candidates = smbCandidates(t, sourceNodeId, destinationNodeId, constraint.length > 0 ? new Set(constraint) : null);
  if (candidates.some((c) => c.rdma)) candidates = candidates.filter((c) => c.rdma);
  const pairSpeed = (c: Stream): number => Math.min(speedOf(t, nics.get(c.sourceNicId)!), speedOf(t, nics.get(c.destinationNicId)!));
  const top = Math.max(...candidates.map(pairSpeed));
  return candidates.filter((c) => pairSpeed(c) === top);
}

/** The streams of a selection on `topology` (the topology it was computed on): [] when nothing is chosen. */
export function streamsOf(topology: Topology, selection: Selection): Stream[] {
  const chosen = selection.chosen;
  if (!chosen) return [];
  const t = topology;
  const smb = t.liveMigration.transport === 'smb';
  const nics = t.index.nics;
  const alone: Stream = {
    sourceNicId: chosen.sourceNicId,
    destinationNicId: chosen.destinationNicId,
    networkId: chosen.sourceNetworkId,
    rdma: smb && chosen.kind === 'direct' && nics.get(chosen.sourceNicId)!.rdma && nics.get(chosen.destinationNicId)!.rdma,
  };
  if (!smb || chosen.kind !== 'direct') return [alone];
  const candidates = smbPreferred(t, selection.sourceNodeId, selection.destinationNodeId);
  if (candidates.length === 0) return [alone];
  const isChosen = (c: Stream): boolean => c.sourceNicId === chosen.sourceNicId && c.destinationNicId === chosen.destinationNicId;
  return candidates.sort(
    (a, b) =>
      Number(isChosen(b)) - Number(isChosen(a)) ||
      networkRank(t, a.networkId, b.networkId) ||
      byString(a.sourceNicId, b.sourceNicId) ||
      byString(a.destinationNicId, b.destinationNicId),
  );
}

/** True when SMB leaves the chosen path's own NIC pair idle (it is not among the streams). */
export function chosenPairIdle(selection: Selection, streams: readonly Stream[]): boolean {
  const c = selection.chosen;
  return c !== null && streams.length > 0 && !streams.some((s) => s.sourceNicId === c.sourceNicId && s.destinationNicId === c.destinationNicId);
}

/**
 * What to say about RDMA on a path or stream: "RDMA (SMB Direct)" only when it is used; otherwise
 * why an RDMA-capable pair does not use it; null when neither NIC is RDMA-capable.
 */
export function rdmaText(t: Topology, c: Pick<PathCandidate, 'sourceNicId' | 'destinationNicId' | 'kind'>): string | null {
  const a = t.index.nics.get(c.sourceNicId);
  const b = t.index.nics.get(c.destinationNicId);
  if (!a?.rdma && !b?.rdma) return null;
  if (!a?.rdma || !b?.rdma) return `RDMA-capable only on ${nodeName(t, (a?.rdma ? a : b)!.node)}: not used`;
  if (c.kind !== 'direct') return 'RDMA-capable, not used: routed, and RDMA is not used between subnets';
  const transport = t.liveMigration.transport;
  if (transport !== 'smb') return `RDMA-capable, not used: the transport is ${TRANSPORT_LABEL[transport]}`;
  return 'RDMA (SMB Direct)';
}

/** The transport and the cluster-wide limits, in a sentence (the report, the Why view). */
export function transportText(t: Topology): string {
  const lm = t.liveMigration;
  const how =
    lm.transport === 'smb'
      ? `SMB (SMB Multichannel over the fastest NIC pairs the nodes share${lm.smbMultichannelNetworks.length > 0 ? ', on the networks of its constraint' : ', excluded networks included'}, RDMA first; SMB Direct where both NICs are RDMA-capable)`
      : `${TRANSPORT_LABEL[lm.transport]}${lm.transport === 'compression' ? " (Windows' default)" : ''}: one TCP connection per migration`;
  const cap = lm.smbBandwidthLimitFactor === 0 ? 'no SMB bandwidth limit' : `SMB bandwidth limit ${lm.smbBandwidthLimitFactor / 100} % of a node's physical bandwidth`;
  return `${how} · up to ${lm.maxParallelMigrations} parallel live migration${lm.maxParallelMigrations === 1 ? '' : 's'} per node · ${cap}`;
}

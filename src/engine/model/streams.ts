/**
 * How the chosen path carries the memory (selection-algorithm.md, *Transport and streams*).
 *
 * TCP/IP and Compression: one TCP connection on the chosen path. SMB: when the chosen path is
 * direct, SMB Multichannel also opens a connection on every other direct path between the two
 * nodes whose NICs match the chosen path's NICs in speed and RDMA — in either mode (in legacy mode
 * that includes other NIC pairs on the chosen network, which are not fallbacks). SMB Direct (RDMA)
 * only on a direct stream whose two NICs are RDMA-capable, and only with SMB.
 */
import { nodeName } from '../text/messages';
import { prepare, rankedPaths } from './select';
import type { Nic, PathCandidate, Selection, Topology, Transport } from './types';

export interface Stream {
  sourceNicId: string;
  destinationNicId: string;
  /** SMB Direct: transport smb, a direct stream, both NICs RDMA-capable. */
  rdma: boolean;
}

export const TRANSPORT_LABEL: Record<Transport, string> = { tcpip: 'TCP/IP', compression: 'Compression', smb: 'SMB' };

/** A missing speed equals only a missing one; a missing `rdma` is false (the parser made it so). */
const sameCapability = (a: Nic, b: Nic): boolean => a.speedGbps === b.speedGbps && a.rdma === b.rdma;

/** The streams of a selection on `topology` (the topology it was computed on): [] when nothing is chosen. */
export function streamsOf(topology: Topology, selection: Selection): Stream[] {
  const chosen = selection.chosen;
  if (!chosen) return [];
  const smb = topology.liveMigration.transport === 'smb';
  const nics = topology.index.nics;
  const streamOf = (c: PathCandidate): Stream => ({
    sourceNicId: c.sourceNicId,
    destinationNicId: c.destinationNicId,
    rdma: smb && c.kind === 'direct' && nics.get(c.sourceNicId)!.rdma && nics.get(c.destinationNicId)!.rdma,
  });
  const first = streamOf(chosen);
  if (!smb || chosen.kind !== 'direct') return [first];
  // Every path the ws2025 rules list, in their order (in ws2025 mode: the chosen path and its fallbacks).
  const all = selection.mode === 'ws2025' ? [chosen, ...selection.fallbacks] : rankedPaths(prepare(topology), selection.sourceNodeId, selection.destinationNodeId, null);
  const src = nics.get(chosen.sourceNicId)!;
  const dst = nics.get(chosen.destinationNicId)!;
  const seen = new Set([`${chosen.sourceNicId}\u0000${chosen.destinationNicId}`]);
  const out = [first];
  for (const c of all) {
    if (c.kind !== 'direct') continue;
    const key = `${c.sourceNicId}\u0000${c.destinationNicId}`;
    if (seen.has(key)) continue;
    if (!sameCapability(nics.get(c.sourceNicId)!, src) || !sameCapability(nics.get(c.destinationNicId)!, dst)) continue;
    seen.add(key);
    out.push(streamOf(c));
  }
  return out;
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
      ? 'SMB (SMB Multichannel over every matching direct NIC pair; SMB Direct where both NICs are RDMA-capable)'
      : `${TRANSPORT_LABEL[lm.transport]}${lm.transport === 'compression' ? " (Windows' default)" : ''}: one TCP connection per migration`;
  const cap = lm.smbBandwidthLimitFactor === 0 ? 'no SMB bandwidth limit' : `SMB bandwidth limit ${lm.smbBandwidthLimitFactor / 100} % of a node's physical bandwidth`;
  return `${how} · up to ${lm.maxParallelMigrations} parallel live migration${lm.maxParallelMigrations === 1 ? '' : 's'} per node · ${cap}`;
}

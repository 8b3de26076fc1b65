/**
 * The streams of a selection (selection-algorithm.md, "Transport and streams"). Kept private to the
 * planner until the engine's own `streamsOf` lands; then this file goes.
 */
import type { PathCandidate, Selection, Topology } from '../types';
import type { DrainStream } from './types';

/**
 * `ws2025Paths`: the ws2025 selection's chosen path and fallbacks for the same pair (SMB
 * Multichannel opens connections on the other direct paths that mode lists, in either mode).
 */
export function selectionStreams(topology: Topology, selection: Selection, ws2025Paths: readonly PathCandidate[]): DrainStream[] {
  const chosen = selection.chosen;
  if (!chosen) return [];
  const nic = (id: string) => topology.index.nics.get(id)!;
  const smb = topology.liveMigration.transport === 'smb';
  const rdma = (p: PathCandidate): boolean => smb && p.kind === 'direct' && nic(p.sourceNicId).rdma && nic(p.destinationNicId).rdma;
  const stream = (p: PathCandidate): DrainStream => ({ sourceNicId: p.sourceNicId, destinationNicId: p.destinationNicId, rdma: rdma(p) });
  const out = [stream(chosen)];
  if (!smb || chosen.kind !== 'direct') return out;
  const like = (a: string, b: string): boolean => nic(a).speedGbps === nic(b).speedGbps && nic(a).rdma === nic(b).rdma;
  const seen = new Set([`${chosen.sourceNicId}\u0000${chosen.destinationNicId}`]);
  for (const p of ws2025Paths) {
    if (p.kind !== 'direct' || !like(p.sourceNicId, chosen.sourceNicId) || !like(p.destinationNicId, chosen.destinationNicId)) continue;
    const key = `${p.sourceNicId}\u0000${p.destinationNicId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(stream(p));
  }
  return out;
}

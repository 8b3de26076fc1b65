/** Names for a migration's streams: the networks they use, for the timeline, the CSV and the report. */
import { networkName } from '../text/messages';
import type { Topology } from '../model/types';
import type { DrainStream } from './types';

const networksOf = (t: Topology, nicId: string): string[] => [...new Set((t.index.addressesByNic.get(nicId) ?? []).map((i) => t.addresses[i]!.networkId))];

/** "LM 1" for a direct stream (the network both NICs share), "LM A → LM B" for a routed one. */
export function streamLabel(t: Topology, s: DrainStream): string {
  const from = networksOf(t, s.sourceNicId);
  const to = new Set(networksOf(t, s.destinationNicId));
  const shared = from.filter((id) => to.has(id));
  if (shared.length > 0) return shared.map((id) => networkName(t, id)).join(' / ');
  return `${from.map((id) => networkName(t, id)).join(' / ')} → ${[...to].map((id) => networkName(t, id)).join(' / ')}`;
}

/** The distinct labels of a migration's streams, in stream order. */
export function streamsLabel(t: Topology, streams: readonly DrainStream[]): string {
  return [...new Set(streams.map((s) => streamLabel(t, s)))].join(', ');
}

/**
 * Rates of the migrations transferring at one instant (migration-time.md §4): NICs shared equally
 * among the streams through them, the transport's efficiency (and compression's CPU ceiling), and
 * the SMB cap split equally among the migrations. Every split is plain: what one stream or
 * migration cannot use is not handed on.
 */
import type { Transport } from '../model/types';

export interface RateSettings {
  transport: Transport;
  /** Multiplier of the wire rate for the transport in force. */
  efficiency: number;
  compressionMaxGbps: number;
  /** The source's SMB cap in Gbps, or null when there is none (not SMB, or factor 0). */
  smbCapGbps: number | null;
  /** A NIC's speed in Gbps (`speedGbps`, else the unknown-speed assumption). */
  nicSpeed: (nicId: string) => number;
}

export interface StreamNics {
  sourceNicId: string;
  destinationNicId: string;
}

/** Wire Gbps of each stream of each migration: every NIC shared equally by the streams through it. */
export function streamWire(streams: readonly (readonly StreamNics[])[], nicSpeed: (nicId: string) => number): number[][] {
  const users = new Map<string, number>();
  const count = (id: string): void => void users.set(id, (users.get(id) ?? 0) + 1);
  for (const list of streams)
    for (const st of list) {
      count(st.sourceNicId);
      count(st.destinationNicId);
    }
  const share = (id: string): number => nicSpeed(id) / users.get(id)!;
  return streams.map((list) => list.map((st) => Math.min(share(st.sourceNicId), share(st.destinationNicId))));
}

/** Gbps of each migration, given the streams of each one transferring now. */
export function ratesAt(streams: readonly (readonly StreamNics[])[], s: RateSettings): number[] {
  const capEach = s.smbCapGbps === null ? Infinity : s.smbCapGbps / streams.length;
  return streamWire(streams, s.nicSpeed).map((list) => {
    let wire = 0;
    for (const w of list) wire += w;
    let rate = wire * s.efficiency;
    if (s.transport === 'compression') rate = Math.min(rate, s.compressionMaxGbps);
    if (s.transport === 'smb') rate = Math.min(rate, capEach);
    return rate;
  });
}

/**
 * Calibration from a real migration: the efficiency of the transport in force that makes the
 * model reproduce a measured one (one VM moving alone from source to destination). The model's
 * time for it is delay + bits / rate + switchover with rate = min(wire × efficiency, ceiling);
 * solved for the efficiency. The ceiling (compression's CPU, the SMB cap) does not depend on it,
 * so a measurement faster than the ceiling allows cannot be reproduced, and the user is told.
 */
import { DEFAULT_LEGACY_TIMEOUT_SECONDS, selectMigrationPath } from '../model/select';
import type { Mode, Topology, Transport } from '../model/types';
import { rateSettings, transferBits } from './drain';
import { ratesAt } from './rates';
import { streamsOf } from '../model/streams';

export interface CalibrationInput {
  memoryGB: number;
  sourceNodeId: string;
  destinationNodeId: string;
  /** Seconds the real migration took, start to finish. */
  seconds: number;
  mode?: Mode;
  legacyTimeoutSeconds?: number;
}

export type Calibration =
  | {
      ok: true;
      transport: Transport;
      before: number;
      efficiency: number;
      wireGbps: number;
      rateGbps: number;
      /** The bound the efficiency does not move (compression's CPU, the SMB limit), or null. A migration at it does not tell the efficiency. */
      ceilingGbps: number | null;
    }
  | { ok: false; message: string };

export function calibrateEfficiency(t: Topology, input: CalibrationInput): Calibration {
  const { memoryGB, sourceNodeId: s, destinationNodeId: d, seconds } = input;
  if (!(memoryGB > 0) || !Number.isFinite(memoryGB)) return { ok: false, message: 'Enter the memory of the VM that was migrated, in GB (more than 0).' };
  if (!(seconds > 0) || !Number.isFinite(seconds)) return { ok: false, message: 'Enter how many seconds the migration took (more than 0).' };
  const mode = input.mode ?? 'ws2025';
  const selection = selectMigrationPath(t, s, d, { mode, legacyTimeoutSeconds: input.legacyTimeoutSeconds ?? DEFAULT_LEGACY_TIMEOUT_SECONDS });
  if (!selection.chosen) return { ok: false, message: 'The model has no path between these two nodes, so it cannot be calibrated on them: choose a pair with a path.' };
  const streams = streamsOf(t, selection);
  const settings = rateSettings(t, s);
  const wireGbps = ratesAt([streams], { ...settings, transport: 'tcpip', efficiency: 1, smbCapGbps: null })[0]!;
  const fixed = selection.initiationDelaySeconds + t.planning.switchoverSeconds;
  if (seconds <= fixed)
    return { ok: false, message: `${seconds} s is not longer than the model's fixed time for this pair (${fixed} s of connection timeouts and switchover): check the seconds and the pair.` };
  const rateGbps = transferBits(memoryGB, t.planning.precopyOverhead) / (seconds - fixed) / 1e9;
  const ceiling = settings.transport === 'compression' ? settings.compressionMaxGbps : (settings.smbCapGbps ?? Infinity);
  if (rateGbps > ceiling) {
    const why = settings.transport === 'compression' ? `the compression ceiling (${ceiling} Gbps)` : `the SMB bandwidth limit (${round(ceiling)} Gbps)`;
    return { ok: false, message: `That migration ran at ${round(rateGbps)} Gbps, faster than ${why} allows in the model: raise that limit first.` };
  }
  const efficiency = round(rateGbps / wireGbps, 4);
  return { ok: true, transport: settings.transport, before: t.planning.efficiency[settings.transport], efficiency, wireGbps, rateGbps, ceilingGbps: Number.isFinite(ceiling) ? ceiling : null };
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Calibration from history (issue 23): per transport, the efficiency that makes the model match
 * the median of the observed migrations. Each past migration that has a duration, ran alone (no
 * other migration from or to its nodes overlapped it: the model's single-migration time is for a VM
 * moving alone), and whose VM and nodes are in the design is solved for the efficiency as the
 * single-migration calibration does (`calibrateEfficiency`, with the VM's memory from the design);
 * the transport's value is the median of those efficiencies — the one that reproduces the median
 * migration. Migrations that cannot be reproduced, or that ran at the compression ceiling or the
 * SMB limit (every efficiency above some value gives their time: they do not tell it), are listed
 * with why.
 */
import type { Mode, Topology, Transport } from '../model/types';
import { calibrateEfficiency } from './calibrate';

export interface ObservedMigration {
  vm: string;
  vmId: string | null;
  sourceNodeId: string | null;
  destinationNodeId: string | null;
  seconds: number | null;
  alone: boolean;
}

export interface TransportCalibration {
  transport: Transport;
  before: number;
  efficiency: number;
  /** The migrations it rests on. */
  samples: number;
  /** Their median duration, seconds. */
  medianSeconds: number;
}

export interface HistoryCalibration {
  transports: TransportCalibration[];
  /** Migrations with a duration that were not used, and why. */
  skipped: { vm: string; why: string }[];
}

export function median(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** A migration within 0.5 % of the transport's bound ran at the bound. */
const AT_CEILING = 0.995;

export function calibrateFromHistory(t: Topology, migrations: readonly ObservedMigration[], options: { mode?: Mode; legacyTimeoutSeconds?: number } = {}): HistoryCalibration {
  const skipped: HistoryCalibration['skipped'] = [];
  const by = new Map<Transport, { before: number; efficiencies: number[]; seconds: number[] }>();
  for (const m of migrations) {
    if (m.seconds === null) continue;
    const vm = m.vmId ? t.index.vms.get(m.vmId) : undefined;
    if (!vm) skipped.push({ vm: m.vm, why: 'not a VM of the design (its memory is not known)' });
    else if (!m.sourceNodeId || !m.destinationNodeId) skipped.push({ vm: m.vm, why: 'its nodes are not known' });
    else if (!m.alone) skipped.push({ vm: m.vm, why: 'another migration from or to its nodes ran at the same time' });
    else {
      const c = calibrateEfficiency(t, { memoryGB: vm.memoryGB, sourceNodeId: m.sourceNodeId, destinationNodeId: m.destinationNodeId, seconds: m.seconds, mode: options.mode ?? 'ws2025', legacyTimeoutSeconds: options.legacyTimeoutSeconds });
      if (!c.ok) skipped.push({ vm: m.vm, why: c.message });
      else if (c.ceilingGbps !== null && c.rateGbps >= c.ceilingGbps * AT_CEILING)
        // Any efficiency from this one up gives the same time: the migration does not tell it.
        skipped.push({ vm: m.vm, why: `it ran at ${c.transport === 'compression' ? 'the compression ceiling' : 'the SMB bandwidth limit'} (${round(c.ceilingGbps, 2)} Gbps), which the efficiency does not change` });
      else {
        const g = by.get(c.transport) ?? { before: c.before, efficiencies: [], seconds: [] };
        g.efficiencies.push(c.efficiency);
        g.seconds.push(m.seconds);
        by.set(c.transport, g);
      }
    }
  }
  const transports = [...by].map(([transport, g]) => ({ transport, before: g.before, efficiency: round(median(g.efficiencies), 4), samples: g.efficiencies.length, medianSeconds: round(median(g.seconds), 1) }));
  return { transports, skipped };
}

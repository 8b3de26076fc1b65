/**
 * planDrain: how long emptying a node takes (migration-time.md). Resolves each VM of the drain to
 * a job (destination, selection, streams, bits), then runs the clock of `simulate` with the rates
 * of `ratesAt`. Pure: a topology in, a plain plan out.
 */
import { DEFAULT_LEGACY_TIMEOUT_SECONDS } from '../model/select';
import { streamsOf } from '../model/streams';
import type { Mode, Selection, Topology } from '../model/types';
import { balancedCandidates, balancedPicker, fixedPicker } from './destinations';
import { drainOrder } from './order';
import { pairSelection, type PathCache } from './selection';
import { ratesAt, type RateSettings } from './rates';
import { simulate, type Job } from './simulate';
import type { DrainMigration, DrainOptions, DrainPlan, DrainStream } from './types';

/** Bits to copy for a VM: memory (GiB) once, plus the pages dirtied meanwhile. */
export const transferBits = (memoryGB: number, precopyOverhead: number): number => memoryGB * 2 ** 30 * 8 * (1 + precopyOverhead);

/** The rate settings of a drain from `sourceNodeId` (§4). */
export function rateSettings(topology: Topology, sourceNodeId: string): RateSettings {
  const { planning, liveMigration } = topology;
  const transport = liveMigration.transport;
  const factor = liveMigration.smbBandwidthLimitFactor;
  const source = topology.index.nodes.get(sourceNodeId);
  return {
    transport,
    efficiency: planning.efficiency[transport],
    compressionMaxGbps: planning.compressionMaxGbps,
    smbCapGbps: transport === 'smb' && factor > 0 && source ? (factor / 10000) * source.effectiveBandwidthGbps : null,
    nicSpeed: (id) => topology.index.nics.get(id)?.speedGbps ?? planning.unknownSpeedGbps,
  };
}

interface PairRoute {
  selection: Selection;
  streams: DrainStream[];
}

/** @param paths pairs' ranked paths to share with another drain of the same node (every-node's two modes). */
export function planDrain(topology: Topology, sourceNodeId: string, options: DrainOptions = {}, paths?: PathCache): DrainPlan {
  const mode: Mode = options.mode ?? 'ws2025';
  const timeout = options.legacyTimeoutSeconds ?? DEFAULT_LEGACY_TIMEOUT_SECONDS;
  if (!topology.index.nodes.has(sourceNodeId)) return { sourceNodeId, mode, migrations: [], totalSeconds: 0, waitingSeconds: 0, failure: 'unknown-node' };

  const routes = new Map<string, PairRoute>();
  const route = (d: string): PairRoute => {
    let r = routes.get(d);
    if (r) return r;
    const selection = pairSelection(topology, sourceNodeId, d, mode, timeout, paths);
    r = { selection, streams: streamsOf(topology, selection) };
    routes.set(d, r);
    return r;
  };

  const picker =
    options.destination !== undefined
      ? fixedPicker(options.destination)
      : balancedPicker(topology, balancedCandidates(topology, sourceNodeId, (d) => route(d).selection.chosen !== null));
  const { precopyOverhead, switchoverSeconds } = topology.planning;

  const migrations: DrainMigration[] = [];
  const jobs: Job[] = [];
  /** For each job, its migration's index, and its streams. */
  const jobOf: number[] = [];
  const jobStreams: DrainStream[][] = [];
  let waitingSeconds = 0;
  for (const vm of drainOrder(topology.vms, sourceNodeId)) {
    const destinationNodeId = picker.pick(vm);
    const m: DrainMigration = { vmId: vm.id, destinationNodeId, startSeconds: 0, transferStartSeconds: 0, transferEndSeconds: 0, endSeconds: 0, streams: [], averageGbps: 0 };
    migrations.push(m);
    if (vm.state === 'off') continue;
    if (destinationNodeId === null) {
      m.failure = 'no-destination';
      continue;
    }
    const { selection, streams } = route(destinationNodeId);
    const delay = selection.initiationDelaySeconds;
    if (!selection.chosen) {
      m.failure = 'no-path';
      if (mode === 'ws2025') continue;
    }
    m.streams = streams;
    waitingSeconds += delay;
    jobOf.push(migrations.length - 1);
    jobStreams.push(streams);
    jobs.push({ delay, bits: transferBits(vm.memoryGB, precopyOverhead), switchover: switchoverSeconds, givesUp: !selection.chosen });
  }

  const settings = rateSettings(topology, sourceNodeId);
  const times = simulate(jobs, topology.liveMigration.maxParallelMigrations, (idx) => ratesAt(idx.map((i) => jobStreams[i]!), settings));
  let totalSeconds = 0;
  times.forEach((t, j) => {
    const m = migrations[jobOf[j]!]!;
    Object.assign(m, t);
    const seconds = t.transferEndSeconds - t.transferStartSeconds;
    if (!jobs[j]!.givesUp && seconds > 0) m.averageGbps = jobs[j]!.bits / seconds / 1e9;
    totalSeconds = Math.max(totalSeconds, t.endSeconds);
  });
  return { sourceNodeId, mode, migrations, totalSeconds, waitingSeconds };
}

/**
 * The clock of a drain (migration-time.md §5): slots, phases and rates, event by event. Between
 * two events every rate is constant, so each step jumps straight to the next event: a start, the
 * end of an initiation, of a transfer or of a switchover. Nothing here knows about topologies:
 * the jobs come resolved (delay, bits, streams), and `rateOf` gives the rates of a set.
 */

/** One migration to run, in the order of §1. */
export interface Job {
  /** Seconds holding the slot before any data moves (the legacy timeouts). */
  delay: number;
  /** Bits to copy; ignored when `givesUp`. */
  bits: number;
  switchover: number;
  /** A legacy migration with no path: holds its slot for the delay, then gives up. */
  givesUp: boolean;
}

export interface JobTimes {
  startSeconds: number;
  transferStartSeconds: number;
  transferEndSeconds: number;
  endSeconds: number;
}

/** Gbps of each transferring job, given their indexes (ascending). */
export type RateOf = (transferring: readonly number[]) => number[];

const enum Phase {
  Waiting,
  Initiating,
  Transferring,
  Switching,
  Done,
}

/** Relative tolerance under which two event times are the same instant. */
const SAME = 1e-12;

export function simulate(jobs: readonly Job[], slots: number, rateOf: RateOf): JobTimes[] {
  const times: JobTimes[] = jobs.map(() => ({ startSeconds: 0, transferStartSeconds: 0, transferEndSeconds: 0, endSeconds: 0 }));
  const phase: Phase[] = jobs.map(() => Phase.Waiting);
  const remaining = jobs.map((j) => j.bits);
  /** When the current phase ends, for the timed phases. */
  const until = jobs.map(() => 0);
  const active: number[] = [];
  let next = 0;
  let now = 0;

  const enterTransfer = (i: number): void => {
    times[i]!.transferStartSeconds = now;
    if (jobs[i]!.givesUp) return finish(i);
    if (remaining[i]! <= 0) return enterSwitch(i);
    phase[i] = Phase.Transferring;
  };
  const enterSwitch = (i: number): void => {
    times[i]!.transferEndSeconds = now;
    phase[i] = Phase.Switching;
    until[i] = now + jobs[i]!.switchover;
    if (jobs[i]!.switchover <= 0) finish(i);
  };
  const finish = (i: number): void => {
    const t = times[i]!;
    if (jobs[i]!.givesUp) t.transferEndSeconds = now;
    t.endSeconds = now;
    phase[i] = Phase.Done;
  };
  const start = (i: number): void => {
    times[i]!.startSeconds = now;
    phase[i] = Phase.Initiating;
    until[i] = now + jobs[i]!.delay;
    if (jobs[i]!.delay <= 0) enterTransfer(i);
  };
  const fill = (): void => {
    for (let k = active.length - 1; k >= 0; k--) if (phase[active[k]!] === Phase.Done) active.splice(k, 1);
    while (active.length < slots && next < jobs.length) {
      const i = next++;
      start(i);
      if (phase[i] !== Phase.Done) active.push(i);
      else fill();
    }
  };

  fill();
  while (active.length > 0) {
    const transferring = active.filter((i) => phase[i] === Phase.Transferring).sort((a, b) => a - b);
    const rates = transferring.length > 0 ? rateOf(transferring) : [];
    // The next event: the earliest end of a timed phase or of a transfer at its current rate.
    let step = Infinity;
    for (const i of active) if (phase[i] !== Phase.Transferring) step = Math.min(step, until[i]! - now);
    transferring.forEach((i, k) => {
      const r = rates[k]! * 1e9;
      if (r > 0) step = Math.min(step, remaining[i]! / r);
    });
    if (!Number.isFinite(step)) throw new Error('A drain cannot progress: every transfer has rate 0.');
    step = Math.max(step, 0);
    const at = now + step;
    const near = (t: number): boolean => t - at <= SAME * Math.max(1, at);
    transferring.forEach((i, k) => {
      const r = rates[k]! * 1e9;
      remaining[i] = r > 0 && near(now + remaining[i]! / r) ? 0 : remaining[i]! - r * step;
    });
    now = at;
    for (const i of [...active]) {
      if (phase[i] === Phase.Initiating && near(until[i]!)) enterTransfer(i);
      else if (phase[i] === Phase.Transferring && remaining[i]! <= 0) enterSwitch(i);
      else if (phase[i] === Phase.Switching && near(until[i]!)) finish(i);
    }
    fill();
  }
  return times;
}

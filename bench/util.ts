/** Timing helpers for benchmarks: medians of repeated runs, printed. */
import { performance } from 'node:perf_hooks';

export function timeRuns<T>(runs: number, fn: (input: T) => unknown, setup?: () => T): number[] {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) fn(setup ? setup() : (undefined as T)); // warm-up (JIT)
  for (let i = 0; i < runs; i++) {
    const input = setup ? setup() : (undefined as T);
    const t = performance.now();
    fn(input);
    times.push(performance.now() - t);
  }
  return times;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function report(label: string, times: number[], budgetMs?: number): void {
  const med = median(times);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const budget = budgetMs === undefined ? '' : `  budget ${budgetMs} ms: ${med <= budgetMs ? 'within' : 'OVER'}`;
  console.log(`${label}: median ${med.toFixed(2)} ms (min ${min.toFixed(2)}, max ${max.toFixed(2)}, n=${times.length})${budget}`);
}

/** CPU time of the whole process (user + system) per run, in ms: less swayed by other processes' load than the wall clock. */
export function cpuRuns<T>(runs: number, fn: (input: T) => unknown, setup?: () => T): number[] {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) fn(setup ? setup() : (undefined as T));
  for (let i = 0; i < runs; i++) {
    const input = setup ? setup() : (undefined as T);
    const c = process.cpuUsage();
    fn(input);
    const d = process.cpuUsage(c);
    times.push((d.user + d.system) / 1000);
  }
  return times;
}

/**
 * Bytes allocated per run, measured in a child process started with `--expose-gc` and a young
 * generation large enough that no collection runs during one run: the heap is collected before
 * each run, so what the heap grew by is what the run allocated (kept or garbage).
 *
 *   run by `allocations()` below; by hand: NODE_OPTIONS="--expose-gc --max-semi-space-size=256" npx vite-node bench/alloc.ts
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyzeAllPairs, analyzeResilience, type Topology } from '../src/engine';
import { median } from './util';
import { parsed, shapes } from './shapes';

export interface Allocation {
  shape: string;
  what: 'all-pairs' | 'n-1';
  /** MB per run, median of the runs. */
  mb: number;
}

function allocatedBytes(run: (t: Topology) => unknown, fresh: () => Topology, runs: number): number {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const bytes: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = fresh();
    gc();
    const before = process.memoryUsage().heapUsed;
    run(t);
    const grew = process.memoryUsage().heapUsed - before;
    if (i >= 2) bytes.push(grew); // the first runs also compile code
  }
  return median(bytes);
}

function measureAll(): Allocation[] {
  const out: Allocation[] = [];
  for (const s of shapes()) {
    const fresh = (): Topology => parsed(s.doc);
    out.push({ shape: s.name, what: 'all-pairs', mb: allocatedBytes((t) => analyzeAllPairs(t), fresh, 7) / 1e6 });
    if (out.length === 1 || process.argv.includes('--n1-all')) out.push({ shape: s.name, what: 'n-1', mb: allocatedBytes((t) => analyzeResilience(t), fresh, 3) / 1e6 });
  }
  return out;
}

let measured: Allocation[] | null = null;

/** Runs this file in a child process with the flags it needs and returns its figures (once per process). */
export function allocations(): Allocation[] {
  if (measured) return measured;
  const cli = fileURLToPath(new URL('../node_modules/vite-node/dist/cli.mjs', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [cli, self], {
    env: { ...process.env, NODE_OPTIONS: '--expose-gc --max-semi-space-size=256', LMPV_ALLOC_CHILD: '1' },
    encoding: 'utf8',
  });
  return (measured = JSON.parse(out.trim().split('\n').pop()!) as Allocation[]);
}

if (process.env.LMPV_ALLOC_CHILD === '1' && typeof (globalThis as { gc?: unknown }).gc === 'function') console.log(JSON.stringify(measureAll()));

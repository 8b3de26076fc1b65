/**
 * Every node in turn, as Cluster-Aware Updating drains them: each node's drain from the design's
 * placement (every drain starts from the same placement: VMs return after each node's update),
 * in both modes, and the sums.
 */
import type { Topology } from '../model/types';
import { planDrain } from './drain';
import type { PathCache } from './selection';
import type { DrainPlan } from './types';

export interface DrainFigures {
  totalSeconds: number;
  waitingSeconds: number;
  /** Running VMs that cannot move (no path, no destination). */
  stuck: number;
}

export interface NodeDrainRow {
  nodeId: string;
  vmCount: number;
  runningCount: number;
  /** Memory of the running VMs, GiB. */
  memoryGB: number;
  ws2025: DrainFigures;
  legacy: DrainFigures;
}

export interface EveryNodeResult {
  rows: NodeDrainRow[];
  sums: { vmCount: number; memoryGB: number; ws2025: DrainFigures; legacy: DrainFigures };
}

export const figuresOf = (plan: DrainPlan): DrainFigures => ({
  totalSeconds: plan.totalSeconds,
  waitingSeconds: plan.waitingSeconds,
  stuck: plan.migrations.filter((m) => m.failure !== undefined).length,
});

const add = (a: DrainFigures, b: DrainFigures): DrainFigures => ({ totalSeconds: a.totalSeconds + b.totalSeconds, waitingSeconds: a.waitingSeconds + b.waitingSeconds, stuck: a.stuck + b.stuck });

export function drainEveryNode(topology: Topology, options: { legacyTimeoutSeconds?: number } = {}): EveryNodeResult {
  const zero: DrainFigures = { totalSeconds: 0, waitingSeconds: 0, stuck: 0 };
  const sums = { vmCount: 0, memoryGB: 0, ws2025: zero, legacy: zero };
  const rows = topology.nodes.map((n): NodeDrainRow => {
    const own = (topology.index.vmsByNode.get(n.id) ?? []).map((id) => topology.index.vms.get(id)!);
    const running = own.filter((v) => v.state === 'running');
    const paths: PathCache = new Map();
    const row: NodeDrainRow = {
      nodeId: n.id,
      vmCount: own.length,
      runningCount: running.length,
      memoryGB: running.reduce((s, v) => s + v.memoryGB, 0),
      // Both modes rank the same paths: once per pair.
      ws2025: figuresOf(planDrain(topology, n.id, { mode: 'ws2025' }, paths)),
      legacy: figuresOf(planDrain(topology, n.id, { mode: 'legacy', legacyTimeoutSeconds: options.legacyTimeoutSeconds }, paths)),
    };
    sums.vmCount += row.vmCount;
    sums.memoryGB += row.memoryGB;
    sums.ws2025 = add(sums.ws2025, row.ws2025);
    sums.legacy = add(sums.legacy, row.legacy);
    return row;
  });
  return { rows, sums };
}

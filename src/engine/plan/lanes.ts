/**
 * The lanes of a drain's timeline: one per parallel slot. A migration that held a slot takes the
 * first lane free at its start (slots free up at an end and are taken at that same instant).
 */
import type { DrainMigration, DrainPlan } from './types';

/** A migration held a slot when it ran (or, legacy with no path, waited) for some time. */
export const heldSlot = (m: DrainMigration): boolean => m.endSeconds > m.startSeconds || (m.failure === undefined && m.streams.length > 0);

export function timelineLanes(plan: DrainPlan): DrainMigration[][] {
  const lanes: DrainMigration[][] = [];
  const freeAt: number[] = [];
  for (const m of plan.migrations) {
    if (!heldSlot(m)) continue;
    let k = freeAt.findIndex((t) => t <= m.startSeconds + 1e-9 * Math.max(1, m.startSeconds));
    if (k < 0) {
      k = lanes.length;
      lanes.push([]);
      freeAt.push(0);
    }
    lanes[k]!.push(m);
    freeAt[k] = m.endSeconds;
  }
  return lanes;
}

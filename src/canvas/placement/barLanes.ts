/** Lanes for network bars: each bar goes into the first lane (nearest the hosts) where it fits. */

export interface Span {
  id: string;
  x1: number;
  x2: number;
}

/** Greedy interval packing in the given order; bars in one lane keep at least `gap` apart. */
export function packLanes(spans: readonly Span[], gap: number): Map<string, number> {
  const lanes: Span[][] = [];
  const out = new Map<string, number>();
  for (const s of spans) {
    let lane = lanes.findIndex((l) => l.every((o) => s.x2 + gap <= o.x1 || o.x2 + gap <= s.x1));
    if (lane < 0) lane = lanes.push([]) - 1;
    lanes[lane]!.push(s);
    out.set(s.id, lane);
  }
  return out;
}

export const laneCount = (lanes: ReadonlyMap<string, number>): number => (lanes.size === 0 ? 0 : Math.max(...lanes.values()) + 1);

/** The free spot nearest a target for a box of a given size: used for transit subnets. */
import { boxOf, grow, overlaps, type Box, type Pos } from '../geometry';

const STEP = 10;
const MAX_RING = 300;

/** The rings made so far: the same for every search, so each is made (and sorted) once. */
const rings: (readonly Pos[])[] = [];

/** Rings of candidate points around the target, nearest first; ties broken by y then x (deterministic). */
function ring(r: number): readonly Pos[] {
  return (rings[r] ??= makeRing(r));
}

function makeRing(r: number): Pos[] {
  if (r === 0) return [{ x: 0, y: 0 }];
  const pts: Pos[] = [];
  for (let i = -r; i <= r; i++) pts.push({ x: i, y: -r }, { x: i, y: r });
  for (let i = -r + 1; i < r; i++) pts.push({ x: -r, y: i }, { x: r, y: i });
  return pts.sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y) || a.y - b.y || a.x - b.x);
}

/** `within`, when given, is where the box (margin included) must lie entirely; `null` when there is no such spot. */
export function freeSpotWithin(target: Pos, w: number, h: number, obstacles: readonly Box[], margin: number, within: Box | null): Pos | null {
  for (let r = 0; r <= MAX_RING; r++)
    for (const d of ring(r)) {
      const p = { x: target.x + d.x * STEP, y: target.y + d.y * STEP };
      const box = grow(boxOf(p, w, h), margin);
      if (within && !(box.x1 >= within.x1 && box.y1 >= within.y1 && box.x2 <= within.x2 && box.y2 <= within.y2)) continue;
      if (!obstacles.some((o) => overlaps(o, box))) return p;
    }
  return null;
}

export function freeSpot(target: Pos, w: number, h: number, obstacles: readonly Box[], margin: number): Pos {
  return freeSpotWithin(target, w, h, obstacles, margin, null) ?? target;
}

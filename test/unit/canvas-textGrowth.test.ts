import { describe, expect, it } from 'vitest';
import { COMPACT, FULL } from '../../src/canvas/metrics';
import { growthCap, growthStep } from '../../src/canvas/textGrowth';

describe('growthStep: the smallest step that reads, within the room', () => {
  it.each([
    // zoom, base font, target px, cap → step (hand-checked: base × step × zoom ≥ target)
    [1, 13, 11.5, 9, 1], // 13 px at zoom 1: no growth
    [0.54, 13, 11.5, 9, 1.75], // 13 × 1.5 × 0.54 = 10.5 < 11.5; × 1.75 = 12.3
    [0.43, 11, 9.5, 9, 2.25], // 11 × 2 × 0.43 = 9.46 < 9.5; × 2.25 = 10.6
    [0.43, 11, 9.5, 1.6, 1.5], // the room allows 1.6: 1.5, the largest step within it
    [0.1, 13, 11.5, 9, 2.5], // never beyond the largest step
    [0.3, 13, 11.5, 0.8, 1], // no room at all: the base size
  ])('zoom %f, base %f, target %f, cap %f → %f', (zoom, base, target, cap, step) => {
    expect(growthStep(zoom, base, target, cap)).toBe(step);
  });
});

describe('growthCap: the room a name has', () => {
  it('a node name: as wide as its box plus most of the gap to the next node', () => {
    // "HV01" bold at 13: (0.76 + 0.76 + 0.64 + 0.64) em × 13 × 1.1 = 40.04 → 41 px; (200 + 40 − 8) / 41
    expect(growthCap(FULL, 'host', 'HV01', { w: 200, h: 0 })).toBeCloseTo(232 / 41, 5);
  });
  it("a full network's first line within its bar's width and height", () => {
    // Height: (36 − 4) / (11 × 1.25) = 2.33; width far larger for a short name on a long bar.
    expect(growthCap(FULL, 'network', 'LM\ncluster only · live migration #1', { w: 600, h: 36 })).toBeCloseTo(32 / 13.75, 5);
  });
  it('a compact rail is as tall as its name: it cannot grow', () => {
    expect(growthCap(COMPACT, 'network', 'Storage A1 · 10.1.101.0/24', { w: 2000, h: COMPACT.bus.h })).toBeLessThan(1.25);
  });
});

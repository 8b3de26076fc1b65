import { describe, expect, it } from 'vitest';
import { approach, clampZoom, modelAt, panAbout, retarget, stepView, wheelFactor, wheelPixels, type ZoomView } from '../../src/canvas/wheelZoom';

describe('wheelPixels: line and page modes become pixels', () => {
  it.each([
    ['pixels as they are', 100, 0, undefined, 100],
    ['pixels, negative', -4, 0, undefined, -4],
    ['3 lines = one 100 px notch', 3, 1, undefined, 100],
    ['-1 line', -1, 1, undefined, -100 / 3],
    ['a page is the canvas height', -1, 2, 600, -600],
    ['a page without a height is 800 px', 1, 2, 0, 800],
    ['not a number moves nothing', Number.NaN, 0, undefined, 0],
  ])('%s', (_, deltaY, mode, page, px) => {
    expect(wheelPixels(deltaY, mode, page)).toBeCloseTo(px, 9);
  });
});

describe('wheelFactor: exponential in the distance', () => {
  it.each([
    ['a notch towards the screen zooms in by 1.25', { deltaY: -100, deltaMode: 0, ctrlKey: false }, 1.25],
    ['a notch back zooms out by 1/1.25', { deltaY: 100, deltaMode: 0, ctrlKey: false }, 0.8],
    ['3 lines = a notch', { deltaY: -3, deltaMode: 1, ctrlKey: false }, 1.25],
    ['a fling is held to 300 px (1.25³)', { deltaY: -1000, deltaMode: 0, ctrlKey: false }, 1.953125],
    ['no movement, no zoom', { deltaY: 0, deltaMode: 0, ctrlKey: false }, 1],
    ['a pinch: exp(-deltaY/100), the fingers’ scale', { deltaY: -10, deltaMode: 0, ctrlKey: true }, 1.1051709180756477],
    ['a pinch closing', { deltaY: 10, deltaMode: 0, ctrlKey: true }, 1 / 1.1051709180756477],
    ['Ctrl with a mouse wheel notch', { deltaY: -100, deltaMode: 0, ctrlKey: true }, 2.3396468519259908],
  ])('%s', (_, e, factor) => {
    expect(wheelFactor(e)).toBeCloseTo(factor, 9);
  });

  it('two half notches make one notch (the order does not matter either)', () => {
    const half = wheelFactor({ deltaY: -50, deltaMode: 0, ctrlKey: false });
    expect(half * half).toBeCloseTo(1.25, 12);
    const inOut = wheelFactor({ deltaY: -30, deltaMode: 0, ctrlKey: false }) * wheelFactor({ deltaY: 30, deltaMode: 0, ctrlKey: false });
    expect(inOut).toBeCloseTo(1, 12);
  });
});

describe('retarget: the target accumulates and is clamped to the zoom range', () => {
  it.each([
    ['one notch from 1', [1.25], 1, 1.25],
    ['two notches accumulate', [1.25, 1.25], 1, 1.5625],
    ['in then out comes back', [1.25, 0.8], 1, 1],
    ['clamped at the top', [1.25], 2.8, 3],
    ['clamped at the bottom', [0.8], 0.09, 0.08],
    ['at the top, out still works at once', [1.25, 1.25, 0.8], 2.9, 2.4],
  ])('%s', (_, factors, from, to) => {
    expect(factors.reduce((t, f) => retarget(t, f, 0.08, 3), from)).toBeCloseTo(to, 9);
  });

  it('clampZoom', () => {
    expect([clampZoom(5, 0.08, 3), clampZoom(0.01, 0.08, 3), clampZoom(1, 0.08, 3)]).toEqual([3, 0.08, 1]);
  });
});

describe('panAbout: the model point under the pointer stays put', () => {
  it.each([
    ['from the origin, zoom ×2', { x: 0, y: 0 }, 1, 2, { x: 100, y: 50 }, { x: -100, y: -50 }],
    ['panned, zoom ×3', { x: 20, y: -40 }, 0.5, 1.5, { x: 320, y: 160 }, { x: -580, y: -440 }],
    ['zoom out ×1/2', { x: -100, y: -50 }, 2, 1, { x: 100, y: 50 }, { x: 0, y: 0 }],
    ['pointer on the pan origin: the pan stays', { x: 30, y: 40 }, 1, 2, { x: 30, y: 40 }, { x: 30, y: 40 }],
  ])('%s', (_, pan, zoom, next, pointer, expected) => {
    const after = panAbout(pan, zoom, next, pointer);
    expect(after.x).toBeCloseTo(expected.x, 9);
    expect(after.y).toBeCloseTo(expected.y, 9);
    const before = modelAt({ zoom, pan }, pointer);
    const now = modelAt({ zoom: next, pan: after }, pointer);
    expect(now.x).toBeCloseTo(before.x, 9);
    expect(now.y).toBeCloseTo(before.y, 9);
  });
});

describe('approach: easing towards the target', () => {
  it('one time constant (30 ms) covers 1 - 1/e of the way in log space', () => {
    const r = approach(1, 1.25, 30);
    expect(r.done).toBe(false);
    expect(r.zoom).toBeCloseTo(1.1514863963481652, 9);
  });
  it('after 200 ms it is there, exactly', () => {
    expect(approach(1, 1.25, 200)).toEqual({ zoom: 1.25, done: true });
  });
  it('infinite time (reduced motion): there at once', () => {
    expect(approach(1, 0.8, Number.POSITIVE_INFINITY)).toEqual({ zoom: 0.8, done: true });
  });
  it('no time, no movement', () => {
    expect(approach(1, 1.25, 0)).toEqual({ zoom: 1, done: false });
  });
  it('already there: done', () => {
    expect(approach(2, 2, 16)).toEqual({ zoom: 2, done: true });
  });
});

describe('stepView: frames of an animated notch', () => {
  const pointer = { x: 400, y: 300 };
  const run = (view: ZoomView, target: number, frameMs: number): ZoomView[] => {
    const out: ZoomView[] = [];
    for (let i = 0; i < 100; i++) {
      const s = stepView(view, target, pointer, frameMs);
      view = s.view;
      out.push(view);
      if (s.done) return out;
    }
    throw new Error('never settled');
  };

  it('zooms in over several 60 Hz frames (9), each a little more, and the point under the pointer never moves', () => {
    const start: ZoomView = { zoom: 1, pan: { x: -50, y: 20 } };
    const frames = run(start, 1.25, 1000 / 60);
    expect(frames).toHaveLength(9);
    const zooms = frames.map((f) => f.zoom);
    for (let i = 1; i < zooms.length; i++) expect(zooms[i]!).toBeGreaterThan(zooms[i - 1]!);
    expect(zooms.at(-1)).toBe(1.25);
    const anchor = modelAt(start, pointer);
    for (const f of frames) {
      const m = modelAt(f, pointer);
      expect(m.x).toBeCloseTo(anchor.x, 9);
      expect(m.y).toBeCloseTo(anchor.y, 9);
    }
  });

  it('each frame keeps the point under the LATEST pointer fixed', () => {
    const view: ZoomView = { zoom: 1.1, pan: { x: 10, y: 10 } };
    const moved = { x: 100, y: 700 };
    const s = stepView(view, 2, moved, 16);
    const before = modelAt(view, moved);
    const after = modelAt(s.view, moved);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
    // and not the old pointer's point
    expect(modelAt(s.view, pointer).x).not.toBeCloseTo(modelAt(view, pointer).x, 3);
  });
});

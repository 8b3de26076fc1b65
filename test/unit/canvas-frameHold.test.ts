/**
 * cyWorkarounds 8 and 9 (issue 24): holding cytoscape's frames back while render.ts computes a
 * large drawing's bounds in slices, and doing the first frame's leftovers beforehand. The page
 * side (a 1,024-NIC design opened in steps, fitted as before) is test/e2e/drawInSteps.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { holdFrames, prepareFrame } from '../../src/canvas/cyWorkarounds';

const source = (path: string): string => readFileSync(`node_modules/cytoscape/src/${path}`, 'utf8');

describe('what the frame hold relies on in cytoscape', () => {
  it('draws only when a frame is requested and not skipped, calls the hooks from the renderer\'s list, and flushes the queue from a hook when not drawing', () => {
    const redraw = source('extensions/renderer/base/redraw.mjs');
    expect(redraw).toContain('r.requestedFrame && !r.skipFrame');
    expect(redraw).toContain('var cbs = r.beforeRenderCallbacks;');
    expect(redraw).toContain('r.skipFrame = false;');
    expect(source('extensions/renderer/canvas/texture-cache-defs.mjs')).toMatch(/if\( !willDraw \)\{\s*r\.flushRenderedStyleQueue\(\);/);
    expect(source('extensions/renderer/base/coord-ele-math/z-ordering.mjs')).toContain('BRp.getCachedZSortedEles = function( forceRecalc ){');
  });
});

/** A stand-in renderer with what the hold reads and what the renderer's frame writes. */
function fakeCy() {
  const hook = { fn: () => {}, priority: 0 };
  const renderer: Record<string, unknown> = { skipFrame: false, beforeRenderCallbacks: [hook], flushes: 0, sorts: 0 };
  renderer.flushRenderedStyleQueue = () => void (renderer.flushes = (renderer.flushes as number) + 1);
  renderer.getCachedZSortedEles = () => void (renderer.sorts = (renderer.sorts as number) + 1);
  return { cy: { renderer: () => renderer } as unknown as Core, renderer, hook };
}

describe('holdFrames (8)', () => {
  it('makes every frame skip, with no hooks, while held — whatever the frame writes — and gives both back after', () => {
    const { cy, renderer, hook } = fakeCy();
    const hold = holdFrames(cy);
    expect([renderer.skipFrame, renderer.beforeRenderCallbacks]).toEqual([false, [hook]]);
    hold.set(true);
    expect(hold.held()).toBe(true);
    expect([renderer.skipFrame, renderer.beforeRenderCallbacks]).toEqual([true, []]);
    renderer.skipFrame = false; // the end of every frame
    expect(renderer.skipFrame).toBe(true);
    hold.set(false);
    expect([renderer.skipFrame, renderer.beforeRenderCallbacks]).toEqual([false, [hook]]);
    // cytoscape's own skip still counts when not held.
    renderer.skipFrame = true;
    expect(renderer.skipFrame).toBe(true);
  });

  it('holds nothing without a renderer (headless)', () => {
    const hold = holdFrames({ renderer: () => undefined } as unknown as Core);
    hold.set(true);
    expect(hold.held()).toBe(false);
  });
});

describe('prepareFrame (9)', () => {
  it('flushes the queue, then sorts, one step per call, then reports there is nothing left', () => {
    const { cy, renderer } = fakeCy();
    expect(prepareFrame(cy, 0)).toBe(true);
    expect([renderer.flushes, renderer.sorts]).toEqual([1, 0]);
    expect(prepareFrame(cy, 1)).toBe(true);
    expect([renderer.flushes, renderer.sorts]).toEqual([1, 1]);
    expect(prepareFrame(cy, 2)).toBe(false);
    expect(prepareFrame({ renderer: () => undefined } as unknown as Core, 0)).toBe(false);
  });
});

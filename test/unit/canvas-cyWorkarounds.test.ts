/**
 * The cytoscape workarounds (src/canvas/cyWorkarounds.ts): they were read against one cytoscape
 * release, and this file fails as soon as another one is installed or declared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CHECKED_CYTOSCAPE_VERSION, detachWheelZoom, disableActivation, holdBackgrounding, narrowHitTest } from '../../src/canvas/cyWorkarounds';
import type { Box } from '../../src/canvas/geometry';

const root = resolve(__dirname, '../..');
const json = (path: string): { version?: string; dependencies?: Record<string, string> } => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

describe('the cytoscape the workarounds were checked on', () => {
  it('is the one installed', () => {
    // The package's "exports" hide its package.json from import: read the file.
    expect(json('node_modules/cytoscape/package.json').version).toBe(CHECKED_CYTOSCAPE_VERSION);
  });

  it('is the exact version package.json asks for (no range)', () => {
    expect(json('package.json').dependencies?.cytoscape).toBe(CHECKED_CYTOSCAPE_VERSION);
  });

  it('still has what the workarounds patch', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: [{ data: { id: 'a' } }] });
    const proto = Object.getPrototypeOf(cy.collection()) as Record<string, unknown>;
    expect(typeof proto.interactive).toBe('function');
    holdBackgrounding(cy);
    cy.add({ data: { id: 'b' } });
    const p = (cy.getElementById('b') as unknown as { _private: { backgrounding: boolean } })._private;
    p.backgrounding = true;
    expect(p.backgrounding).toBe(false);
    disableActivation(cy);
    (cy.getElementById('a') as unknown as { activate(): void }).activate();
    expect(cy.getElementById('a').active()).toBe(false);
    cy.destroy();
  });
});

/** A stand-in for cytoscape's renderer: its hit test reports the elements it was given, in order. */
function fakeCy(ids: string[], zoom = 1) {
  const eles = Object.assign(
    ids.map((id) => ({ id: () => id })),
    { interactive: ids.map((id) => ({ id: () => id })) },
  );
  type Ele = { id(): string };
  interface FakeRenderer {
    getCachedZSortedEles(): Ele[] & { interactive: Ele[] };
    findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): string[];
  }
  const renderer: FakeRenderer = {
    getCachedZSortedEles: () => eles,
    findNearestElements(this: FakeRenderer, _x: number, _y: number, interactiveOnly: boolean): string[] {
      const list = this.getCachedZSortedEles();
      return (interactiveOnly ? list.interactive : list).map((e) => e.id());
    },
  };
  const cy = { renderer: () => renderer, zoom: () => zoom } as unknown as Core;
  return { cy, renderer };
}

const box = (x1: number, y1: number, x2: number, y2: number): Box => ({ x1, y1, x2, y2 });

describe('narrowHitTest', () => {
  it("runs cytoscape's test on the elements whose box holds the point (plus a margin), in their order", () => {
    const { cy, renderer } = fakeCy(['site', 'a', 'b', 'c', 'unknown']);
    const boxes = new Map([
      ['site', box(0, 0, 1000, 1000)],
      ['a', box(0, 0, 100, 100)],
      ['b', box(500, 500, 600, 600)],
      ['c', box(120, 0, 200, 100)],
    ]);
    narrowHitTest(cy, () => boxes);
    expect(renderer.findNearestElements(50, 50, true, false)).toEqual(['site', 'a', 'unknown']);
    // 24 px of tolerance at zoom 1 (+4): a point 20 px right of a's box still tests a, and c.
    expect(renderer.findNearestElements(110, 50, false, false)).toEqual(['site', 'a', 'c', 'unknown']);
    // The renderer's own list is put back.
    expect(renderer.getCachedZSortedEles().map((e) => e.id())).toEqual(['site', 'a', 'b', 'c', 'unknown']);
  });

  it('tests everything while our boxes are stale (null), and widens the margin when zoomed out', () => {
    const { cy, renderer } = fakeCy(['a', 'b'], 0.1);
    let boxes: Map<string, Box> | null = null;
    narrowHitTest(cy, () => boxes);
    expect(renderer.findNearestElements(5000, 5000, false, false)).toEqual(['a', 'b']);
    boxes = new Map([
      ['a', box(0, 0, 100, 100)],
      ['b', box(1000, 1000, 1100, 1100)],
    ]);
    expect(renderer.findNearestElements(300, 50, false, false)).toEqual(['a']); // 244 units of margin at zoom 0.1
  });
});


describe('detachWheelZoom (7)', () => {
  // The renderer as 3.34.4 keeps it: `bindings` records every listener it added (load-listeners.mjs, `binder`).
  const fake = () => {
    const container = new EventTarget();
    const heard: string[] = [];
    const wheel = () => heard.push('wheel');
    const down = () => heard.push('mousedown');
    const opts = { capture: true, passive: false, once: false };
    container.addEventListener('wheel', wheel, opts);
    container.addEventListener('mousedown', down, opts);
    const bindings = [
      { target: container, args: ['mousedown', down, opts] },
      { target: container, args: ['wheel', wheel, opts] },
    ];
    const cy = { renderer: () => ({ container, bindings }) } as unknown as Core;
    return { cy, container, heard, bindings };
  };

  it("removes cytoscape's wheel listener on the container and nothing else", () => {
    const { cy, container, heard } = fake();
    expect(detachWheelZoom(cy)).toBe(true);
    container.dispatchEvent(new Event('wheel'));
    container.dispatchEvent(new Event('mousedown'));
    expect(heard).toEqual(['mousedown']);
  });

  it('reports false and leaves everything when there is no wheel binding (headless, another cytoscape)', () => {
    const { cy, container, heard, bindings } = fake();
    bindings.splice(1, 1);
    expect(detachWheelZoom(cy)).toBe(false);
    container.dispatchEvent(new Event('wheel'));
    expect(heard).toEqual(['wheel']);
    expect(detachWheelZoom(cytoscape({ headless: true }))).toBe(false);
  });
});

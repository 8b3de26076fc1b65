import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { buildDiagram } from '../../src/canvas/elements';
import { computeGeometry, estimateBoxes, type Box } from '../../src/canvas/geometry';
import { drawnBoxes, installHitTest } from '../../src/canvas/hitTest';
import { autoLayout } from '../../src/canvas/layout';

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

describe('installHitTest', () => {
  it("runs cytoscape's test on the elements whose box holds the point (plus a margin), in their order", () => {
    const { cy, renderer } = fakeCy(['site', 'a', 'b', 'c', 'unknown']);
    const boxes = new Map([
      ['site', box(0, 0, 1000, 1000)],
      ['a', box(0, 0, 100, 100)],
      ['b', box(500, 500, 600, 600)],
      ['c', box(120, 0, 200, 100)],
    ]);
    installHitTest(cy, () => boxes);
    expect(renderer.findNearestElements(50, 50, true, false)).toEqual(['site', 'a', 'unknown']);
    // 24 px of tolerance at zoom 1 (+4): a point 20 px right of a's box still tests a, and c.
    expect(renderer.findNearestElements(110, 50, false, false)).toEqual(['site', 'a', 'c', 'unknown']);
    // The renderer's own list is put back.
    expect(renderer.getCachedZSortedEles().map((e) => e.id())).toEqual(['site', 'a', 'b', 'c', 'unknown']);
  });

  it('tests everything while our boxes are stale (null), and widens the margin when zoomed out', () => {
    const { cy, renderer } = fakeCy(['a', 'b'], 0.1);
    let boxes: Map<string, Box> | null = null;
    installHitTest(cy, () => boxes);
    expect(renderer.findNearestElements(5000, 5000, false, false)).toEqual(['a', 'b']);
    boxes = new Map([
      ['a', box(0, 0, 100, 100)],
      ['b', box(1000, 1000, 1100, 1100)],
    ]);
    expect(renderer.findNearestElements(300, 50, false, false)).toEqual(['a']); // 244 units of margin at zoom 0.1
  });
});

describe('drawnBoxes', () => {
  it.each(EXAMPLES.map((e) => [e.id, e]))('%s: every element has a hit box; an edge’s runs along its line between its ends', (_id, ex) => {
    const r = parseTopology(ex.document);
    if (!r.ok) throw new Error('example does not parse');
    const model = buildDiagram(r.topology);
    const positions = autoLayout(model).positions;
    const geometry = computeGeometry(model, positions);
    const { hit, drawn } = drawnBoxes(model, positions, geometry);
    const estimated = estimateBoxes(model, positions, geometry);
    for (const n of model.nodes) {
      expect(drawn.get(n.id), n.id).toEqual(estimated.get(n.id)!.box);
      expect(hit.get(n.id), n.id).toEqual(estimated.get(n.id)!.outer);
    }
    // An edge's box runs along its line, from the border of one end to the border of the other.
    const touches = (a: Box, b: Box): boolean => a.x1 <= b.x2 + 1 && b.x1 <= a.x2 + 1 && a.y1 <= b.y2 + 1 && b.y1 <= a.y2 + 1;
    for (const e of model.edges) {
      const b = hit.get(e.id)!;
      for (const end of [e.source, e.target]) expect(touches(b, drawn.get(end)!), `${e.id} reaches ${end}`).toBe(true);
      if (geometry.ends.get(e.id)!.source !== 'outside-to-node') expect(b.x2 - b.x1, `${e.id} is a vertical drop`).toBeLessThan(1);
    }
  });
});

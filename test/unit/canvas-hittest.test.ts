import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { buildDiagram } from '../../src/canvas/elements';
import { computeGeometry, estimateBoxes, type Box } from '../../src/canvas/geometry';
import { drawnBoxes } from '../../src/canvas/hitTest';
import { autoLayout } from '../../src/canvas/diagramLayout';

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

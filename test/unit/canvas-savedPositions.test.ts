/** Which positions a layout saves: one rule (savedPositions, src/canvas/placement/positions.ts) for Auto layout, pinning and a drag. */
import { describe, expect, it } from 'vitest';
import { autoLayoutDocument, pinnedLayout } from '../../src/canvas/canvasApi';
import { autoLayout, positionsAfterMove, savedPositions } from '../../src/canvas/diagramLayout';
import { computeGeometry, estimateBoxes, centre } from '../../src/canvas/geometry';
import { modelOf } from '../../src/canvas/viewDeriver';
import { parseTopology } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';

describe('savedPositions', () => {
  const parsed = parseTopology(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
  if (!parsed.ok) throw new Error('example');
  const m = modelOf(parsed.topology);
  const auto = autoLayout(m).positions;
  const geo = computeGeometry(m, auto);
  const saved = savedPositions(m, auto);

  it('puts bars at their drops, compounds at their centres, rounded, and no transit subnet', () => {
    for (const [id, bus] of geo.buses) expect(saved[id]?.x, id).toBe(Math.round(bus.x));
    for (const [id, b] of estimateBoxes(m, auto, geo)) if (m.children.has(id)) expect(saved[id], id).toEqual({ x: Math.round(centre(b.box).x), y: Math.round(centre(b.box).y) });
    expect(Object.keys(saved).some((id) => m.byId.get(id)?.kind === 'transit')).toBe(false);
    for (const p of Object.values(saved)) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });

  it('is what Auto layout, pinning an unsaved drawing and a drag save', () => {
    expect(autoLayoutDocument(m)).toEqual(saved);
    expect(pinnedLayout(m, auto, {})).toEqual(saved);
    expect(pinnedLayout(m, auto, saved)).toBeNull();
    const centres = new Map([...estimateBoxes(m, auto, geo)].filter(([id]) => m.children.has(id)).map(([id, b]) => [id, centre(b.box)]));
    expect(positionsAfterMove(m, auto, centres)).toEqual(saved);
  });
});

/** The canvas gestures' decisions on a headless cytoscape driven by the real adapter. */
import type { NodeSingular } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { createAdapter, type CanvasAdapter } from '../../src/canvas/adapter';
import { chooseDropSpot, dropEdit, type DropView } from '../../src/canvas/gestures/drop';
import type { Box } from '../../src/canvas/geometry';
import { nodeBox as boxOf } from '../../src/canvas/gestures/hit';
import { reparentEdits } from '../../src/canvas/gestures/reparent';
import { createAppStore, type AppStore } from '../../src/store/appStore';
import { readFixture } from './helpers';

let adapter: CanvasAdapter | null = null;
afterEach(() => {
  adapter?.destroy();
  adapter = null;
});

function mount(doc: TopologyDocument): { store: AppStore; adapter: CanvasAdapter } {
  const store = createAppStore({ document: doc });
  adapter = createAdapter({ container: null as unknown as HTMLElement, store, headless: true });
  return { store, adapter };
}
const centre = (b: Box) => ({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 });
const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;

describe('palette drop', () => {
  it('puts a node or router into the site under the pointer and a NIC onto the node under it', () => {
    const { adapter } = mount(twoSite());
    const cy = adapter.cy;
    const siteB = centre(boxOf(cy.getElementById('site-b') as NodeSingular));
    expect(dropEdit(cy, 'node', siteB)).toMatchObject({ type: 'add-node', site: 'site-b' });
    expect(dropEdit(cy, 'router', siteB)).toMatchObject({ type: 'add-router', site: 'site-b' });
    const nic = cy.getElementById('n1-lm').position();
    expect(dropEdit(cy, 'nic', nic)).toMatchObject({ type: 'add-nic', node: 'n1' });
    const far = { x: 1e5, y: 1e5 };
    expect(dropEdit(cy, 'node', far)).toMatchObject({ type: 'add-node', site: null, position: far });
    expect(dropEdit(cy, 'nic', far)).toEqual({ error: 'Drop a NIC onto a node: it belongs to the node it is dropped on.' });
  });

  it('nudges a drop that lands on another element to a free spot', () => {
    const { adapter } = mount(twoSite());
    const cy = adapter.cy;
    const on = cy.getElementById('lm-a').position();
    const edit = dropEdit(cy, 'network', on);
    expect('position' in edit && edit.position).not.toEqual({ x: Math.round(on.x), y: Math.round(on.y) });
  });
});

describe('a palette drop stays in sight (issue 17, defect 11)', () => {
  // A host box (label included) at the origin; a new node is 120 × 50, kept 10 clear of anything.
  const host: Box = { x1: -97, y1: -51, x2: 97, y2: 29 };
  // The canvas shows x -300…150, y -200…300; the palette floats over its left strip (x up to -100).
  const view: DropView = { visible: { x1: -300, y1: -200, x2: 150, y2: 300 }, floating: { x1: -300, y1: -200, x2: -100, y2: 300 } };

  it.each<[string, { x: number; y: number }, Box[], DropView | undefined, { x: number; y: number }]>([
    // Without a view (the old rule): beside the host, x ±140 still touch it (grown box 70…210 vs 97),
    // so the node goes to x 280 — its box 220…340 is off the canvas (right edge 150).
    ['on a node, no view: the next free place in the row', { x: 0, y: 0 }, [host], undefined, { x: 280, y: 0 }],
    // With the view: x 140 and 280 leave the canvas, x -140 covers the host and the palette: the row
    // below, y 0 + 50 + 4·10 = 90 (grown box y 55…125 clears the host's 29), x 0 (grown -70…70, clear of the palette's -100).
    ['on a node near the right edge: the row below, in sight', { x: 0, y: 0 }, [host], view, { x: 0, y: 90 }],
    // Dropped on empty canvas half over the right edge: pulled in to x 150 - 60 - 10 = 80.
    ['half over the right edge: pulled in', { x: 140, y: 200 }, [], view, { x: 80, y: 200 }],
    // Dropped against the palette (its grown box -130…10 reaches under it, edge -100): the next place
    // in the row, x -60 + 120 + 2·10 = 80 (grown 10…150: clear of the palette, inside the canvas).
    ['against the palette: clear of it', { x: -60, y: 200 }, [], view, { x: 80, y: 200 }],
    // A canvas too small for the node: the rule without the view.
    ['a canvas too small: where dropped', { x: 0, y: 0 }, [], { visible: { x1: 0, y1: 0, x2: 50, y2: 20 }, floating: null }, { x: 0, y: 0 }],
  ])('%s', (_name, p, obstacles, v, expected) => {
    expect(chooseDropSpot(p, 120, 50, obstacles, true, v)).toEqual(expected);
  });

  it('a node dropped on another node of the drawn canvas lands wholly in sight, on nothing, clear of the palette', () => {
    const { adapter } = mount(twoSite());
    const cy = adapter.cy;
    const n1 = boxOf(cy.getElementById('n1') as NodeSingular);
    // The canvas ends just right of HV01; the palette covers everything left of it.
    const v = { visible: { x1: n1.x1 - 400, y1: n1.y1 - 300, x2: n1.x2 + 40, y2: n1.y2 + 600 }, floating: { x1: n1.x1 - 400, y1: n1.y1 - 300, x2: n1.x1 - 5, y2: n1.y2 + 600 } };
    const edit = dropEdit(cy, 'node', centre(n1), v);
    if (!('position' in edit) || !edit.position) throw new Error('no position');
    const b = { x1: edit.position.x - 60, y1: edit.position.y - 25, x2: edit.position.x + 60, y2: edit.position.y + 25 };
    expect(b.x1 >= v.visible.x1 && b.x2 <= v.visible.x2 && b.y1 >= v.visible.y1 && b.y2 <= v.visible.y2, JSON.stringify(b)).toBe(true);
    expect(b.x1 >= v.floating.x2, 'clear of the palette').toBe(true);
    const over = cy.nodes().filter((n) => !n.isParent() && !n.hasClass('site') && (() => { const o = boxOf(n); return o.x1 < b.x2 && b.x1 < o.x2 && o.y1 < b.y2 && b.y1 < o.y2; })());
    expect(over.map((n) => n.id())).toEqual([]);
  });
});

describe('re-parenting after a drag', () => {
  it('moves a node dropped inside another site, keeping it where it was dropped, as one batch', () => {
    const { store, adapter } = mount(twoSite());
    const cy = adapter.cy;
    const boxes = new Map<string, Box>();
    cy.nodes('.site, .host').forEach((n) => {
      boxes.set(n.id(), boxOf(n));
    });
    // Drag HV01 (its NICs) into the middle of site B.
    const target = centre(boxes.get('site-b')!);
    const from = cy.getElementById('n1').position();
    cy.getElementById('n1').descendants().forEach((d) => {
      d.position({ x: d.position().x + target.x - from.x, y: d.position().y + target.y - from.y });
    });
    const edits = reparentEdits(cy, store.getState().design, new Set(['n1']), boxes);
    expect(edits[0]).toEqual({ type: 'move', ids: ['n1'], to: 'site-b' });
    expect(edits[1]).toMatchObject({ type: 'set-positions' });
    expect(Object.keys((edits[1] as { positions: object }).positions).sort()).toEqual(['n1-lm', 'n1-mgmt', 'site-a']);
    const r = store.getState().actions.edit({ type: 'batch', edits });
    expect(r.ok).toBe(true);
    expect(store.getState().design.index.nodes.get('n1')!.site).toBe('site-b');
    expect(store.getState().past).toHaveLength(1);
  });

  it('asks for nothing when a node stays in its own site', () => {
    const { store, adapter } = mount(twoSite());
    const cy = adapter.cy;
    const boxes = new Map<string, Box>();
    cy.nodes('.site, .host').forEach((n) => {
      boxes.set(n.id(), boxOf(n));
    });
    expect(reparentEdits(cy, store.getState().design, new Set(['n1', 'n1-lm']), boxes)).toEqual([]);
  });

  it('a drag into another site is one store edit: the positions and the move, one undo step', () => {
    const { store, adapter } = mount(twoSite());
    const cy = adapter.cy;
    const before = store.getState().document;
    const n1 = cy.getElementById('n1') as NodeSingular;
    const target = centre(boxOf(cy.getElementById('site-b') as NodeSingular));
    const from = n1.position();
    // cytoscape's order: press, a first move (before anything shifts), the shift with a drag event per node, release, dragfree per node.
    n1.emit('tapstart');
    n1.emit('tapdrag');
    n1.descendants().forEach((d) => {
      d.position({ x: d.position().x + target.x - from.x, y: d.position().y + target.y - from.y });
    });
    // cytoscape drags the grabbed node with its descendants, and reports each.
    const dragged = n1.union(n1.descendants());
    dragged.forEach((d) => {
      d.emit('drag');
    });
    n1.emit('tapend');
    dragged.forEach((d) => {
      d.emit('dragfree');
    });
    const s = store.getState();
    expect(s.design.index.nodes.get('n1')!.site).toBe('site-b');
    expect(s.past).toEqual([before]);
    expect(s.document.layout?.['n1-lm']).toBeDefined();
    s.actions.undo();
    expect(store.getState().document).toBe(before);
  });

  it('a drag that stays in its site saves the positions only (one edit)', () => {
    const { store, adapter } = mount(twoSite());
    const cy = adapter.cy;
    const nic = cy.getElementById('n1-lm') as NodeSingular;
    nic.emit('tapstart');
    nic.emit('tapdrag');
    nic.position({ x: nic.position().x + 3, y: nic.position().y });
    nic.emit('drag');
    nic.emit('tapend');
    nic.emit('dragfree');
    const s = store.getState();
    expect(s.past).toHaveLength(1);
    expect(s.document.layout?.['n1-lm']?.x).toBe(Math.round(nic.position().x));
    expect(s.design.index.nics.get('n1-lm')!.node).toBe('n1');
  });
});

/** The canvas gestures' decisions on a headless cytoscape driven by the real adapter. */
import type { NodeSingular } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { createAdapter, type CanvasAdapter } from '../../src/canvas/adapter';
import { dropEdit } from '../../src/canvas/gestures/drop';
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

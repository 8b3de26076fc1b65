/**
 * Issue 24: a rename keeps the drawing's positions when the layout cannot see the new name
 * (src/canvas/scale.ts `drawingOf`, `layoutShape`). A node renamed on the largest design laid the
 * whole design out again (≈ 0.3–1 s) although it moved nothing. Every kept drawing must be the one
 * a fresh layout gives (the same positions), and a name that no longer fits its row of NIC tiles
 * (which the layout does read) is laid out again.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Topology } from '../../src/engine';
import type { Edit } from '../../src/engine/edit';
import { topologyAfter, topologyOf } from '../topologyOf';
import { drawingOf, type Drawing } from '../../src/canvas/scale';
import { createViewDeriver } from '../../src/canvas/viewDeriver';
import { createAppStore } from '../../src/store/appStore';
import { generateTwoSiteCluster, spreadVms } from '../generate';

const parsed = topologyOf;
const after = topologyAfter;

const compact = generateTwoSiteCluster({ nodesPerSite: 8, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: '16 nodes' });
compact.vms = spreadVms(compact.nodes!, 64);
const small = generateTwoSiteCluster({ nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: '4 nodes' });
const other = parsed(generateTwoSiteCluster({ nodesPerSite: 3, lmNetworksPerSite: 1, storageNetworksPerSite: 2, routersPerSite: 1, name: 'other' }));

/** The drawing a topology gets with no drawing before it (another design drawn in between). */
function fresh(t: Topology): Drawing {
  drawingOf(other);
  return drawingOf(t);
}

const entries = (m: ReadonlyMap<string, { x: number; y: number }>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('a rename keeps the drawing', () => {
  it('keeps every position of the compact drawing when a node gets a name within its row (no layout)', () => {
    const before = fresh(parsed(compact));
    expect(before.model.metrics.kind).toBe('compact');
    const id = compact.nodes![0]!.id;
    const renamed = drawingOf(after(compact, { type: 'update-node', id, patch: { name: 'Renamed' } }));
    expect(renamed).not.toBe(before);
    expect(renamed.model.byId.get(id)!.lines[0]).toBe('Renamed');
    // The same automatic layout, not a new one equal to it: no layout ran.
    expect(renamed.auto).toBe(before.auto);
    expect(renamed.model.metrics).toEqual(before.model.metrics);
    expect(entries(fresh(after(compact, { type: 'update-node', id, patch: { name: 'Renamed' } })).auto)).toEqual(entries(before.auto));
  });

  it('keeps the full drawing too when a node or a NIC is renamed and the boxes keep their sizes', () => {
    const before = fresh(parsed(small));
    expect(before.model.metrics.kind).toBe('full');
    const node = small.nodes![0]!;
    const kept = drawingOf(after(small, { type: 'update-node', id: node.id, patch: { name: node.name.slice(0, -1) } }));
    expect(kept.auto).toBe(before.auto);
  });

  it('lays the design out again when a name no longer fits its row of NIC tiles, as a fresh layout would', () => {
    const before = fresh(parsed(compact));
    const id = compact.nodes![0]!.id;
    const edit: Edit = { type: 'update-node', id, patch: { name: 'A much longer name than its row of NIC tiles can hold, by far' } };
    const long = drawingOf(after(compact, edit));
    expect(long.auto).not.toBe(before.auto);
    expect(entries(long.auto)).toEqual(entries(fresh(after(compact, edit)).auto));
  });

  it('keeps the positions the view derives (the canvas applies no move)', () => {
    const store = createAppStore({ document: structuredClone(compact) });
    const derive = createViewDeriver();
    const before = derive(store.getState());
    expect(store.getState().actions.edit({ type: 'update-node', id: compact.nodes![1]!.id, patch: { name: 'HV-X' } }).ok).toBe(true);
    const view = derive(store.getState());
    expect(view.model).not.toBe(before.model);
    expect(view.positions).toBe(before.positions);
    expect(view.auto).toBe(before.auto);
  });
});

// Any rename of any element, short or long: the drawing is the one a fresh layout gives.
const kinds = ['sites', 'nodes', 'nics', 'networks', 'routers'] as const;
const type = { sites: 'update-site', nodes: 'update-node', nics: 'update-nic', networks: 'update-network', routers: 'update-router' } as const;
test.prop([fc.constantFrom(compact, small), fc.constantFrom(...kinds), fc.nat(), fc.constantFrom('X', 'HV02', 'Renamed', 'Storage network with a long name', 'W'.repeat(40), 'iiii')], { numRuns: 25 })(
  'any rename gives the positions of a fresh layout',
  (doc, kind, k, name) => {
    const list = doc[kind]!;
    const el = list[k % list.length]!;
    const edit = { type: type[kind], id: el.id, patch: { name } } as Edit;
    fresh(parsed(doc));
    const renamed = drawingOf(after(doc, edit));
    const again = fresh(after(doc, edit));
    expect(entries(renamed.auto)).toEqual(entries(again.auto));
    expect(renamed.model.metrics).toEqual(again.model.metrics);
    expect(JSON.stringify(renamed.model.nodes)).toBe(JSON.stringify(again.model.nodes));
  },
);

/**
 * Issue 24: an edit that changes nothing drawn gives the canvas the view it already applied — the
 * same model, positions and decorations objects — so render.ts applies nothing. A VM's memory on
 * the largest design restyled all 10,000 elements (a new highlight map with the same contents).
 */
import { describe, expect, it } from 'vitest';
import { createViewDeriver, sameDecorations } from '../../src/canvas/viewDeriver';
import { createAppStore } from '../../src/store/appStore';
import { generateTwoSiteCluster, spreadVms } from '../generate';

function cluster() {
  const doc = generateTwoSiteCluster({ nodesPerSite: 8, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: '16 nodes' });
  doc.vms = spreadVms(doc.nodes!, 64);
  return doc;
}

describe('the view after an edit that changes nothing drawn', () => {
  it("is the same objects after a VM's memory, with a pair lit and without", () => {
    for (const pair of [null, ['a01', 'b01'] as [string, string]]) {
      const doc = cluster();
      const store = createAppStore({ document: doc, pair: pair ?? undefined });
      const derive = createViewDeriver();
      const before = derive(store.getState());
      const design = store.getState().design;
      const vm = doc.vms![0]!;
      expect(store.getState().actions.edit({ type: 'update-vm', id: vm.id, patch: { memoryGB: vm.memoryGB + 1 } }).ok).toBe(true);
      const after = derive(store.getState());
      expect(store.getState().design).not.toBe(design); // a new topology was made
      expect(after.model).toBe(before.model);
      expect(after.positions).toBe(before.positions);
      expect(after.decorations).toBe(before.decorations);
    }
  });

  it('is new decorations when the highlight changes (a failed network, another pair), equal again after restoring', () => {
    const store = createAppStore({ document: cluster(), pair: ['a01', 'b01'] });
    const derive = createViewDeriver();
    const before = derive(store.getState()).decorations;
    store.getState().actions.toggleFailed('lm-a1');
    const failed = derive(store.getState()).decorations;
    expect(failed).not.toBe(before);
    expect(sameDecorations(before, failed)).toBe(false);
    store.getState().actions.restoreAll();
    expect(derive(store.getState()).decorations).not.toBe(failed);
    expect(sameDecorations(before, derive(store.getState()).decorations)).toBe(true);
  });
});

describe('sameDecorations', () => {
  const d = (classes: string, label = '') => ({ classes, label });
  it('compares every element’s classes and label, and the elements themselves', () => {
    expect(sameDecorations(new Map([['a', d('x')]]), new Map([['a', d('x')]]))).toBe(true);
    expect(sameDecorations(new Map([['a', d('x')]]), new Map([['a', d('y')]]))).toBe(false);
    expect(sameDecorations(new Map([['a', d('x', '1')]]), new Map([['a', d('x', '2')]]))).toBe(false);
    expect(sameDecorations(new Map([['a', d('x')]]), new Map([['b', d('x')]]))).toBe(false);
    expect(sameDecorations(new Map([['a', d('x')]]), new Map([['a', d('x')], ['b', d('x')]]))).toBe(false);
  });
});

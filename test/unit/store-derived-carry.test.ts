/**
 * Issue 24: the all-pairs result and the checks of a design are kept across an edit that changes
 * nothing they come from (a VM, a position, the name): each VM edit of the largest design
 * computed them again (1 s). Any other edit computes them again, and the results equal a fresh store's.
 */
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { createAppStore } from '../../src/store/appStore';
import { allPairs, checks } from '../../src/store/derived';
import { readFixture } from './helpers';

const withVms = () => readFixture('switchless-3-node-vms.json') as TopologyDocument;

describe('all pairs and checks across edits', () => {
  it('are the same objects after a VM edit, a move on the diagram and a rename of the design', () => {
    const store = createAppStore({ document: withVms() });
    const all = allPairs(store.getState());
    const found = checks(store.getState());
    const { actions } = store.getState();
    const vm = store.getState().design.vms[0]!;
    actions.edit({ type: 'update-vm', id: vm.id, patch: { memoryGB: vm.memoryGB + 1 } });
    actions.edit({ type: 'set-positions', positions: { n1: { x: 5, y: 5 } } });
    actions.edit({ type: 'update-topology', patch: { name: 'Renamed' } });
    expect(allPairs(store.getState())).toBe(all);
    expect(checks(store.getState())).toBe(found);
  });

  it('are computed again after an edit of what they come from, and equal those of a fresh store', () => {
    const store = createAppStore({ document: withVms() });
    const all = allPairs(store.getState());
    const found = checks(store.getState());
    const { actions } = store.getState();
    actions.edit({ type: 'update-node', id: 'n2', patch: { state: 'down' } });
    expect(allPairs(store.getState())).not.toBe(all);
    expect(checks(store.getState())).not.toBe(found);
    actions.edit({ type: 'set-planning', planning: { unknownSpeedGbps: 5 } });
    const fresh = createAppStore({ document: store.getState().document });
    expect(checks(store.getState())).toEqual(checks(fresh.getState()));
    const a = allPairs(store.getState());
    const b = allPairs(fresh.getState());
    expect(a.pairCount).toBe(b.pairCount);
    for (let k = 0; k < a.pairCount; k++) expect(a.outcome(k)).toEqual(b.outcome(k));
  });
});

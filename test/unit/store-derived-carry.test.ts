/**
 * Issue 24: the all-pairs result and the checks of a design are kept across an edit that changes
 * nothing they come from (a VM, a position, the name): each VM edit of the largest design
 * computed them again (1 s). A rename keeps the all-pairs result (ids and numbers only) and words
 * the checks again (round 4: a node renamed on the largest design computed all pairs again, ≈ 90 ms),
 * unless it changes the preference order (names break its ties). Any other edit computes them
 * again, and the results equal a fresh store's.
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

  /** The store's all pairs and checks equal those of a store opened on its document. */
  const expectFresh = (store: ReturnType<typeof createAppStore>): void => {
    const fresh = createAppStore({ document: store.getState().document });
    expect(checks(store.getState())).toEqual(checks(fresh.getState()));
    const a = allPairs(store.getState());
    const b = allPairs(fresh.getState());
    expect(a.nodeIds).toEqual(b.nodeIds);
    expect(a.summary).toEqual(b.summary);
    for (let k = 0; k < a.pairCount; k++) expect(a.outcome(k)).toEqual(b.outcome(k));
  };

  it('keep the all-pairs result across renames of a node, a NIC, a router and a network that keeps its place; the checks are worded again', () => {
    const store = createAppStore({ document: withVms() });
    const all = allPairs(store.getState());
    let found = checks(store.getState());
    const { actions } = store.getState();
    const renames = [
      { type: 'update-node', id: 'n1', patch: { name: 'Renamed node' } },
      { type: 'update-nic', id: 'n1-mgmt', patch: { name: 'Renamed NIC' } },
      { type: 'update-router', id: 'gw', patch: { name: 'Renamed router' } },
      // 'Direct 1-2' sorts before 'Direct 1-3' under either name: the preference order stays.
      { type: 'update-network', id: 'link-12', patch: { name: 'Direct 1-2 (renamed)' } },
    ] as const;
    for (const edit of renames) {
      actions.edit(edit);
      expect(store.getState().effective).not.toBe(store.getState().design.document); // (a new topology each time)
      expect(allPairs(store.getState())).toBe(all);
      const now = checks(store.getState());
      expect(now).not.toBe(found);
      found = now;
    }
    expect(JSON.stringify(found)).toContain('Renamed node');
    expectFresh(store);
  });

  it('compute all pairs again when a network rename changes the preference order, or with the rename any other change', () => {
    // No explicit order and one metric for the three links: they go by name, but the cluster's own
    // network (the lowest metric, then name: 'Direct 1-2') goes last.
    const doc = withVms();
    doc.liveMigration = { ...doc.liveMigration, networkOrder: [] };
    doc.networks = doc.networks!.map((n) => (n.id === 'mgmt' ? n : { ...n, metric: 18_301 }));
    const store = createAppStore({ document: doc });
    const { actions } = store.getState();
    const first = allPairs(store.getState());
    actions.edit({ type: 'update-network', id: 'link-23', patch: { name: 'Direct 2-3 b' } }); // the order stays
    const all = allPairs(store.getState());
    expect(all).toBe(first);
    expect(store.getState().design.clusterNetworkId).toBe('link-12');
    // 'Direct 1-2' → 'Zz': 'Direct 1-3' becomes the cluster's own network and goes last.
    const order = store.getState().design.preferenceOrder;
    actions.edit({ type: 'update-network', id: 'link-12', patch: { name: 'Zz' } });
    expect(store.getState().design.preferenceOrder).not.toEqual(order);
    const after = allPairs(store.getState());
    expect(after).not.toBe(all);
    expectFresh(store);
    actions.edit({ type: 'update-node', id: 'n1', patch: { name: 'Renamed', state: 'down' } });
    expect(allPairs(store.getState())).not.toBe(after);
    expectFresh(store);
  });
});

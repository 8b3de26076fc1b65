/** The pair's selection is computed once and shared by the canvas and the panels (src/store/selectors.ts). */
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { createViewDeriver } from '../../src/canvas/viewDeriver';
import { createAppStore } from '../../src/store/appStore';
import { activeSelection, allPairs, checks, pairSelections } from '../../src/store/derived';
import { readFixture } from './helpers';

const twoSite = () => readFixture('two-site-routed.json') as TopologyDocument;

describe('pair selection selectors', () => {
  it('give the canvas and the panels the same object, recomputed only when an input changes', () => {
    const store = createAppStore({ document: twoSite(), pair: ['n1', 'n3'] });
    const s = store.getState();
    const both = pairSelections(s)!;
    expect(both.ws2025.mode).toBe('ws2025');
    expect(both.legacy.mode).toBe('legacy');
    // Same state, same answer; the canvas's view holds the very same selection.
    expect(pairSelections(store.getState())).toBe(both);
    expect(activeSelection(s)).toBe(both.ws2025);
    expect(createViewDeriver()(s).selection).toBe(both.ws2025);
    // The mode picks the other one, computing nothing.
    s.actions.setMode('legacy');
    expect(activeSelection(store.getState())).toBe(both.legacy);
    expect(pairSelections(store.getState())).toBe(both);
    // A failure, a timeout or another pair: a new selection.
    s.actions.toggleFailed('lm-a');
    expect(activeSelection(store.getState())).not.toBe(both.legacy);
    s.actions.restoreAll();
    expect(activeSelection(store.getState())).toBe(both.legacy); // the design itself again
    s.actions.setLegacyTimeout(30);
    expect(activeSelection(store.getState())).not.toBe(both.legacy);
    s.actions.setDestination(null);
    expect(pairSelections(store.getState())).toBeNull();
    expect(activeSelection(store.getState())).toBeNull();
  });

  it('keep one home per store: two stores read in turn keep their own objects', () => {
    // With one memo slot shared by every store, reading store B evicted store A's pair and the
    // next read of A built a new object (a re-render of everything subscribed to it).
    const a = createAppStore({ document: twoSite(), pair: ['n1', 'n3'] });
    const b = createAppStore({ document: twoSite(), pair: ['n2', 'n4'] });
    const pa = pairSelections(a.getState());
    const pb = pairSelections(b.getState());
    expect(pa).not.toBe(pb);
    expect(pairSelections(a.getState())).toBe(pa);
    expect(pairSelections(b.getState())).toBe(pb);
    expect(allPairs(a.getState())).toBe(allPairs(a.getState()));
    expect(allPairs(a.getState())).not.toBe(allPairs(b.getState()));
    expect(checks(a.getState())).toBe(checks(a.getState()));
  });
});

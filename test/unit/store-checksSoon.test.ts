/**
 * The design's checks can wait a task (issue 24, store load): `checksSoon` gives them when they are
 * known and otherwise computes them in a later task, so a load or an edit does not run all pairs
 * and the checks in its own task; a reader that needs them at once (`checks`) gets them at once,
 * and the later task then reuses them.
 */
import { describe, expect, it, vi } from 'vitest';
import type { TopologyDocument } from '../../src/engine';

// Counts the store's calls of the checks (the engine's own function runs).
const counted = vi.hoisted(() => ({ runChecks: 0, analyzeAllPairs: 0 }));
vi.mock('../../src/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../src/engine')>();
  return {
    ...engine,
    runChecks: (...args: Parameters<typeof engine.runChecks>) => {
      counted.runChecks++;
      return engine.runChecks(...args);
    },
    analyzeAllPairs: (...args: Parameters<typeof engine.analyzeAllPairs>) => {
      counted.analyzeAllPairs++;
      return engine.analyzeAllPairs(...args);
    },
  };
});

const { runChecks, pathTestOf } = await import('../../src/engine');
const { createAppStore } = await import('../../src/store/appStore');
const { checks, checksSoon, subscribeChecks } = await import('../../src/store/derived');
const { readFixture } = await import('./helpers');

/** The two-site example with a NIC's return route removed: a design with findings. */
function withoutReturnRoute(): TopologyDocument {
  const doc = structuredClone(readFixture('two-site-routed.json') as TopologyDocument);
  doc.nics!.find((n) => n.id === 'n3-lm')!.routes = [];
  return doc;
}

/** Until the listener has heard (all pairs and the checks take a task each when neither is known). */
const heardBy = (heard: ReturnType<typeof vi.fn>): Promise<void> => vi.waitFor(() => expect(heard).toHaveBeenCalled(), { interval: 1 });

describe('checksSoon', () => {
  it('computes nothing in the asking task, then the checks in a later one, telling the listeners once', async () => {
    const store = createAppStore({ document: readFixture('switched-4-node.json') as TopologyDocument });
    const heard = vi.fn();
    subscribeChecks(store.getState(), heard);
    counted.runChecks = 0;
    store.getState().actions.load(withoutReturnRoute());
    const s = store.getState();
    expect(checksSoon(s)).toBeNull();
    expect(checksSoon(s)).toBeNull(); // asked twice, still one task
    expect(counted.runChecks).toBe(0);
    await heardBy(heard);
    expect(counted.runChecks).toBe(1);
    expect(heard).toHaveBeenCalledTimes(1);
    const found = checksSoon(s)!;
    expect(found).not.toBeNull();
    expect(found).toBe(checks(s)); // the same objects every reader gets
    expect(found.map((d) => d.message)).toEqual(runChecks(s.design).map((d) => d.message));
    expect(found.some((d) => d.code === 'asymmetric-route')).toBe(true);
    expect(counted.runChecks).toBe(2); // the line above: the fresh comparison, not the store
  });

  it('gives a reader that cannot wait the right checks at once; the later task reuses them', async () => {
    const store = createAppStore({ document: readFixture('switched-4-node.json') as TopologyDocument });
    const heard = vi.fn();
    subscribeChecks(store.getState(), heard);
    store.getState().actions.load(withoutReturnRoute());
    const s = store.getState();
    expect(checksSoon(s)).toBeNull();
    counted.runChecks = 0;
    const now = checks(s);
    expect(counted.runChecks).toBe(1);
    const fresh = [...runChecks(s.design), ...(pathTestOf(s.design)?.comparison.findings ?? [])];
    expect(now.map((d) => `${d.code} ${d.message}`)).toEqual(fresh.map((d) => `${d.code} ${d.message}`));
    await heardBy(heard);
    expect(counted.runChecks).toBe(2); // the fresh comparison only: the task found them computed
    expect(heard).toHaveBeenCalledTimes(1);
    expect(checksSoon(s)).toBe(now);
  });

  it('computes the checks of the latest state asked about, not of one replaced meanwhile', async () => {
    const store = createAppStore({ document: readFixture('switched-4-node.json') as TopologyDocument });
    const heard = vi.fn();
    subscribeChecks(store.getState(), heard);
    store.getState().actions.load(readFixture('two-site-routed.json') as TopologyDocument);
    expect(checksSoon(store.getState())).toBeNull();
    store.getState().actions.load(withoutReturnRoute());
    const latest = store.getState();
    expect(checksSoon(latest)).toBeNull();
    counted.runChecks = 0;
    await heardBy(heard);
    expect(counted.runChecks).toBe(1);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(checksSoon(latest)?.some((d) => d.code === 'asymmetric-route')).toBe(true);
  });

  it('gives the checks at once after an edit that keeps them (a VM, a position, the name)', async () => {
    const store = createAppStore({ document: withoutReturnRoute() });
    const heard = vi.fn();
    subscribeChecks(store.getState(), heard);
    expect(checksSoon(store.getState())).toBeNull();
    await heardBy(heard);
    const found = checksSoon(store.getState())!;
    expect(found).not.toBeNull();
    expect(store.getState().actions.edit({ type: 'update-topology', patch: { name: 'Renamed' } }).ok).toBe(true);
    expect(checksSoon(store.getState())).toBe(found);
  });

  it('computes all pairs in one task and the checks in the next (each about half of the largest design\'s 0.4 s)', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore({ document: readFixture('switched-4-node.json') as TopologyDocument });
      const heard = vi.fn();
      subscribeChecks(store.getState(), heard);
      store.getState().actions.load(withoutReturnRoute());
      counted.runChecks = 0;
      counted.analyzeAllPairs = 0;
      expect(checksSoon(store.getState())).toBeNull();
      vi.advanceTimersToNextTimer();
      expect([counted.analyzeAllPairs, counted.runChecks, heard.mock.calls.length]).toEqual([1, 0, 0]);
      vi.advanceTimersToNextTimer();
      expect([counted.analyzeAllPairs, counted.runChecks, heard.mock.calls.length]).toEqual([1, 1, 1]);
      expect(checksSoon(store.getState())?.some((d) => d.code === 'asymmetric-route')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

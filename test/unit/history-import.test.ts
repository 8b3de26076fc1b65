/**
 * Importing a migration history into the store (src/ui/files/historyActions.ts): one undoable
 * change; the largest path test and the largest history fit together (the observations have a
 * budget of their own); a file the design cannot keep beside what it already keeps is refused with
 * what to do, and nothing changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { importHistory } from '../../src/ui/files/historyActions';
import { importPathTest } from '../../src/ui/files/pathTestActions';
import { MAX_ATTEMPTS } from '../../src/engine/io/verify';
import { MAX_HISTORY_EVENTS } from '../../src/engine/io/history';
import { createAppStore } from '../../src/store/appStore';
import { fixturePath, readFixture } from './helpers';

const design = readFixture('switchless-3-node-vms.json') as TopologyDocument;
const file = new Uint8Array(readFileSync(fixturePath('history/switchless-3-node.ps7.json')));
const now = () => new Date('2026-12-07T17:00:00Z');

/** A path test of `n` connections, as Test-LmPaths.ps1 writes it: each is 8 values as kept, so 6,250 fill the budget alone. */
const pathTest = (n: number): Uint8Array =>
  new TextEncoder().encode(JSON.stringify({ format: 'lm-path-test', version: 1, results: Array.from({ length: n }, () => ({ Source: 'HV01', Destination: 'HV02', SourceAddress: '10.12.0.1', DestinationAddress: '10.12.0.2', Port: 6600, Outcome: 'Connected', Seconds: 0.001 })) }));

describe('importHistory', () => {
  it('keeps the history as one undoable change', () => {
    const store = createAppStore({ document: design });
    const r = importHistory(file, 'lm-history.json', store, now);
    expect(r).toMatchObject({ ok: true, migrations: 7, timed: 6, failures: 2, unmatched: 3 });
    const kept = (store.getState().document.observations as { history: { importedAt: string; events: unknown[] } }).history;
    expect([kept.importedAt, kept.events.length]).toEqual(['2026-12-07T17:00:00.000Z', 17]);
    store.getState().actions.undo();
    expect('observations' in store.getState().document).toBe(false);
  });

  it('keeps the largest path test the parser accepts beside the largest history (decision 301: 12,000 connections)', () => {
    const store = createAppStore({ document: design });
    expect(importPathTest(pathTest(MAX_ATTEMPTS), 'lm-path-test.json', store, now).ok).toBe(true);
    const name = 'N'.repeat(200);
    const events = Array.from({ length: MAX_HISTORY_EVENTS }, (_, i) => ({ Kind: 'RoleMoving', Node: 'HV01', TimeCreated: new Date(Date.UTC(2026, 11, 1) + i * 10_000).toISOString(), Message: `Clustered role '${name}${i}' is moving from cluster node 'HV01' to cluster node 'HV02'.` }));
    const big = new TextEncoder().encode(JSON.stringify({ format: 'lm-history', version: 1, cluster: 'CLU-SL3', events }));
    const r = importHistory(big, 'lm-history.json', store, now);
    expect(r.ok ? 'kept' : r.errors[0]!.message).toBe('kept');
    const kept = store.getState().document.observations as { pathTest: { attempts: unknown[] }; history: { events: unknown[] } };
    expect([kept.pathTest.attempts.length, kept.history.events.length]).toEqual([MAX_ATTEMPTS, MAX_HISTORY_EVENTS]);
  });

  it('says what to do when the design cannot keep it beside what else it keeps, and changes nothing', () => {
    // Observations edited by hand beside the path test: only then is the observations' own budget exceeded.
    const extra = Array.from({ length: 60_000 }, (_, i) => i);
    const store = createAppStore({ document: { ...design, observations: { notesByHand: extra } } as TopologyDocument });
    expect(importPathTest(pathTest(6_000), 'lm-path-test.json', store, now).ok).toBe(true);
    const before = store.getState().document;
    const r = importHistory(file, 'lm-history.json', store, now);
    expect(r.ok ? 'kept' : 'refused').toBe('kept');
    expect(store.getState().document).not.toBe(before);
    store.getState().actions.undo();
    const r2 = importPathTest(pathTest(MAX_ATTEMPTS), 'lm-path-test.json', store, now);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors[0]!.message).toMatch(/^The design cannot keep this many connections .* Clear the migration history \(All pairs tab\), or run Test-LmPaths\.ps1 with -Pairs for fewer pairs\.$/);
  });

  it('an inventory origin does not take the observations\' room', () => {
    const origin = { clusterName: 'CLU-SL3', notes: Array.from({ length: 40_000 }, (_, i) => `n${i}`) };
    const store = createAppStore({ document: { ...design, origin } as TopologyDocument });
    expect(importPathTest(pathTest(MAX_ATTEMPTS), 'lm-path-test.json', store, now).ok).toBe(true);
  });
});

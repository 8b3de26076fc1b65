/**
 * Importing a migration history into the store (src/ui/files/historyActions.ts): one undoable
 * change; a file the design cannot keep beside what it already keeps (the fields the format does
 * not define share 50,000 values) is refused with what to do, and nothing changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { importHistory } from '../../src/ui/files/historyActions';
import { importPathTest } from '../../src/ui/files/pathTestActions';
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

  it('says what to do when the design cannot keep it beside a large path test, and changes nothing', () => {
    const store = createAppStore({ document: design });
    expect(importPathTest(pathTest(6_240), 'lm-path-test.json', store, now).ok).toBe(true);
    const before = store.getState().document;
    const r = importHistory(file, 'lm-history.json', store, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/^The design cannot keep this history beside what it already keeps .* Clear the path test \(All pairs tab\), or run Get-LmHistory\.ps1 with fewer -Days\.$/);
    expect(store.getState().document).toBe(before);
  });

  it('the path test says the same the other way round', () => {
    const store = createAppStore({ document: design });
    const r = importPathTest(pathTest(6_400), 'lm-path-test.json', store, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/^The design cannot keep this many connections .* Clear the migration history \(All pairs tab\), or run Test-LmPaths\.ps1 with -Pairs for fewer pairs\.$/);
  });
});

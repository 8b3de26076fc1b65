/** Every example of ../shared/examples and every row of expected-selections.json. */
import { describe, expect, it } from 'vitest';
import { selectMigrationPath, type Mode } from '../../src/engine';
import { loadFixture, readFixture } from './helpers';

interface Expected {
  topology: string;
  source: string;
  destination: string;
  mode: Mode;
  chosen: null | { kind: string; sourceNetworkId: string; destinationNetworkId: string; routerIds: string[]; sourceNicId?: string; destinationNicId?: string };
  failure?: string;
  fallbackNetworks: [string, string][];
  initiationDelaySeconds: number;
  attempts?: [string, string][];
}

const rows = readFixture('expected-selections.json') as Expected[];

describe('expected selections from the shared examples', () => {
  it('has rows for every example', () => {
    expect(new Set(rows.map((r) => r.topology))).toEqual(new Set(['switched-4-node.json', 'switchless-3-node.json', 'two-site-routed.json']));
  });
  it.each(rows.map((r) => [`${r.topology} ${r.source}→${r.destination} ${r.mode}`, r] as const))('%s', (_name, row) => {
    const t = loadFixture(row.topology);
    const sel = selectMigrationPath(t, row.source, row.destination, { mode: row.mode });
    if (row.chosen === null) {
      expect(sel.chosen).toBeNull();
    } else {
      expect(sel.chosen).toMatchObject(row.chosen);
    }
    if (row.failure) expect(sel.failure).toBe(row.failure);
    else expect(sel.failure).toBeUndefined();
    expect(sel.fallbacks.map((f) => [f.sourceNetworkId, f.destinationNetworkId])).toEqual(row.fallbackNetworks);
    expect(sel.initiationDelaySeconds).toBe(row.initiationDelaySeconds);
    if (row.attempts) expect(sel.attempts.map((a) => [a.networkId, a.outcome])).toEqual(row.attempts);
    if (row.mode === 'ws2025') expect(sel.attempts).toEqual([]);
    expect(JSON.parse(JSON.stringify(sel))).toEqual(sel);
  });
});

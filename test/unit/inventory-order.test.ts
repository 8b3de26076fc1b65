/**
 * Issue 11: an inventory without MigrationNetworkOrder (never configured, common on real clusters)
 * gives a design on the cluster's default order — no networkOrder — not an order made up from metrics.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClusterInventory } from '../../src/engine';

const MINIMAL = readFileSync(new URL('../fixtures/inventory/minimal.json', import.meta.url), 'utf8');
const LM = '11111111-2222-4333-8444-555555555502';

function imported(change: (inv: Record<string, unknown>) => void) {
  const inv = JSON.parse(MINIMAL) as Record<string, unknown>;
  change(inv);
  const r = parseClusterInventory(JSON.stringify(inv));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

describe('inventory import: MigrationNetworkOrder', () => {
  it.each([
    ['empty', (inv: Record<string, unknown>) => (inv.migrationNetworkOrder = '')],
    ['null', (inv: Record<string, unknown>) => (inv.migrationNetworkOrder = null)],
    ['missing', (inv: Record<string, unknown>) => delete inv.migrationNetworkOrder],
    ['only separators', (inv: Record<string, unknown>) => (inv.migrationNetworkOrder = ';')],
  ])('%s → no networkOrder: the cluster’s default order', (_name, change) => {
    const t = imported(change);
    expect(t.document.liveMigration?.networkOrder).toBeUndefined();
    expect(t.liveMigration.networkOrder).toEqual([]);
    // Management (role 3, metric 70000) is excluded; Live Migration (role 1, metric 30000) remains.
    expect(t.liveMigration.excludedNetworks).toEqual([t.networks[0]!.id]);
    expect(t.preferenceOrder).toEqual([LM]);
  });

  it('with nothing excluded either, the default order tries the cluster’s own network (lowest metric) last', () => {
    const t = imported((inv) => {
      inv.migrationNetworkOrder = '';
      inv.migrationExcludeNetworks = '';
    });
    expect(t.document.liveMigration).toBeUndefined();
    // Live Migration 30000 < Management 70000: it is the cluster's own network, so Management comes first.
    expect(t.clusterNetworkId).toBe(LM);
    expect(t.preferenceOrder).toEqual([t.networks[0]!.id, LM]);
  });

  it('a configured order is kept as an explicit order', () => {
    expect(imported(() => {}).document.liveMigration?.networkOrder).toEqual([LM]);
  });
});

/**
 * Network ATC takes 1 to 10 simultaneous live migrations ("Manage Network ATC"): for an
 * ATC-managed design the Live migration settings dialog's check and the validation say so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { originChecks } from '../../src/engine/analysis/originChecks';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { checkLimits, initialDraft } from '../../src/ui/designer/lmSettings';

function atcDoc(maxParallelMigrations: number): TopologyDocument {
  const r = parseClusterInventory(new Uint8Array(readFileSync(new URL('../fixtures/inventory/ps7-v2-atc.json', import.meta.url))));
  if (!r.ok) throw new Error('refused');
  const doc = structuredClone(r.topology.document) as TopologyDocument;
  doc.liveMigration = { ...doc.liveMigration, maxParallelMigrations };
  return doc;
}
const topology = (doc: TopologyDocument) => {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
};

describe('ATC: 1 to 10 simultaneous live migrations', () => {
  it.each([
    [10, []],
    [11, ['atc-max-migrations']],
    [64, ['atc-max-migrations']],
  ])('%i migrations → %j', (n, codes) => {
    expect(originChecks(topology(atcDoc(n))).filter((d) => d.code === 'atc-max-migrations').map((d) => d.code)).toEqual(codes);
  });

  it('names the range and what the script does in the finding', () => {
    expect(originChecks(topology(atcDoc(12))).find((d) => d.code === 'atc-max-migrations')?.message).toBe(
      "Network ATC manages live migration on this cluster, and takes 1 to 10 simultaneous live migrations (MaximumVirtualMachineMigrations); the design has 12. The apply script leaves ATC's value as it is until it is 10 or fewer.",
    );
  });

  it('the dialog refuses 11 under ATC and takes it without ATC', () => {
    const t = topology(atcDoc(2));
    const draft = { ...initialDraft(t), maxParallel: '11' };
    expect(checkLimits(draft, true).errors.maxParallel).toBe('Network ATC manages live migration on this cluster: parallel live migrations must be a whole number from 1 to 10 (its MaximumVirtualMachineMigrations).');
    expect(checkLimits(draft, false).errors.maxParallel).toBeUndefined();
    expect(checkLimits({ ...draft, maxParallel: '10' }, true).errors.maxParallel).toBeUndefined();
  });
});

/**
 * Issue 24, round 4: the search for missing return routes is kept with the all-pairs result it
 * ran on, and a topology that shares the result and its addresses (a rename: the store carries the
 * result across it) gets the same findings worded with the new names without searching again
 * (≈ 70–110 ms of each rename's checks on the largest design). Anything that changes the
 * addresses searches again.
 */
import { describe, expect, it, vi } from 'vitest';
import { analyzeAllPairs, parseTopology, runChecks, type Topology, type TopologyDocument } from '../../src/engine';
import { applyEdit } from '../../src/engine/edit';
import { readFixture } from './helpers';

const { prepareCalls } = vi.hoisted(() => ({ prepareCalls: { n: 0 } }));
vi.mock('../../src/engine/model/select', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/engine/model/select')>();
  return { ...orig, prepare: (t: Topology) => (prepareCalls.n++, orig.prepare(t)) };
});

type Nic = NonNullable<TopologyDocument['nics']>[number];
/** The two-site example with the management networks enabled and a deliberate route from HV01's management NIC to Site A's LM subnet: HV02's LM NIC has none back. */
function design(): TopologyDocument {
  const doc = structuredClone(readFixture('two-site-routed.json')) as TopologyDocument;
  const nics = doc.nics!.map((n: Nic) => (n.id === 'n1-mgmt' ? { ...n, routes: [{ prefix: '0.0.0.0/0', via: '10.1.0.1' }, { prefix: '10.1.10.0/24', via: '10.1.0.1' }] } : n));
  return { ...doc, nics, liveMigration: { networkOrder: ['lm-a', 'lm-b'], excludedNetworks: [] } };
}

const returnFindings = (t: Topology, pairs = analyzeAllPairs(t)) => runChecks(t, pairs).filter((d) => d.code === 'asymmetric-route');

describe('missing return routes across a rename', () => {
  it('are found once per all-pairs result and worded again with the new names', () => {
    const doc = design();
    const r = parseTopology(doc);
    if (!r.ok) throw new Error('parse');
    const pairs = analyzeAllPairs(r.topology);
    const before = returnFindings(r.topology, pairs);
    expect(before.length).toBeGreaterThan(0);
    expect(before.map((d) => d.message).join('\n')).toContain('HV01');

    const renamed = applyEdit(doc, { type: 'update-node', id: 'n1', patch: { name: 'Renamed01' } }, r);
    if (!renamed.ok) throw new Error('edit');
    expect(renamed.topology.addresses).toBe(r.topology.addresses); // a rename shares them (engine/model/reparse.ts)
    prepareCalls.n = 0;
    const after = returnFindings(renamed.topology, pairs);
    expect(prepareCalls.n).toBe(0);
    // The same findings as a fresh analysis of the renamed design, in its words.
    const fresh = parseTopology(renamed.document);
    if (!fresh.ok) throw new Error('parse');
    expect(after).toEqual(returnFindings(fresh.topology));
    expect(after.map((d) => d.message).join('\n')).toContain('Renamed01');
    expect(after.map((d) => d.message).join('\n')).not.toContain('HV01');
  });

  it('are searched again when the addresses are not the ones they were found on', () => {
    const doc = design();
    const r = parseTopology(doc);
    if (!r.ok) throw new Error('parse');
    const pairs = analyzeAllPairs(r.topology);
    returnFindings(r.topology, pairs);
    const again = parseTopology(doc);
    if (!again.ok) throw new Error('parse');
    prepareCalls.n = 0;
    expect(returnFindings(again.topology, pairs)).toEqual(returnFindings(r.topology, pairs));
    expect(prepareCalls.n).toBeGreaterThan(0);
  });
});

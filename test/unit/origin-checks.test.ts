/**
 * Checks from an imported cluster's origin (originChecks.ts), on the v2 fixtures and on edits of
 * them: a host with live migration disabled, hosts whose settings differ, MTUs that differ on a
 * network enabled for live migration.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine/analysis/checks';
import { parseTopology } from '../../src/engine';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { originChecks } from '../../src/engine/analysis/originChecks';
import type { Topology, TopologyDocument } from '../../src/engine/model/types';

const LM = 'b1f0c2d3-0a1b-4c2d-8e3f-4a5b6c7d8e10';
const MGMT = 'b1f0c2d3-0a1b-4c2d-8e3f-4a5b6c7d8e01';

function importFixture(name: string): Topology {
  const r = parseClusterInventory(new Uint8Array(readFileSync(new URL(`../fixtures/inventory/${name}`, import.meta.url))));
  if (!r.ok) throw new Error('refused');
  return r.topology;
}
function reparse(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error('invalid');
  return r.topology;
}
const codes = (t: Topology) => originChecks(t).map((d) => ({ code: d.code, elementIds: d.elementIds }));

describe('origin checks on the PS 5.1 rolling-upgrade inventory', () => {
  const t = importFixture('ps51-v2-rolling.json');

  it('finds HV23 disabled, the differing transports and the LM network’s MTUs', () => {
    expect(codes(t)).toEqual([
      { code: 'host-migration-disabled', elementIds: ['hv23'] },
      // SMB on 2 hosts first (the larger group), then Compression; MaximumVirtualMachineMigrations is 2 everywhere.
      { code: 'host-settings-differ', elementIds: ['hv21', 'hv22', 'hv23'] },
      // Live Migration: 9000, 9000, 1500 (HV24's NIC has no MTU). Cluster: all 1500. Management: excluded.
      { code: 'mtu-mismatch', elementIds: [LM, 'hv21-vethernet-lm', 'hv22-vethernet-lm', 'hv23-vethernet-lm'] },
    ]);
    const [disabled, differ, mtu] = originChecks(t).map((d) => d.message);
    expect(disabled).toContain('Live migration is disabled in the Hyper-V settings of HV23');
    expect(differ).toContain('SMB on HV21, HV22; Compression on HV23');
    expect(mtu).toContain("'Live Migration'");
    expect(mtu).toMatch(/9000.*1500/);
  });

  it('are part of runChecks', () => {
    const all = runChecks(t).map((d) => d.code);
    for (const c of ['host-migration-disabled', 'host-settings-differ', 'mtu-mismatch'] as const) expect(all).toContain(c);
  });

  it('follow the design: an MTU mismatch on an excluded network is not reported; a deleted node is not named', () => {
    const doc = structuredClone(t.document) as TopologyDocument;
    doc.liveMigration = { ...doc.liveMigration, excludedNetworks: [MGMT, LM], networkOrder: [] };
    expect(codes(reparse(doc)).map((c) => c.code)).toEqual(['host-migration-disabled', 'host-settings-differ']);
    const origin = doc.origin as { hosts: Record<string, unknown> };
    origin.hosts = { hv21: origin.hosts.hv21, hv22: origin.hosts.hv22, gone: { migrationEnabled: false, transport: 'tcpip' } };
    expect(codes(reparse(doc))).toEqual([]);
  });

  it('a design without origin, or with an origin it cannot read, gets none', () => {
    const doc = structuredClone(t.document) as TopologyDocument;
    delete doc.origin;
    expect(originChecks(reparse(doc))).toEqual([]);
    expect(originChecks(reparse({ ...doc, origin: 'hand-edited' }))).toEqual([]);
    expect(originChecks(reparse({ ...doc, origin: { source: 'lm-cluster-inventory', hosts: 7, nicMtu: [1500] } }))).toEqual([]);
  });
});

describe('origin checks on the PS 7 Azure Local inventory', () => {
  it('find nothing: every host alike, storage NICs all at 9000', () => {
    expect(originChecks(importFixture('ps7-v2-atc.json'))).toEqual([]);
  });
});

describe('origin records keyed by ids that are JavaScript property names (issue 14)', () => {
  it('reads and writes only own entries: no intent, build or MTU is inherited from Object.prototype', async () => {
    const { networkIntent, readOrigin } = await import('../../src/engine/model/origin');
    const { describeOrigin } = await import('../../src/engine/text/originText');
    const doc: TopologyDocument = {
      format: 'lm-topology',
      version: 1,
      nodes: [{ id: 'constructor', name: 'HV01' }, { id: 'toString', name: 'HV02' }],
      nics: [
        { id: 'valueOf', node: 'constructor', name: 'LM', addresses: ['10.0.0.1/24'] },
        { id: 'hasOwnProperty', node: 'toString', name: 'LM', addresses: ['10.0.0.2/24'] },
      ],
      networks: [{ id: '__proto__', name: 'LM', prefixes: ['10.0.0.0/24'] }],
      // Only the second NIC has an MTU and only the first host a build; the network has an intent.
      origin: JSON.parse('{"source":"lm-cluster-inventory","hosts":{"constructor":{"osBuild":26100}},"nicMtu":{"hasOwnProperty":9014},"networkAtc":{"intents":[],"networks":{"__proto__":{"intent":"storage","types":["storage"]}}}}'),
    };
    const t = reparse(doc);
    const origin = readOrigin(doc)!;
    // `__proto__` is an own entry, not the prototype: the intent is read back.
    expect(networkIntent(origin, '__proto__')).toEqual({ intent: 'storage', types: ['storage'], text: 'Storage' });
    // An id with no entry gets nothing, although `{}` inherits a function under that name.
    expect(networkIntent(origin, 'toString')).toBeNull();
    expect(Object.hasOwn(origin.hosts!, 'constructor')).toBe(true);
    expect(JSON.stringify(describeOrigin(t))).not.toContain('function');
    // One MTU known on the network: nothing to compare, no finding (an inherited value would make two).
    expect(originChecks(t).filter((d) => d.code.includes('mtu'))).toEqual([]);
  });
});

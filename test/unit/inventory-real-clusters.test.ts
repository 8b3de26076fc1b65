/**
 * Issue 26, real clusters: what the inventory script reads per node beyond version 2's first
 * fields — SMB Multichannel constraints (Get-SmbMultichannelConstraint), the SMB Bandwidth Limit
 * feature (FS-SMBBW) and its live migration limit (Get-SmbBandwidthLimit -Category LiveMigration),
 * the host's UseAnyNetworkForMigration and Get-VMMigrationNetwork — on two fixtures in the shapes
 * each PowerShell writes: ps7-v2-real.json (PowerShell 7, no BOM, lists as lists) and
 * ps51-v2-real.json (Windows PowerShell 5.1: BOM, CRLF, one-element lists as bare objects, lists
 * wrapped as {value, Count}; HV24 refused remote access). Every figure is worked out in its comment.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { originChecks } from '../../src/engine/analysis/originChecks';
import { readOrigin } from '../../src/engine/model/origin';
import type { Diagnostic, Topology } from '../../src/engine/model/types';

const jsonOf = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/inventory/${name}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
type Host = Record<string, unknown>;

function imported(input: string | Uint8Array): { t: Topology; notes: Diagnostic[] } {
  const r = parseClusterInventory(input);
  if (!r.ok) throw new Error(`did not import: ${JSON.stringify(r.errors)}`);
  return { t: r.topology, notes: r.diagnostics };
}

const AZL = { s1: 'c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f11', s2: 'c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f12' };
const ROLL = { lm: 'b1f0c2d3-0a1b-4c2d-8e3f-4a5b6c7d8e10', clu: 'b1f0c2d3-0a1b-4c2d-8e3f-4a5b6c7d8e20' };

interface Case {
  name: string;
  file: string;
  /** An edit of the fixture's hosts, for the variants. */
  edit?: (hosts: Host[]) => void;
  constraint: string[] | undefined;
  factor: number;
  /** Texts that some import note contains. */
  notes: string[];
  /** Texts no import note contains. */
  noNotes?: string[];
  /** host-migration-networks findings: node name → network ids refused. */
  findings: Record<string, string[]>;
  /** origin.hosts facts by node name. */
  hosts?: Record<string, { useAny?: boolean; subnets?: string[]; feature?: boolean; limit?: number }>;
}

const hostNamed = (hosts: Host[], name: string): Host => hosts.find((h) => h.Node === name)!;

const CASES: Case[] = [
  {
    name: 'PowerShell 7: every node constrains to SMB1 and SMB2 towards the others',
    file: 'ps7-v2-real.json',
    // SMB1 and SMB2 carry Storage1 and Storage2 on every node; the constraints towards FS01 (a file
    // server, not a node) are ignored → the constraint is Storage1, Storage2.
    constraint: [AZL.s1, AZL.s2],
    // SetSMBBandwidthLimit 1, factor 2500 and FS-SMBBW on every node → 2500 as before.
    factor: 2500,
    notes: [
      'Every node has an SMB Multichannel constraint towards the other nodes on the same networks (Storage1, Storage2)',
      // 2500 / 10000 × 100 Gb/s (4 × 25) = 25 Gb/s = 3,125,000,000 B/s = 2,980 MB/s; AZL03 has 1 GB/s = 1,024 MB/s.
      'AZL03 has a limit of 1,024 MB/s where the factor gives 2,980 MB/s',
    ],
    noNotes: ['AZL01 has a limit', 'AZL02 has a limit', 'FS-SMBBW'],
    // UseAnyNetworkForMigration off everywhere; AZL03 lists only 10.71.1.0/24 → refuses Storage2.
    findings: { AZL03: [AZL.s2] },
    hosts: {
      AZL01: { useAny: false, subnets: ['10.71.1.0/24', '10.71.2.0/24'], feature: true, limit: 3125000000 },
      AZL03: { useAny: false, subnets: ['10.71.1.0/24'], feature: true, limit: 1073741824 },
    },
  },
  {
    name: 'PowerShell 7: AZL03 constrains to SMB1 only',
    file: 'ps7-v2-real.json',
    edit: (hosts) => {
      const h = hostNamed(hosts, 'AZL03');
      h.SmbMultichannelConstraints = (h.SmbMultichannelConstraints as Host[]).filter((c) => c.InterfaceAlias !== 'SMB2');
    },
    constraint: undefined,
    factor: 2500,
    notes: ["The nodes' SMB Multichannel constraints are not one constraint the design can hold: AZL03 (Storage1) differs from the others (Storage1, Storage2)"],
    findings: { AZL03: [AZL.s2] },
  },
  {
    name: 'PowerShell 7: an alias that is no NIC of the node, FS-SMBBW missing on one node',
    file: 'ps7-v2-real.json',
    edit: (hosts) => {
      const h = hostNamed(hosts, 'AZL02');
      h.SmbMultichannelConstraints = [...(h.SmbMultichannelConstraints as Host[]), { ServerName: 'AZL01', InterfaceAlias: 'Ethernet 9' }];
      h.SmbBandwidthLimitInstalled = false;
      delete h.SmbLiveMigrationBytesPerSecond;
      for (const x of hosts) x.UseAnyNetworkForMigration = true;
    },
    // The unknown alias adds no network: every node still allows Storage1 and Storage2.
    constraint: [AZL.s1, AZL.s2],
    // Only AZL02 lacks the feature: the factor stays, with a note naming it.
    factor: 2500,
    notes: [
      "Node AZL02's SMB Multichannel constraint names Ethernet 9, which is not an adapter",
      'AZL02 does not have the SMB Bandwidth Limit feature (FS-SMBBW) installed',
    ],
    noNotes: ['No node has the SMB Bandwidth Limit feature'],
    // UseAnyNetworkForMigration on: the host's list does not restrict anything.
    findings: {},
  },
  {
    name: 'Windows PowerShell 5.1: no FS-SMBBW, constraints that differ, a node unread',
    file: 'ps51-v2-real.json',
    // HV21 and HV22 constrain to vEthernet (LM) (HV22's single entry is a bare object, towards the
    // FQDN hv21.contoso.local); HV23 to LM and Cluster ({value, Count}); HV24 could not be read.
    constraint: undefined,
    // The cluster says 2500, but no node has FS-SMBBW → no cap (0).
    factor: 0,
    notes: [
      "HV23 (Live Migration, Cluster) differs from the others (Live Migration); the constraints of HV24 could not be read",
      'No node has the SMB Bandwidth Limit feature (FS-SMBBW) installed',
      "whatever the cluster's SMBBandwidthLimitFactor (2500) says",
    ],
    findings: {},
    hosts: {
      // A bare object and a {value, Count} list read as lists.
      HV21: { useAny: true, subnets: ['10.2.10.0/24'], feature: false },
      HV22: { useAny: true, subnets: ['10.2.10.0/24', '10.2.20.0/24'], feature: false },
      HV23: { useAny: true, subnets: [], feature: false },
    },
  },
  {
    name: 'Windows PowerShell 5.1: the hosts accept only their own migration networks',
    file: 'ps51-v2-real.json',
    edit: (hosts) => {
      for (const h of hosts) h.UseAnyNetworkForMigration = false;
    },
    constraint: undefined,
    factor: 0,
    notes: [],
    // The cluster allows Live Migration then Cluster (Management excluded). HV21 lists only the LM
    // subnet → refuses Cluster; HV22 lists both → nothing; HV23 lists none → refuses both.
    findings: { HV21: [ROLL.clu], HV23: [ROLL.lm, ROLL.clu] },
  },
];

describe('inventory: real clusters (issue 26)', () => {
  it.each(CASES)('$name', (c) => {
    const inv = jsonOf(c.file);
    c.edit?.(inv.hosts as Host[]);
    const { t, notes } = imported(JSON.stringify(inv));
    const lm = t.document.liveMigration!;
    expect(lm.smbMultichannelNetworks).toEqual(c.constraint);
    expect(lm.smbBandwidthLimitFactor).toBe(c.factor);
    const texts = notes.map((n) => n.message);
    for (const n of c.notes) expect(texts.some((m) => m.includes(n)), `note "${n}" in\n${texts.join('\n')}`).toBe(true);
    for (const n of c.noNotes ?? []) expect(texts.some((m) => m.includes(n)), `no note "${n}"`).toBe(false);

    const idOf = (name: string): string => t.document.nodes!.find((n) => n.name === name)!.id;
    const found = originChecks(t).filter((d) => d.code === 'host-migration-networks');
    expect(Object.fromEntries(found.map((d) => [t.document.nodes!.find((n) => n.id === d.elementIds[0])!.name, d.elementIds.slice(1)]))).toEqual(c.findings);

    const origin = readOrigin(t.document)!;
    for (const [name, h] of Object.entries(c.hosts ?? {})) {
      const o = origin.hosts![idOf(name)]!;
      expect({ useAny: o.useAnyNetworkForMigration, subnets: o.migrationSubnets, feature: o.smbBandwidthFeature, limit: o.smbLiveMigrationLimitBps }).toEqual({
        useAny: h.useAny,
        subnets: h.subnets,
        feature: h.feature,
        limit: h.limit,
      });
    }
  });

  it('reads the PowerShell 5.1 file from its bytes (BOM, CRLF) exactly as from its text', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/inventory/ps51-v2-real.json', import.meta.url)));
    expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(imported(bytes).t.document).toEqual(imported(JSON.stringify(jsonOf('ps51-v2-real.json'))).t.document);
  });

  it('leaves version 2 files without the new fields as they were: no constraint, no new finding', () => {
    for (const file of ['ps7-v2-atc.json', 'ps51-v2-rolling.json']) {
      const { t } = imported(JSON.stringify(jsonOf(file)));
      expect(t.document.liveMigration?.smbMultichannelNetworks).toBeUndefined();
      expect(originChecks(t).filter((d) => d.code === 'host-migration-networks')).toEqual([]);
    }
  });

  it('property: the order of the constraint entries, the case of aliases and FQDN server names do not change the constraint', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (order, flips) => {
        const inv = jsonOf('ps7-v2-real.json');
        let k = 0;
        for (const h of inv.hosts as Host[]) {
          const list = (h.SmbMultichannelConstraints as Host[]).map((c) => {
            const flip = flips[k++ % flips.length]!;
            return {
              ServerName: flip ? `${String(c.ServerName).toLowerCase()}.azl.contoso.local` : c.ServerName,
              InterfaceAlias: flip ? String(c.InterfaceAlias).toUpperCase() : c.InterfaceAlias,
            };
          });
          h.SmbMultichannelConstraints = list.map((c, i) => ({ c, key: order[(i + k) % order.length]! })).sort((a, b) => a.key - b.key).map((x) => x.c);
        }
        expect(imported(JSON.stringify(inv)).t.document.liveMigration!.smbMultichannelNetworks).toEqual([AZL.s1, AZL.s2]);
      }),
      { numRuns: 40 },
    );
  });
});

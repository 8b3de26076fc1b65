/**
 * The apply script's Network ATC variant (src/engine/io/powershell/atc.ts): for a design imported
 * from a cluster whose live migration ATC manages, what the design states of the performance
 * option, the simultaneous migrations (1 to 10) and the SMB bandwidth goes through ATC's cluster
 * overrides, starting from the cluster's current ClusterOverride; an explicit order first turns
 * off ATC's network selection; the script waits for ATC to report the overrides applied.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { buildPowerShell } from '../../src/engine/io';
import { planAtc } from '../../src/engine/io/powershell/atc';
import { EXAMPLES } from '../../src/examples';

const S1 = 'c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f11';
const S2 = 'c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f12';
/** The imported order was Storage1, Storage2: swapping them is a change the design makes. */
const CHANGED = { networkOrder: [S2, S1] };

function atcDesign(): TopologyDocument {
  const r = parseClusterInventory(new Uint8Array(readFileSync(new URL('../fixtures/inventory/ps7-v2-atc.json', import.meta.url))));
  if (!r.ok) throw new Error('refused');
  return structuredClone(r.topology.document) as TopologyDocument;
}
function topology(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}
const withLm = (patch: Record<string, unknown>): Topology => {
  const doc = atcDesign();
  doc.liveMigration = { ...doc.liveMigration, ...patch };
  return topology(doc);
};


const values = (lm: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(planAtc(withLm(lm)).values.map((v) => [v.name, v.value]));

describe('planAtc', () => {
  it.each([
    // 2500 = 25 % of 100 Gb/s (4 × 25 Gb/s physical adapters on every node) = 25 Gb/s.
    [CHANGED, { EnableVirtualMachineMigrationPerformanceSelection: false, VirtualMachineMigrationPerformanceOption: 'SMB', MaximumVirtualMachineMigrations: 2, MaximumSMBMigrationBandwidthInGbps: 25, EnableLiveMigrationNetworkSelection: false }],
    // The order ATC set, unchanged: ATC keeps choosing, and its selection is not touched.
    [{}, { EnableVirtualMachineMigrationPerformanceSelection: false, VirtualMachineMigrationPerformanceOption: 'SMB', MaximumVirtualMachineMigrations: 2, MaximumSMBMigrationBandwidthInGbps: 25 }],
    // 1234 → 12.34 % of 100 = 12.34 → 12 (rounded down: a cap must not be exceeded).
    [{ smbBandwidthLimitFactor: 1234, transport: 'compression', maxParallelMigrations: 4 }, { VirtualMachineMigrationPerformanceOption: 'Compression', MaximumVirtualMachineMigrations: 4, MaximumSMBMigrationBandwidthInGbps: 12 }],
    // TCP/IP is 'TCP' in ATC's documentation ("Manage Network ATC": SMB, TCP, Compression); 0 = no cap: left out.
    [{ smbBandwidthLimitFactor: 0, transport: 'tcpip', networkOrder: [] }, { VirtualMachineMigrationPerformanceOption: 'TCP', MaximumVirtualMachineMigrations: 2 }],
    // 1 (0.01 %) of 100 Gb/s = 0.01 → at least 1 Gb/s.
    [{ smbBandwidthLimitFactor: 1 }, { MaximumSMBMigrationBandwidthInGbps: 1 }],
  ])('liveMigration %j → %j', (patch, expected) => {
    expect(values(patch)).toMatchObject(expected);
    if (!('EnableLiveMigrationNetworkSelection' in expected)) expect(values(patch)).not.toHaveProperty('EnableLiveMigrationNetworkSelection');
    if ((patch as { smbBandwidthLimitFactor?: number }).smbBandwidthLimitFactor === 0) expect(values(patch)).not.toHaveProperty('MaximumSMBMigrationBandwidthInGbps');
  });

  it('uses the smallest node bandwidth: 50 Gb/s on one node → 25 % of 50 = 12 (12.5 rounded down)', () => {
    const doc = atcDesign();
    doc.nodes = doc.nodes!.map((n) => (n.id === 'azl02' ? { ...n, physicalBandwidthGbps: 50 } : n));
    expect(planAtc(topology(doc)).values.find((v) => v.name === 'MaximumSMBMigrationBandwidthInGbps')?.value).toBe(12);
  });

  it('writes no override for what the design does not state', () => {
    const doc = atcDesign();
    doc.liveMigration = { networkOrder: doc.liveMigration!.networkOrder!, excludedNetworks: doc.liveMigration!.excludedNetworks ?? [] };
    const plan = planAtc(topology(doc));
    expect(plan.values).toEqual([]);
    expect(plan.leftAlone).toEqual(expect.arrayContaining([expect.stringMatching(/^Performance option: not in the design, so Network ATC keeps its own/), expect.stringMatching(/^Simultaneous live migrations: not in the design/), expect.stringMatching(/^SMB bandwidth: not in the design/)]));
  });

  it('refuses more than 10 simultaneous migrations under ATC (its range is 1 to 10), and says so', () => {
    const plan = planAtc(withLm({ maxParallelMigrations: 11 }));
    expect(plan.values.some((v) => v.name === 'MaximumVirtualMachineMigrations')).toBe(false);
    expect(plan.warnings).toEqual([expect.stringMatching(/^Simultaneous live migrations 11: Network ATC takes 1 to 10/)]);
  });

  it('never writes an SMB figure beyond UInt32 or from an infinite bandwidth', () => {
    // An infinite or 1e308 bandwidth never reaches the script: the parser refuses it (issue 24's ranges).
    const huge = atcDesign();
    huge.nodes = huge.nodes!.map((n) => ({ ...n, physicalBandwidthGbps: 1e308 }));
    expect(parseTopology(huge).ok).toBe(false);
    // The largest accepted bandwidth at a 100 % cap is still an integer literal within UInt32.
    const doc = atcDesign();
    doc.nodes = doc.nodes!.map((n) => ({ ...n, physicalBandwidthGbps: 100_000 }));
    doc.liveMigration = { ...doc.liveMigration, smbBandwidthLimitFactor: 10000 };
    const plan = planAtc(topology(doc));
    const smb = plan.values.find((v) => v.name === 'MaximumSMBMigrationBandwidthInGbps');
    expect(smb).toBeDefined();
    expect(Number.isSafeInteger(smb!.value) && (smb!.value as number) <= 4294967295).toBe(true);
    const s = buildPowerShell(topology(doc)).script;
    expect(s.split("\n").filter((l) => /Infinity|e\+\d/.test(l))).toEqual([]);
  });
});

describe('buildPowerShell on an ATC-managed design', () => {
  const explicit = buildPowerShell(withLm(CHANGED));
  const s = explicit.script;
  const at = (text: string): number => {
    const i = s.indexOf(text);
    expect(i, text).toBeGreaterThan(-1);
    return i;
  };

  it('is the ATC variant, and says so', () => {
    expect(explicit.networkAtc).toBe(true);
    expect(explicit.warnings.at(-1)).toContain("turns off ATC's live migration network selection first");
    expect(buildPowerShell(withLm({})).warnings.at(-1)).toContain('leaves the choice of live migration networks to ATC');
    expect(explicit.changes[0]).toBe('Network ATC override: performance option SMB (ATC no longer chooses it).');
  });

  it('checks for ATC and its 1–10 range with the other checks, before anything changes', () => {
    const stop = at('if ($problems.Count -gt 0) {');
    expect(at('if (-not (Get-Command -Name Set-NetIntent -ErrorAction SilentlyContinue)) {')).toBeLessThan(stop);
    expect(at("-gt 10)) {\n            $problems.Add(\"Network ATC takes 1 to 10 simultaneous live migrations")).toBeLessThan(stop);
    for (const change of ['Set-NetIntent -GlobalClusterOverrides $override', '$vmType | Set-ClusterParameter', 'New-NetRoute -DestinationPrefix']) expect(at(change), change).toBeGreaterThan(stop);
  });

  it("starts from the cluster's current ClusterOverride, so settings the design does not touch keep their values", () => {
    const read = at('$current = (Get-NetIntent -GlobalOverrides).ClusterOverride\n                    $override = New-NetIntentGlobalClusterOverrides\n                    if ($current) {');
    expect(s).toContain('if ($null -ne $value) { $override.($property.Name) = $value }');
    expect(read).toBeLessThan(at('Set-NetIntent -GlobalClusterOverrides $override'));
    expect(s).toContain('foreach ($key in @($change.Value.Keys)) { $override.$key = $change.Value[$key] }');
  });

  it('waits for Get-NetIntentStatus -GlobalOverrides to report the overrides applied, with a time limit, before the order', () => {
    expect(s).toContain('$AtcWaitMinutes = 10');
    expect(s).toContain("$states = @(Get-NetIntentStatus -GlobalOverrides | ForEach-Object { [string]$_.ConfigurationStatus })");
    expect(s).toContain('Network ATC has not reported its cluster overrides applied within $AtcWaitMinutes minutes');
    expect(at('Wait-AtcOverrides\n')).toBeGreaterThan(at('Set-NetIntent -GlobalClusterOverrides $override'));
    // The ATC change is put first in the list, so the order and exclusions come after the wait.
    expect(s).toContain('$changes.Insert(0, [pscustomobject][ordered]@{ Kind = \'AtcOverride\'');
    expect(s).toContain("$AtcOverride = [ordered]@{\n    EnableVirtualMachineMigrationPerformanceSelection = $false\n    VirtualMachineMigrationPerformanceOption = 'SMB'\n    MaximumVirtualMachineMigrations = 2\n    MaximumSMBMigrationBandwidthInGbps = 25\n    EnableLiveMigrationNetworkSelection = $false\n}");
  });

  it('sets the order only once ATC has let go of it, and leaves the hosts and the cluster properties to ATC', () => {
    expect(s).toContain('$SetNetworkOrder = $true');
    const kept = buildPowerShell(withLm({})).script;
    expect(kept).toContain('$SetNetworkOrder = $false');
    expect(kept).toContain('$SetExclusions = $false');
    // Set-VMHost and the cluster properties are in the plain branch only.
    expect(s.indexOf("Register-Change @{ Kind = 'Host'")).toBeGreaterThan(at('} else {\n        foreach ($node in $nodesHere) {'));
  });
});

describe('the plain script', () => {
  it.each([
    ['an example drawn by hand', () => topology(structuredClone(EXAMPLES[0]!.document))],
    ['an imported cluster whose ATC override turned network selection off', () => {
      const doc = atcDesign();
      (doc.origin as { networkAtc: { overrides: Record<string, unknown> } }).networkAtc.overrides.enableLiveMigrationNetworkSelection = false;
      return topology(doc);
    }],
    ['an imported cluster without ATC', () => {
      const doc = atcDesign();
      delete (doc.origin as Record<string, unknown>).networkAtc;
      return topology(doc);
    }],
  ])('is what %s gets: $NetworkAtc false, no override to set', (_name, make) => {
    const r = buildPowerShell(make());
    expect(r.networkAtc).toBe(false);
    expect(r.script).toContain('$NetworkAtc = $false\n$AtcOverride = [ordered]@{}\n');
    expect(r.script).not.toContain("Network ATC manages live migration on this cluster, and reverts");
  });
});

describe('the report of an ATC-managed design', () => {
  it('names each network’s intent and says where the design came from', async () => {
    const { buildReportModel } = await import('../../src/engine/io/report/model');
    const { analyzeAllPairs } = await import('../../src/engine');
    const t = withLm({});
    const m = buildReportModel(t, analyzeAllPairs(t), []);
    expect(m.networks.map((n) => [n.name, n.role])).toEqual([
      ['Storage1', 'Cluster only · ATC intent storage (Storage)'],
      ['Storage2', 'Cluster only · ATC intent storage (Storage)'],
      ['Management', 'Cluster and client · ATC intent mgmt_compute (Management, Compute)'],
    ]);
    expect(m.summary.slice(0, 6)).toEqual([
      ['Source', 'Imported from cluster CLU-AZL, collected 21 November 2026, 14:02 (UTC) (inventory version 2).'],
      ['', 'Operating system: build 26100 on all 3 nodes → Windows Server 2025 behaviour.'],
      ['', 'Cluster functional level 12.'],
      ['', 'Network ATC intents: mgmt_compute (Management, Compute; pNIC1 and pNIC2), storage (Storage; SMB1 and SMB2).'],
      ['', 'Network ATC manages live migration on this cluster; changes made with Set-ClusterParameter are reverted as drift.'],
      ['', 'Network ATC cluster overrides: performance option SMB, 2 migrations at a time, SMB migration bandwidth 12 Gb/s.'],
    ]);
  });
});

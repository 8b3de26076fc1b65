/**
 * The apply script's Network ATC variant (src/engine/io/powershell/atc.ts), token by token: for a
 * design imported from a cluster whose live migration ATC manages, the performance option, the
 * simultaneous migrations and the SMB bandwidth go through ATC's cluster overrides; an explicit
 * order first turns off ATC's network selection; checks still come before any change, and every
 * change still goes through ShouldProcess (-WhatIf, -Confirm).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { buildPowerShell } from '../../src/engine/io';
import { ATC_MARKERS, planAtc, renderAtcSection } from '../../src/engine/io/powershell/atc';
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

describe('planAtc', () => {
  it.each([
    // 2500 = 25 % of 100 Gb/s (4 × 25 Gb/s physical adapters on every node) = 25 Gb/s.
    [CHANGED, { performanceOption: 'SMB', maxMigrations: 2, smbBandwidthGbps: 25, explicitOrder: true }],
    // The order ATC set, unchanged: ATC keeps choosing.
    [{}, { performanceOption: 'SMB', maxMigrations: 2, smbBandwidthGbps: 25, explicitOrder: false }],
    // The same order with another exclusion is a change too.
    [{ excludedNetworks: [] }, { explicitOrder: true }],
    // 1234 → 12.34 % of 100 = 12.34 → 12 (rounded down: a cap must not be exceeded).
    [{ smbBandwidthLimitFactor: 1234, transport: 'compression', maxParallelMigrations: 4 }, { performanceOption: 'Compression', maxMigrations: 4, smbBandwidthGbps: 12 }],
    // 0 = no cap: ATC has no such value, so the figure is left out.
    [{ smbBandwidthLimitFactor: 0, transport: 'tcpip', networkOrder: [] }, { performanceOption: 'TCPIP', maxMigrations: 2, smbBandwidthGbps: null, explicitOrder: false }],
    // 1 (0.01 %) of 100 Gb/s = 0.01 → at least 1 Gb/s.
    [{ smbBandwidthLimitFactor: 1 }, { performanceOption: 'SMB', maxMigrations: 2, smbBandwidthGbps: 1 }],
  ])('liveMigration %j → %j', (patch, expected) => {
    expect(planAtc(withLm(patch))).toMatchObject(expected);
  });

  it('uses the smallest node bandwidth: 50 Gb/s on one node → 25 % of 50 = 12 (12.5 rounded down)', () => {
    const doc = atcDesign();
    doc.nodes = doc.nodes!.map((n) => (n.id === 'azl02' ? { ...n, physicalBandwidthGbps: 50 } : n));
    expect(planAtc(topology(doc)).smbBandwidthGbps).toBe(12);
  });
});

describe('the ATC section', () => {
  it('is exactly this for a changed order', () => {
    expect(renderAtcSection(planAtc(withLm(CHANGED))).split('\n')).toEqual([
      '# ---------------------------------------------------------------------------------------------',
      '# 2a. Network ATC manages live migration on this cluster; changes made with Set-ClusterParameter',
      '#     or Set-VMHost are reverted as drift. The performance option, the simultaneous migrations',
      "#     and the SMB bandwidth are set through ATC's own cluster overrides.",
      '# ---------------------------------------------------------------------------------------------',
      '$atcOverride = New-NetIntentGlobalClusterOverrides',
      '# $false: ATC applies the performance option below instead of choosing one itself.',
      '$atcOverride.EnableVirtualMachineMigrationPerformanceSelection = $false',
      "$atcOverride.VirtualMachineMigrationPerformanceOption = 'SMB'",
      '$atcOverride.MaximumVirtualMachineMigrations = 2',
      "# 25 % (SMBBandwidthLimitFactor 2500) of 100 Gb/s, the smallest node's physical bandwidth, rounded down to whole Gb/s.",
      '$atcOverride.MaximumSMBMigrationBandwidthInGbps = 25',
      "# The design changes the live migration order that ATC set, so ATC's live migration network",
      '# selection is turned off first. What that means: ATC stops choosing the live migration',
      '# networks and no longer reverts MigrationNetworkOrder and MigrationExcludeNetworks as drift;',
      '# step 2 sets them, and they stay as set. ATC keeps managing its intents (adapters, virtual',
      '# switch, QoS) and the overrides above. To give the choice back to ATC later, set',
      '# EnableLiveMigrationNetworkSelection to $true in an override and apply it with',
      '# Set-NetIntent -GlobalClusterOverrides.',
      '$atcOverride.EnableLiveMigrationNetworkSelection = $false',
      '$AtcKeepsNetworkSelection = $true',
      "if ($PSCmdlet.ShouldProcess('Network ATC cluster overrides', 'Set-NetIntent -GlobalClusterOverrides: performance option SMB, 2 simultaneous migrations, SMB bandwidth 25 Gb/s, live migration network selection off')) {",
      '    Set-NetIntent -GlobalClusterOverrides $atcOverride',
      "    Write-Host 'Network ATC cluster overrides set: performance option SMB, 2 simultaneous migrations, SMB bandwidth 25 Gb/s, live migration network selection off.'",
      '    $AtcKeepsNetworkSelection = $false',
      '} elseif ($WhatIfPreference) {',
      '    # -WhatIf: show what step 2 would set once ATC has let go of the network selection.',
      '    $AtcKeepsNetworkSelection = $false',
      '}',
      '',
    ]);
  });

  it.each([
    ['the order ATC set', {}],
    ["the cluster's default order", { networkOrder: [] }],
  ])("keeps ATC's network selection with %s, and sets no SMB figure without a cap", (_name, lm) => {
    const lines = renderAtcSection(planAtc(withLm({ ...lm, smbBandwidthLimitFactor: 0 }))).split('\n');
    expect(lines).toContain('$atcOverride.EnableLiveMigrationNetworkSelection = $true');
    expect(lines).not.toContain('$atcOverride.EnableLiveMigrationNetworkSelection = $false');
    expect(lines.some((l) => l.startsWith('$atcOverride.MaximumSMBMigrationBandwidthInGbps'))).toBe(false);
    expect(lines).toContain('# The design has no SMB bandwidth cap (SMBBandwidthLimitFactor 0): ATC has no value for "no cap", so MaximumSMBMigrationBandwidthInGbps is left as ATC has it.');
    expect(lines.slice(-3)).toEqual([
      "    Write-Host 'Network ATC cluster overrides set: performance option SMB, 2 simultaneous migrations, live migration network selection on.'",
      '}',
      '',
    ]);
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
  });

  it('checks for ATC with the other checks, before anything changes', () => {
    const stop = at('if ($problems.Count -gt 0) {');
    expect(at("if (-not (Get-Command -Name Set-NetIntent -ErrorAction SilentlyContinue)) {")).toBeLessThan(stop);
    expect(at('} elseif (@(Get-NetIntent -ErrorAction SilentlyContinue).Count -eq 0) {')).toBeLessThan(stop);
    // Every change comes after the stop: ATC's override, the cluster parameters, the routes.
    for (const change of ['Set-NetIntent -GlobalClusterOverrides $atcOverride', '$vmType | Set-ClusterParameter', 'New-NetRoute -DestinationPrefix']) expect(at(change), change).toBeGreaterThan(stop);
  });

  it('turns off ATC’s network selection before step 2 sets the order, and step 2 is skipped while ATC keeps it', () => {
    const off = at('$atcOverride.EnableLiveMigrationNetworkSelection = $false');
    const setNetIntent = at('    Set-NetIntent -GlobalClusterOverrides $atcOverride');
    const gate = at('if ($AtcKeepsNetworkSelection) {');
    const step2 = at('# 2. Live migration settings');
    expect(off).toBeLessThan(setNetIntent);
    expect(setNetIntent).toBeLessThan(step2);
    expect(step2).toBeLessThan(gate);
    expect(gate).toBeLessThan(at('foreach ($setting in $settings) {'));
  });

  it('runs every change through ShouldProcess (-WhatIf, -Confirm): the plain script’s, plus the overrides', () => {
    const plainCount = buildPowerShell(topology(EXAMPLES[0]!.document)).script.match(/\$PSCmdlet\.ShouldProcess\(/g)!.length;
    expect(s.match(/\$PSCmdlet\.ShouldProcess\(/g)).toHaveLength(plainCount + 1);
    const setAt = at('    Set-NetIntent -GlobalClusterOverrides $atcOverride');
    expect(s.lastIndexOf("if ($PSCmdlet.ShouldProcess('Network ATC cluster overrides'", setAt)).toBeGreaterThan(-1);
    // What ATC would revert (Set-VMHost, the cluster properties) is skipped: step 3 gets no nodes and no properties.
    const gate = at('$DesignNodes = @()');
    expect(at('$clusterProperties = @()')).toBeGreaterThan(gate);
    expect(gate).toBeLessThan(at('foreach ($node in $DesignNodes) {\n    $current = $hostOptions[$node]'));
    expect(gate).toBeGreaterThan(at('# 3. Live migration performance option of every node'));
  });

  it('puts each ATC part in exactly once', () => {
    for (const part of ['New-NetIntentGlobalClusterOverrides', 'if ($AtcKeepsNetworkSelection) {', 'Get-Command -Name Set-NetIntent', '$clusterProperties = @()']) expect(s.split(part)).toHaveLength(2);
  });
});

describe('the plain script', () => {
  it('has each place the ATC parts go exactly once (a change to its layout fails here first)', () => {
    const plain = buildPowerShell(topology(structuredClone(EXAMPLES[0]!.document))).script;
    for (const marker of Object.values(ATC_MARKERS)) expect(plain.split(marker)).toHaveLength(2);
  });

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
  ])('is what %s gets: no ATC cmdlet', (_name, make) => {
    const r = buildPowerShell(make());
    expect(r.networkAtc).toBe(false);
    expect(r.script).not.toMatch(/NetIntent|AtcKeepsNetworkSelection|Network ATC/);
  });

  it('and the ATC variant differ only by the spliced parts', () => {
    const atc = withLm(CHANGED);
    const doc = structuredClone(atc.document) as TopologyDocument;
    delete (doc.origin as Record<string, unknown>).networkAtc;
    const plain = buildPowerShell(topology(doc)).script;
    const variant = buildPowerShell(atc).script;
    // Removing the three parts gives the plain script back, character for character.
    let stripped = variant;
    expect(stripped.indexOf('Network ATC manages live migration on this cluster, and reverts')).toBeLessThan(stripped.indexOf('#>'));
    const cut = (from: string, to: string): void => {
      const a = stripped.indexOf(from);
      const b = stripped.indexOf(to, a);
      stripped = stripped.slice(0, a) + stripped.slice(b);
    };
    cut('Network ATC manages live migration on this cluster, and reverts', 'Run it elevated on a node of the cluster');
    cut('# Network ATC manages live migration on this cluster: its cmdlets', 'if ($problems.Count -gt 0) {');
    cut('# ---------------------------------------------------------------------------------------------\n# 2a.', '# ---------------------------------------------------------------------------------------------\n# 2. Live');
    cut('if ($AtcKeepsNetworkSelection) {', 'foreach ($setting in $settings) {');
    cut('# Network ATC set the performance option and the limits through its overrides', 'foreach ($node in $DesignNodes) {\n    $current');
    expect(stripped).toBe(plain);
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

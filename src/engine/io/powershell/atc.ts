/**
 * The apply script for a cluster whose live migration Network ATC manages (an imported design
 * whose origin says so). ATC reverts changes made with Set-ClusterParameter or Set-VMHost as
 * drift, so the script:
 * - checks, with the other checks and before any change, that the NetworkATC cmdlets are there
 *   and that the cluster has intents;
 * - sets the performance option, the parallel migrations and the SMB bandwidth through ATC's
 *   cluster overrides (New-NetIntentGlobalClusterOverrides, Set-NetIntent -GlobalClusterOverrides);
 * - with an explicit live migration order in the design, first turns off ATC's live migration
 *   network selection (saying what that means) so that the order it then sets is kept; with the
 *   cluster's default order, leaves the choice of networks to ATC and does not set
 *   MigrationNetworkOrder / MigrationExcludeNetworks at all.
 * It is spliced into the plain script at fixed places (`withAtc`), so -WhatIf, -Confirm and the
 * checks-before-changes rule hold as they do there; the plain script's step 3 (Set-VMHost and the
 * cluster properties, which ATC would revert) is skipped.
 */
import { readOrigin } from '../../model/origin';
import type { Topology, Transport } from '../../model/types';
import { psComment, psString } from './script';

export interface AtcPlan {
  /** ATC's name of the performance option. */
  performanceOption: 'TCPIP' | 'Compression' | 'SMB';
  maxMigrations: number;
  /** Gb/s for MaximumSMBMigrationBandwidthInGbps; null when the design has no cap (left to ATC). */
  smbBandwidthGbps: number | null;
  /** How the SMB figure was worked out, for the comment. */
  smbBasis: string;
  /**
   * The design sets a live migration order or exclusions other than those the cluster had when
   * it was imported (which ATC chose): turn off ATC's network selection first, then apply them.
   */
  explicitOrder: boolean;
}

const OPTION: Record<Transport, AtcPlan['performanceOption']> = { tcpip: 'TCPIP', compression: 'Compression', smb: 'SMB' };

export function planAtc(t: Topology): AtcPlan {
  const lm = t.liveMigration;
  const factor = lm.smbBandwidthLimitFactor;
  // ATC takes one cluster-wide figure in Gb/s; the design's cap is a share of each node's physical
  // bandwidth. The smallest node's share is the figure that holds on every node.
  const bandwidths = t.nodes.map((n) => n.effectiveBandwidthGbps).filter((b) => b > 0);
  const smallest = bandwidths.length > 0 ? Math.min(...bandwidths) : null;
  let smbBandwidthGbps: number | null = null;
  let smbBasis: string;
  if (factor === 0) smbBasis = 'The design has no SMB bandwidth cap (SMBBandwidthLimitFactor 0): ATC has no value for "no cap", so MaximumSMBMigrationBandwidthInGbps is left as ATC has it.';
  else if (smallest === null) smbBasis = 'No node bandwidth is known, so MaximumSMBMigrationBandwidthInGbps is left as ATC has it.';
  else {
    smbBandwidthGbps = Math.max(1, Math.floor((smallest * factor) / 10000));
    smbBasis = `${factor / 100} % (SMBBandwidthLimitFactor ${factor}) of ${smallest} Gb/s, the smallest node's physical bandwidth, rounded down to whole Gb/s.`;
  }
  return { performanceOption: OPTION[lm.transport], maxMigrations: lm.maxParallelMigrations, smbBandwidthGbps, smbBasis, explicitOrder: changesOrder(t) };
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether the design changes what ATC set: an explicit order or exclusions other than the imported ones. */
function changesOrder(t: Topology): boolean {
  const lm = t.liveMigration;
  const imported = readOrigin(t.document)?.liveMigrationAsImported;
  if (!imported) return lm.networkOrder.length > 0;
  const excluded = [...lm.excludedNetworks].sort();
  return lm.networkOrder.length > 0 && (!same(imported.networkOrder, lm.networkOrder) || !same([...imported.excludedNetworks].sort(), excluded));
}

/** What the override sets, in words (ShouldProcess and Write-Host). */
function summary(p: AtcPlan): string {
  return [
    `performance option ${p.performanceOption}`,
    `${p.maxMigrations} simultaneous migration${p.maxMigrations === 1 ? '' : 's'}`,
    p.smbBandwidthGbps === null ? null : `SMB bandwidth ${p.smbBandwidthGbps} Gb/s`,
    `live migration network selection ${p.explicitOrder ? 'off' : 'on'}`,
  ]
    .filter((x): x is string => x !== null)
    .join(', ');
}

const RULE = '# ---------------------------------------------------------------------------------------------';

/** Checks, run with the others before anything is changed. */
export const ATC_CHECKS = `# Network ATC manages live migration on this cluster: its cmdlets must be here, with intents.
if (-not (Get-Command -Name Set-NetIntent -ErrorAction SilentlyContinue)) {
    $problems.Add('This design comes from a cluster managed by Network ATC, but the NetworkATC module is not available here: run the script on a node of that cluster.')
} elseif (@(Get-NetIntent -ErrorAction SilentlyContinue).Count -eq 0) {
    $problems.Add('Network ATC has no intent on this cluster, so it does not manage live migration here: use the script made for a cluster without Network ATC.')
}
`;

export function renderAtcSection(p: AtcPlan): string {
  const lines = [
    RULE,
    '# 2a. Network ATC manages live migration on this cluster; changes made with Set-ClusterParameter',
    '#     or Set-VMHost are reverted as drift. The performance option, the simultaneous migrations',
    "#     and the SMB bandwidth are set through ATC's own cluster overrides.",
    RULE,
    '$atcOverride = New-NetIntentGlobalClusterOverrides',
    '# $false: ATC applies the performance option below instead of choosing one itself.',
    '$atcOverride.EnableVirtualMachineMigrationPerformanceSelection = $false',
    `$atcOverride.VirtualMachineMigrationPerformanceOption = ${psString(p.performanceOption)}`,
    `$atcOverride.MaximumVirtualMachineMigrations = ${p.maxMigrations}`,
    psComment(`# ${p.smbBasis}`),
    ...(p.smbBandwidthGbps === null ? [] : [`$atcOverride.MaximumSMBMigrationBandwidthInGbps = ${p.smbBandwidthGbps}`]),
    ...(p.explicitOrder
      ? [
          "# The design changes the live migration order that ATC set, so ATC's live migration network",
          '# selection is turned off first. What that means: ATC stops choosing the live migration',
          '# networks and no longer reverts MigrationNetworkOrder and MigrationExcludeNetworks as drift;',
          '# step 2 sets them, and they stay as set. ATC keeps managing its intents (adapters, virtual',
          '# switch, QoS) and the overrides above. To give the choice back to ATC later, set',
          '# EnableLiveMigrationNetworkSelection to $true in an override and apply it with',
          '# Set-NetIntent -GlobalClusterOverrides.',
          '$atcOverride.EnableLiveMigrationNetworkSelection = $false',
        ]
      : [
          "# The design keeps the live migration networks ATC chose (or the cluster's default order): ATC",
          '# keeps choosing them, and step 2 leaves MigrationNetworkOrder and MigrationExcludeNetworks to it.',
          '$atcOverride.EnableLiveMigrationNetworkSelection = $true',
        ]),
    '$AtcKeepsNetworkSelection = $true',
    `if ($PSCmdlet.ShouldProcess('Network ATC cluster overrides', ${psString(`Set-NetIntent -GlobalClusterOverrides: ${summary(p)}`)})) {`,
    '    Set-NetIntent -GlobalClusterOverrides $atcOverride',
    `    Write-Host ${psString(`Network ATC cluster overrides set: ${summary(p)}.`)}`,
    ...(p.explicitOrder ? ['    $AtcKeepsNetworkSelection = $false', '} elseif ($WhatIfPreference) {', '    # -WhatIf: show what step 2 would set once ATC has let go of the network selection.', '    $AtcKeepsNetworkSelection = $false'] : []),
    '}',
    '',
  ];
  return lines.join('\n');
}

/** Skips step 2 while ATC keeps the network selection (it would revert those settings as drift). */
export const ATC_STEP2_GATE = `if ($AtcKeepsNetworkSelection) {
    Write-Host 'Network ATC chooses the live migration networks: MigrationNetworkOrder and MigrationExcludeNetworks are left to it.'
    $settings = @()
    $UseClusterDefaultOrder = $false
}
`;

/** Step 3 is ATC's (section 2a set it through the overrides): Set-VMHost and the cluster properties would be reverted as drift. */
export const ATC_STEP3_GATE = `# Network ATC set the performance option and the limits through its overrides (section 2a);
# Set-VMHost and the cluster properties would be reverted as drift, so step 3 leaves them alone.
Write-Host 'Network ATC manages the performance option and the limits: the hosts and the cluster properties are left to it.'
$DesignNodes = @()
$clusterProperties = @()
`;

/** The help's word on the ATC variant (its steps 2 and 3 describe the plain script). */
export const ATC_HELP = `Network ATC manages live migration on this cluster, and reverts changes made with
Set-ClusterParameter or Set-VMHost as drift. So this script sets the performance option, the
simultaneous migrations and the SMB bandwidth through ATC's cluster overrides (2a) instead of
step 3, and leaves MigrationNetworkOrder and MigrationExcludeNetworks (step 2) to ATC unless
the design changes the order ATC set: then it turns off ATC's live migration network selection
first.

`;

/** Where the ATC parts go in the plain script; each must be there exactly once. */
export const ATC_MARKERS = {
  help: 'Run it elevated on a node of the cluster, first with -WhatIf',
  checks: 'if ($problems.Count -gt 0) {',
  step2: '# 2. Live migration settings',
  loop: 'foreach ($setting in $settings) {',
  step3: 'foreach ($node in $DesignNodes) {\n    $current = $hostOptions[$node]',
} as const;

function insertBefore(script: string, marker: string, text: string, lineStart = false): string {
  const at = script.indexOf(marker);
  if (at < 0 || script.indexOf(marker, at + 1) >= 0) throw new Error(`The apply script's layout changed: '${marker}' is not there exactly once.`);
  // Before the rule line that opens the step, when asked.
  const where = lineStart ? script.lastIndexOf(RULE, at) : at;
  return script.slice(0, where) + text + script.slice(where);
}

/** The plain script with the ATC checks, the ATC section and the gates of steps 2 and 3 spliced in. */
export function withAtc(script: string, plan: AtcPlan): string {
  let s = insertBefore(script, ATC_MARKERS.help, ATC_HELP);
  s = insertBefore(s, ATC_MARKERS.checks, `${ATC_CHECKS}\n`);
  s = insertBefore(s, ATC_MARKERS.step2, `${renderAtcSection(plan)}`, true);
  s = insertBefore(s, ATC_MARKERS.loop, ATC_STEP2_GATE);
  return insertBefore(s, ATC_MARKERS.step3, ATC_STEP3_GATE);
}

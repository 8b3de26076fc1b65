/**
 * The apply script for a cluster whose live migration Network ATC manages (an imported design
 * whose origin says so). ATC reverts changes made with Set-ClusterParameter or Set-VMHost as
 * drift, so the performance option, the simultaneous migrations and the SMB bandwidth go through
 * ATC's global cluster overrides instead. The script (script.ts) reads the cluster's current
 * ClusterOverride and changes only the properties below on it, so what the design does not touch
 * (EnableNetworkNaming, …) keeps its value; it then waits for Get-NetIntentStatus -GlobalOverrides
 * to report the overrides applied before it sets anything ATC could revert.
 *
 * Sources (docs/DECISIONS.md, decision 274): "Manage Network ATC" (MicrosoftDocs azure-stack-docs):
 * MaximumVirtualMachineMigrations 1 (1–10), VirtualMachineMigrationPerformanceOption "SMB, TCP,
 * Compression"; New-NetIntentGlobalClusterOverrides (MaximumSMBMigrationBandwidthInGbps UInt32).
 */
import { ATC_MAX_MIGRATIONS_RANGE, statedLiveMigration } from '../../model/defaults';
import { readOrigin } from '../../model/origin';
import type { Topology, Transport } from '../../model/types';
import { wholeIn } from './plan';

/** ATC's range for MaximumVirtualMachineMigrations ("Manage Network ATC": 1 (1-10)). */
export const ATC_MAX_MIGRATIONS = ATC_MAX_MIGRATIONS_RANGE;
/** MaximumSMBMigrationBandwidthInGbps is a UInt32. */
const UINT32_MAX = 4294967295;

/** ATC's names of the performance options ("Manage Network ATC": SMB, TCP, Compression). */
export const ATC_OPTION: Record<Transport, 'TCP' | 'Compression' | 'SMB'> = { tcpip: 'TCP', compression: 'Compression', smb: 'SMB' };

export interface AtcValue {
  name: string;
  value: string | number | boolean;
}

export interface AtcPlan {
  /** The override properties to set, each with a value already checked against its range. */
  values: AtcValue[];
  /** How the SMB figure was worked out, for the comment; null when the design states no cap. */
  smbBasis: string | null;
  /**
   * The design states an order or exclusions other than those the cluster had when it was
   * imported (which ATC chose): ATC's network selection is turned off first, then they are applied.
   */
  explicitOrder: boolean;
  changes: string[];
  leftAlone: string[];
  warnings: string[];
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether the design changes what ATC set: an explicit order or exclusions other than the imported ones. */
function changesOrder(t: Topology): boolean {
  const lm = t.liveMigration;
  const stated = statedLiveMigration(t);
  if (stated.networkOrder === undefined || lm.networkOrder.length === 0) return false;
  const imported = readOrigin(t.document)?.liveMigrationAsImported;
  if (!imported) return true;
  return !same(imported.networkOrder, lm.networkOrder) || (stated.excludedNetworks !== undefined && !same([...imported.excludedNetworks].sort(), [...lm.excludedNetworks].sort()));
}

export function planAtc(t: Topology): AtcPlan {
  const lm = t.liveMigration;
  const stated = statedLiveMigration(t);
  const values: AtcValue[] = [];
  const changes: string[] = [];
  const leftAlone: string[] = [];
  const warnings: string[] = [];

  if (stated.transport !== undefined) {
    // $false: ATC applies the option below instead of choosing one itself.
    values.push({ name: 'EnableVirtualMachineMigrationPerformanceSelection', value: false });
    values.push({ name: 'VirtualMachineMigrationPerformanceOption', value: ATC_OPTION[lm.transport] });
    changes.push(`Network ATC override: performance option ${ATC_OPTION[lm.transport]} (ATC no longer chooses it).`);
  } else leftAlone.push('Performance option: not in the design, so Network ATC keeps its own.');

  if (stated.maxParallelMigrations !== undefined) {
    const n = wholeIn(lm.maxParallelMigrations, ATC_MAX_MIGRATIONS.min, ATC_MAX_MIGRATIONS.max);
    if (n === null)
      warnings.push(`Simultaneous live migrations ${String(lm.maxParallelMigrations)}: Network ATC takes 1 to 10 (MaximumVirtualMachineMigrations), so the script leaves ATC's value as it is. Set 10 or fewer.`);
    else {
      values.push({ name: 'MaximumVirtualMachineMigrations', value: n });
      changes.push(`Network ATC override: ${n} simultaneous live migration${n === 1 ? '' : 's'} (MaximumVirtualMachineMigrations, 1 to 10).`);
    }
  } else leftAlone.push('Simultaneous live migrations: not in the design, so Network ATC keeps its own.');

  let smbBasis: string | null = null;
  if (stated.smbBandwidthLimitFactor !== undefined) {
    const factor = lm.smbBandwidthLimitFactor;
    // ATC takes one cluster-wide figure in Gb/s; the design's cap is a share of each node's physical
    // bandwidth. The smallest node's share is the figure that holds on every node.
    const bandwidths = t.nodes.map((n) => n.effectiveBandwidthGbps).filter((b) => b > 0 && Number.isFinite(b));
    const smallest = bandwidths.length > 0 ? Math.min(...bandwidths) : null;
    if (factor === 0) smbBasis = 'The design has no SMB bandwidth cap (SMBBandwidthLimitFactor 0): ATC has no value for "no cap", so MaximumSMBMigrationBandwidthInGbps is left as ATC has it.';
    else if (smallest === null) smbBasis = 'No node bandwidth is known, so MaximumSMBMigrationBandwidthInGbps is left as ATC has it.';
    else {
      const gbps = wholeIn(Math.max(1, Math.floor((smallest * factor) / 10000)), 1, UINT32_MAX);
      if (gbps === null) smbBasis = `${factor / 100} % of the smallest node's bandwidth is more than MaximumSMBMigrationBandwidthInGbps holds (a UInt32 of Gb/s), so it is left as ATC has it. Check the nodes' physical bandwidth.`;
      else {
        values.push({ name: 'MaximumSMBMigrationBandwidthInGbps', value: gbps });
        smbBasis = `${factor / 100} % (SMBBandwidthLimitFactor ${factor}) of ${smallest} Gb/s, the smallest node's physical bandwidth, rounded down to whole Gb/s.`;
        changes.push(`Network ATC override: SMB live migration bandwidth ${gbps} Gb/s (${smbBasis})`);
      }
    }
    if (!values.some((v) => v.name === 'MaximumSMBMigrationBandwidthInGbps')) leftAlone.push(`SMB bandwidth: ${smbBasis}`);
  } else leftAlone.push('SMB bandwidth: not in the design, so Network ATC keeps its own.');

  const explicitOrder = changesOrder(t);
  if (explicitOrder) {
    values.push({ name: 'EnableLiveMigrationNetworkSelection', value: false });
    changes.push("Network ATC override: live migration network selection off, so that the design's order and exclusions are kept (ATC keeps managing its intents).");
  } else leftAlone.push('MigrationNetworkOrder and MigrationExcludeNetworks: Network ATC keeps choosing the live migration networks (the design keeps the order ATC set).');
  return { values, smbBasis, explicitOrder, changes, leftAlone, warnings };
}

/** The help's word on the ATC variant. */
export const ATC_HELP = `Network ATC manages live migration on this cluster, and reverts changes made with
Set-ClusterParameter or Set-VMHost as drift. So this script sets the performance option, the
simultaneous migrations and the SMB bandwidth through ATC's cluster overrides, starting from
the cluster's current ClusterOverride, and waits for ATC to report them applied. It leaves
MigrationNetworkOrder and MigrationExcludeNetworks to ATC unless the design changes the order
ATC set: then it turns off ATC's live migration network selection first.
`;

/** The PowerShell script that applies a design to a real cluster (see plan.ts, atc.ts and script.ts). */
import { atcManagesLiveMigration, readOrigin } from '../../model/origin';
import type { Topology } from '../../model/types';
import { planAtc } from './atc';
import { planApply } from './plan';
import { renderScript, type ScriptOptions } from './script';

export { psString, psComment, psInt, type ScriptOptions } from './script';
export { planApply, type ApplyPlan } from './plan';
export { planAtc, type AtcPlan, ATC_MAX_MIGRATIONS } from './atc';

export interface PowerShellResult {
  script: string;
  /** What the user should know before running it (shown next to the script, and in its comments). */
  warnings: string[];
  /** Every change the script will make, in words (the dialog lists them). */
  changes: string[];
  /** What it leaves as the cluster has it, because the design does not state it. */
  leftAlone: string[];
  /** The variant: Network ATC's cmdlets, for an imported cluster whose live migration ATC manages. */
  networkAtc: boolean;
}

export function buildPowerShell(topology: Topology, options: ScriptOptions = {}): PowerShellResult {
  const plan = planApply(topology);
  if (!atcManagesLiveMigration(readOrigin(topology.document))) {
    return { script: renderScript(plan, options), warnings: plan.warnings, changes: plan.changes, leftAlone: plan.leftAlone, networkAtc: false };
  }
  const atc = planAtc(topology);
  const note = atc.explicitOrder
    ? "Network ATC manages live migration on this cluster: the script sets its cluster overrides, and turns off ATC's live migration network selection first so that the design's changed order is kept."
    : 'Network ATC manages live migration on this cluster: the script sets its cluster overrides and leaves the choice of live migration networks to ATC (the design keeps the order ATC set).';
  // Under ATC, the order and exclusions are the plain plan's only when ATC lets go of them.
  const networkChanges = atc.explicitOrder ? plan.changes.filter((c) => c.startsWith('Migration')) : [];
  const other = plan.changes.filter((c) => c.startsWith('SMB Multichannel') || c.startsWith('Static routes'));
  return {
    script: renderScript(plan, options, atc),
    warnings: [...plan.warnings, ...atc.warnings, note],
    changes: [...atc.changes, ...networkChanges, ...other],
    leftAlone: [...atc.leftAlone, ...plan.leftAlone.filter((c) => c.startsWith('Migration') || c.startsWith('SMB Multichannel'))],
    networkAtc: true,
  };
}

/** The PowerShell script that applies a design to a real cluster (see plan.ts and script.ts). */
import { atcManagesLiveMigration, readOrigin } from '../../model/origin';
import type { Topology } from '../../model/types';
import { planAtc, withAtc } from './atc';
import { planApply } from './plan';
import { renderScript, type ScriptOptions } from './script';

export { psString, psComment, type ScriptOptions } from './script';
export { planApply, type ApplyPlan } from './plan';
export { planAtc, type AtcPlan } from './atc';

export interface PowerShellResult {
  script: string;
  /** What the user should know before running it (shown next to the script, and in its comments). */
  warnings: string[];
  /** The variant: Network ATC's cmdlets, for an imported cluster whose live migration ATC manages. */
  networkAtc: boolean;
}

export function buildPowerShell(topology: Topology, options: ScriptOptions = {}): PowerShellResult {
  const plan = planApply(topology);
  const script = renderScript(plan, options);
  if (!atcManagesLiveMigration(readOrigin(topology.document))) return { script, warnings: plan.warnings, networkAtc: false };
  const atc = planAtc(topology);
  const note = atc.explicitOrder
    ? "Network ATC manages live migration on this cluster: the script sets its cluster overrides, and turns off ATC's live migration network selection first so that the design's changed order is kept."
    : 'Network ATC manages live migration on this cluster: the script sets its cluster overrides and leaves the choice of live migration networks to ATC (the design keeps the order ATC set).';
  return { script: withAtc(script, atc), warnings: [...plan.warnings, note], networkAtc: true };
}

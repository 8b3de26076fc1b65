/** The PowerShell script that applies a design to a real cluster (see plan.ts and script.ts). */
import type { Topology } from '../../types';
import { planApply } from './plan';
import { renderScript, type ScriptOptions } from './script';

export { psString, psComment, type ScriptOptions } from './script';
export { planApply, type ApplyPlan } from './plan';

export interface PowerShellResult {
  script: string;
  /** What the user should know before running it (shown next to the script, and in its comments). */
  warnings: string[];
}

export function buildPowerShell(topology: Topology, options: ScriptOptions = {}): PowerShellResult {
  const plan = planApply(topology);
  return { script: renderScript(plan, options), warnings: plan.warnings };
}

import { it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { loadPowerShell, parsePowerShell, syntaxErrors, unguardedChanges } from '../powershell/grammar';
import { parseTopology } from '../../src/engine';
import { buildPowerShell } from '../../src/engine/io';
import { EXAMPLES } from '../../src/examples';
it('probe', async () => {
  await loadPowerShell();
  for (const e of EXAMPLES) {
    const r = parseTopology(structuredClone(e.document));
    if (!r.ok) throw new Error('x');
    const s = buildPowerShell(r.topology).script;
    writeFileSync(`/tmp/h21/${e.id}.ps1`, s);
    const t = parsePowerShell(s);
    console.log(e.id, JSON.stringify(syntaxErrors(t).slice(0, 5)), JSON.stringify(unguardedChanges(t)));
  }
  expect(1).toBe(1);
});

/**
 * The apply script read by PowerShell's grammar (tree-sitter-powershell, test/powershell/grammar.ts):
 * every generated script parses with no error node; a hostile name in any field lands only inside
 * verbatim strings or comments; every state-changing command sits inside a ShouldProcess block.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { buildPowerShell, psComment, psString } from '../../src/engine/io';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { textProblem } from '../../src/engine/model/limits';
import { EXAMPLES } from '../../src/examples';
import { foldQuotes, landsOnlyInert, loadPowerShell, parsePowerShell, syntaxErrors, unguardedChanges, whereLands } from '../powershell/grammar';

beforeAll(loadPowerShell);

function topology(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}
function atcDesign(): TopologyDocument {
  const r = parseClusterInventory(new Uint8Array(readFileSync(new URL('../fixtures/inventory/ps7-v2-atc.json', import.meta.url))));
  if (!r.ok) throw new Error('refused');
  return structuredClone(r.topology.document) as TopologyDocument;
}

/** Every option the script has: order kinds, each host setting stated or not, a cap or none, SMB constraints. */
const OPTIONS: Record<string, unknown>[] = [
  {},
  { networkOrder: [] },
  { excludedNetworks: [] },
  { transport: 'tcpip' },
  { transport: 'smb', maxParallelMigrations: 64, smbBandwidthLimitFactor: 10000 },
  { transport: 'compression', maxParallelMigrations: 1, smbBandwidthLimitFactor: 0 },
];

function scripts(): [string, string][] {
  const out: [string, string][] = [];
  for (const e of EXAMPLES) {
    out.push([e.id, buildPowerShell(topology(structuredClone(e.document))).script]);
    for (const [i, lm] of OPTIONS.entries()) {
      const doc = structuredClone(e.document);
      const smb = doc.networks?.[0] ? { smbMultichannelNetworks: [doc.networks[0].id] } : {};
      doc.liveMigration = { ...doc.liveMigration, ...lm, ...(i === 4 ? smb : {}) };
      out.push([`${e.id} + ${JSON.stringify(lm)}`, buildPowerShell(topology(doc)).script]);
    }
  }
  for (const [i, lm] of [...OPTIONS, { networkOrder: ['c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f12', 'c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f11'] }, { maxParallelMigrations: 11 }].entries()) {
    const doc = atcDesign();
    doc.liveMigration = { ...doc.liveMigration, ...lm };
    const r = buildPowerShell(topology(doc));
    expect(r.networkAtc).toBe(true);
    out.push([`ATC ${i} ${JSON.stringify(lm)}`, r.script]);
  }
  return out;
}

describe('every generated script, plain and Network ATC, every option (the -Restore path is in each)', () => {
  const all = scripts();

  it.each(all)('%s parses with no error node', (_name, script) => {
    expect(syntaxErrors(parsePowerShell(script))).toEqual([]);
  });

  it.each(all)('%s changes the cluster only inside ShouldProcess', (_name, script) => {
    expect(unguardedChanges(parsePowerShell(script))).toEqual([]);
  });

  it('has the -Restore path and the ATC override in the scripts checked', () => {
    expect(all.every(([, s]) => s.includes('if ($Restore) {'))).toBe(true);
    expect(all.some(([, s]) => s.includes('$atcOverride') || s.includes('Set-NetIntent -GlobalClusterOverrides $override'))).toBe(true);
    expect(all.some(([, s]) => /\$AtcOverride = \[ordered\]@\{\n {4}EnableVirtualMachineMigrationPerformanceSelection = \$false/.test(s))).toBe(true);
  });
});

describe('the ShouldProcess check itself', () => {
  it('finds a change taken out of its ShouldProcess block (so a pass means something)', () => {
    const script = buildPowerShell(topology(structuredClone(EXAMPLES[0]!.document))).script;
    const broken = script.replace('if ($PSCmdlet.ShouldProcess($change.Target, $action)) {', 'if ($true) {');
    const found = unguardedChanges(parsePowerShell(broken)).map((c) => c.text);
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining('Set-ClusterParameter'), expect.stringContaining('$cluster.($change.Name) = $change.Value'), expect.stringContaining('Set-NetIntent')]));
  });
});

describe('a hostile name in any field', () => {
  // Quotes of every kind, sub-expressions, backticks, here-string terminators, the end of a block
  // comment, line and paragraph separators.
  const FRAGMENTS = ["'", '\u2018', '\u2019', '\u201a', '\u201b', '"', '\u201c', '\u201d', '\u201e', '$(Remove-Item C:\\ -Recurse)', '`', "'@", '"@', '@\'', '#>', '<#', '\u2028', '\u2029', '\u2013WhatIf', ';', '{', '}', ' ', 'x'];
  const hostile = fc
    .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 })
    .map((parts) => `N${parts.join('')}N`)
    .filter((s) => textProblem(s, { max: 200 }) === null);

  /** Where a name can be in the script: escaped in a single-quoted string, or in a comment. */
  const needles = (name: string): string[] => [foldQuotes(psString(name).slice(1, -1)), foldQuotes(psComment(name))];

  it('lands only inside verbatim strings or comments', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 6, maxLength: 6 }), (names) => {
        const doc = structuredClone(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
        doc.name = names[0]!;
        doc.nodes![0]!.name = names[1]!;
        doc.networks![0]!.name = names[2]!;
        doc.networks![2]!.name = names[3]!;
        doc.nics![0]!.name = names[4]!;
        doc.nics![1]!.name = names[5]!;
        doc.liveMigration = { ...doc.liveMigration, transport: 'smb', smbMultichannelNetworks: [doc.networks![2]!.id] };
        const folded = foldQuotes(buildPowerShell(topology(doc)).script);
        const tree = parsePowerShell(folded);
        expect(syntaxErrors(tree)).toEqual([]);
        for (const name of names) {
          const found = needles(name).flatMap((n) => whereLands(tree, folded, n));
          expect(found.length, name).toBeGreaterThan(0);
          for (const n of needles(name)) if (folded.includes(n)) expect(landsOnlyInert(tree, folded, n), `${JSON.stringify(name)} in ${JSON.stringify(whereLands(tree, folded, n))}`).toBe(true);
        }
        expect(unguardedChanges(tree)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

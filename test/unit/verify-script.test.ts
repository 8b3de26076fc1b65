/**
 * Test-LmPaths.ps1 as PowerShell reads it: parsed with tree-sitter-powershell, no error node, only
 * commands that read (or open and close TCP connections), and every name of the design — hostile
 * ones included — inside a verbatim (single-quoted) string or a comment, where nothing expands.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { ALL_PAIRS_UP_TO, buildPathTestScript, CONNECT_BATCH } from '../../src/engine/io/verify';
import { loadPowerShell, parsePowerShell } from '../powershell/grammar';
import { load, loadFixture } from './helpers';

beforeAll(loadPowerShell);

const parse = (text: string): SyntaxNode => parsePowerShell(text).rootNode;

function* walk(n: SyntaxNode): Generator<SyntaxNode> {
  yield n;
  for (const c of n.children) if (c) yield* walk(c);
}

const HOSTILE = ["HV01'; Remove-ClusterNode -Name HV02 -Force; '", '$(Stop-Computer -Force)', 'HV"03`n@{x=1}; Format-Volume', 'HV\u2018; Restart-Computer; \u2019'];
const DESIGN_NAME = "Design'; Remove-Cluster -Force; #";
const SITE_NAME = "Site A'; Stop-Service vmms; '";

function hostileDesign() {
  const base = loadFixture('switched-4-node.json').document;
  return load({
    ...base,
    name: DESIGN_NAME,
    liveMigration: { ...base.liveMigration, transport: 'smb' },
    nodes: base.nodes!.map((n, i) => ({ ...n, name: HOSTILE[i]!, ...(i < 2 ? { site: 'sa' } : {}) })),
    sites: [{ id: 'sa', name: SITE_NAME }],
  });
}

describe('Test-LmPaths.ps1', () => {
  it('parses without an error node, for a plain design and a hostile one', () => {
    for (const t of [loadFixture('switched-4-node.json'), loadFixture('two-site-routed.json'), hostileDesign()]) {
      const root = parse(buildPathTestScript(t, { generatedAt: '2026-12-07T18:00:00Z' }));
      expect(root.hasError).toBe(false);
    }
  });

  it('puts every name only inside verbatim strings or comments', () => {
    const script = buildPathTestScript(hostileDesign());
    const root = parse(script);
    for (const name of [...HOSTILE, DESIGN_NAME, SITE_NAME].filter((n) => /^[\x20-\x7e]*$/.test(n))) {
      const quoted = name.replace(/'/g, "''");
      let at = script.indexOf(quoted);
      expect(at, name).toBeGreaterThan(0);
      for (; at >= 0; at = script.indexOf(quoted, at + 1)) {
        const n = root.descendantForIndex(at, at + quoted.length);
        expect(['verbatim_string_characters', 'comment'], `${name} at ${at} is in a ${n?.type}`).toContain(n?.type);
      }
    }
    // Typographic quotes are quote marks to PowerShell: doubled, as the apply script does.
    expect(script).toContain("'HV\u2018\u2018; Restart-Computer; \u2019\u2019'");
  });

  it('runs only commands that read, test connections, manage its own jobs and write its file', () => {
    const root = parse(buildPathTestScript(loadFixture('switched-4-node.json')));
    const commands = new Set([...walk(root)].filter((n) => n.type === 'command_name').map((n) => n.text));
    expect([...commands].sort()).toEqual([
      'ConvertTo-Json', 'ForEach-Object', 'Get-Cluster', 'Get-Date', 'Get-ShortName', 'Group-Object', 'Invoke-Command', 'New-Object',
      'Receive-Job', 'Remove-Job', 'Set-Content', 'Set-StrictMode', 'Start-Sleep', 'Stop-Job', 'Wait-Job', 'Where-Object', 'Write-Host',
    ]);
    // Set-Content writes the result file only.
    expect(root.text).toMatch(/ConvertTo-Json -Depth 5 \| Set-Content -Encoding UTF8 -Path \$OutFile/);
  });

  it('has help, the documented parameters and the bounded default scope', () => {
    const script = buildPathTestScript(loadFixture('switched-4-node.json'));
    for (const part of ['.SYNOPSIS', '.DESCRIPTION', '.PARAMETER TimeoutSeconds', '.PARAMETER Pairs', '.PARAMETER AllPairs', '.PARAMETER OutFile', '.EXAMPLE'])
      expect(script).toContain(part);
    expect(script).toContain('[ValidateRange(1, 600)][int]$TimeoutSeconds = 25,');
    expect(script).toContain(`$nodes.Count -le ${ALL_PAIRS_UP_TO}`);
    expect(script).toContain(`$batch = ${CONNECT_BATCH}`);
    expect(script).toMatch(/Write-Host \("Estimate: /);
    // Bound to each source address: a socket bound before it connects.
    expect(script).toContain('$socket.Bind((New-Object System.Net.IPEndPoint($src, 0)))');
    // The script's text is ASCII (names aside): Windows PowerShell 5.1 reads it whatever the encoding.
    expect([...script].filter((ch) => !'\t\n\r'.includes(ch) && (ch < ' ' || ch > '~'))).toEqual([]);
  });

  it('tests port 6600, and 445 too with transport SMB; every address of the design', () => {
    const tcp = buildPathTestScript(loadFixture('switched-4-node.json'));
    expect(tcp).toContain('$ports = @(6600)');
    expect(tcp).toContain("[pscustomobject]@{ Name = 'HV01'; Site = ''; Addresses = @('10.0.0.11', '10.10.1.11', '10.10.2.11') }");
    expect(buildPathTestScript(hostileDesign())).toContain('$ports = @(6600, 445)');
    const routed = buildPathTestScript(loadFixture('two-site-routed.json'));
    expect(routed).toMatch(/Name = 'HV03'; Site = '[^']+'; Addresses = @\('10\.2\.0\.13', '10\.2\.10\.13'\)/);
  });
});

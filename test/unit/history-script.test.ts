/**
 * Get-LmHistory.ps1 as PowerShell reads it: parsed with tree-sitter-powershell, no error node, only
 * commands that read (event logs, the cluster's nodes), manage its own job and write its file; every
 * Get-WinEvent filtered on the node (-FilterHashtable) and bounded (-MaxEvents).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { buildHistoryScript, HISTORY_DEFAULT_DAYS, HISTORY_QUERIES } from '../../src/engine/io/history';
import { loadPowerShell, parsePowerShell } from '../powershell/grammar';

beforeAll(loadPowerShell);

function* walk(n: SyntaxNode): Generator<SyntaxNode> {
  yield n;
  for (const c of n.children) if (c) yield* walk(c);
}

const script = buildHistoryScript({ generatedAt: '2026-12-07T18:00:00Z' });

describe('Get-LmHistory.ps1', () => {
  it('parses without an error node', () => {
    expect(parsePowerShell(script).rootNode.hasError).toBe(false);
  });

  it('runs only commands that read, manage its own job and write its file', () => {
    const root = parsePowerShell(script).rootNode;
    const commands = new Set([...walk(root)].filter((n) => n.type === 'command_name').map((n) => n.text));
    expect([...commands].sort()).toEqual([
      'ConvertTo-Json', 'ForEach-Object', 'Get-Cluster', 'Get-ClusterNode', 'Get-Date', 'Get-WinEvent', 'Invoke-Command', 'New-Object',
      'Receive-Job', 'Remove-Job', 'Set-Content', 'Set-StrictMode', 'Stop-Job', 'Wait-Job', 'Write-Host',
    ]);
    expect(root.text).toMatch(/ConvertTo-Json -Depth 5 \| Set-Content -Encoding UTF8 -Path \$OutFile/);
  });

  it('filters every read on the node and bounds it', () => {
    const root = parsePowerShell(script).rootNode;
    const reads = [...walk(root)].filter((n) => n.type === 'command' && n.child(0)?.text === 'Get-WinEvent');
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r.text).toMatch(/^Get-WinEvent -FilterHashtable \$filter -MaxEvents \$MaxEvents -ErrorAction Stop$/);
    expect(script).toContain("$filter['StartTime'] = $Since");
    for (const q of HISTORY_QUERIES) expect(script).toContain(`@{ Kind = '${q.kind}'; Filter = @{ LogName = '${q.log}'; ${q.filter} } }`);
    // On every node at once, bounded in time.
    expect(script).toContain('Invoke-Command -ComputerName $Nodes -ScriptBlock $read -ArgumentList @($since, $MaxEvents) -AsJob');
    expect(script).toMatch(/Wait-Job -Job \$job -Timeout \d+/);
    // No matching event is not an error; a query that reached its bound is a note.
    expect(script).toContain("-notlike 'NoMatchingEventsFound*'");
    expect(script).toContain('reached -MaxEvents');
  });

  it('has help and the documented parameters; its text is ASCII', () => {
    for (const part of ['.SYNOPSIS', '.DESCRIPTION', '.PARAMETER Days', '.PARAMETER MaxEvents', '.PARAMETER Nodes', '.PARAMETER OutFile', '.EXAMPLE']) expect(script).toContain(part);
    expect(script).toContain(`[ValidateRange(1, 365)][int]$Days = ${HISTORY_DEFAULT_DAYS},`);
    expect([...script].filter((ch) => !'\t\n\r'.includes(ch) && (ch < ' ' || ch > '~'))).toEqual([]);
    expect(buildHistoryScript({ generatedAt: "x'; Remove-Cluster; #\n" })).toContain('# Generated xRemove-Cluster.');
  });
});

/**
 * The apply script: it changes only what the design states, never loosens what it does not know,
 * saves before and restores after, knows each Windows version, and no name can change its code.
 * (The parse-tree checks are in io-powershell-grammar.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { buildPowerShell, psComment, psInt, psString } from '../../src/engine/io';
import { textProblem } from '../../src/engine/model/limits';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { EXAMPLES } from '../../src/examples';
import { readFileSync } from 'node:fs';

const example = (id: string): TopologyDocument => structuredClone(EXAMPLES.find((e) => e.id === id)!.document);

function topology(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

const QUOTES = "'\u2018\u2019\u201a\u201b";

/**
 * A PowerShell lexer for the generated part of the script (before the fixed body): line and block
 * comments and single-quoted strings, the only places user text may go. Returns the code with each
 * string replaced by S and comments removed, and the strings' values.
 */
function lex(script: string): { skeleton: string; strings: string[] } {
  const head = script.slice(0, script.indexOf('# 1. Read the cluster and check it against the design'));
  let skeleton = '';
  const strings: string[] = [];
  for (let i = 0; i < head.length; ) {
    const c = head[i]!;
    if (head.startsWith('<#', i)) {
      const end = head.indexOf('#>', i + 2);
      if (end < 0) throw new Error('unterminated block comment');
      i = end + 2;
    } else if (c === '#') {
      while (i < head.length && head[i] !== '\n' && head[i] !== '\r') i++;
    } else if (QUOTES.includes(c)) {
      let value = '';
      i++;
      for (;;) {
        if (i >= head.length) throw new Error('unterminated string');
        const d = head[i]!;
        if (QUOTES.includes(d)) {
          if (QUOTES.includes(head[i + 1] ?? '')) {
            value += d;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += d;
        i++;
      }
      strings.push(value);
      skeleton += 'S';
    } else {
      skeleton += c;
      i++;
    }
  }
  return { skeleton, strings };
}


const routed = buildPowerShell(topology(example('two-site-routed')));

/** A version 1 inventory (no host settings) imported as a design. */
function importedV1(): Topology {
  const r = parseClusterInventory(new Uint8Array(readFileSync(new URL('../fixtures/inventory/ps51-two-site.json', import.meta.url))));
  if (!r.ok) throw new Error('refused');
  return topology(r.topology.document as TopologyDocument);
}

describe('buildPowerShell: never write what was not read', () => {
  it('after a version 1 inventory (no host settings), sets no performance option, no parallel migrations and no SMB limit, and says so', () => {
    const t = importedV1();
    expect(t.document.liveMigration?.transport).toBeUndefined();
    const r = buildPowerShell(t);
    const { skeleton } = lex(r.script);
    expect(skeleton).toContain('$PerformanceOption = $null\n');
    expect(skeleton).toContain('$MaximumParallelMigrations = $null\n$SMBBandwidthLimitFactor = $null\n');
    expect(r.leftAlone).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Performance option .*not in the design, so each node keeps its own/),
        expect.stringMatching(/^Simultaneous live migrations: not in the design/),
        expect.stringMatching(/^SMB bandwidth limit: not in the design/),
      ]),
    );
    expect(r.changes.join('\n')).not.toMatch(/performance option|Simultaneous|SMB bandwidth/);
  });

  it('a hand-drawn design without liveMigration leaves the order and exclusions alone', () => {
    const r = buildPowerShell(topology({ format: 'lm-topology', version: 1, networks: [{ id: 'a', name: 'A', prefixes: ['10.0.0.0/24'] }] }));
    const { skeleton } = lex(r.script);
    expect(skeleton).toContain('$SetNetworkOrder = $false\n');
    expect(skeleton).toContain('$SetExclusions = $false\n');
    expect(r.changes).toEqual([]);
    expect(r.leftAlone).toEqual(expect.arrayContaining([expect.stringMatching(/^MigrationNetworkOrder: the design has no live migration order/), expect.stringMatching(/^MigrationExcludeNetworks: the design states no exclusions/)]));
  });

  it('sets what the design states: the performance option, the parallel migrations, the SMB limit (off = 0)', () => {
    const doc = example('switched-4-node');
    doc.liveMigration = { ...doc.liveMigration, transport: 'smb', maxParallelMigrations: 4, smbBandwidthLimitFactor: 5000 };
    const r = buildPowerShell(topology(doc));
    const { skeleton, strings } = lex(r.script);
    expect(skeleton).toContain('$PerformanceOption = S\n');
    expect(strings).toContain('SMB');
    expect(skeleton).toContain('$MaximumParallelMigrations = 4\n$SMBBandwidthLimitFactor = 5000\n');
    expect(r.changes).toEqual(
      expect.arrayContaining([
        'Live migration performance option of every node: SMB (Set-VMHost).',
        expect.stringMatching(/^Simultaneous live migrations: 4 \(cluster property MaximumParallelMigrations, from the 2022-09 cumulative update/),
        expect.stringMatching(/^SMB bandwidth limit for live migration: 50 % .*FS-SMBBW/),
      ]),
    );
    doc.liveMigration.smbBandwidthLimitFactor = 0;
    expect(lex(buildPowerShell(topology(doc)).script).skeleton).toContain('$SMBBandwidthLimitFactor = 0\n');
  });
});

describe('buildPowerShell: never loosen', () => {
  it('keeps every exclusion and order entry of a cluster network the design does not name, read at run time', () => {
    const s = routed.script;
    expect(s).toContain("$current = @(Split-Ids ($vmType | Get-ClusterParameter -Name 'MigrationExcludeNetworks').Value)");
    expect(s).toContain('$kept = @($current | Where-Object { $excludeIds -notcontains $_ -and -not (Test-DesignNamed $_) })');
    expect(s).toContain('$wanted = @($excludeIds + $kept)');
    // The same set in another order is no change (nothing written, nothing backed up).
    expect(s).toContain("if ((@($wanted | Sort-Object) -join ';') -eq (@($current | Sort-Object) -join ';')) { $wanted = $current }");
    // The order: the design's networks first, then the others in their current order.
    expect(s).toContain('$kept = @($current | Where-Object { $orderIds -notcontains $_ -and -not (Test-DesignNamed $_) })\n            $wanted = @($orderIds + $kept) -join \';\'');
    expect(s).toContain("Cluster networks the design does not name, whose exclusion and place in the order are kept as they are:");
  });

  it('names a network that would become eligible in the -WhatIf text, and asks (ShouldContinue) before it does', () => {
    const s = routed.script;
    expect(s).toContain('$loosens = @($current | Where-Object { $wanted -notcontains $_ } | ForEach-Object { Get-NetworkName $_ })');
    expect(s).toContain('$action += ". This makes eligible for live migration: $(@($change.Loosens) -join \', \')"');
    const ask = s.indexOf('$PSCmdlet.ShouldContinue(');
    expect(ask).toBeGreaterThan(s.indexOf('if ($PSCmdlet.ShouldProcess($change.Target, $action)) {'));
    expect(ask).toBeLessThan(s.indexOf('$vmType | Set-ClusterParameter -Name $change.Name'));
  });

  it('writes role-none networks as excluded', () => {
    const doc = example('switched-4-node');
    const none = doc.networks![0]!;
    none.role = 'none';
    doc.liveMigration = { excludedNetworks: [] };
    const r = buildPowerShell(topology(doc));
    const block = r.script.slice(r.script.indexOf('$MigrationExcludeNetworks = @('), r.script.indexOf('\n)', r.script.indexOf('$MigrationExcludeNetworks = @(')));
    expect(lex(block).strings).toContain(none.name);
    expect(r.changes.join('\n')).toContain(`'${none.name}': role none, excluded to be safe`);
  });
});

describe('buildPowerShell: save before, restore after', () => {
  it('writes a JSON backup of every value about to change beside itself before the first change, and prints its path', () => {
    const s = routed.script;
    const backup = s.indexOf('$backup | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $backupPath');
    expect(backup).toBeGreaterThan(s.indexOf('if ($problems.Count -gt 0)'));
    expect(backup).toBeLessThan(s.indexOf('if ($PSCmdlet.ShouldProcess('));
    expect(s).toContain("$folder = if ($PSScriptRoot) { $PSScriptRoot } else { (Get-Location).Path }");
    expect(s).toContain('Write-Host "Saved the $($pending.Count) values about to change to $backupPath"');
    expect(s).toContain('Value = $_.Before');
  });

  it('-Restore puts back exactly the saved values, after the same checks, with -WhatIf and -Confirm', () => {
    const s = routed.script;
    expect(s).toContain('param(\n    [string]$Restore\n)');
    expect(s).toContain("if ([string]$backup.format -ne 'lm-apply-backup')");
    expect(s).toContain("is of cluster '$($backup.cluster)', not of this cluster");
    // Restore builds the same change list, then runs the same reads, checks and loop.
    expect(s.indexOf('if ($Restore) {')).toBeLessThan(s.indexOf('if ($problems.Count -gt 0)'));
  });

  it('a failure half-way stops, lists what was changed and how to restore', () => {
    expect(routed.script).toContain("Stopped: $action failed ($($_.Exception.Message)). It may be partly made.");
    expect(routed.script).toContain("To put back what was changed: & '$scriptPath' -Restore '$backupPath'");
  });
});

describe('buildPowerShell: each Windows version', () => {
  it('uses the cluster-wide limits where they exist (2022-09 update) and Set-VMHost -MaximumVirtualMachineMigrations per node where they do not', () => {
    const s = routed.script;
    expect(s).toContain("$hasClusterLimits = @($cluster.PSObject.Properties.Name) -contains 'MaximumParallelMigrations'");
    expect(s).toContain('KB5017381 on Windows Server 2022, KB5017382 on Azure Stack HCI 21H2');
    expect(s).toContain('Set-VMHost -MaximumVirtualMachineMigrations $value -ErrorAction Stop');
    expect(s).toContain('The designed SMB bandwidth cap ($($SMBBandwidthLimitFactor / 100) %) is not possible on this cluster');
    expect(s).not.toContain('Windows Server 2025 / Azure Stack HCI 23H2');
  });

  it('checks FS-SMBBW on every node when the design wants a cap, and never installs a feature', () => {
    expect(routed.script).toContain("Get-WindowsFeature -Name 'FS-SMBBW'");
    expect(routed.script).not.toMatch(/^\s*Install-WindowsFeature/m);
  });

  it('reads enums as text inside the remote script block', () => {
    expect(routed.script).toContain('$value = (Get-VMHost -ErrorAction Stop).$name\n                if ($value -is [enum]) { [string]$value } else { $value }');
  });

  it('applies format 1.2 smbMultichannelNetworks per node toward every other node, compared with Get-SmbMultichannelConstraint first', () => {
    const doc = example('switched-4-node');
    const net = doc.networks!.find((n) => doc.nics!.some((c) => c.addresses.some((a) => a.startsWith(n.prefixes[0]!.split('.').slice(0, 3).join('.')))))!;
    doc.liveMigration = { ...doc.liveMigration, smbMultichannelNetworks: [net.id] };
    const r = buildPowerShell(topology(doc));
    const block = r.script.slice(r.script.indexOf('$SmbConstraints = @('), r.script.indexOf('\n)', r.script.indexOf('$SmbConstraints = @(')));
    expect(block.split('\n').slice(1)).toHaveLength(doc.nodes!.length);
    expect(r.script).toContain("foreach ($server in @($DesignNodes | Where-Object { $_ -ne $constraint.Node })) {");
    expect(r.script).toContain('Get-SmbMultichannelConstraint -ErrorAction Stop | Where-Object { $_.ServerName -eq $server } | ForEach-Object { [string]$_.InterfaceAlias }');
    expect(r.script).toContain('New-SmbMultichannelConstraint -ServerName $server -InterfaceAlias $wanted -Force -ErrorAction Stop');
    expect(r.changes.join('\n')).toContain('SMB Multichannel constraint on each node (New-SmbMultichannelConstraint), toward every other node');
    // Not in the design: constraints are left alone.
    expect(routed.script).toContain('$SmbConstraints = @()');
    expect(routed.leftAlone.join('\n')).toContain('SMB Multichannel constraints: not in the design');
  });

  it('clears MigrationNetworkOrder with an empty value, as Microsoft documents the default', () => {
    const doc = example('two-site-routed');
    doc.liveMigration = { networkOrder: [], excludedNetworks: ['mgmt-a', 'mgmt-b'] };
    const { script } = buildPowerShell(topology(doc));
    const { skeleton, strings } = lex(script);
    expect(skeleton).toContain('$SetNetworkOrder = $true\n$UseClusterDefaultOrder = $true\n$MigrationNetworkOrder = @()\n');
    // The derived order (Live Migration B, then A) is nowhere among the order literals.
    expect(strings.filter((x) => x === 'Live Migration A')).toHaveLength(1); // only in $DesignNetworkNames
    expect(script).toContain("# Live migration order: the design uses the cluster's default order (no MigrationNetworkOrder):\n# networks by metric, except the cluster's own network ('Live Migration A'), which it tries last.\n");
    expect(script).toContain("$wanted = ''");
    expect(script).not.toContain('-Delete');
  });
});

describe('buildPowerShell: names and numbers', () => {
  it('filters NICs with Where-Object InterfaceAlias -eq, never the wildcard-taking -InterfaceAlias', () => {
    const s = routed.script;
    expect(s).toContain('@(Get-NetIPInterface -ErrorAction SilentlyContinue | Where-Object InterfaceAlias -eq $alias).Count -gt 0');
    expect(s).not.toMatch(/Get-NetIPInterface -InterfaceAlias|Get-NetRoute -InterfaceAlias|New-NetRoute [^\n]*-InterfaceAlias/);
    expect(s).toContain('New-NetRoute -DestinationPrefix $prefix -InterfaceIndex $interface.InterfaceIndex -NextHop $nextHop');
  });

  it('writes numbers only as integer literals in range', () => {
    expect(psInt(64, 1, 64)).toBe('64');
    for (const bad of [Infinity, 1e291, 1.5, -1, NaN, 65]) expect(() => psInt(bad, 1, 64)).toThrow();
  });

  it('adds each designed static route where missing, and leaves default gateways alone', () => {
    const s = routed.script;
    const routes = s.slice(s.indexOf('$Routes = @('), s.indexOf('\n)', s.indexOf('$Routes = @('))).split('\n').slice(1);
    const designed = topology(example('two-site-routed')).nics.flatMap((n) => n.routes.filter((r) => r.prefix !== '0.0.0.0/0').map((r) => ({ n, r })));
    expect(routes).toHaveLength(designed.length);
    expect(routes[0]).toBe("    [pscustomobject]@{ Node = 'HV01'; InterfaceAlias = 'Live Migration'; DestinationPrefix = '10.2.10.0/24'; NextHop = '10.1.10.1' }");
    expect(s).toMatch(/# Default gateways of the design \(not changed by this script\):\n# {3}HV01 'Management': 0\.0\.0\.0\/0 via 10\.1\.0\.1\n/);
  });

  it('writes the complete order: listed networks first, then the other enabled ones by metric', () => {
    const doc = example('switched-4-node');
    doc.liveMigration = { networkOrder: [doc.networks![2]!.id], excludedNetworks: [] };
    const t = topology(doc);
    const script = buildPowerShell(t).script;
    const block = script.slice(script.indexOf('$MigrationNetworkOrder = @('), script.indexOf('\n)', script.indexOf('$MigrationNetworkOrder = @(')));
    const order = t.preferenceOrder.map((id) => t.index.networks.get(id)!.name);
    expect(order[0]).toBe(doc.networks![2]!.name);
    expect(lex(block).strings.filter((x) => order.includes(x))).toEqual(order);
  });

  it('doubles single quotes, typographic ones included, and keeps comments on one line', () => {
    expect(psString("O'Brien")).toBe("'O''Brien'");
    expect(psString('it\u2019s \u2018x\u2019')).toBe("'it\u2019\u2019s \u2018\u2018x\u2019\u2019'");
    expect(psString('$(Remove-Item C:\\ -Recurse) `n "x"')).toBe("'$(Remove-Item C:\\ -Recurse) `n \"x\"'");
    expect(psComment('a\nRemove-Item C:\\\r\u2028b')).toBe('a Remove-Item C:\\ b');
    const doc = example('two-site-routed');
    doc.name = "Evil\u2028Remove-Item -Recurse C:\\ #'"; // control characters (\n) are refused by the parser
    doc.nodes![0]!.name = "HV'01";
    const { script } = buildPowerShell(topology(doc));
    expect(script).toContain("# The design: Evil Remove-Item -Recurse C:\\ #'\n");
    expect(script).toContain("'HV''01'");
    expect(script.split('\n').filter((l) => l.startsWith('Remove-Item'))).toEqual([]);
  });

  it('keeps every possible name inside a string literal: the script’s code never changes', () => {
    const reference = lex(routed.script).skeleton;
    const tail = routed.script.slice(routed.script.indexOf('# 1. Read the cluster and check it against the design'));
    // Characters that mean something to PowerShell are drawn often; any other character sometimes.
    const special = fc.constantFrom(...QUOTES, '"', '\u201c', '`', '$', '(', ')', '{', '}', '@', ';', '#', '<', '>', '\n', '\r', '\u0085', '\u2028', ' ', 'a');
    const name = fc.string({ unit: fc.oneof(special, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && textProblem(s, { max: 200 }) === null); // names the parser accepts
    fc.assert(
      fc.property(fc.array(name, { minLength: 17, maxLength: 17 }), (names) => {
        const doc = example('two-site-routed');
        let k = 0;
        doc.name = names[k++]!;
        for (const el of [...doc.nodes!, ...doc.networks!, ...doc.nics!]) el.name = names[k++]!;
        const { script } = buildPowerShell(topology(doc));
        const lexed = lex(script);
        expect(lexed.skeleton).toBe(reference);
        for (const n of [...doc.nodes!, ...doc.networks!].map((e) => e.name)) expect(lexed.strings).toContain(n);
        expect(script.endsWith(tail)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('warns about what will make it stop: names found from addresses, duplicate names, nothing to order', () => {
    const implicit = buildPowerShell(topology({ format: 'lm-topology', version: 1, nodes: [{ id: 'a', name: 'A' }], nics: [{ id: 'a1', node: 'a', name: 'E1', addresses: ['10.7.0.5/24'] }], liveMigration: { networkOrder: ['net-10-7-0-0-24'] } }));
    expect(implicit.warnings).toEqual([expect.stringMatching(/^Network 'Cluster Network 1' \(10\.7\.0\.0\/24\) was found from NIC addresses/)]);
    const dup = example('switched-4-node');
    dup.networks![1]!.name = dup.networks![0]!.name.toUpperCase();
    dup.liveMigration = { networkOrder: [dup.networks![0]!.id] };
    expect(buildPowerShell(topology(dup)).warnings.join('\n')).toMatch(/2 networks of the design are named/);
    const allExcluded = topology({ format: 'lm-topology', version: 1, networks: [{ id: 'a', name: 'A', prefixes: ['10.0.0.0/24'] }], liveMigration: { networkOrder: ['a'], excludedNetworks: ['a'] } });
    expect(buildPowerShell(allExcluded).warnings).toEqual([expect.stringMatching(/No network is enabled for live migration/)]);
    expect(buildPowerShell(topology({ format: 'lm-topology', version: 1 })).warnings).toEqual([]);
    expect(routed.warnings).toEqual([]);
  });
});

/** The apply script: what it does, that it can be dry-run, and that no name can change its code. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { buildPowerShell, psComment, psString } from '../../src/engine/io';
import { textProblem } from '../../src/engine/model/limits';
import { EXAMPLES } from '../../src/examples';

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
  const head = script.slice(0, script.indexOf('# 1. Check that the cluster matches the design'));
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

describe('buildPowerShell', () => {
  it('supports -WhatIf and -Confirm and asks ShouldProcess before every change', () => {
    expect(routed.script).toContain('[CmdletBinding(SupportsShouldProcess = $true)]\nparam()');
    // Order and exclusions, clearing the order, the performance option, the cluster properties, the routes.
    expect(routed.script.match(/\$PSCmdlet\.ShouldProcess\(/g)).toHaveLength(5);
    // The only changing commands are each inside a ShouldProcess branch (the nearest `if`/`elseif` before them asks).
    const body = routed.script.slice(routed.script.indexOf('# 2. Live migration settings'));
    const changing = ['Set-ClusterParameter -Name $setting.Name', "Set-ClusterParameter -Name 'MigrationNetworkOrder' -Delete", 'Set-VMHost -VirtualMachineMigrationPerformanceOption $option', '$cluster.($property.Name) = $property.Value', 'New-NetRoute -DestinationPrefix'];
    for (const cmd of changing) {
      const at = body.indexOf(cmd);
      expect(at, cmd).toBeGreaterThan(-1);
      const branch = body.lastIndexOf('if (', at);
      expect(body.slice(branch, at), cmd).toContain('$PSCmdlet.ShouldProcess(');
    }
    // Nothing else in the script changes the cluster.
    expect(routed.script.match(/^\s*(\$vmType \| Set-ClusterParameter|Set-VMHost|New-NetRoute|\$cluster\.\(\$property\.Name\) =)/gm)).toHaveLength(5);
    expect(routed.script).toMatch(/\.EXAMPLE\n& '\.\\apply-live-migration-design\.ps1' -WhatIf/);
  });

  it('resolves network names to IDs at run time with Get-ClusterNetwork and sets both settings on the Virtual Machine resource type', () => {
    const s = routed.script;
    expect(s).toContain("$vmType = Get-ClusterResourceType -Name 'Virtual Machine'");
    expect(s).toContain('$clusterNetworks = @(Get-ClusterNetwork)');
    expect(s).toContain("Name = 'MigrationNetworkOrder'; Value = ($orderIds -join ';')");
    expect(s).toContain("Name = 'MigrationExcludeNetworks'; Value = ($excludeIds -join ';')");
    expect(s).toContain('$vmType | Set-ClusterParameter -Name $setting.Name -Value $setting.Value');
    const { strings } = lex(s);
    expect(s).toContain(
      "$MigrationNetworkOrder = @(\n    [pscustomobject]@{ Name = 'Live Migration A'; Ipv4Subnets = @('10.1.10.0') }\n    [pscustomobject]@{ Name = 'Live Migration B'; Ipv4Subnets = @('10.2.10.0') }\n)",
    );
    expect(s).toContain("$MigrationExcludeNetworks = @(\n    [pscustomobject]@{ Name = 'Management A'; Ipv4Subnets = @('10.1.0.0') }");
    expect(strings).toEqual(expect.arrayContaining(['HV01', 'HV02', 'HV03', 'HV04']));
  });

  it('stops before changing anything when a network, a node or an interface is missing', () => {
    const s = routed.script;
    const check = s.indexOf('if ($problems.Count -gt 0)');
    expect(check).toBeGreaterThan(0);
    expect(s.slice(check, s.indexOf('\n}', check))).toContain('throw ("The cluster does not match the design; nothing was changed:"');
    expect(s.indexOf('Set-ClusterParameter')).toBeGreaterThan(check);
    expect(s.indexOf('New-NetRoute -DestinationPrefix')).toBeGreaterThan(check);
    expect(s).toContain("does not exist. Networks of this cluster:");
    expect(s).toContain("is not a node of this cluster.");
    expect(s).toContain("has no network interface '$($route.InterfaceAlias)'");
    expect(s).toContain("$ErrorActionPreference = 'Stop'");
  });

  it('adds each designed static route with New-NetRoute on its node, and leaves default gateways alone', () => {
    const s = routed.script;
    const routes = s.slice(s.indexOf('$Routes = @('), s.indexOf('\n)', s.indexOf('$Routes = @('))).split('\n').slice(1);
    const designed = topology(example('two-site-routed')).nics.flatMap((n) => n.routes.filter((r) => r.prefix !== '0.0.0.0/0').map((r) => ({ n, r })));
    expect(routes).toHaveLength(designed.length);
    expect(routes[0]).toBe("    [pscustomobject]@{ Node = 'HV01'; InterfaceAlias = 'Live Migration'; DestinationPrefix = '10.2.10.0/24'; NextHop = '10.1.10.1' }");
    expect(s).toContain('Invoke-Command -ComputerName $route.Node');
    expect(s).toContain('New-NetRoute -DestinationPrefix $prefix -InterfaceAlias $alias -NextHop $nextHop -ErrorAction Stop');
    expect(s).toMatch(/# Default gateways of the design \(not changed by this script\):\n# {3}HV01 'Management': 0\.0\.0\.0\/0 via 10\.1\.0\.1\n/);
  });

  it('writes the complete order: listed networks first, then the other enabled ones by metric', () => {
    const doc = example('switched-4-node');
    doc.liveMigration = { networkOrder: [doc.networks![2]!.id], excludedNetworks: [] };
    const t = topology(doc);
    const { strings } = lex(buildPowerShell(t).script);
    const order = t.preferenceOrder.map((id) => t.index.networks.get(id)!.name);
    expect(order[0]).toBe(doc.networks![2]!.name);
    const first = strings.indexOf(order[0]!);
    expect(strings.filter((x) => order.includes(x))).toEqual(order);
    expect(first).toBeGreaterThan(-1);
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
    const tail = routed.script.slice(routed.script.indexOf('# 1. Check that the cluster matches the design'));
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
    expect(buildPowerShell(topology(dup)).warnings.join('\n')).toMatch(/2 networks of the design are named/);
    const allExcluded = topology({ format: 'lm-topology', version: 1, networks: [{ id: 'a', name: 'A', prefixes: ['10.0.0.0/24'] }], liveMigration: { networkOrder: ['a'], excludedNetworks: ['a'] } });
    expect(buildPowerShell(allExcluded).warnings).toEqual([expect.stringMatching(/No network is enabled for live migration/)]);
    // On the cluster's default order there is nothing to write: no warning.
    expect(buildPowerShell(topology({ format: 'lm-topology', version: 1 })).warnings).toEqual([]);
    expect(routed.warnings).toEqual([]);
  });

  it('writes MigrationNetworkOrder only for an explicit order; on the default order clears it, says so, and never writes the derived order', () => {
    expect(lex(routed.script).skeleton).toContain('$UseClusterDefaultOrder = $false');
    const doc = example('two-site-routed');
    doc.liveMigration = { excludedNetworks: ['mgmt-a', 'mgmt-b'] };
    const { script } = buildPowerShell(topology(doc));
    const { skeleton, strings } = lex(script);
    expect(skeleton).toContain('$UseClusterDefaultOrder = $true\n$MigrationNetworkOrder = @()\n');
    // The derived order (Live Migration B, then A) is nowhere among the literals.
    expect(strings).not.toContain('Live Migration A');
    expect(strings).not.toContain('Live Migration B');
    expect(script).toContain("# Live migration order: the design uses the cluster's default order (no MigrationNetworkOrder):\n# networks by metric, except the cluster's own network ('Live Migration A'), which it tries last.\n");
    // -WhatIf prints the ShouldProcess text: what would be cleared and why.
    expect(script).toContain(`$PSCmdlet.ShouldProcess("cluster resource type 'Virtual Machine'", "Clear MigrationNetworkOrder (was '$current') so that the cluster uses its default order, as designed")`);
    expect(script).toContain('MigrationNetworkOrder is not set: the cluster uses its default order, as designed.');
    // The settings loop writes the order only when the list has networks.
    expect(script).toContain("Name = 'MigrationNetworkOrder'; Value = ($orderIds -join ';'); Text = (($MigrationNetworkOrder | ForEach-Object { $_.Name }) -join ' > '); Apply = ($MigrationNetworkOrder.Count -gt 0) }");
  });

  it('sets the performance option on every node and the cluster-wide limits, checked first', () => {
    const doc = example('switched-4-node');
    doc.liveMigration = { ...doc.liveMigration, transport: 'smb', maxParallelMigrations: 4, smbBandwidthLimitFactor: 5000 };
    const { script } = buildPowerShell(topology(doc));
    const { skeleton, strings } = lex(script);
    expect(skeleton).toContain('$PerformanceOption = S\n');
    expect(strings).toContain('SMB');
    expect(skeleton).toContain('$MaximumParallelMigrations = 4\n$SetSMBBandwidthLimit = 1\n$SMBBandwidthLimitFactor = 5000\n');
    // Defaults: Compression, 1, 25 %.
    const plain = lex(buildPowerShell(topology(example('switched-4-node'))).script);
    expect(plain.strings).toContain('Compression');
    expect(plain.skeleton).toContain('$MaximumParallelMigrations = 1\n$SetSMBBandwidthLimit = 1\n$SMBBandwidthLimitFactor = 2500\n');
    // No limit: SetSMBBandwidthLimit 0, the factor left alone.
    doc.liveMigration.smbBandwidthLimitFactor = 0;
    expect(lex(buildPowerShell(topology(doc)).script).skeleton).toContain('$SetSMBBandwidthLimit = 0\n$SMBBandwidthLimitFactor = $null\n');
    // Read before the check that stops the script; changed only after it.
    const check = script.indexOf('if ($problems.Count -gt 0)');
    expect(script.indexOf('(Get-VMHost).VirtualMachineMigrationPerformanceOption')).toBeLessThan(check);
    expect(script.indexOf('$cluster = Get-Cluster')).toBeLessThan(check);
    expect(script.indexOf("Get-VMHost failed, so its live migration performance option cannot be set")).toBeLessThan(check);
    expect(script.indexOf('This cluster has no property $($property.Name)')).toBeLessThan(check);
    expect(script.indexOf('Set-VMHost -VirtualMachineMigrationPerformanceOption')).toBeGreaterThan(check);
    expect(script).toContain(`$PSCmdlet.ShouldProcess("node '$node'", "Set-VMHost -VirtualMachineMigrationPerformanceOption $PerformanceOption (was $current)")`);
    expect(script).toContain(`$PSCmdlet.ShouldProcess("cluster '$($cluster.Name)'", "Set $($property.Name) to $($property.Value) (was $current)")`);
  });
});

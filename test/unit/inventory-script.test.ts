/**
 * The collection script shown to administrators: it must only read, and it must write every
 * field the import reads, under the names the import reads.
 */
import { describe, expect, it } from 'vitest';
import { INVENTORY_SCRIPT } from '../../src/engine/io/inventory';

const code = INVENTORY_SCRIPT.split('\n')
  .filter((line) => !line.trimStart().startsWith('#'))
  .join('\n');

describe('INVENTORY_SCRIPT', () => {
  it('runs only cmdlets that read, and writes nothing but lm-inventory.json', () => {
    const cmdlets = new Set(code.match(/\b[A-Z][A-Za-z]+-[A-Z][A-Za-z]+\b/g));
    expect([...cmdlets].sort()).toEqual([
      'ConvertTo-Json',
      // The name of the feature Get-WindowsFeature reads (SMB Bandwidth Limit), not a cmdlet.
      'FS-SMBBW',
      'ForEach-Object',
      'Get-CimInstance',
      'Get-Cluster',
      'Get-ClusterFaultDomain',
      'Get-ClusterNetwork',
      'Get-ClusterNetworkInterface',
      'Get-ClusterNode',
      'Get-ClusterParameter',
      'Get-ClusterResourceType',
      'Get-Date',
      'Get-Module',
      'Get-NetAdapter',
      'Get-NetAdapterRdma',
      'Get-NetIPInterface',
      'Get-NetIntent',
      'Get-NetRoute',
      'Get-SmbBandwidthLimit',
      'Get-SmbMultichannelConstraint',
      'Get-VM',
      'Get-VMHost',
      'Get-VMMigrationNetwork',
      'Get-WindowsFeature',
      'Invoke-Command',
      'New-Object',
      'Read-Nodes',
      'Read-Part',
      'Set-Content',
      'Sort-Object',
      'Where-Object',
    ]);
    // New-Object makes the in-memory list of notes, nothing else; Read-Part and Read-Nodes are the script's own wrappers.
    expect(code.match(/New-Object [^\n]*/g)).toEqual(['New-Object System.Collections.Generic.List[string]']);
    expect(code.match(/^function [\w-]+/gm)).toEqual(['function Read-Part', 'function Read-Nodes']);
    expect(code.match(/Set-Content[^\n]*/g)).toEqual(['Set-Content -Encoding UTF8 -Path .\\lm-inventory.json']);
    // What runs on the nodes is only Get-* cmdlets; nothing sets anything, on the cluster, the hosts or ATC.
    expect(code).not.toMatch(/\b(Set|New|Remove|Add|Start|Stop|Suspend|Resume|Move|Enable|Disable|Update|Install|Uninstall)-(Cluster|VM|Net|Smb|WindowsFeature)/);
    expect(code).not.toMatch(/Invoke-Expression|iex\b|DownloadString|Invoke-WebRequest|Start-Process/i);
  });

  it('writes the format header and every section and field the import reads', () => {
    for (const key of [
      'format', 'version', 'cluster', 'collectedAt', 'faultDomains', 'nodes', 'networks', 'interfaces', 'adapters', 'routes', 'migrationNetworkOrder', 'migrationExcludeNetworks',
      // version 2
      'clusterFunctionalLevel', 'maximumParallelMigrations', 'setSmbBandwidthLimit', 'smbBandwidthLimitFactor', 'hosts', 'vms', 'atc',
    ]) {
      expect(code).toMatch(new RegExp(`\\b${key}\\s+=`));
    }
    for (const field of [
      'Name', 'Type', 'ParentName', 'State', 'Id', 'Role', 'Metric', 'AutoMetric', 'Address', 'AddressMask',
      'Ipv4Addresses', 'Ipv4PrefixLengths', 'Ipv6Addresses', 'Ipv6PrefixLengths', 'Node', 'Network', 'Adapter',
      'LinkSpeedBps', 'Rdma', 'InterfaceAlias', 'DestinationPrefix', 'NextHop',
      // version 2
      'Mtu', 'MemoryAssigned', 'MemoryStartup', 'Intents', 'Management', 'Compute', 'Storage', 'Adapters', 'ClusterOverride',
      'EnableLiveMigrationNetworkSelection', 'VirtualMachineMigrationPerformanceOption', 'MaximumVirtualMachineMigrations', 'MaximumSMBMigrationBandwidthInGbps',
      // issue 26: Get-VMMigrationNetwork and Get-SmbMultichannelConstraint entries
      'Subnet', 'Priority', 'ServerName',
    ]) {
      expect(code).toMatch(new RegExp(`\\b${field} = `));
    }
    expect(code).toContain("format      = 'lm-cluster-inventory'");
    expect(code).toContain('version     = 2');
    // Fields the hosts' objects get one by one ($h.Field = ...).
    for (const field of ['OsCaption', 'OsVersion', 'OsBuild', 'VirtualMachineMigrationEnabled', 'VirtualMachineMigrationPerformanceOption', 'MaximumVirtualMachineMigrations', 'PhysicalAdapters',
      // issue 26 (real clusters)
      'UseAnyNetworkForMigration', 'MigrationNetworks', 'SmbMultichannelConstraints', 'SmbBandwidthLimitInstalled', 'SmbLiveMigrationBytesPerSecond']) {
      expect(code).toMatch(new RegExp(`\\$h\\.${field} = `));
    }
    expect(code).toContain('$inventory.notes = @($notes)');
    // Issue 26: the live migration limit is filtered in the script (with -Category, no limit is a 'not found' error),
    // and read only where the SMB Bandwidth Limit feature is installed.
    expect(code).not.toContain('-Category');
    expect(code).toContain("Get-SmbBandwidthLimit -ErrorAction Stop | Where-Object { [string]$_.Category -eq 'LiveMigration' }");
    expect(code.indexOf('if ($h.SmbBandwidthLimitInstalled) {')).toBeLessThan(code.indexOf('Get-SmbBandwidthLimit'));
  });

  it('wraps every v2 read so that a failure leaves a note instead of stopping the script', () => {
    // Each per-node read goes through Read-Nodes (Invoke-Command with -ErrorVariable), each local one through Read-Part.
    expect(code.match(/Invoke-Command/g)).toHaveLength(1);
    for (const part of ['Network adapters', 'Routes', 'Host settings', 'Virtual machines']) expect(code).toContain(`Read-Nodes '${part}'`);
    for (const part of ['ClusterFunctionalLevel', 'MaximumParallelMigrations', 'SetSMBBandwidthLimit', 'SMBBandwidthLimitFactor', 'Network ATC']) expect(code).toContain(`Read-Part '${part}'`);
    // On a node, each of the three host reads has its own try/catch that adds to that host's Notes.
    // (issue 26: four more — Get-VMMigrationNetwork, Get-SmbMultichannelConstraint, Get-WindowsFeature, Get-SmbBandwidthLimit.)
    expect(code.match(/catch \{ \$h\.Notes \+= /g)).toHaveLength(7);
    // Network ATC only when its module is installed.
    expect(code).toContain('Get-Module -ListAvailable -Name NetworkATC');
  });

  it('writes UTF-8 and deep enough JSON for the address lists', () => {
    expect(code).toContain('ConvertTo-Json -Depth 6');
  });
});

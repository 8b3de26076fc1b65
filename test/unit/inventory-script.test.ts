/**
 * The collection script shown to administrators: it must only read, and it must write every
 * field the import reads, under the names the import reads.
 */
import { describe, expect, it } from 'vitest';
import { INVENTORY_SCRIPT } from '../../src/engine/inventory';

const code = INVENTORY_SCRIPT.split('\n')
  .filter((line) => !line.trimStart().startsWith('#'))
  .join('\n');

describe('INVENTORY_SCRIPT', () => {
  it('runs only cmdlets that read, and writes nothing but lm-inventory.json', () => {
    const cmdlets = new Set(code.match(/\b[A-Z][A-Za-z]+-[A-Z][A-Za-z]+\b/g));
    expect([...cmdlets].sort()).toEqual([
      'ConvertTo-Json',
      'ForEach-Object',
      'Get-Cluster',
      'Get-ClusterFaultDomain',
      'Get-ClusterNetwork',
      'Get-ClusterNetworkInterface',
      'Get-ClusterNode',
      'Get-ClusterParameter',
      'Get-ClusterResourceType',
      'Get-Date',
      'Get-NetAdapter',
      'Get-NetAdapterRdma',
      'Get-NetRoute',
      'Invoke-Command',
      'Set-Content',
      'Where-Object',
    ]);
    expect(code.match(/Set-Content[^\n]*/g)).toEqual(['Set-Content -Encoding UTF8 -Path .\\lm-inventory.json']);
    // What runs on the nodes is only Get-NetAdapter, Get-NetAdapterRdma and Get-NetRoute.
    expect(code).not.toMatch(/\b(Set|New|Remove|Add|Start|Stop|Suspend|Resume|Move|Enable|Disable|Update)-Cluster/);
    expect(code).not.toMatch(/Invoke-Expression|iex\b|DownloadString|Invoke-WebRequest|Start-Process/i);
  });

  it('writes the format header and every section and field the import reads', () => {
    for (const key of ['format', 'version', 'cluster', 'collectedAt', 'faultDomains', 'nodes', 'networks', 'interfaces', 'adapters', 'routes', 'migrationNetworkOrder', 'migrationExcludeNetworks']) {
      expect(code).toMatch(new RegExp(`\\b${key}\\s+=`));
    }
    for (const field of [
      'Name', 'Type', 'ParentName', 'State', 'Id', 'Role', 'Metric', 'AutoMetric', 'Address', 'AddressMask',
      'Ipv4Addresses', 'Ipv4PrefixLengths', 'Ipv6Addresses', 'Ipv6PrefixLengths', 'Node', 'Network', 'Adapter',
      'LinkSpeedBps', 'Rdma', 'InterfaceAlias', 'DestinationPrefix', 'NextHop',
    ]) {
      expect(code).toMatch(new RegExp(`\\b${field} = `));
    }
    expect(code).toContain("format      = 'lm-cluster-inventory'");
    expect(code).toContain('version     = 1');
  });

  it('writes UTF-8 and deep enough JSON for the address lists', () => {
    expect(code).toContain('ConvertTo-Json -Depth 6');
  });
});

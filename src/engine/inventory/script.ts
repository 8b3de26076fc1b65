/**
 * The collection script the app shows (with a copy button). It only reads — Get-* cmdlets,
 * Invoke-Command running Get-* cmdlets on the nodes — and writes one file, lm-inventory.json.
 *
 * Changes from the script in cluster-inventory.md, none of which changes the file's shape:
 * - `Get-NetAdapter` without `-Physical`, so that host virtual NICs (vEthernet adapters on a
 *   Switch Embedded Teaming switch, the usual converged design) get their speed and RDMA state.
 * - Comments that say what to do with the file.
 */
export const INVENTORY_SCRIPT = String.raw`# LM Path Visualizer — cluster inventory (lm-cluster-inventory version 1).
# Collects what live migration network selection depends on. Read-only: it changes nothing on the
# cluster. Run it elevated on one node of the cluster, then import .\lm-inventory.json in the app.
$vm = Get-ClusterResourceType -Name 'Virtual Machine'
$param = { param($name) ($vm | Get-ClusterParameter -Name $name).Value }
$nodes = Get-ClusterNode
$inventory = [ordered]@{
  format      = 'lm-cluster-inventory'
  version     = 1
  cluster     = (Get-Cluster).Name
  collectedAt = (Get-Date).ToString('o')
  faultDomains = @(Get-ClusterFaultDomain | ForEach-Object {
      [ordered]@{ Name = $_.Name; Type = [string]$_.Type; ParentName = $_.ParentName } })
  nodes = @($nodes | ForEach-Object { [ordered]@{ Name = $_.Name; State = [string]$_.State } })
  networks = @(Get-ClusterNetwork | ForEach-Object { [ordered]@{
      Name = $_.Name; Id = [string]$_.Id; Role = [int]$_.Role; Metric = $_.Metric
      AutoMetric = [bool]$_.AutoMetric; State = [string]$_.State
      Address = $_.Address; AddressMask = $_.AddressMask
      Ipv4Addresses = @($_.Ipv4Addresses); Ipv4PrefixLengths = @($_.Ipv4PrefixLengths)
      Ipv6Addresses = @($_.Ipv6Addresses); Ipv6PrefixLengths = @($_.Ipv6PrefixLengths) } })
  interfaces = @(Get-ClusterNetworkInterface | ForEach-Object { [ordered]@{
      Name = $_.Name; Node = [string]$_.Node; Network = [string]$_.Network
      Adapter = $_.Adapter; State = [string]$_.State; Address = $_.Address
      Ipv4Addresses = @($_.Ipv4Addresses); Ipv6Addresses = @($_.Ipv6Addresses) } })
  # All visible adapters, host vNICs (vEthernet) included: cluster networks often run on them.
  adapters = @(Invoke-Command -ComputerName $nodes.Name -ScriptBlock {
      Get-NetAdapter -ErrorAction SilentlyContinue | ForEach-Object { [pscustomobject]@{
        Node = $env:COMPUTERNAME; Name = $_.Name; LinkSpeedBps = [int64]$_.Speed
        Rdma = [bool](Get-NetAdapterRdma -Name $_.Name -ErrorAction SilentlyContinue).Enabled } } })
  routes = @(Invoke-Command -ComputerName $nodes.Name -ScriptBlock {
      Get-NetRoute -ErrorAction SilentlyContinue |
        Where-Object { $_.NextHop -notin '0.0.0.0', '::' } | ForEach-Object { [pscustomobject]@{
          Node = $env:COMPUTERNAME; InterfaceAlias = $_.InterfaceAlias
          DestinationPrefix = $_.DestinationPrefix; NextHop = $_.NextHop } } })
  migrationNetworkOrder    = & $param 'MigrationNetworkOrder'
  migrationExcludeNetworks = & $param 'MigrationExcludeNetworks'
}
$inventory | ConvertTo-Json -Depth 6 | Set-Content -Encoding UTF8 -Path .\lm-inventory.json
`;

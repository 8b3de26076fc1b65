/**
 * The collection script the app shows (with a copy button). It only reads — Get-* cmdlets,
 * Invoke-Command running Get-* cmdlets on the nodes — and writes one file, lm-inventory.json.
 *
 * Version 2 adds, each optional in the file (a version 1 file imports as before):
 * - per node (`hosts`): the OS caption, version and build (Win32_OperatingSystem), the Hyper-V
 *   host's migration settings (Get-VMHost), the physical adapters' link speeds (Get-NetAdapter
 *   -Physical); `clusterFunctionalLevel` and the cluster's live migration limits
 *   (`MaximumParallelMigrations`, `SetSMBBandwidthLimit`, `SMBBandwidthLimitFactor`);
 * - `Mtu` (Get-NetIPInterface NlMtu, IPv4 else IPv6) on each entry of `adapters`;
 * - `vms`: the clustered VMs each node runs (Get-VM, IsClustered);
 * - `atc`: Network ATC's intents and global cluster overrides, when its module is there;
 * - (issue 26) per node: `UseAnyNetworkForMigration` (Get-VMHost), `MigrationNetworks`
 *   (Get-VMMigrationNetwork: Subnet, Priority), `SmbMultichannelConstraints` (Get-SmbMultichannelConstraint:
 *   ServerName, InterfaceAlias; one entry per interface), `SmbBandwidthLimitInstalled` (Get-WindowsFeature
 *   FS-SMBBW) and, when it is, `SmbLiveMigrationBytesPerSecond` (Get-SmbBandwidthLimit, category
 *   LiveMigration; 0 when no limit is set);
 * - `notes`: what could not be read, and where (a node that refused, a module that is missing).
 * Every read is wrapped: a failure leaves its part out with a note, never the whole file.
 *
 * Changes from the script in cluster-inventory.md, none of which changes the v1 fields' shape:
 * - `Get-NetAdapter` without `-Physical` for `adapters`, so that host virtual NICs (vEthernet
 *   adapters on a Switch Embedded Teaming switch, the usual converged design) get their speed and
 *   RDMA state.
 * - Comments that say what to do with the file.
 */
export const INVENTORY_SCRIPT = String.raw`# LM Path Visualizer - cluster inventory (lm-cluster-inventory version 2).
# Collects what live migration network selection and duration depend on. Read-only: it changes
# nothing on the cluster. Run it elevated on one node of the cluster, then import
# .\lm-inventory.json in the app. What cannot be read (a node that refuses remote access, a
# module that is not installed) is left out and listed under 'notes' in the file.
$notes = New-Object System.Collections.Generic.List[string]
# Runs a read on this computer; a failure becomes a note.
function Read-Part([string]$What, [scriptblock]$Read) {
  try { & $Read } catch { $notes.Add("$($What): $($_.Exception.Message)"); $null }
}
# Runs a read on every node; a node that fails is left out with a note.
function Read-Nodes([string]$What, [scriptblock]$Read) {
  $failed = $null
  $out = @(Invoke-Command -ComputerName $nodes.Name -ScriptBlock $Read -ErrorAction SilentlyContinue -ErrorVariable failed)
  foreach ($e in @($failed)) {
    # OriginInfo is on remote errors only: read it through PSObject so Set-StrictMode never stops here.
    $origin = $e.PSObject.Properties['OriginInfo']
    $where = if ($origin -and $origin.Value) { $origin.Value.PSComputerName } else { [string]$e.TargetObject }
    $notes.Add("$What on $($where): $($e.Exception.Message)")
  }
  $out
}
$vm = Get-ClusterResourceType -Name 'Virtual Machine'
$param = { param($name) ($vm | Get-ClusterParameter -Name $name).Value }
$cluster = Get-Cluster
$nodes = Get-ClusterNode
$inventory = [ordered]@{
  format      = 'lm-cluster-inventory'
  version     = 2
  cluster     = $cluster.Name
  collectedAt = (Get-Date).ToString('o')
  clusterFunctionalLevel    = Read-Part 'ClusterFunctionalLevel' { $cluster.ClusterFunctionalLevel }
  maximumParallelMigrations = Read-Part 'MaximumParallelMigrations' { $cluster.MaximumParallelMigrations }
  setSmbBandwidthLimit      = Read-Part 'SetSMBBandwidthLimit' { $cluster.SetSMBBandwidthLimit }
  smbBandwidthLimitFactor   = Read-Part 'SMBBandwidthLimitFactor' { $cluster.SMBBandwidthLimitFactor }
  # Get-ClusterFaultDomain exists from Windows Server 2016: on an older cluster, a note.
  faultDomains = @(Read-Part 'Fault domains (Get-ClusterFaultDomain)' {
      Get-ClusterFaultDomain -ErrorAction Stop | ForEach-Object {
        [ordered]@{ Name = $_.Name; Type = [string]$_.Type; ParentName = $_.ParentName } } } | Where-Object { $null -ne $_ })
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
  adapters = @(Read-Nodes 'Network adapters' {
      Get-NetAdapter -ErrorAction SilentlyContinue | ForEach-Object {
        $ip = @(Get-NetIPInterface -InterfaceAlias $_.Name -ErrorAction SilentlyContinue | Sort-Object -Property AddressFamily)
        [pscustomobject]@{
          Node = $env:COMPUTERNAME; Name = $_.Name; LinkSpeedBps = [int64]$_.Speed
          Rdma = [bool](Get-NetAdapterRdma -Name $_.Name -ErrorAction SilentlyContinue).Enabled
          Mtu = if ($ip.Count -gt 0) { [int]$ip[0].NlMtu } else { $null } } } })
  routes = @(Read-Nodes 'Routes' {
      Get-NetRoute -ErrorAction SilentlyContinue |
        Where-Object { $_.NextHop -notin '0.0.0.0', '::' } | ForEach-Object { [pscustomobject]@{
          Node = $env:COMPUTERNAME; InterfaceAlias = $_.InterfaceAlias
          DestinationPrefix = $_.DestinationPrefix; NextHop = $_.NextHop } } })
  # Per node: OS build, Hyper-V migration settings, physical adapters. Each read on its own.
  hosts = @(Read-Nodes 'Host settings' {
      $h = [ordered]@{ Node = $env:COMPUTERNAME; Notes = @() }
      try { $os = Get-CimInstance -ClassName Win32_OperatingSystem -ErrorAction Stop
        $h.OsCaption = $os.Caption; $h.OsVersion = $os.Version; $h.OsBuild = [int]$os.BuildNumber
      } catch { $h.Notes += "Win32_OperatingSystem: $($_.Exception.Message)" }
      try { $v = Get-VMHost -ErrorAction Stop
        $h.VirtualMachineMigrationEnabled = [bool]$v.VirtualMachineMigrationEnabled
        $h.VirtualMachineMigrationPerformanceOption = [string]$v.VirtualMachineMigrationPerformanceOption
        $h.MaximumVirtualMachineMigrations = [int]$v.MaximumVirtualMachineMigrations
        $h.UseAnyNetworkForMigration = [bool]$v.UseAnyNetworkForMigration
      } catch { $h.Notes += "Get-VMHost: $($_.Exception.Message)" }
      # The subnets this host accepts incoming live migrations on (when UseAnyNetworkForMigration is off).
      try { $h.MigrationNetworks = @(Get-VMMigrationNetwork -ErrorAction Stop | ForEach-Object {
          [pscustomobject]@{ Subnet = [string]$_.Subnet; Priority = [int]$_.Priority } })
      } catch { $h.Notes += "Get-VMMigrationNetwork: $($_.Exception.Message)" }
      # SMB Multichannel constraints: the interfaces the SMB client may use towards each server.
      try { $h.SmbMultichannelConstraints = @(Get-SmbMultichannelConstraint -ErrorAction Stop | ForEach-Object {
          [pscustomobject]@{ ServerName = [string]$_.ServerName; InterfaceAlias = [string]$_.InterfaceAlias } })
      } catch { $h.Notes += "Get-SmbMultichannelConstraint: $($_.Exception.Message)" }
      # The SMB bandwidth limit (and so the cluster's SMB live migration cap) needs the FS-SMBBW feature.
      try { $h.SmbBandwidthLimitInstalled = [bool](Get-WindowsFeature -Name FS-SMBBW -ErrorAction Stop).Installed
      } catch { $h.Notes += "Get-WindowsFeature FS-SMBBW: $($_.Exception.Message)" }
      if ($h.SmbBandwidthLimitInstalled) {
        # All categories, filtered here: with -Category, a category without a limit is a 'not found' error.
        try { $l = @(Get-SmbBandwidthLimit -ErrorAction Stop | Where-Object { [string]$_.Category -eq 'LiveMigration' })
          $h.SmbLiveMigrationBytesPerSecond = if ($l.Count -gt 0) { [int64]$l[0].BytesPerSecond } else { [int64]0 }
        } catch { $h.Notes += "Get-SmbBandwidthLimit: $($_.Exception.Message)" } }
      try { $h.PhysicalAdapters = @(Get-NetAdapter -Physical -ErrorAction Stop | ForEach-Object {
          [pscustomobject]@{ Name = $_.Name; LinkSpeedBps = [int64]$_.Speed; Status = [string]$_.Status } })
      } catch { $h.Notes += "Get-NetAdapter -Physical: $($_.Exception.Message)" }
      [pscustomobject]$h })
  # Clustered VMs where they run now. Memory in bytes: MemoryAssigned (running), MemoryStartup.
  vms = @(Read-Nodes 'Virtual machines' {
      Get-VM -ErrorAction Stop | Where-Object { $_.IsClustered } | ForEach-Object { [pscustomobject]@{
          Name = $_.Name; Node = $env:COMPUTERNAME; State = [string]$_.State
          MemoryAssigned = [int64]$_.MemoryAssigned; MemoryStartup = [int64]$_.MemoryStartup } } })
  # Network ATC (Windows Server 2025, Azure Local), when its module is installed.
  atc = Read-Part 'Network ATC' {
      if (-not (Get-Module -ListAvailable -Name NetworkATC)) { $null; return }
      $o = (Get-NetIntent -GlobalOverrides -ErrorAction SilentlyContinue).ClusterOverride
      [ordered]@{
        Intents = @(Get-NetIntent -ErrorAction Stop | ForEach-Object { [ordered]@{
            Name = $_.IntentName; Management = [bool]$_.IsManagementIntentSet
            Compute = [bool]$_.IsComputeIntentSet; Storage = [bool]$_.IsStorageIntentSet
            Adapters = @($_.NetAdapterNamesAsList) } })
        ClusterOverride = if ($o) { [ordered]@{
            EnableLiveMigrationNetworkSelection = $o.EnableLiveMigrationNetworkSelection
            EnableVirtualMachineMigrationPerformanceSelection = $o.EnableVirtualMachineMigrationPerformanceSelection
            VirtualMachineMigrationPerformanceOption = [string]$o.VirtualMachineMigrationPerformanceOption
            MaximumVirtualMachineMigrations = $o.MaximumVirtualMachineMigrations
            MaximumSMBMigrationBandwidthInGbps = $o.MaximumSMBMigrationBandwidthInGbps } } else { $null } } }
  migrationNetworkOrder    = & $param 'MigrationNetworkOrder'
  migrationExcludeNetworks = & $param 'MigrationExcludeNetworks'
}
$inventory.notes = @($notes)
$inventory | ConvertTo-Json -Depth 6 | Set-Content -Encoding UTF8 -Path .\lm-inventory.json
`;

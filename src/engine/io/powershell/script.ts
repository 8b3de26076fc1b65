/**
 * The apply script's text. Every user string reaches PowerShell only as a single-quoted literal
 * (psString), where nothing is expanded, or in a line comment with its line breaks removed
 * (psComment). The script's own text is ASCII so that Windows PowerShell 5.1 reads it whatever
 * the file's encoding.
 */
import { DEFAULT_MAX_PARALLEL_MIGRATIONS, DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR } from '../../model/defaults';
import type { ApplyPlan, PlannedNetwork, PlannedRoute } from './plan';

/** A PowerShell single-quoted string. PowerShell also takes the typographic quotes ‘ ’ ‚ ‛ as quote marks. */
export function psString(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** Text safe inside a `#` line comment: no character that could end the line. */
// eslint-disable-next-line no-control-regex
export const psComment = (text: string): string => text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');

const list = (items: string[], indent = '    '): string => (items.length === 0 ? '@()' : `@(\n${items.map((i) => indent + i).join('\n')}\n)`);

const networkLiteral = (n: PlannedNetwork): string =>
  `[pscustomobject]@{ Name = ${psString(n.name)}; Ipv4Subnets = @(${n.ipv4Subnets.map(psString).join(', ')}) }`;

const routeLiteral = (r: PlannedRoute): string =>
  `[pscustomobject]@{ Node = ${psString(r.node)}; InterfaceAlias = ${psString(r.interfaceAlias)}; DestinationPrefix = ${psString(r.destinationPrefix)}; NextHop = ${psString(r.nextHop)} }`;

const help = (fileName: string): string => `<#
.SYNOPSIS
Applies a live migration network design made in LM Path Visualizer to this failover cluster.

.DESCRIPTION
1. Checks that the cluster matches the design: every network named below exists (with the
   designed IPv4 subnet), every node exists, and every interface that gets a route exists.
   If anything is missing it stops and lists it: nothing is changed.
   It also reads each node's live migration performance option (Get-VMHost) and the
   cluster-wide live migration properties.
2. Sets MigrationNetworkOrder and MigrationExcludeNetworks on the 'Virtual Machine' cluster
   resource type. Networks are named here and resolved to their IDs at run time with
   Get-ClusterNetwork, so the script applies to any cluster whose network names match.
   A design on the cluster's default order clears MigrationNetworkOrder instead (if set).
3. Sets the live migration performance option on every node (Set-VMHost
   -VirtualMachineMigrationPerformanceOption), and MaximumParallelMigrations,
   SetSMBBandwidthLimit and SMBBandwidthLimitFactor on the cluster.
4. Adds the designed static routes on each node with New-NetRoute (through Invoke-Command).
   Routes that already exist are left as they are; default gateways are not changed.

Run it elevated on a node of the cluster, first with -WhatIf to see what it would change.

.EXAMPLE
& '.\\${fileName}' -WhatIf
Checks the cluster and shows every change it would make, without making any.

.EXAMPLE
& '.\\${fileName}' -Confirm
Asks before each change.
#>`;

const BODY = `# ---------------------------------------------------------------------------------------------
# 1. Check that the cluster matches the design. Nothing is changed before this passes.
# ---------------------------------------------------------------------------------------------
$problems = New-Object System.Collections.Generic.List[string]
$vmType = Get-ClusterResourceType -Name 'Virtual Machine'
$clusterNetworks = @(Get-ClusterNetwork)
$clusterNodes = @(Get-ClusterNode | ForEach-Object { [string]$_.Name })

# Finds the cluster network of a designed name, and checks that it has the designed subnets.
function Resolve-DesignNetwork([object]$Designed) {
    $found = @($clusterNetworks | Where-Object { $_.Name -eq $Designed.Name })
    if ($found.Count -eq 0) {
        $problems.Add("Cluster network '$($Designed.Name)' does not exist. Networks of this cluster: $(($clusterNetworks | ForEach-Object { $_.Name }) -join ', ').")
        return $null
    }
    if ($found.Count -gt 1) {
        $problems.Add("More than one cluster network is named '$($Designed.Name)'.")
        return $null
    }
    $network = $found[0]
    $actual = @(@($network.Ipv4Addresses) + @($network.Address) | ForEach-Object { [string]$_ })
    foreach ($subnet in $Designed.Ipv4Subnets) {
        if ($actual -notcontains $subnet) {
            $problems.Add("Cluster network '$($Designed.Name)' is not on subnet $subnet as designed (it has $($actual -join ', ')).")
        }
    }
    return $network
}

$orderIds = @()
foreach ($designed in $MigrationNetworkOrder) {
    $network = Resolve-DesignNetwork $designed
    if ($network) { $orderIds += [string]$network.Id }
}
$excludeIds = @()
foreach ($designed in $MigrationExcludeNetworks) {
    $network = Resolve-DesignNetwork $designed
    if ($network) { $excludeIds += [string]$network.Id }
}
$allIds = @($orderIds + $excludeIds)
if (@($allIds | Select-Object -Unique).Count -ne $allIds.Count) {
    $problems.Add('Two networks of the design are the same cluster network: give each network its own name.')
}

foreach ($node in $DesignNodes) {
    if ($clusterNodes -notcontains $node) {
        $problems.Add("Node '$node' is not a node of this cluster. Nodes: $($clusterNodes -join ', ').")
    }
}

# Each node's live migration performance option (read-only).
$hostOptions = @{}
foreach ($node in $DesignNodes) {
    if ($clusterNodes -notcontains $node) { continue }
    try {
        $hostOptions[$node] = [string](Invoke-Command -ComputerName $node -ScriptBlock { (Get-VMHost).VirtualMachineMigrationPerformanceOption })
    } catch {
        $problems.Add("Node '$node': Get-VMHost failed, so its live migration performance option cannot be set ($($_.Exception.Message)).")
    }
}

# Cluster-wide live migration properties (read-only). A cluster without one of them (before
# Windows Server 2025 / Azure Stack HCI 23H2) is a problem only when the design wants another value
# than Windows' default.
$cluster = Get-Cluster
$clusterProperties = @(
    [pscustomobject]@{ Name = 'MaximumParallelMigrations'; Value = $MaximumParallelMigrations; Default = ${DEFAULT_MAX_PARALLEL_MIGRATIONS}; Present = $true }
    [pscustomobject]@{ Name = 'SetSMBBandwidthLimit'; Value = $SetSMBBandwidthLimit; Default = 1; Present = $true }
    [pscustomobject]@{ Name = 'SMBBandwidthLimitFactor'; Value = $SMBBandwidthLimitFactor; Default = ${DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR}; Present = $true }
)
foreach ($property in $clusterProperties) {
    if ($cluster.PSObject.Properties.Name -notcontains $property.Name) {
        $property.Present = $false
        if ($null -ne $property.Value -and $property.Value -ne $property.Default) {
            $problems.Add("This cluster has no property $($property.Name), so the designed value $($property.Value) cannot be set.")
        }
    }
}

# Per node: which route interfaces are missing, and which routes are already there (read-only).
$existingRoutes = @{}
foreach ($group in @($Routes | Group-Object -Property Node)) {
    if ($clusterNodes -notcontains $group.Name) { continue }
    $result = Invoke-Command -ComputerName $group.Name -ArgumentList (,@($group.Group)) -ScriptBlock {
        param($wanted)
        foreach ($route in $wanted) {
            if (-not (Get-NetIPInterface -InterfaceAlias $route.InterfaceAlias -ErrorAction SilentlyContinue)) {
                [pscustomobject]@{ Missing = $true; Route = $route }
            } elseif (Get-NetRoute -InterfaceAlias $route.InterfaceAlias -DestinationPrefix $route.DestinationPrefix -ErrorAction SilentlyContinue |
                    Where-Object { $_.NextHop -eq $route.NextHop }) {
                [pscustomobject]@{ Missing = $false; Route = $route }
            }
        }
    }
    foreach ($item in @($result)) {
        $route = $item.Route
        $key = '{0}|{1}|{2}|{3}' -f $route.Node, $route.InterfaceAlias, $route.DestinationPrefix, $route.NextHop
        if ($item.Missing) {
            $problems.Add("Node '$($route.Node)' has no network interface '$($route.InterfaceAlias)' (needed for the route to $($route.DestinationPrefix)).")
        } else {
            $existingRoutes[$key] = $true
        }
    }
}

if ($problems.Count -gt 0) {
    throw ("The cluster does not match the design; nothing was changed:" + [Environment]::NewLine + ' - ' + ($problems -join ([Environment]::NewLine + ' - ')))
}

# ---------------------------------------------------------------------------------------------
# 2. Live migration settings of the 'Virtual Machine' resource type (IDs joined by ';').
# ---------------------------------------------------------------------------------------------
$excludeText = if ($MigrationExcludeNetworks.Count -gt 0) { ($MigrationExcludeNetworks | ForEach-Object { $_.Name }) -join ', ' } else { 'no network excluded' }
$settings = @(
    [pscustomobject]@{ Name = 'MigrationNetworkOrder'; Value = ($orderIds -join ';'); Text = (($MigrationNetworkOrder | ForEach-Object { $_.Name }) -join ' > '); Apply = ($MigrationNetworkOrder.Count -gt 0) }
    [pscustomobject]@{ Name = 'MigrationExcludeNetworks'; Value = ($excludeIds -join ';'); Text = $excludeText; Apply = $true }
)
foreach ($setting in $settings) {
    if (-not $setting.Apply) { continue }
    $current = [string]($vmType | Get-ClusterParameter -Name $setting.Name).Value
    if ($current -eq $setting.Value) {
        Write-Host "$($setting.Name) is already as designed ($($setting.Text))."
    } elseif ($PSCmdlet.ShouldProcess("cluster resource type 'Virtual Machine'", "Set $($setting.Name) to $($setting.Text) (was '$current')")) {
        $vmType | Set-ClusterParameter -Name $setting.Name -Value $setting.Value
        Write-Host "$($setting.Name) set: $($setting.Text)."
    }
}
# The cluster's default order: no MigrationNetworkOrder. It is cleared, never written out.
if ($UseClusterDefaultOrder) {
    $current = [string]($vmType | Get-ClusterParameter -Name 'MigrationNetworkOrder').Value
    if ($current -eq '') {
        Write-Host "MigrationNetworkOrder is not set: the cluster uses its default order, as designed."
    } elseif ($PSCmdlet.ShouldProcess("cluster resource type 'Virtual Machine'", "Clear MigrationNetworkOrder (was '$current') so that the cluster uses its default order, as designed")) {
        $vmType | Set-ClusterParameter -Name 'MigrationNetworkOrder' -Delete
        Write-Host "MigrationNetworkOrder cleared: the cluster uses its default order."
    }
}

# ---------------------------------------------------------------------------------------------
# 3. Live migration performance option of every node, and the cluster-wide properties.
# ---------------------------------------------------------------------------------------------
foreach ($node in $DesignNodes) {
    $current = $hostOptions[$node]
    if ($current -eq $PerformanceOption) {
        Write-Host "$($node): the live migration performance option is already $PerformanceOption."
    } elseif ($PSCmdlet.ShouldProcess("node '$node'", "Set-VMHost -VirtualMachineMigrationPerformanceOption $PerformanceOption (was $current)")) {
        Invoke-Command -ComputerName $node -ArgumentList $PerformanceOption -ScriptBlock {
            param($option)
            Set-VMHost -VirtualMachineMigrationPerformanceOption $option -ErrorAction Stop
        }
        Write-Host "$($node): live migration performance option set to $PerformanceOption."
    }
}
foreach ($property in $clusterProperties) {
    if (-not $property.Present -or $null -eq $property.Value) { continue }
    $current = $cluster.($property.Name)
    if ($current -eq $property.Value) {
        Write-Host "$($property.Name) is already $($property.Value)."
    } elseif ($PSCmdlet.ShouldProcess("cluster '$($cluster.Name)'", "Set $($property.Name) to $($property.Value) (was $current)")) {
        $cluster.($property.Name) = $property.Value
        Write-Host "$($property.Name) set to $($property.Value)."
    }
}

# ---------------------------------------------------------------------------------------------
# 4. Static routes, added on each node. -WhatIf and -Confirm are honoured here, on this computer.
# ---------------------------------------------------------------------------------------------
foreach ($route in $Routes) {
    $key = '{0}|{1}|{2}|{3}' -f $route.Node, $route.InterfaceAlias, $route.DestinationPrefix, $route.NextHop
    $what = "route to $($route.DestinationPrefix) via $($route.NextHop) on '$($route.InterfaceAlias)'"
    if ($existingRoutes.ContainsKey($key)) {
        Write-Host "$($route.Node): $what is already there."
    } elseif ($PSCmdlet.ShouldProcess("node '$($route.Node)'", "New-NetRoute: $what")) {
        Invoke-Command -ComputerName $route.Node -ArgumentList $route.DestinationPrefix, $route.InterfaceAlias, $route.NextHop -ScriptBlock {
            param($prefix, $alias, $nextHop)
            New-NetRoute -DestinationPrefix $prefix -InterfaceAlias $alias -NextHop $nextHop -ErrorAction Stop | Out-Null
        }
        Write-Host "$($route.Node): added $what."
    }
}
Write-Host 'Done.'
`;

export interface ScriptOptions {
  generatedAt?: string;
  /** The name the script is saved under, for the examples of its help. */
  fileName?: string;
}

export function renderScript(plan: ApplyPlan, { generatedAt, fileName = 'apply-live-migration-design.ps1' }: ScriptOptions = {}): string {
  // The examples of the help run the file by name: only file-name characters that mean nothing
  // to PowerShell (the name is also quoted there), and nothing that could close the comment.
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, '-');
  const defaults = plan.defaultRoutes.map((r) => psComment(`#   ${r.node} '${r.interfaceAlias}': ${r.destinationPrefix} via ${r.nextHop}`));
  const lines = [
    '#Requires -Version 5.1',
    '#Requires -Modules FailoverClusters',
    help(safeName),
    '[CmdletBinding(SupportsShouldProcess = $true)]',
    'param()',
    '',
    "$ErrorActionPreference = 'Stop'",
    '',
    '# ---------------------------------------------------------------------------------------------',
    `# The design: ${psComment(plan.topologyName)}`,
    `# Generated by LM Path Visualizer${generatedAt ? ` on ${psComment(generatedAt)}` : ''}. Edit the lists below to adjust it.`,
    '# ---------------------------------------------------------------------------------------------',
    '',
    ...(plan.orderKind === 'explicit'
      ? [
          '# Live migration order: cluster networks by name, most preferred first, with the IPv4 subnet',
          '# each must have (a check that the name points at the network the design means).',
          '$UseClusterDefaultOrder = $false',
        ]
      : [
          "# Live migration order: the design uses the cluster's default order (no MigrationNetworkOrder):",
          psComment(`# networks by metric, except the cluster's own network${plan.clusterNetworkName !== null ? ` ('${plan.clusterNetworkName}')` : ''}, which it tries last.`),
          '# The script clears MigrationNetworkOrder when the cluster has one; it never writes the derived order.',
          '$UseClusterDefaultOrder = $true',
        ]),
    `$MigrationNetworkOrder = ${list(plan.order.map(networkLiteral))}`,
    '',
    '# Networks excluded from live migration.',
    `$MigrationExcludeNetworks = ${list(plan.excluded.map(networkLiteral))}`,
    '',
    '# Live migration performance option of every node (Set-VMHost): TCPIP, Compression or SMB.',
    `$PerformanceOption = ${psString(plan.performanceOption)}`,
    '',
    '# Cluster-wide: live migrations a node runs at once; the SMB bandwidth limit (1 = on) and its',
    "# share of a node's physical bandwidth in hundredths of a percent ($null: left as it is).",
    `$MaximumParallelMigrations = ${plan.maximumParallelMigrations}`,
    `$SetSMBBandwidthLimit = ${plan.setSmbBandwidthLimit}`,
    `$SMBBandwidthLimitFactor = ${plan.smbBandwidthLimitFactor === null ? '$null' : plan.smbBandwidthLimitFactor}`,
    '',
    '# Nodes of the design: each must be a node of this cluster.',
    `$DesignNodes = ${list(plan.nodes.map(psString))}`,
    '',
    '# Static routes to add: InterfaceAlias is the network adapter name on the node.',
    `$Routes = ${list(plan.routes.map(routeLiteral))}`,
    '',
    ...(defaults.length ? ['# Default gateways of the design (not changed by this script):', ...defaults, ''] : []),
    BODY,
  ];
  return lines.join('\n');
}

/**
 * The apply script's text. Every user string reaches PowerShell only as a single-quoted literal
 * (psString), where nothing is expanded, or in a line comment with its line breaks removed
 * (psComment); every number as an integer literal checked against its property's range (psInt).
 * The script's own text is ASCII so that Windows PowerShell 5.1 reads it whatever the file's
 * encoding.
 *
 * How it runs (issue 21): 1. read the cluster and check it against the design (nothing changes
 * before this passes); 2. work out each change as data — the value wanted and the value read —
 * keeping every exclusion and order entry of a network the design does not name; 3. write a JSON
 * backup of every value about to change beside the script; 4. make the changes, each behind
 * ShouldProcess (-WhatIf, -Confirm), a network that would become eligible also behind
 * ShouldContinue; a failure stops and says what was changed and how to restore. `-Restore <file>`
 * runs 2–4 with the backup's values.
 */
import type { AtcPlan } from './atc';
import { ATC_HELP, ATC_MAX_MIGRATIONS } from './atc';
import type { ApplyPlan, PlannedNetwork, PlannedRoute, PlannedSmbConstraint } from './plan';

/** A PowerShell single-quoted string. PowerShell also takes the typographic quotes ‘ ’ ‚ ‛ as quote marks. */
export function psString(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** Text safe inside a `#` line comment: no character that could end the line. */
// eslint-disable-next-line no-control-regex
export const psComment = (text: string): string => text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');

/** An integer literal within [min, max]; anything else is a bug upstream (plan.ts checks first). */
export function psInt(n: number, min: number, max: number): string {
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new Error(`The apply script cannot write ${String(n)}: it is not a whole number from ${min} to ${max}.`);
  return String(n);
}

const list = (items: string[], indent = '    '): string => (items.length === 0 ? '@()' : `@(\n${items.map((i) => indent + i).join('\n')}\n)`);

const networkLiteral = (n: PlannedNetwork): string =>
  `[pscustomobject]@{ Name = ${psString(n.name)}; Ipv4Subnets = @(${n.ipv4Subnets.map(psString).join(', ')}) }`;

const routeLiteral = (r: PlannedRoute): string =>
  `[pscustomobject]@{ Node = ${psString(r.node)}; InterfaceAlias = ${psString(r.interfaceAlias)}; DestinationPrefix = ${psString(r.destinationPrefix)}; NextHop = ${psString(r.nextHop)} }`;

const constraintLiteral = (c: PlannedSmbConstraint): string =>
  `[pscustomobject]@{ Node = ${psString(c.node)}; InterfaceAlias = @(${c.interfaceAliases.map(psString).join(', ')}) }`;

const atcLiteral = (name: string, value: string | number | boolean): string =>
  `${name} = ${typeof value === 'boolean' ? (value ? '$true' : '$false') : typeof value === 'number' ? psInt(value, 0, 4294967295) : psString(value)}`;

const help = (fileName: string, atc: boolean): string => `<#
.SYNOPSIS
Applies a live migration network design made in LM Path Visualizer to this failover cluster.

.DESCRIPTION
It changes only what the design states, and never makes live migration less restricted than
the cluster has it without asking:
1. Reads the cluster and checks that it matches the design: every network named below exists
   (with the designed IPv4 subnet), every node exists, every interface that gets a route
   exists. If anything is missing it stops and lists it: nothing is changed.
2. Works out each change: MigrationNetworkOrder and MigrationExcludeNetworks on the 'Virtual
   Machine' resource type (a cluster network the design does not name keeps its exclusion and
   its place in the order; a network that would become eligible is named and asked about),
   the performance option of every node, the simultaneous migrations and the SMB bandwidth
   limit, the SMB Multichannel constraints, the static routes. What the design leaves out is
   left as the cluster has it.
3. Writes a backup of every value about to change to a JSON file beside this script and
   prints its path.
4. Makes the changes, each with -WhatIf / -Confirm. If one fails it stops and says what was
   changed and how to put it back.
${atc ? `\n${ATC_HELP}` : ''}
Run it elevated on a node of the cluster, first with -WhatIf to see what it would change.

.PARAMETER Restore
A backup file this script wrote: puts back exactly the values saved in it, with the same
checks, -WhatIf and -Confirm.

.EXAMPLE
& '.\\${fileName}' -WhatIf
Checks the cluster and shows every change it would make, without making any.

.EXAMPLE
& '.\\${fileName}' -Confirm
Asks before each change.

.EXAMPLE
& '.\\${fileName}' -Restore '.\\lm-apply-backup-20250101-120000.json' -WhatIf
Shows what putting a backup back would change.
#>`;

const READ = String.raw`# ---------------------------------------------------------------------------------------------
# 1. Read the cluster and check it against the design. Nothing is changed before this passes.
# ---------------------------------------------------------------------------------------------
$problems = New-Object System.Collections.Generic.List[string]
$notes = New-Object System.Collections.Generic.List[string]
$vmType = Get-ClusterResourceType -Name 'Virtual Machine'
$cluster = Get-Cluster
$clusterNetworks = @(Get-ClusterNetwork)
$clusterNodes = @(Get-ClusterNode | ForEach-Object { [string]$_.Name })
# MaximumParallelMigrations, SetSMBBandwidthLimit and SMBBandwidthLimitFactor exist from the 2022-09
# cumulative update (KB5017381 on Windows Server 2022, KB5017382 on Azure Stack HCI 21H2).
$hasClusterLimits = @($cluster.PSObject.Properties.Name) -contains 'MaximumParallelMigrations'

function Split-Ids([object]$Value) { @(([string]$Value) -split ';' | Where-Object { $_ -ne '' }) }
function Get-NetworkName([string]$Id) {
    $found = @($clusterNetworks | Where-Object { [string]$_.Id -eq $Id })
    if ($found.Count -gt 0) { return [string]$found[0].Name }
    return "unknown network $Id"
}
# Whether the design names the cluster network of this ID (an ID of no cluster network: no).
function Test-DesignNamed([string]$Id) {
    $found = @($clusterNetworks | Where-Object { [string]$_.Id -eq $Id })
    return ($found.Count -gt 0 -and $DesignNetworkNames -contains [string]$found[0].Name)
}
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

# Each change is data: what it sets (Value) and what is there now (Before, read below).
$changes = New-Object System.Collections.Generic.List[object]
function Register-Change([hashtable]$Fields) {
    $change = [ordered]@{ Kind = ''; Name = $null; Node = $null; ServerName = $null; InterfaceAlias = $null; DestinationPrefix = $null; NextHop = $null; Target = ''; Text = ''; Value = $null; Before = $null; Loosens = @() }
    foreach ($key in $Fields.Keys) { $change[$key] = $Fields[$key] }
    $changes.Add([pscustomobject]$change)
}

# The value a change would replace, read from the cluster. Enums are cast to text inside the
# remote script block: a deserialized enum arrives as a number on some hosts.
function Read-Current([object]$Change) {
    switch ($Change.Kind) {
        'Parameter' { return [string]($vmType | Get-ClusterParameter -Name $Change.Name).Value }
        'ClusterProperty' { return $cluster.($Change.Name) }
        'Host' {
            return Invoke-Command -ComputerName $Change.Node -ArgumentList $Change.Name -ScriptBlock {
                param($name)
                $value = (Get-VMHost -ErrorAction Stop).$name
                if ($value -is [enum]) { [string]$value } else { $value }
            }
        }
        'SmbConstraint' {
            return @(Invoke-Command -ComputerName $Change.Node -ArgumentList $Change.ServerName -ScriptBlock {
                param($server)
                @(Get-SmbMultichannelConstraint -ErrorAction Stop | Where-Object { $_.ServerName -eq $server } | ForEach-Object { [string]$_.InterfaceAlias }) | Sort-Object
            })
        }
        'Route' {
            return [bool](Invoke-Command -ComputerName $Change.Node -ArgumentList $Change.DestinationPrefix, $Change.InterfaceAlias, $Change.NextHop -ScriptBlock {
                param($prefix, $alias, $nextHop)
                @(Get-NetRoute -DestinationPrefix $prefix -ErrorAction SilentlyContinue | Where-Object { $_.InterfaceAlias -eq $alias -and $_.NextHop -eq $nextHop }).Count -gt 0
            })
        }
        'AtcOverride' {
            $override = (Get-NetIntent -GlobalOverrides).ClusterOverride
            $values = [ordered]@{}
            foreach ($key in @($Change.Value.Keys)) {
                $value = if ($override) { $override.$key } else { $null }
                $values[$key] = if ($value -is [enum]) { [string]$value } else { $value }
            }
            return $values
        }
    }
}

# A value in words; network IDs by name.
function Format-Value([object]$Value, [string]$Kind) {
    if ($Value -is [System.Collections.IDictionary]) { return (@($Value.Keys | ForEach-Object { "$_ = $(Format-Value $Value[$_] '')" }) -join ', ') }
    if ($Kind -eq 'Parameter') { $Value = @(Split-Ids $Value | ForEach-Object { Get-NetworkName $_ }) }
    if ($Kind -eq 'Route') { if ($Value) { return 'present' } else { return 'absent' } }
    $text = (@($Value) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ }) -join ', '
    if ($text -eq '') { return '(none)' }
    return $text
}
`;

const DESIGN = String.raw`
if (-not $Restore) {
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
    $unnamed = @($clusterNetworks | Where-Object { $DesignNetworkNames -notcontains [string]$_.Name } | ForEach-Object { [string]$_.Name })
    if ($unnamed.Count -gt 0) {
        $notes.Add("Cluster networks the design does not name, whose exclusion and place in the order are kept as they are: $($unnamed -join ', ').")
    }
    $nodesHere = @($DesignNodes | Where-Object { $clusterNodes -contains $_ })

    # The order: the design's networks, then those the design does not name, in their current order.
    if ($SetNetworkOrder) {
        $current = @(Split-Ids ($vmType | Get-ClusterParameter -Name 'MigrationNetworkOrder').Value)
        if ($UseClusterDefaultOrder) {
            # Cleared with an empty value: "If the MigrationNetworkOrder property is empty, the networks
            # are sorted based on the Metric and AutoMetric properties" (Microsoft Learn, MigrationNetworkOrder).
            $wanted = ''
        } else {
            $kept = @($current | Where-Object { $orderIds -notcontains $_ -and -not (Test-DesignNamed $_) })
            $wanted = @($orderIds + $kept) -join ';'
        }
        Register-Change @{ Kind = 'Parameter'; Name = 'MigrationNetworkOrder'; Target = "cluster resource type 'Virtual Machine'"; Text = 'MigrationNetworkOrder'; Value = $wanted }
    }
    # The exclusions: the design's, and every network excluded now that the design does not name.
    if ($SetExclusions) {
        $current = @(Split-Ids ($vmType | Get-ClusterParameter -Name 'MigrationExcludeNetworks').Value)
        $kept = @($current | Where-Object { $excludeIds -notcontains $_ -and -not (Test-DesignNamed $_) })
        $wanted = @($excludeIds + $kept)
        # Exclusions are a set: the same networks in another order are no change.
        if ((@($wanted | Sort-Object) -join ';') -eq (@($current | Sort-Object) -join ';')) { $wanted = $current }
        $loosens = @($current | Where-Object { $wanted -notcontains $_ } | ForEach-Object { Get-NetworkName $_ })
        Register-Change @{ Kind = 'Parameter'; Name = 'MigrationExcludeNetworks'; Target = "cluster resource type 'Virtual Machine'"; Text = 'MigrationExcludeNetworks'; Value = ($wanted -join ';'); Loosens = $loosens }
    }

    if ($NetworkAtc) {
        if (-not (Get-Command -Name Set-NetIntent -ErrorAction SilentlyContinue)) {
            $problems.Add('This design comes from a cluster managed by Network ATC, but the NetworkATC module is not available here: run the script on a node of that cluster.')
        } elseif (@(Get-NetIntent -ErrorAction SilentlyContinue).Count -eq 0) {
            $problems.Add('Network ATC has no intent on this cluster, so it does not manage live migration here: use the script made for a cluster without Network ATC.')
        }
        if ($AtcOverride.Contains('MaximumVirtualMachineMigrations') -and ($AtcOverride['MaximumVirtualMachineMigrations'] -lt 1 -or $AtcOverride['MaximumVirtualMachineMigrations'] -gt @@ATC_MAX@@)) {
            $problems.Add("Network ATC takes 1 to @@ATC_MAX@@ simultaneous live migrations, not $($AtcOverride['MaximumVirtualMachineMigrations']).")
        }
        if ($AtcOverride.Count -gt 0) {
            # First in the list: the order and exclusions below are set once ATC has let go of them.
            $changes.Insert(0, [pscustomobject][ordered]@{ Kind = 'AtcOverride'; Name = 'ClusterOverride'; Node = $null; ServerName = $null; InterfaceAlias = $null; DestinationPrefix = $null; NextHop = $null; Target = 'Network ATC cluster overrides'; Text = 'Network ATC cluster override'; Value = $AtcOverride; Before = $null; Loosens = @() })
        }
    } else {
        foreach ($node in $nodesHere) {
            if ($null -ne $PerformanceOption) {
                Register-Change @{ Kind = 'Host'; Name = 'VirtualMachineMigrationPerformanceOption'; Node = $node; Target = "node '$node'"; Text = "$($node): live migration performance option"; Value = $PerformanceOption }
            }
            if ($null -ne $MaximumParallelMigrations -and -not $hasClusterLimits) {
                Register-Change @{ Kind = 'Host'; Name = 'MaximumVirtualMachineMigrations'; Node = $node; Target = "node '$node'"; Text = "$($node): simultaneous live migrations (MaximumVirtualMachineMigrations)"; Value = $MaximumParallelMigrations }
            }
        }
        if ($null -ne $MaximumParallelMigrations -and $hasClusterLimits) {
            Register-Change @{ Kind = 'ClusterProperty'; Name = 'MaximumParallelMigrations'; Target = "cluster '$($cluster.Name)'"; Text = 'MaximumParallelMigrations'; Value = $MaximumParallelMigrations }
        } elseif ($null -ne $MaximumParallelMigrations) {
            $notes.Add('This cluster has no MaximumParallelMigrations (it comes with the 2022-09 cumulative update: KB5017381 on Windows Server 2022, KB5017382 on Azure Stack HCI 21H2): the simultaneous migrations are set on each node with Set-VMHost -MaximumVirtualMachineMigrations.')
        }
        if ($null -ne $SMBBandwidthLimitFactor -and -not $hasClusterLimits) {
            if ($SMBBandwidthLimitFactor -gt 0) {
                $notes.Add("The designed SMB bandwidth cap ($($SMBBandwidthLimitFactor / 100) %) is not possible on this cluster: SetSMBBandwidthLimit and SMBBandwidthLimitFactor come with the 2022-09 cumulative update (KB5017381 on Windows Server 2022, KB5017382 on Azure Stack HCI 21H2). It is left out.")
            }
        } elseif ($null -ne $SMBBandwidthLimitFactor) {
            Register-Change @{ Kind = 'ClusterProperty'; Name = 'SetSMBBandwidthLimit'; Target = "cluster '$($cluster.Name)'"; Text = 'SetSMBBandwidthLimit'; Value = $(if ($SMBBandwidthLimitFactor -gt 0) { 1 } else { 0 }) }
            if ($SMBBandwidthLimitFactor -gt 0) {
                Register-Change @{ Kind = 'ClusterProperty'; Name = 'SMBBandwidthLimitFactor'; Target = "cluster '$($cluster.Name)'"; Text = 'SMBBandwidthLimitFactor'; Value = $SMBBandwidthLimitFactor }
                # The cap needs the SMB Bandwidth Limit feature on every node; this script never installs features.
                foreach ($node in $nodesHere) {
                    try {
                        $installed = [bool](Invoke-Command -ComputerName $node -ScriptBlock { [bool](Get-WindowsFeature -Name 'FS-SMBBW' -ErrorAction Stop).Installed })
                        if (-not $installed) { $notes.Add("Node '$node' does not have the FS-SMBBW feature (SMB Bandwidth Limit): the SMB cap does not hold there until it is installed (Install-WindowsFeature FS-SMBBW). This script does not install it.") }
                    } catch {
                        $notes.Add("Node '$node': whether the FS-SMBBW feature is installed could not be read ($($_.Exception.Message)).")
                    }
                }
            }
        }
    }

    # Format 1.2: SMB Multichannel constraints, on each node toward every other node of the design.
    foreach ($constraint in $SmbConstraints) {
        if ($nodesHere -notcontains $constraint.Node) { continue }
        foreach ($server in @($DesignNodes | Where-Object { $_ -ne $constraint.Node })) {
            Register-Change @{ Kind = 'SmbConstraint'; Node = $constraint.Node; ServerName = $server; Target = "node '$($constraint.Node)'"; Text = "$($constraint.Node): SMB Multichannel constraint toward $server"; Value = @($constraint.InterfaceAlias | Sort-Object) }
        }
    }

    # Static routes: the interface must exist (matched by exact name: -InterfaceAlias takes wildcards).
    foreach ($route in $Routes) {
        if ($clusterNodes -notcontains $route.Node) { continue }
        $exists = [bool](Invoke-Command -ComputerName $route.Node -ArgumentList $route.InterfaceAlias -ScriptBlock {
            param($alias)
            @(Get-NetIPInterface -ErrorAction SilentlyContinue | Where-Object InterfaceAlias -eq $alias).Count -gt 0
        })
        if (-not $exists) {
            $problems.Add("Node '$($route.Node)' has no network interface '$($route.InterfaceAlias)' (needed for the route to $($route.DestinationPrefix)).")
            continue
        }
        Register-Change @{ Kind = 'Route'; Node = $route.Node; InterfaceAlias = $route.InterfaceAlias; DestinationPrefix = $route.DestinationPrefix; NextHop = $route.NextHop; Target = "node '$($route.Node)'"; Text = "$($route.Node): route to $($route.DestinationPrefix) via $($route.NextHop) on '$($route.InterfaceAlias)'"; Value = $true }
    }
}
`;

const RESTORE = String.raw`
# -Restore: the values of a backup this script wrote, put back in the reverse order of their change.
if ($Restore) {
    $backup = Get-Content -LiteralPath $Restore -Raw -Encoding UTF8 | ConvertFrom-Json
    if ([string]$backup.format -ne 'lm-apply-backup') { throw "'$Restore' is not a backup written by this script." }
    if ([string]$backup.cluster -ne [string]$cluster.Name) {
        $problems.Add("The backup '$Restore' is of cluster '$($backup.cluster)', not of this cluster '$($cluster.Name)'.")
    }
    $entries = @($backup.changes)
    [array]::Reverse($entries)
    foreach ($entry in $entries) {
        $value = $entry.Value
        if ($entry.Kind -eq 'AtcOverride') {
            $value = [ordered]@{}
            foreach ($property in @($entry.Value.PSObject.Properties)) { $value[$property.Name] = $property.Value }
        } elseif ($entry.Kind -eq 'SmbConstraint') {
            $value = @(@($entry.Value) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ } | Sort-Object)
        } elseif ($entry.Kind -eq 'Parameter') {
            $value = [string]$entry.Value
        }
        if ($entry.Kind -eq 'ClusterProperty' -and -not $hasClusterLimits) {
            $problems.Add("This cluster has no property $($entry.Name) to put back.")
            continue
        }
        if ($entry.Node -and $clusterNodes -notcontains [string]$entry.Node) {
            $problems.Add("Node '$($entry.Node)' of the backup is not a node of this cluster.")
            continue
        }
        if (@('Parameter', 'ClusterProperty', 'Host', 'SmbConstraint', 'Route', 'AtcOverride') -notcontains [string]$entry.Kind) {
            $problems.Add("The backup has an entry of unknown kind '$($entry.Kind)'.")
            continue
        }
        Register-Change @{ Kind = [string]$entry.Kind; Name = $entry.Name; Node = $entry.Node; ServerName = $entry.ServerName; InterfaceAlias = $entry.InterfaceAlias; DestinationPrefix = $entry.DestinationPrefix; NextHop = $entry.NextHop; Target = [string]$entry.Target; Text = [string]$entry.Text; Value = $value }
    }
}

# What each change replaces (read-only).
foreach ($change in $changes) {
    try {
        $change.Before = Read-Current $change
    } catch {
        $problems.Add("$($change.Text): the current value could not be read ($($_.Exception.Message)).")
    }
}
# Putting exclusions back can make a network eligible again: name it.
if ($Restore) {
    foreach ($change in @($changes | Where-Object { $_.Kind -eq 'Parameter' -and $_.Name -eq 'MigrationExcludeNetworks' })) {
        $wanted = @(Split-Ids $change.Value)
        $change.Loosens = @(Split-Ids $change.Before | Where-Object { $wanted -notcontains $_ } | ForEach-Object { Get-NetworkName $_ })
    }
}

foreach ($note in $notes) { Write-Warning $note }
if ($problems.Count -gt 0) {
    throw ("The cluster does not match the design; nothing was changed:" + [Environment]::NewLine + ' - ' + ($problems -join ([Environment]::NewLine + ' - ')))
}
`;

const APPLY = String.raw`
# ---------------------------------------------------------------------------------------------
# 2. What changes. 3. The backup of every value about to change, beside this script.
# ---------------------------------------------------------------------------------------------
$pending = @($changes | Where-Object { (Format-Value $_.Value $_.Kind) -ne (Format-Value $_.Before $_.Kind) })
foreach ($change in @($changes | Where-Object { (Format-Value $_.Value $_.Kind) -eq (Format-Value $_.Before $_.Kind) })) {
    Write-Host "$($change.Text) is already $(Format-Value $change.Value $change.Kind)."
}
if ($pending.Count -eq 0) {
    Write-Host 'Nothing to change.'
    return
}
$scriptPath = if ($PSCommandPath) { $PSCommandPath } else { '.\apply-live-migration-design.ps1' }
$folder = if ($PSScriptRoot) { $PSScriptRoot } else { (Get-Location).Path }
$backupPath = Join-Path $folder ('lm-apply-backup-{0}.json' -f (Get-Date -Format 'yyyyMMdd-HHmmss'))
$backup = [ordered]@{
    format = 'lm-apply-backup'
    version = 1
    cluster = [string]$cluster.Name
    takenAt = (Get-Date).ToString('o')
    changes = @($pending | ForEach-Object { [ordered]@{ Kind = $_.Kind; Name = $_.Name; Node = $_.Node; ServerName = $_.ServerName; InterfaceAlias = $_.InterfaceAlias; DestinationPrefix = $_.DestinationPrefix; NextHop = $_.NextHop; Target = $_.Target; Text = $_.Text; Value = $_.Before } })
}
if ($WhatIfPreference) {
    Write-Host "What if: the $($pending.Count) values about to change would first be saved to $backupPath."
} else {
    $backup | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $backupPath -Encoding UTF8 -WhatIf:$false -Confirm:$false
    Write-Host "Saved the $($pending.Count) values about to change to $backupPath"
    Write-Host "To put them back: & '$scriptPath' -Restore '$backupPath'"
}

# Waits until Network ATC reports its cluster overrides applied, within a time limit.
function Wait-AtcOverrides {
    $deadline = (Get-Date).AddMinutes($AtcWaitMinutes)
    while ($true) {
        $states = @(Get-NetIntentStatus -GlobalOverrides | ForEach-Object { [string]$_.ConfigurationStatus })
        if ($states.Count -gt 0 -and @($states | Where-Object { $_ -ne 'Success' }).Count -eq 0) { return }
        if ($states -contains 'Failed') { throw "Network ATC reports its cluster overrides as Failed (Get-NetIntentStatus -GlobalOverrides)." }
        if ((Get-Date) -gt $deadline) { throw "Network ATC has not reported its cluster overrides applied within $AtcWaitMinutes minutes (Get-NetIntentStatus -GlobalOverrides: $($states -join ', '))." }
        Start-Sleep -Seconds 10
    }
}

# ---------------------------------------------------------------------------------------------
# 4. The changes, each with -WhatIf / -Confirm. A failure stops here and says how to restore.
# ---------------------------------------------------------------------------------------------
$done = New-Object System.Collections.Generic.List[string]
$atcHeld = $false
foreach ($change in $pending) {
    $action = "Set $($change.Text) to $(Format-Value $change.Value $change.Kind) (was $(Format-Value $change.Before $change.Kind))"
    if (@($change.Loosens).Count -gt 0) { $action += ". This makes eligible for live migration: $(@($change.Loosens) -join ', ')" }
    if ($atcHeld -and $change.Kind -eq 'Parameter') {
        Write-Warning "$($change.Text) was not changed: Network ATC's override was not applied, and ATC would revert it."
        continue
    }
    if ($PSCmdlet.ShouldProcess($change.Target, $action)) {
        if (@($change.Loosens).Count -gt 0 -and -not $PSCmdlet.ShouldContinue("Networks $(@($change.Loosens) -join ', ') become eligible for live migration. Continue?", 'A network becomes eligible for live migration')) {
            Write-Host "Skipped: $action"
            continue
        }
        try {
            switch ($change.Kind) {
                'Parameter' {
                    $vmType | Set-ClusterParameter -Name $change.Name -Value ([string]$change.Value)
                }
                'ClusterProperty' {
                    $cluster.($change.Name) = $change.Value
                }
                'Host' {
                    Invoke-Command -ComputerName $change.Node -ArgumentList $change.Name, $change.Value -ScriptBlock {
                        param($name, $value)
                        if ($name -eq 'VirtualMachineMigrationPerformanceOption') {
                            Set-VMHost -VirtualMachineMigrationPerformanceOption $value -ErrorAction Stop
                        } elseif ($name -eq 'MaximumVirtualMachineMigrations') {
                            Set-VMHost -MaximumVirtualMachineMigrations $value -ErrorAction Stop
                        }
                    }
                }
                'SmbConstraint' {
                    Invoke-Command -ComputerName $change.Node -ArgumentList $change.ServerName, @($change.Value) -ScriptBlock {
                        param($server, $aliases)
                        $wanted = @($aliases | Where-Object { $_ })
                        Get-SmbMultichannelConstraint -ErrorAction Stop | Where-Object { $_.ServerName -eq $server } | Remove-SmbMultichannelConstraint -Confirm:$false -ErrorAction Stop
                        if ($wanted.Count -gt 0) {
                            New-SmbMultichannelConstraint -ServerName $server -InterfaceAlias $wanted -Force -ErrorAction Stop | Out-Null
                        }
                    }
                }
                'Route' {
                    Invoke-Command -ComputerName $change.Node -ArgumentList $change.DestinationPrefix, $change.InterfaceAlias, $change.NextHop, [bool]$change.Value -ScriptBlock {
                        param($prefix, $alias, $nextHop, $present)
                        if ($present) {
                            $interface = @(Get-NetIPInterface -ErrorAction Stop | Where-Object InterfaceAlias -eq $alias)[0]
                            New-NetRoute -DestinationPrefix $prefix -InterfaceIndex $interface.InterfaceIndex -NextHop $nextHop -ErrorAction Stop | Out-Null
                        } else {
                            Get-NetRoute -DestinationPrefix $prefix -ErrorAction SilentlyContinue | Where-Object { $_.InterfaceAlias -eq $alias -and $_.NextHop -eq $nextHop } | Remove-NetRoute -Confirm:$false -ErrorAction Stop
                        }
                    }
                }
                'AtcOverride' {
                    # Starts from the cluster's current override, so what the design does not touch keeps its value.
                    $current = (Get-NetIntent -GlobalOverrides).ClusterOverride
                    $override = New-NetIntentGlobalClusterOverrides
                    if ($current) {
                        foreach ($property in @($override.PSObject.Properties | Where-Object { $_.IsSettable })) {
                            $value = $current.($property.Name)
                            if ($null -ne $value) { $override.($property.Name) = $value }
                        }
                    }
                    foreach ($key in @($change.Value.Keys)) { $override.$key = $change.Value[$key] }
                    Set-NetIntent -GlobalClusterOverrides $override
                    Write-Host 'Waiting for Network ATC to apply its cluster overrides...'
                    Wait-AtcOverrides
                }
            }
        } catch {
            $made = if ($done.Count -gt 0) { ($done | ForEach-Object { ' - ' + $_ }) -join [Environment]::NewLine } else { ' (none)' }
            $how = if ($WhatIfPreference) { '' } else { "To put back what was changed: & '$scriptPath' -Restore '$backupPath'" }
            throw ("Stopped: $action failed ($($_.Exception.Message)). It may be partly made." + [Environment]::NewLine + 'Changes made before it:' + [Environment]::NewLine + $made + [Environment]::NewLine + $how)
        }
        $done.Add($action)
        Write-Host "Done: $action."
    } elseif ($change.Kind -eq 'AtcOverride' -and -not $WhatIfPreference) {
        $atcHeld = $true
    }
}
Write-Host "Finished: $($done.Count) of $($pending.Count) changes made."
`;

export interface ScriptOptions {
  generatedAt?: string;
  /** The name the script is saved under, for the examples of its help. */
  fileName?: string;
}

/** Minutes the script waits for Network ATC to report its overrides applied. */
export const ATC_WAIT_MINUTES = 10;

export function renderScript(plan: ApplyPlan, { generatedAt, fileName = 'apply-live-migration-design.ps1' }: ScriptOptions = {}, atc: AtcPlan | null = null): string {
  // The examples of the help run the file by name: only file-name characters that mean nothing
  // to PowerShell (the name is also quoted there), and nothing that could close the comment.
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, '-');
  const defaults = plan.defaultRoutes.map((r) => psComment(`#   ${r.node} '${r.interfaceAlias}': ${r.destinationPrefix} via ${r.nextHop}`));
  // Under ATC the order and exclusions are set only when the design changes the order ATC chose.
  const setOrder = plan.orderKind !== 'unstated' && !(plan.orderKind === 'explicit' && plan.order.length === 0) && (atc === null || atc.explicitOrder);
  const setExclusions = plan.excluded !== null && (atc === null || atc.explicitOrder);
  const orderComment =
    plan.orderKind === 'explicit'
      ? ['# Live migration order: cluster networks by name, most preferred first, with the IPv4 subnet', '# each must have (a check that the name points at the network the design means).']
      : plan.orderKind === 'default'
        ? [
            "# Live migration order: the design uses the cluster's default order (no MigrationNetworkOrder):",
            psComment(`# networks by metric, except the cluster's own network${plan.clusterNetworkName !== null ? ` ('${plan.clusterNetworkName}')` : ''}, which it tries last.`),
            '# The script clears MigrationNetworkOrder when the cluster has one; it never writes the derived order.',
          ]
        : ['# Live migration order: not in the design; MigrationNetworkOrder is left as the cluster has it.'];
  const lines = [
    '#Requires -Version 5.1',
    '#Requires -Modules FailoverClusters',
    help(safeName, atc !== null),
    '[CmdletBinding(SupportsShouldProcess = $true)]',
    'param(',
    '    [string]$Restore',
    ')',
    '',
    "$ErrorActionPreference = 'Stop'",
    '',
    '# ---------------------------------------------------------------------------------------------',
    `# The design: ${psComment(plan.topologyName)}`,
    `# Generated by LM Path Visualizer${generatedAt ? ` on ${psComment(generatedAt)}` : ''}. Edit the lists below to adjust it.`,
    '# A setting that is $null here is not in the design: the script leaves it as the cluster has it.',
    '# ---------------------------------------------------------------------------------------------',
    '',
    ...orderComment,
    `$SetNetworkOrder = ${setOrder ? '$true' : '$false'}`,
    `$UseClusterDefaultOrder = ${plan.orderKind === 'default' ? '$true' : '$false'}`,
    `$MigrationNetworkOrder = ${list(plan.order.map(networkLiteral))}`,
    '',
    plan.excluded === null
      ? '# Networks excluded from live migration: not in the design; MigrationExcludeNetworks is left as it is.'
      : '# Networks excluded from live migration (role-none networks included). Every network the cluster\n# excludes now that the design does not name stays excluded.',
    `$SetExclusions = ${setExclusions ? '$true' : '$false'}`,
    `$MigrationExcludeNetworks = ${list((plan.excluded ?? []).map(networkLiteral))}`,
    '',
    '# Every network the design names; the cluster\'s other networks keep their live migration settings.',
    `$DesignNetworkNames = ${list(plan.designNetworkNames.map(psString))}`,
    '',
    '# Live migration performance option of every node (Set-VMHost): TCPIP, Compression or SMB.',
    ...(atc !== null ? ['# Under Network ATC, this and the two limits below are applied through $AtcOverride (further down).'] : []),
    `$PerformanceOption = ${plan.performanceOption === null ? '$null' : psString(plan.performanceOption)}`,
    '',
    '# Simultaneous live migrations (cluster MaximumParallelMigrations, else each node\'s',
    '# MaximumVirtualMachineMigrations); the SMB bandwidth limit in hundredths of a percent of a',
    "# node's physical bandwidth (0: no limit).",
    `$MaximumParallelMigrations = ${plan.maximumParallelMigrations === null ? '$null' : psInt(plan.maximumParallelMigrations, 1, 64)}`,
    `$SMBBandwidthLimitFactor = ${plan.smbBandwidthLimitFactor === null ? '$null' : psInt(plan.smbBandwidthLimitFactor, 0, 10000)}`,
    '',
    psComment(
      plan.smbConstraints === null
        ? '# SMB Multichannel constraints: not in the design; each node keeps its own.'
        : `# SMB Multichannel constraint (New-SmbMultichannelConstraint) on each node toward every other node: its adapters on ${plan.smbMultichannelNetworkNames.join(', ')}.`,
    ),
    `$SmbConstraints = ${list((plan.smbConstraints ?? []).map(constraintLiteral))}`,
    '',
    '# Nodes of the design: each must be a node of this cluster.',
    `$DesignNodes = ${list(plan.nodes.map(psString))}`,
    '',
    '# Static routes to add: InterfaceAlias is the network adapter name on the node.',
    `$Routes = ${list(plan.routes.map(routeLiteral))}`,
    '',
    ...(defaults.length ? ['# Default gateways of the design (not changed by this script):', ...defaults, ''] : []),
    '# Network ATC (a cluster whose live migration ATC manages): the override properties to set.',
    `$NetworkAtc = ${atc !== null ? '$true' : '$false'}`,
    ...(atc?.smbBasis ? [psComment(`# ${atc.smbBasis}`)] : []),
    `$AtcOverride = [ordered]@{${(atc?.values ?? []).map((v) => `\n    ${atcLiteral(v.name, v.value)}`).join('')}${atc && atc.values.length > 0 ? '\n' : ''}}`,
    `$AtcWaitMinutes = ${ATC_WAIT_MINUTES}`,
    '',
    READ,
    DESIGN.replaceAll('@@ATC_MAX@@', String(ATC_MAX_MIGRATIONS.max)),
    RESTORE,
    APPLY,
  ];
  return lines.join('\n');
}

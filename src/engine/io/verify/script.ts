/**
 * Test-LmPaths.ps1: generated for the design on screen, run on a node of the cluster, it opens a
 * TCP connection — bound to each source address the design gives the source node — to port 6600
 * (and 445 with transport SMB) of every address the design gives the destination node, from each
 * source node through Invoke-Command, and writes what happened to lm-path-test.json
 * (format `lm-path-test` 1, README *Checking the design against the cluster*).
 *
 * It changes nothing on the cluster: it opens and closes TCP connections, starts and removes its
 * own background jobs in the session that runs it, and writes one file. Every name of the design
 * reaches PowerShell as a single-quoted literal (psString) or in a comment (psComment), as in the
 * apply script. The text is ASCII so that Windows PowerShell 5.1 reads it whatever the encoding.
 *
 * Why sockets and not Test-NetConnection: `-ConstrainSourceAddress` belongs to Test-NetConnection's
 * `-DiagnoseRouting` parameter set only (route diagnostics, no connection), so no version of it
 * binds a TCP port test to a source address (docs/DECISIONS.md, decision 298).
 */
import type { Topology } from '../../model/types';
import { psComment, psString } from '../powershell/script';

export const PATH_TEST_FORMAT = 'lm-path-test';
export const PATH_TEST_VERSION = 1;
export const PATH_TEST_FILE = 'lm-path-test.json';
export const PATH_TEST_SCRIPT_FILE = 'Test-LmPaths.ps1';
/** The live migration listener (Hyper-V VMMS). */
export const LIVE_MIGRATION_PORT = 6600;
export const SMB_PORT = 445;
/** Every ordered pair is tested by default up to this many nodes; above, each node to one node of every site. */
export const ALL_PAIRS_UP_TO = 16;
/** Connections a node opens at once: the worst case per node is ⌈attempts / batch⌉ timeouts. */
export const CONNECT_BATCH = 64;

export interface PathTestScriptOptions {
  /** ISO time written in the header (tests pass a fixed one). */
  generatedAt?: string;
}

const nodeLiteral = (name: string, site: string, addresses: string[]): string =>
  `    [pscustomobject]@{ Name = ${psString(name)}; Site = ${psString(site)}; Addresses = @(${addresses.map(psString).join(', ')}) }`;

/** The design's nodes with their addresses (host part; NICs that are down included: the test says whether they answer). */
export function designNodes(t: Topology): { name: string; site: string; addresses: string[] }[] {
  return t.nodes.map((n) => {
    const addresses: string[] = [];
    for (const nicId of t.index.nicsByNode.get(n.id) ?? []) for (const i of t.index.addressesByNic.get(nicId) ?? []) addresses.push(t.addresses[i]!.address);
    const site = n.site === null ? '' : (t.index.sites.get(n.site)?.name ?? n.site);
    return { name: n.name, site, addresses: [...new Set(addresses)] };
  });
}

const help = `<#
.SYNOPSIS
Tests the TCP connections a live migration would open between the nodes of this cluster, as
LM Path Visualizer's design predicts them. Read-only: it changes nothing on the cluster.

.DESCRIPTION
For each ordered pair of nodes in scope, from the source node (through Invoke-Command, all
source nodes at once), it opens a TCP connection bound to each of the source node's addresses
in the design to port 6600 (live migration) of each of the destination node's addresses in the
design - and to port 445 too when the design's live migration transport is SMB - and records
whether it connected, was refused or timed out, and the seconds it took. Each connection is
closed at once; nothing is sent over it.

It prints an estimate of its run time before it starts, then writes a JSON file (by default
.\\lm-path-test.json) to import in LM Path Visualizer beside the design: Import cluster, step 3.
Nodes that cannot be reached through PowerShell remoting are listed under 'notes' in the file.

Run it on a node of the cluster, as an account that may use Invoke-Command on every node.

.NOTES
Each connection is closed without sending anything. The Hyper-V Virtual Machine Management
service on the destination may record such a connection in its event log; nothing else happens.

.PARAMETER TimeoutSeconds
Seconds to wait for each connection before counting it as timed out (default 25; Windows
itself usually gives up a TCP connect after about 21 s).

.PARAMETER Pairs
Only these pairs, each 'SOURCE>DESTINATION' with node names of the design.

.PARAMETER AllPairs
Every ordered pair, however many nodes. By default every pair is tested up to 16 nodes; above
that, each node is tested to one node of every site.

.PARAMETER OutFile
Where to write the result (default .\\lm-path-test.json).

.EXAMPLE
.\\Test-LmPaths.ps1
Tests the default scope and writes .\\lm-path-test.json.

.EXAMPLE
.\\Test-LmPaths.ps1 -Pairs 'HV01>HV03', 'HV03>HV01' -TimeoutSeconds 30
Tests two pairs only, waiting up to 30 s per connection.
#>`;

const BODY = String.raw`
function Get-ShortName([string]$Name) { ($Name.Split('.')[0]).ToLowerInvariant() }
$byName = @{}
foreach ($n in $nodes) { $byName[(Get-ShortName $n.Name)] = $n }
$notes = New-Object System.Collections.Generic.List[string]

# ---------------------------------------------------------------------------------------------
# 1. Which pairs to test.
# ---------------------------------------------------------------------------------------------
$plan = New-Object System.Collections.Generic.List[object]
if ($Pairs.Count -gt 0) {
    $scope = 'pairs'
    foreach ($p in $Pairs) {
        $parts = @($p.Split('>') | ForEach-Object { $_.Trim() })
        if ($parts.Count -ne 2 -or -not $byName.ContainsKey((Get-ShortName $parts[0])) -or -not $byName.ContainsKey((Get-ShortName $parts[1]))) {
            throw "-Pairs: '$p' is not 'SOURCE>DESTINATION' with two nodes of the design. Nodes: $(($nodes | ForEach-Object { $_.Name }) -join ', ')."
        }
        $plan.Add([pscustomobject]@{ Source = $byName[(Get-ShortName $parts[0])]; Destination = $byName[(Get-ShortName $parts[1])] })
    }
} elseif ($AllPairs -or $nodes.Count -le 16) {
    $scope = 'all-pairs'
    foreach ($s in $nodes) { foreach ($d in $nodes) { if ($s.Name -ne $d.Name) { $plan.Add([pscustomobject]@{ Source = $s; Destination = $d }) } } }
} else {
    # Each node to one node of every site, a different one for each source so that every node is also a destination.
    $scope = 'one-per-site'
    $sites = @($nodes | Group-Object -Property Site)
    $i = 0
    foreach ($s in $nodes) {
        foreach ($g in $sites) {
            $others = @($g.Group | Where-Object { $_.Name -ne $s.Name })
            if ($others.Count -gt 0) { $plan.Add([pscustomobject]@{ Source = $s; Destination = $others[$i % $others.Count] }) }
        }
        $i++
    }
}

# Every connection to try, by source node: each source address to each destination address of the same family, each port.
$work = [ordered]@{}
foreach ($pair in $plan) {
    $list = $work[$pair.Source.Name]
    if ($null -eq $list) { $list = New-Object System.Collections.Generic.List[object]; $work[$pair.Source.Name] = $list }
    foreach ($da in $pair.Destination.Addresses) {
        foreach ($sa in $pair.Source.Addresses) {
            if ($sa.Contains(':') -ne $da.Contains(':')) { continue }
            foreach ($port in $ports) {
                $list.Add([pscustomobject]@{ Source = $pair.Source.Name; SourceAddress = $sa; Destination = $pair.Destination.Name; DestinationAddress = $da; Port = $port })
            }
        }
    }
}
$batch = 64
$attemptCount = 0
$worst = 0
foreach ($k in $work.Keys) {
    $attemptCount += $work[$k].Count
    $w = [math]::Ceiling($work[$k].Count / $batch) * $TimeoutSeconds
    if ($w -gt $worst) { $worst = $w }
}
if ($attemptCount -gt 12000) {
    throw "That is $attemptCount connections; LM Path Visualizer keeps at most 12000 with a design. Use the default scope (without -AllPairs) or -Pairs."
}
Write-Host ("Testing {0} node pairs ({1}): {2} connections from {3} source nodes, {4} at a time per node." -f $plan.Count, $scope, $attemptCount, $work.Count, $batch)
Write-Host ("Estimate: under a minute when every path answers; at most about {0:N1} minutes if none does (timeout {1} s)." -f (($worst + 30) / 60), $TimeoutSeconds)

# ---------------------------------------------------------------------------------------------
# 2. The test, on each source node. It only opens and closes TCP connections.
# ---------------------------------------------------------------------------------------------
$probe = {
    param([object[]]$Attempts, [int]$TimeoutSeconds, [int]$Batch)
    $out = New-Object System.Collections.Generic.List[object]
    for ($start = 0; $start -lt $Attempts.Count; $start += $Batch) {
        $open = @()
        $last = [math]::Min($start + $Batch, $Attempts.Count) - 1
        foreach ($a in @($Attempts[$start..$last])) {
            $r = [ordered]@{ Source = $a.Source; Computer = $env:COMPUTERNAME; SourceAddress = $a.SourceAddress; Destination = $a.Destination
                DestinationAddress = $a.DestinationAddress; Port = [int]$a.Port; Outcome = 'Failed'; Seconds = $null; Error = $null }
            $socket = $null
            try {
                $src = [System.Net.IPAddress]::Parse($a.SourceAddress)
                $dst = [System.Net.IPAddress]::Parse($a.DestinationAddress)
                $socket = New-Object System.Net.Sockets.Socket($dst.AddressFamily, [System.Net.Sockets.SocketType]::Stream, [System.Net.Sockets.ProtocolType]::Tcp)
                $bound = $true
                try { $socket.Bind((New-Object System.Net.IPEndPoint($src, 0))) } catch { $bound = $false; $r.Outcome = 'NoSourceAddress'; $r.Error = $_.Exception.Message }
                if ($bound) {
                    $watch = [System.Diagnostics.Stopwatch]::StartNew()
                    $pending = $socket.BeginConnect($dst, [int]$a.Port, $null, $null)
                    $open += , @($r, $socket, $pending, $watch)
                } else { $socket.Close(); $out.Add([pscustomobject]$r) }
            } catch {
                $r.Error = $_.Exception.Message
                if ($null -ne $socket) { $socket.Close() }
                $out.Add([pscustomobject]$r)
            }
        }
        while ($open.Count -gt 0) {
            $still = @()
            foreach ($o in $open) {
                $r, $socket, $pending, $watch = $o
                if ($pending.IsCompleted) {
                    $r.Seconds = [math]::Round($watch.Elapsed.TotalSeconds, 3)
                    try { $socket.EndConnect($pending); $r.Outcome = 'Connected' } catch {
                        $e = $_.Exception
                        while ($null -ne $e -and -not ($e -is [System.Net.Sockets.SocketException])) { $e = $e.InnerException }
                        $code = if ($null -ne $e) { [string]$e.SocketErrorCode } else { '' }
                        $r.Outcome = switch ($code) {
                            'ConnectionRefused' { 'Refused' }
                            'TimedOut' { 'TimedOut' }
                            'NetworkUnreachable' { 'Unreachable' }
                            'HostUnreachable' { 'Unreachable' }
                            default { 'Failed' }
                        }
                        $r.Error = if ($code -ne '') { $code } else { $_.Exception.Message }
                    }
                    $socket.Close()
                    $out.Add([pscustomobject]$r)
                } elseif ($watch.Elapsed.TotalSeconds -ge $TimeoutSeconds) {
                    $r.Seconds = [double]$TimeoutSeconds
                    $r.Outcome = 'TimedOut'
                    $r.Error = 'NoAnswerWithinTimeout'
                    $socket.Close()
                    $out.Add([pscustomobject]$r)
                } else { $still += , $o }
            }
            $open = $still
            if ($open.Count -gt 0) { Start-Sleep -Milliseconds 20 }
        }
    }
    $out
}

$jobs = @()
foreach ($name in $work.Keys) {
    $attempts = $work[$name].ToArray()
    $jobs += Invoke-Command -ComputerName $name -ScriptBlock $probe -ArgumentList @($attempts, $TimeoutSeconds, $batch) -AsJob
}
$null = Wait-Job -Job $jobs -Timeout ([int]$worst + 300)
$results = New-Object System.Collections.Generic.List[object]
foreach ($j in $jobs) {
    if ($j.State -ne 'Completed') { $notes.Add("$($j.Location): the test did not finish ($($j.State)); its connections are missing from this file.") }
    $failed = $null
    $received = @(Receive-Job -Job $j -ErrorAction SilentlyContinue -ErrorVariable failed)
    foreach ($e in @($failed)) { $notes.Add("$($j.Location): $($e.Exception.Message)") }
    foreach ($r in $received) {
        $results.Add([ordered]@{ Source = $r.Source; Computer = $r.Computer; SourceAddress = $r.SourceAddress; Destination = $r.Destination
            DestinationAddress = $r.DestinationAddress; Port = $r.Port; Outcome = [string]$r.Outcome; Seconds = $r.Seconds; Error = $r.Error })
    }
    Stop-Job -Job $j -ErrorAction SilentlyContinue
    Remove-Job -Job $j -Force -ErrorAction SilentlyContinue
}

# ---------------------------------------------------------------------------------------------
# 3. The result file.
# ---------------------------------------------------------------------------------------------
$clusterName = $null
try { $clusterName = (Get-Cluster -ErrorAction Stop).Name } catch { $notes.Add("Get-Cluster: $($_.Exception.Message)") }
$result = [ordered]@{
    format         = 'lm-path-test'
    version        = 1
    design         = $designName
    cluster        = $clusterName
    collectedAt    = (Get-Date).ToString('o')
    collectedOn    = $env:COMPUTERNAME
    timeoutSeconds = $TimeoutSeconds
    scope          = $scope
    ports          = @($ports)
    results        = @($results)
    notes          = @($notes)
}
$result | ConvertTo-Json -Depth 5 | Set-Content -Encoding UTF8 -Path $OutFile
$connected = @($results | Where-Object { $_.Outcome -eq 'Connected' }).Count
Write-Host ("{0} of {1} connections connected; {2} notes. Import {3} in LM Path Visualizer (Import cluster, step 3)." -f $connected, $results.Count, $notes.Count, $OutFile)
`;

/** The script for a design (its nodes, addresses and transport are written into it). */
export function buildPathTestScript(t: Topology, { generatedAt }: PathTestScriptOptions = {}): string {
  const ports = t.liveMigration.transport === 'smb' ? [LIVE_MIGRATION_PORT, SMB_PORT] : [LIVE_MIGRATION_PORT];
  const nodes = designNodes(t);
  const header = [
    `# LM Path Visualizer - path test (${PATH_TEST_FORMAT} version ${PATH_TEST_VERSION}), for the design: ${psComment(t.name)}`,
    ...(generatedAt ? [`# Generated ${psComment(generatedAt)}.`] : []),
    '# Read-only: it opens TCP connections and writes one file. Nothing on the cluster is changed.',
    help,
    '[CmdletBinding()]',
    'param(',
    '    [ValidateRange(1, 600)][int]$TimeoutSeconds = 25,',
    '    [string[]]$Pairs = @(),',
    '    [switch]$AllPairs,',
    `    [string]$OutFile = ${psString(`.\\${PATH_TEST_FILE}`)}`,
    ')',
    'Set-StrictMode -Version 2.0',
    '',
    '# The design this script was generated for: its nodes, their sites and addresses.',
    `$designName = ${psString(t.name)}`,
    `$ports = @(${ports.join(', ')})`,
    nodes.length === 0 ? '$nodes = @()' : `$nodes = @(\n${nodes.map((n) => nodeLiteral(n.name, n.site, n.addresses)).join('\n')}\n)`,
  ];
  const script = `${header.join('\n')}\n${BODY}`;
  // Names are the only non-ASCII that could reach the text; inside single quotes they are data, but
  // PowerShell 5.1 reads a file without a byte-order mark as ANSI: the download adds the BOM.
  return script;
}

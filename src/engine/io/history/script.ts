/**
 * Get-LmHistory.ps1: run on a node of the cluster, it reads — through Invoke-Command, on every node
 * at once — the live migration events of the last `-Days` days (default 7) from the event logs with
 * `Get-WinEvent -FilterHashtable` (the log, the event id and the start time filter on the node
 * itself; `-MaxEvents` bounds each query), and writes lm-history.json (format `lm-history` 1,
 * README *What past migrations took*).
 *
 * A third script rather than a part of the inventory (docs/DECISIONS.md, decision 333): the event
 * logs are a slower read with its own window and bounds, run when the user wants to compare, and
 * the inventory must stay quick and safe to rerun. It changes nothing: it reads logs, starts and
 * removes its own background job, and writes one file. It is the same text for every design
 * (nothing of the design is written into it), ASCII, so Windows PowerShell 5.1 reads it whatever
 * the encoding.
 */

export const HISTORY_FORMAT = 'lm-history';
export const HISTORY_VERSION = 1;
export const HISTORY_FILE = 'lm-history.json';
export const HISTORY_SCRIPT_FILE = 'Get-LmHistory.ps1';
export const HISTORY_DEFAULT_DAYS = 7;
/** Per query and node: five queries on 64 nodes stay under the import's event limit with room. */
export const HISTORY_DEFAULT_MAX_EVENTS = 500;

/**
 * What each query reads. Ids and logs come from docs/DECISIONS.md, decision 334 (where each event
 * comes from): 20417 and the connection failures (21502, 0x8007274C / 0x8007274D) are in
 * Microsoft's *Troubleshoot live migration issues*; 1641 and 20415 only in other sources. None of
 * them is required: a log or an event that is not there is a note in the file.
 */
export const HISTORY_QUERIES = [
  { kind: 'RoleMoving', log: 'Microsoft-Windows-FailoverClustering/Operational', filter: 'Id = 1641' },
  { kind: 'Completed', log: 'Microsoft-Windows-Hyper-V-VMMS-Admin', filter: 'Id = 20415' },
  { kind: 'LongBlackout', log: 'Microsoft-Windows-Hyper-V-VMMS-Admin', filter: 'Id = 20417' },
  { kind: 'ConnectionFailed', log: 'Microsoft-Windows-Hyper-V-High-Availability-Admin', filter: 'Id = 21502' },
  { kind: 'ConnectionFailed', log: 'Microsoft-Windows-Hyper-V-VMMS-Admin', filter: 'Level = 2' },
] as const;

const help = `<#
.SYNOPSIS
Reads what past live migrations took on every node of this cluster, from the event logs, for
LM Path Visualizer. Read-only: it changes nothing on the cluster.

.DESCRIPTION
On every node of the cluster (through Invoke-Command, all nodes at once) it reads, for the last
-Days days, with Get-WinEvent -FilterHashtable (filtered on the node by log, event id and time,
at most -MaxEvents events per query):
  - Failover Clustering 1641: a clustered role moving from one node to another (the start);
  - Hyper-V VMMS 20415 and 20417: a live migration completed, with its blackout time (the end);
  - live migration connections that timed out (0x8007274C) or were refused (0x8007274D).
It writes a JSON file (by default .\\lm-history.json) to import in LM Path Visualizer beside the
design: Import cluster, step 4. A log or an event that is not there is a note in the file, not
an error. Nodes that cannot be reached through PowerShell remoting are listed under 'notes'.

Run it on a node of the cluster, as an account that may use Invoke-Command on every node and
read their event logs.

.PARAMETER Days
How many days back to read (default 7).

.PARAMETER MaxEvents
At most this many events per query and node (default 500); the file notes a query that reached it.

.PARAMETER Nodes
Read these nodes instead of the cluster's (Get-ClusterNode).

.PARAMETER OutFile
Where to write the result (default .\\lm-history.json).

.EXAMPLE
.\\Get-LmHistory.ps1
Reads the last 7 days on every node and writes .\\lm-history.json.

.EXAMPLE
.\\Get-LmHistory.ps1 -Days 30 -MaxEvents 2000
Reads the last 30 days, up to 2000 events per query and node.
#>`;

const BODY = String.raw`
$notes = New-Object System.Collections.Generic.List[string]
if ($Nodes.Count -eq 0) {
    try { $Nodes = @(Get-ClusterNode -ErrorAction Stop | ForEach-Object { [string]$_.Name }) }
    catch { throw "Get-ClusterNode: $($_.Exception.Message) Run this on a node of the cluster, or name the nodes with -Nodes." }
}
$clusterName = $null
try { $clusterName = (Get-Cluster -ErrorAction Stop).Name } catch { $notes.Add("Get-Cluster: $($_.Exception.Message)") }
$since = (Get-Date).AddDays(-$Days)
Write-Host ("Reading {0} days of live migration events on {1} nodes, at most {2} events per query and node." -f $Days, $Nodes.Count, $MaxEvents)

# ---------------------------------------------------------------------------------------------
# On each node: one Get-WinEvent per event, filtered on the node (log, id or level, start time).
# ---------------------------------------------------------------------------------------------
$read = {
    param([datetime]$Since, [int]$MaxEvents)
    $queries = @(
__QUERIES__
    )
    $out = New-Object System.Collections.Generic.List[object]
    foreach ($q in $queries) {
        $filter = $q.Filter.Clone()
        $filter['StartTime'] = $Since
        $found = @()
        try { $found = @(Get-WinEvent -FilterHashtable $filter -MaxEvents $MaxEvents -ErrorAction Stop) }
        catch {
            # No matching event is not an error here; a missing log is a note.
            if ($_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*') {
                $out.Add([pscustomobject]@{ Note = "$($env:COMPUTERNAME): $($q.Filter.LogName) ($($q.Kind)): $($_.Exception.Message)" })
            }
        }
        if ($found.Count -ge $MaxEvents) {
            $out.Add([pscustomobject]@{ Note = "$($env:COMPUTERNAME): $($q.Filter.LogName) ($($q.Kind)) reached -MaxEvents $MaxEvents; older events are left out." })
        }
        foreach ($e in $found) {
            $message = [string]$e.Message
            if ($q.Kind -eq 'ConnectionFailed' -and $message -notmatch '0x8007274[CD]') { continue }
            if ($message.Length -gt 1000) { $message = $message.Substring(0, 1000) }
            $out.Add([pscustomobject]@{
                Kind        = $q.Kind
                Node        = $env:COMPUTERNAME
                Log         = $e.LogName
                Id          = $e.Id
                TimeCreated = $e.TimeCreated.ToUniversalTime().ToString('o')
                Message     = $message
                Properties  = @($e.Properties | ForEach-Object { [string]$_.Value })
            })
        }
    }
    $out
}

$job = Invoke-Command -ComputerName $Nodes -ScriptBlock $read -ArgumentList @($since, $MaxEvents) -AsJob
$null = Wait-Job -Job $job -Timeout 900
$events = New-Object System.Collections.Generic.List[object]
foreach ($child in @($job.ChildJobs)) {
    if ($child.State -ne 'Completed') { $notes.Add("$($child.Location): the read did not finish ($($child.State)); its events are missing from this file.") }
    $failed = $null
    $received = @(Receive-Job -Job $child -ErrorAction SilentlyContinue -ErrorVariable failed)
    foreach ($e in @($failed)) { $notes.Add("$($child.Location): $($e.Exception.Message)") }
    foreach ($r in $received) {
        if ($r.PSObject.Properties['Note']) { $notes.Add([string]$r.Note); continue }
        $events.Add([ordered]@{ Kind = [string]$r.Kind; Node = [string]$r.Node; Log = [string]$r.Log; Id = [int]$r.Id
            TimeCreated = [string]$r.TimeCreated; Message = [string]$r.Message; Properties = @($r.Properties) })
    }
}
Stop-Job -Job $job -ErrorAction SilentlyContinue
Remove-Job -Job $job -Force -ErrorAction SilentlyContinue

$result = [ordered]@{
    format      = 'lm-history'
    version     = 1
    cluster     = $clusterName
    collectedAt = (Get-Date).ToUniversalTime().ToString('o')
    collectedOn = $env:COMPUTERNAME
    days        = $Days
    maxEvents   = $MaxEvents
    nodes       = @($Nodes)
    events      = @($events)
    notes       = @($notes)
}
$result | ConvertTo-Json -Depth 5 | Set-Content -Encoding UTF8 -Path $OutFile
Write-Host ("{0} events from {1} nodes; {2} notes. Import {3} in LM Path Visualizer (Import cluster, step 4)." -f $events.Count, $Nodes.Count, $notes.Count, $OutFile)
`;

const queryLiteral = (q: (typeof HISTORY_QUERIES)[number]): string =>
  `        @{ Kind = '${q.kind}'; Filter = @{ LogName = '${q.log}'; ${q.filter} } }`;

export interface HistoryScriptOptions {
  /** ISO time written in the header (tests pass a fixed one). */
  generatedAt?: string;
}

/** The script (the same for every design). */
export function buildHistoryScript({ generatedAt }: HistoryScriptOptions = {}): string {
  const header = [
    `# LM Path Visualizer - live migration history (${HISTORY_FORMAT} version ${HISTORY_VERSION}).`,
    ...(generatedAt ? [`# Generated ${generatedAt.replace(/[^0-9A-Za-z:.+-]/g, '')}.`] : []),
    '# Read-only: it reads event logs and writes one file. Nothing on the cluster is changed.',
    help,
    '[CmdletBinding()]',
    'param(',
    `    [ValidateRange(1, 365)][int]$Days = ${HISTORY_DEFAULT_DAYS},`,
    `    [ValidateRange(1, 100000)][int]$MaxEvents = ${HISTORY_DEFAULT_MAX_EVENTS},`,
    '    [string[]]$Nodes = @(),',
    `    [string]$OutFile = '.\\${HISTORY_FILE}'`,
    ')',
    'Set-StrictMode -Version 2.0',
  ];
  return `${header.join('\n')}\n${BODY.replace('__QUERIES__', HISTORY_QUERIES.map(queryLiteral).join(',\n'))}`;
}

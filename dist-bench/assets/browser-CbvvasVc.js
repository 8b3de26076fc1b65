import{C as e,D as t,E as n,O as r,_ as i,b as a,g as o,x as s}from"./parse-DMNRME8E.js";import{c,d as l,h as ee,m as u,o as te,t as ne,u as re}from"./everyNode-B-jO-nBd.js";import{n as ie}from"./originText-DTeSaKcA.js";import{n as d}from"./text-BQx7DjPk.js";import{c as f,l as ae}from"./share-D5S4eQeW.js";var p={tcpip:`TCP/IP`,compression:`Compression`,smb:`SMB`};function m(e,t,n){let r=e.liveMigration,i=e.planning,a=n===void 0?void 0:e.index.nodes.get(n),o=[[`Transport`,`${p[r.transport]} at ${i.efficiency[r.transport]} × the wire rate${r.transport===`compression`?`, at most ${i.compressionMaxGbps} Gbps (CPU)`:``}`],[`Parallel migrations`,`${r.maxParallelMigrations} at a time per node`]];return r.transport===`smb`&&o.push([`SMB bandwidth limit`,r.smbBandwidthLimitFactor>0?`${r.smbBandwidthLimitFactor/100} % of ${a?`${a.effectiveBandwidthGbps} Gbps`:`the node's physical bandwidth`}`:`none`]),o.push([`NIC speed when unknown`,`${i.unknownSpeedGbps} Gbps`],[`Pre-copy overhead`,`${Math.round(i.precopyOverhead*1e3)/10} % of memory (pages dirtied while copying)`],[`Switchover`,`${i.switchoverSeconds} s per VM`],[`Legacy timeout`,`${t} s per network that does not connect`]),o}var oe=`.lm-topology.json`;function se(e){return`${JSON.stringify(e,null,2)}\n`}function h(e,t=`topology`){let n=(e??``).normalize(`NFKD`).replace(/\p{M}+/gu,``).replace(/[^A-Za-z0-9._-]+/g,`-`).replace(/-{2,}/g,`-`).slice(0,80).replace(/^[.-]+|[.-]+$/g,``);return n===``?t:/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(n)?`_${n}`:n}function ce(e){let t=h(e.name);return{topology:`${t}${oe}`,png:`${t}.diagram.png`,svg:`${t}.diagram.svg`,drawio:`${t}.diagram.drawio`,markdown:`${t}.report.md`,html:`${t}.report.html`,powershell:`apply-${t}.ps1`}}function le(e,t,n,r){if(n<=1)return e;let i=e.lastIndexOf(`.`),a=r.toLowerCase().normalize(`NFKD`).replace(/[^a-z0-9]+/g,`-`).replace(/^-|-$/g,``).slice(0,40),o=String(n).length;return`${e.slice(0,i)}-${String(t+1).padStart(o,`0`)}${a?`-${a}`:``}${e.slice(i)}`}var g=`Estimates, not measurements: each node drained alone from the placement of the design, one after the other (as Cluster-Aware Updating does), by the assumptions below. Legacy waits for a connection timeout on each network that does not connect, for every VM.`;function _(e,t=20){if(e.vms.length===0)return null;let n=ne(e,{legacyTimeoutSeconds:t}),r=e=>e>0?` (${e} cannot move)`:``;return{head:[`Node`,`VMs`,`Memory running (GB)`,`Windows Server 2025`,`Legacy`,`Legacy waiting for timeouts`],rows:n.rows.map(t=>[a(e,t.nodeId),String(t.vmCount),String(Math.round(t.memoryGB)),d(t.ws2025.totalSeconds)+r(t.ws2025.stuck),d(t.legacy.totalSeconds)+r(t.legacy.stuck),d(t.legacy.waitingSeconds)]),total:[`All nodes`,String(n.sums.vmCount),String(Math.round(n.sums.memoryGB)),d(n.sums.ws2025.totalSeconds),d(n.sums.legacy.totalSeconds),d(n.sums.legacy.waitingSeconds)],assumptions:m(e,t)}}function v(e){return e.replace(/[&<>"']/g,e=>({"&":`&amp;`,"<":`&lt;`,">":`&gt;`,'"':`&quot;`,"'":`&#39;`})[e])}var y=`
:root { color-scheme: light; }
body { font: 14px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color: #1b1f24; margin: 24px auto; max-width: 1400px; padding: 0 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
p.meta { color: #57606a; margin: 0 0 12px; }
.whatif { background: #fff8c5; border: 1px solid #d4a72c; padding: 8px 12px; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f5f7; }
tbody tr:nth-child(even) td { background: #fafbfc; }
table.summary { width: auto; }
table.summary th { font-weight: 600; white-space: nowrap; }
td.none { color: #b42318; font-weight: 600; }
td.routed { color: #8250df; }
td.num { text-align: right; white-space: nowrap; }
th.mode { text-align: center; }
figure { margin: 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
code { font: 12px ui-monospace, Consolas, monospace; background: #f3f5f7; padding: 0 3px; }
figure.page { margin: 0 0 16px; }
figure.page img { width: 100%; border: 1px solid #d0d7de; }
figure.page figcaption { color: #57606a; font-size: 12px; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11px; }
  table { font-size: 10px; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  h2 { break-after: avoid; }
  figure.page { break-before: page; break-after: page; margin: 0; }
  figure.page img { border: none; width: 100%; height: 100vh; object-fit: contain; }
  figure.page figcaption { display: none; }
}
`,b=v,x=e=>`<tr>${e.join(``)}</tr>`,S=(e,t=``)=>`<td${t?` class="${t}"`:``}>${b(e)}</td>`,C=(e,t=``)=>`<th${t}>${b(e)}</th>`;function w(e,t){return`<table>\n<thead>${e}</thead>\n<tbody>\n${t.join(`
`)}\n</tbody>\n</table>`}var T=e=>[S(e.network,e.status===`none`?`none`:``),S(e.kind,e.status===`direct`?``:e.status),S(e.fallbacks)];function ue(e){let t=`Live migration design: ${e.title}`,n=[`<h1>${b(t)}</h1>`];if(e.description&&n.push(`<p>${b(e.description)}</p>`),e.generatedAt&&n.push(`<p class="meta">Generated by LM Path Visualizer on ${b(e.generatedAt)}.</p>`),e.simulatedFailures.length&&n.push(`<p class="whatif"><strong>What-if:</strong> this report simulates the failure of ${b(e.simulatedFailures.join(`, `))}.</p>`),n.push(`<h2>Summary</h2>`,`<table class="summary"><tbody>${e.summary.map(([e,t])=>x([C(e,` scope="row"`),S(t)])).join(``)}</tbody></table>`),n.push(`<h2>Diagram</h2>`),e.diagramPages.length>0?n.push(...e.diagramPages.map((t,n)=>`<figure class="page"><img src="data:image/svg+xml;base64,${t.svgBase64}" alt="${b(`Diagram of ${e.title}${t.title?`: ${t.title}`:``}`)}"><figcaption>${b(`Page ${n+1} of ${e.diagramPages.length}${t.title?`: ${t.title}`:``}`)}</figcaption></figure>`)):n.push(e.diagramPngBase64?`<figure><img src="data:image/png;base64,${e.diagramPngBase64}"${e.diagramWidth?` width="${e.diagramWidth}"`:``} alt="${b(`Diagram of ${e.title}`)}"></figure>`:`<p class="meta">The diagram was not available when this report was made.</p>`),n.push(`<h2>Nodes</h2>`,w(x([`Node`,`Site`,`State`,`NICs`].map(e=>C(e))),e.nodes.map(e=>x([S(e.name),S(e.site),S(e.state),S(e.nics)])))),n.push(`<h2>Cluster networks</h2>`,`<p>In the order live migration prefers them. <em>Order</em> is the position in the live migration order; with an explicit order (MigrationNetworkOrder), networks not listed follow by metric; with the cluster’s default order, networks go by metric except the cluster’s own network (lowest metric), which goes last.</p>`,w(x([`Order`,`Network`,`Subnets`,`Role`,`Metric`,`Live migration`].map(e=>C(e))),e.networks.map(e=>x([S(e.order,`num`),S(e.name),S(e.prefixes),S(e.role),S(e.metric,`num`),S(e.liveMigration,e.liveMigration===`enabled`?``:`none`)])))),e.maintenance){let t=e.maintenance;n.push(`<h2>Maintenance: draining every node in turn (estimates)</h2>`,`<p>${b(g)}</p>`,w(x(t.head.map(e=>C(e))),[...t.rows.map(e=>x(e.map((e,t)=>S(e,t===0?``:`num`)))),x([C(t.total[0],` scope="row"`),...t.total.slice(1).map(e=>S(e,`num`))])]),`<h3>Assumptions of the estimate</h3>`,`<table class="summary"><tbody>${t.assumptions.map(([e,t])=>x([C(e,` scope="row"`),S(t)])).join(``)}</tbody></table>`)}return n.push(`<h2>Live migration paths between every pair of nodes</h2>`,`<p>Windows Server 2025 uses the most preferred path that works, routed paths included, at once. Legacy (Windows Server 2022 and earlier) tries the networks in order and waits for a timeout on each one that does not connect the pair: that wait is the <em>legacy delay</em>.</p>`),e.pairs.length===0?n.push(`<p class="meta">The topology has fewer than two nodes.</p>`):n.push(w(x([C(`Source`,` rowspan="2"`),C(`Destination`,` rowspan="2"`),C(`Windows Server 2025`,` colspan="3" class="mode"`),C(`Legacy (2022 and earlier)`,` colspan="4" class="mode"`)])+x([`Network`,`Kind`,`Fallbacks`,`Network`,`Kind`,`Fallbacks`,`Delay`].map(e=>C(e))),e.pairs.map(e=>x([S(e.source),S(e.destination),...T(e.ws2025),...T(e.legacy),S(e.legacyDelay,`num`)])))),n.push(`<h2>Diagnostics</h2>`),n.push(e.diagnostics.length===0?`<p>No diagnostics: the design has no warnings.</p>`:`<ul>\n${e.diagnostics.map(e=>`<li>${b(e.message)}${e.path?` <code>${b(e.path)}</code>`:``}</li>`).join(`
`)}\n</ul>`),[`<!DOCTYPE html>`,`<html lang="en">`,`<head>`,`<meta charset="utf-8">`,`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,`<meta name="viewport" content="width=device-width, initial-scale=1">`,`<title>${b(t)}</title>`,`<style>${y}@page { size: ${e.pageCss}; margin: 12mm; }\n@page diagram { margin: 0; }\n@media print { figure.page { page: diagram; } }</style>`,`</head>`,`<body>`,...n,`</body>`,`</html>`,``].join(`
`)}var de=/[\\`*_[\]|~]/g;function E(e){return e.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g,` `).replace(/&/g,`&amp;`).replace(/</g,`&lt;`).replace(/>/g,`&gt;`).replace(de,e=>`\\${e}`).replace(/:\/\//g,`\\://`).replace(/\bwww\./gi,e=>`${e.slice(0,3)}\\.`).replace(/@/g,`\\@`).replace(/^\s+/,``).replace(/^(#|[-+=])/,`\\$1`).replace(/^(\d+)([.)])/,`$1\\$2`)}var D=e=>`| ${e.map(E).join(` | `)} |`,O=(e,t)=>[D(e),`|${e.map(()=>` --- |`).join(``)}`,...t.map(D)],fe=e=>`\`${e.replace(/`/g,`'`).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g,` `)}\``,k=e=>[e.network,e.kind,e.fallbacks];function A(e){let t=[`# Live migration design: ${E(e.title)}`,``];if(e.description&&t.push(E(e.description),``),e.generatedAt&&t.push(`_Generated by LM Path Visualizer on ${E(e.generatedAt)}._`,``),e.simulatedFailures.length&&t.push(`> **What-if:** this report simulates the failure of ${e.simulatedFailures.map(E).join(`, `)}.`,``),t.push(`## Summary`,``,...O([`Item`,`Value`],e.summary.map(([e,t])=>[e,t])),``),t.push(`## Diagram`,``),e.diagramFileName?(t.push(`<!-- Upload the diagram PNG with this page under the name ${e.diagramFileName.replace(/--/g,`- -`).replace(/[<>]/g,``)}. -->`),t.push(`![Diagram of ${E(e.title)}](${encodeURIComponent(e.diagramFileName).replace(/[()]/g,e=>e===`(`?`%28`:`%29`)})`,``)):t.push(`_The diagram was not available when this report was made._`,``),t.push(`## Nodes`,``,...O([`Node`,`Site`,`State`,`NICs`],e.nodes.map(e=>[e.name,e.site,e.state,e.nics])),``),t.push(`## Cluster networks`,``,`In the order live migration prefers them. _Order_ is the position in the live migration order; with an explicit order (MigrationNetworkOrder), networks not listed follow by metric; with the cluster’s default order, networks go by metric except the cluster’s own network (lowest metric), which goes last.`,``,...O([`Order`,`Network`,`Subnets`,`Role`,`Metric`,`Live migration`],e.networks.map(e=>[e.order,e.name,e.prefixes,e.role,e.metric,e.liveMigration])),``),e.maintenance){let n=e.maintenance;t.push(`## Maintenance: draining every node in turn (estimates)`,``,g,``,...O(n.head,[...n.rows,n.total]),``),t.push(`Assumptions of the estimate:`,``,...n.assumptions.map(([e,t])=>`- ${E(e)}: ${E(t)}`),``)}return t.push(`## Live migration paths between every pair of nodes`,``,`Windows Server 2025 uses the most preferred path that works, routed paths included, at once. Legacy (Windows Server 2022 and earlier) tries the networks in order and waits for a timeout on each one that does not connect the pair: that wait is the _legacy delay_.`,``),e.pairs.length===0?t.push(`_The topology has fewer than two nodes._`,``):t.push(...O([`Source`,`Destination`,`2025 network`,`2025 kind`,`2025 fallbacks`,`Legacy network`,`Legacy kind`,`Legacy fallbacks`,`Legacy delay`],e.pairs.map(e=>[e.source,e.destination,...k(e.ws2025),...k(e.legacy),e.legacyDelay])),``),t.push(`## Diagnostics`,``),e.diagnostics.length===0?t.push(`No diagnostics: the design has no warnings.`,``):t.push(...e.diagnostics.map(e=>`- ${E(e.message)}${e.path?` (at ${fe(e.path)})`:``}`),``),t.join(`
`)}var j={none:`None`,cluster:`Cluster only`,clusterAndClient:`Cluster and client`},M=4;function N(e,t){let n=i(e,t.sourceNetworkId);return t.kind===`direct`?n:`${n} → ${i(e,t.destinationNetworkId)}`}function P(e,t){return t.kind===`direct`?`direct`:`routed via ${t.routerIds.map(t=>s(e,t)).join(` → `)}`}function F(e,t){let n=u(e,t),r=[];n.length>1&&r.push(`SMB Multichannel, ${n.length} streams`);let i=n.filter(e=>e.rdma).length;return i>0&&r.push(i===n.length?`RDMA (SMB Direct)`:`RDMA (SMB Direct) on ${i} of ${n.length}`),r.map(e=>` · ${e}`).join(``)}function I(e,t){if(!t.chosen)return{status:`none`,network:`no path`,kind:t.failure&&t.failure!==`no-path`?o[t.failure]:`no enabled network connects the pair`,fallbacks:`—`};let n=[...new Set(t.fallbacks.map(t=>N(e,t)))],r=n.slice(0,M).join(`, `),i=n.length>M?` (+${n.length-M} more)`:``;return{status:t.chosen.kind,network:N(e,t.chosen),kind:P(e,t.chosen)+F(e,t),fallbacks:n.length?r+i:`none`}}function L(e,t){let n=e.eligibility[t];return!n||n.eligible?`enabled`:{"excluded-by-setting":`excluded`,"role-none":`no (role None)`,"network-down":`no (network down)`}[n.reason]}function R(e){let t=l(e.document),r=t=>e.index.preferencePosition.get(t.id)??2**53-1;return[...e.networks].sort((e,t)=>r(e)-r(t)).map(r=>{let i=e.index.preferencePosition.get(r.id);return{order:i===void 0?`—`:`${i+1}${n(e,r.id)}`,name:r.implicit?`${r.name} (found from addresses)`:r.name,prefixes:r.prefixes.join(`, `)||`—`,role:`${j[r.role]}${r.roleDerived?` (derived)`:``}${z(t,r.id)}`,metric:`${r.metric}${r.metricDerived?` (automatic)`:``}`,liveMigration:L(e,r.id)}})}function z(e,t){let n=re(e,t);return n?` · ATC intent ${n.intent}${n.text?` (${n.text})`:``}`:``}function B(e){return e.nodes.map(t=>({name:t.name,site:t.site?e.index.sites.get(t.site)?.name??t.site:`—`,state:t.state,nics:(e.index.nicsByNode.get(t.id)??[]).map(t=>e.index.nics.get(t)).map(e=>`${e.name} (${e.addresses.join(`, `)||`no address`}${e.speedGbps?`, ${e.speedGbps} Gb/s`:``}${e.rdma?`, RDMA-capable`:``}${e.state===`down`?`, down`:``})`).join(`; `)}))}function V(e,t){if(!(e.length>=24&&e[12]===73&&e[13]===72&&e[14]===68&&e[15]===82)||!(t>0))return null;let n=(e[16]<<24|e[17]<<16|e[18]<<8|e[19])>>>0;return Math.max(1,Math.round(n/t))}function pe(e,t,n,o={}){let s=t.summary,c=te(t,o.legacyTimeoutSeconds??20),l=e.preferenceOrder.length,u=[...(ie(e)??[]).map((e,t)=>[t===0?`Source`:``,e]),[`Nodes`,String(e.nodes.length)],[`Sites`,e.sites.length?e.sites.map(e=>e.name).join(`, `):`none`],[`Cluster networks`,`${e.networks.length} (${l} enabled for live migration)`],[`NICs`,String(e.nics.length)],[`Routers`,String(e.routers.length)],[`Live migration order`,`${e.preferenceOrder.map(t=>i(e,t)).join(` → `)||`no network enabled`} — ${r(e)}`],[`Transport`,ee(e)],[`Node pairs`,String(s.pairCount)],[`Pairs without a path`,`${s.noPath.ws2025} (Windows Server 2025), ${s.noPath.legacy} (legacy)`],[`Pairs on a routed path (2025)`,String(s.routedChosen)],[`Pairs without a fallback`,`${s.singlePath.ws2025} (Windows Server 2025), ${s.singlePath.legacy} (legacy)`],[`Legacy start delay (pairs that connect)`,c.legacyConnected?`up to ${c.legacyMaxDelaySeconds} s, ${Math.round(c.legacyMeanDelaySeconds*10)/10} s on average over ${c.legacyConnected} pairs; ${c.legacyWaiting} of them wait for timeouts${o.legacyTimeoutSeconds===void 0?``:` (${o.legacyTimeoutSeconds} s per timed-out network)`}`:`no pair connects`],[`Pairs legacy never migrates`,c.legacyNever?`${c.legacyNever} (legacy gives up after ${c.legacyGiveUpSeconds} s)`:`0`]];return{title:e.name||`Untitled topology`,description:e.description,generatedAt:o.generatedAt??null,diagramFileName:o.diagramFileName??null,diagramPngBase64:o.diagramPng?f(o.diagramPng):null,diagramWidth:o.diagramPng?V(o.diagramPng,o.diagramScale??1):null,diagramPages:(o.diagramPages??[]).map(e=>({title:e.title,svgBase64:f(ae(e.svg))})),pageCss:o.pageCss??`A4 landscape`,simulatedFailures:o.simulatedFailures??[],summary:u,nodes:B(e),networks:R(e),pairs:t.pairs().map(t=>({source:a(e,t.sourceNodeId),destination:a(e,t.destinationNodeId),ws2025:I(e,t.ws2025),legacy:I(e,t.legacy),legacyDelay:t.legacy.chosen?`${t.legacy.initiationDelaySeconds} s`:t.legacy.initiationDelaySeconds>0?`never (gives up after ${t.legacy.initiationDelaySeconds} s)`:`never`})),diagnostics:n.map(e=>({path:e.path,message:e.message})),maintenance:_(e,o.legacyTimeoutSeconds)}}function me(e,t,n,r={}){let i=pe(e,t,n,r);return{markdown:A(i),html:ue(i)}}function H(e){return`'${e.replace(/['\u2018\u2019\u201a\u201b]/g,e=>e+e)}'`}var U=e=>e.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g,` `),W=(e,t=`    `)=>e.length===0?`@()`:`@(\n${e.map(e=>t+e).join(`
`)}\n)`,G=e=>`[pscustomobject]@{ Name = ${H(e.name)}; Ipv4Subnets = @(${e.ipv4Subnets.map(H).join(`, `)}) }`,he=e=>`[pscustomobject]@{ Node = ${H(e.node)}; InterfaceAlias = ${H(e.interfaceAlias)}; DestinationPrefix = ${H(e.destinationPrefix)}; NextHop = ${H(e.nextHop)} }`,ge=e=>`<#
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
& '.\\${e}' -WhatIf
Checks the cluster and shows every change it would make, without making any.

.EXAMPLE
& '.\\${e}' -Confirm
Asks before each change.
#>`,_e=`# ---------------------------------------------------------------------------------------------
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
    [pscustomobject]@{ Name = 'MaximumParallelMigrations'; Value = $MaximumParallelMigrations; Default = 1; Present = $true }
    [pscustomobject]@{ Name = 'SetSMBBandwidthLimit'; Value = $SetSMBBandwidthLimit; Default = 1; Present = $true }
    [pscustomobject]@{ Name = 'SMBBandwidthLimitFactor'; Value = $SMBBandwidthLimitFactor; Default = ${e}; Present = $true }
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
`;function ve(e,{generatedAt:t,fileName:n=`apply-live-migration-design.ps1`}={}){let r=n.replace(/[^A-Za-z0-9._-]/g,`-`),i=e.defaultRoutes.map(e=>U(`#   ${e.node} '${e.interfaceAlias}': ${e.destinationPrefix} via ${e.nextHop}`));return[`#Requires -Version 5.1`,`#Requires -Modules FailoverClusters`,ge(r),`[CmdletBinding(SupportsShouldProcess = $true)]`,`param()`,``,`$ErrorActionPreference = 'Stop'`,``,`# ---------------------------------------------------------------------------------------------`,`# The design: ${U(e.topologyName)}`,`# Generated by LM Path Visualizer${t?` on ${U(t)}`:``}. Edit the lists below to adjust it.`,`# ---------------------------------------------------------------------------------------------`,``,...e.orderKind===`explicit`?[`# Live migration order: cluster networks by name, most preferred first, with the IPv4 subnet`,`# each must have (a check that the name points at the network the design means).`,`$UseClusterDefaultOrder = $false`]:[`# Live migration order: the design uses the cluster's default order (no MigrationNetworkOrder):`,U(`# networks by metric, except the cluster's own network${e.clusterNetworkName===null?``:` ('${e.clusterNetworkName}')`}, which it tries last.`),`# The script clears MigrationNetworkOrder when the cluster has one; it never writes the derived order.`,`$UseClusterDefaultOrder = $true`],`$MigrationNetworkOrder = ${W(e.order.map(G))}`,``,`# Networks excluded from live migration.`,`$MigrationExcludeNetworks = ${W(e.excluded.map(G))}`,``,`# Live migration performance option of every node (Set-VMHost): TCPIP, Compression or SMB.`,`$PerformanceOption = ${H(e.performanceOption)}`,``,`# Cluster-wide: live migrations a node runs at once; the SMB bandwidth limit (1 = on) and its`,`# share of a node's physical bandwidth in hundredths of a percent ($null: left as it is).`,`$MaximumParallelMigrations = ${e.maximumParallelMigrations}`,`$SetSMBBandwidthLimit = ${e.setSmbBandwidthLimit}`,`$SMBBandwidthLimitFactor = ${e.smbBandwidthLimitFactor===null?`$null`:e.smbBandwidthLimitFactor}`,``,`# Nodes of the design: each must be a node of this cluster.`,`$DesignNodes = ${W(e.nodes.map(H))}`,``,`# Static routes to add: InterfaceAlias is the network adapter name on the node.`,`$Routes = ${W(e.routes.map(he))}`,``,...i.length?[`# Default gateways of the design (not changed by this script):`,...i,``]:[],_e].join(`
`)}var ye={tcpip:`TCPIP`,compression:`Compression`,smb:`SMB`};function be(e){let t=e.liveMigration,n=t.smbBandwidthLimitFactor,r=e.nodes.map(e=>e.effectiveBandwidthGbps).filter(e=>e>0),i=r.length>0?Math.min(...r):null,a=null,o;return n===0?o=`The design has no SMB bandwidth cap (SMBBandwidthLimitFactor 0): ATC has no value for "no cap", so MaximumSMBMigrationBandwidthInGbps is left as ATC has it.`:i===null?o=`No node bandwidth is known, so MaximumSMBMigrationBandwidthInGbps is left as ATC has it.`:(a=Math.max(1,Math.floor(i*n/1e4)),o=`${n/100} % (SMBBandwidthLimitFactor ${n}) of ${i} Gb/s, the smallest node's physical bandwidth, rounded down to whole Gb/s.`),{performanceOption:ye[t.transport],maxMigrations:t.maxParallelMigrations,smbBandwidthGbps:a,smbBasis:o,explicitOrder:xe(e)}}var K=(e,t)=>e.length===t.length&&e.every((e,n)=>e===t[n]);function xe(e){let t=e.liveMigration,n=l(e.document)?.liveMigrationAsImported;if(!n)return t.networkOrder.length>0;let r=[...t.excludedNetworks].sort();return t.networkOrder.length>0&&(!K(n.networkOrder,t.networkOrder)||!K([...n.excludedNetworks].sort(),r))}function q(e){return[`performance option ${e.performanceOption}`,`${e.maxMigrations} simultaneous migration${e.maxMigrations===1?``:`s`}`,e.smbBandwidthGbps===null?null:`SMB bandwidth ${e.smbBandwidthGbps} Gb/s`,`live migration network selection ${e.explicitOrder?`off`:`on`}`].filter(e=>e!==null).join(`, `)}var J=`# ---------------------------------------------------------------------------------------------`,Se=`# Network ATC manages live migration on this cluster: its cmdlets must be here, with intents.
if (-not (Get-Command -Name Set-NetIntent -ErrorAction SilentlyContinue)) {
    $problems.Add('This design comes from a cluster managed by Network ATC, but the NetworkATC module is not available here: run the script on a node of that cluster.')
} elseif (@(Get-NetIntent -ErrorAction SilentlyContinue).Count -eq 0) {
    $problems.Add('Network ATC has no intent on this cluster, so it does not manage live migration here: use the script made for a cluster without Network ATC.')
}
`;function Ce(e){return[J,`# 2a. Network ATC manages live migration on this cluster; changes made with Set-ClusterParameter`,`#     or Set-VMHost are reverted as drift. The performance option, the simultaneous migrations`,`#     and the SMB bandwidth are set through ATC's own cluster overrides.`,J,`$atcOverride = New-NetIntentGlobalClusterOverrides`,`# $false: ATC applies the performance option below instead of choosing one itself.`,`$atcOverride.EnableVirtualMachineMigrationPerformanceSelection = $false`,`$atcOverride.VirtualMachineMigrationPerformanceOption = ${H(e.performanceOption)}`,`$atcOverride.MaximumVirtualMachineMigrations = ${e.maxMigrations}`,U(`# ${e.smbBasis}`),...e.smbBandwidthGbps===null?[]:[`$atcOverride.MaximumSMBMigrationBandwidthInGbps = ${e.smbBandwidthGbps}`],...e.explicitOrder?[`# The design changes the live migration order that ATC set, so ATC's live migration network`,`# selection is turned off first. What that means: ATC stops choosing the live migration`,`# networks and no longer reverts MigrationNetworkOrder and MigrationExcludeNetworks as drift;`,`# step 2 sets them, and they stay as set. ATC keeps managing its intents (adapters, virtual`,`# switch, QoS) and the overrides above. To give the choice back to ATC later, set`,`# EnableLiveMigrationNetworkSelection to $true in an override and apply it with`,`# Set-NetIntent -GlobalClusterOverrides.`,`$atcOverride.EnableLiveMigrationNetworkSelection = $false`]:[`# The design keeps the live migration networks ATC chose (or the cluster's default order): ATC`,`# keeps choosing them, and step 2 leaves MigrationNetworkOrder and MigrationExcludeNetworks to it.`,`$atcOverride.EnableLiveMigrationNetworkSelection = $true`],`$AtcKeepsNetworkSelection = $true`,`if ($PSCmdlet.ShouldProcess('Network ATC cluster overrides', ${H(`Set-NetIntent -GlobalClusterOverrides: ${q(e)}`)})) {`,`    Set-NetIntent -GlobalClusterOverrides $atcOverride`,`    Write-Host ${H(`Network ATC cluster overrides set: ${q(e)}.`)}`,...e.explicitOrder?[`    $AtcKeepsNetworkSelection = $false`,`} elseif ($WhatIfPreference) {`,`    # -WhatIf: show what step 2 would set once ATC has let go of the network selection.`,`    $AtcKeepsNetworkSelection = $false`]:[],`}`,``].join(`
`)}var we=`if ($AtcKeepsNetworkSelection) {
    Write-Host 'Network ATC chooses the live migration networks: MigrationNetworkOrder and MigrationExcludeNetworks are left to it.'
    $settings = @()
    $UseClusterDefaultOrder = $false
}
`,Te=`# Network ATC set the performance option and the limits through its overrides (section 2a);
# Set-VMHost and the cluster properties would be reverted as drift, so step 3 leaves them alone.
Write-Host 'Network ATC manages the performance option and the limits: the hosts and the cluster properties are left to it.'
$DesignNodes = @()
$clusterProperties = @()
`,Ee=`Network ATC manages live migration on this cluster, and reverts changes made with
Set-ClusterParameter or Set-VMHost as drift. So this script sets the performance option, the
simultaneous migrations and the SMB bandwidth through ATC's cluster overrides (2a) instead of
step 3, and leaves MigrationNetworkOrder and MigrationExcludeNetworks (step 2) to ATC unless
the design changes the order ATC set: then it turns off ATC's live migration network selection
first.

`,Y={help:`Run it elevated on a node of the cluster, first with -WhatIf`,checks:`if ($problems.Count -gt 0) {`,step2:`# 2. Live migration settings`,loop:`foreach ($setting in $settings) {`,step3:`foreach ($node in $DesignNodes) {
    $current = $hostOptions[$node]`};function X(e,t,n,r=!1){let i=e.indexOf(t);if(i<0||e.indexOf(t,i+1)>=0)throw Error(`The apply script's layout changed: '${t}' is not there exactly once.`);let a=r?e.lastIndexOf(J,i):i;return e.slice(0,a)+n+e.slice(a)}function De(e,t){let n=X(e,Y.help,Ee);return n=X(n,Y.checks,`${Se}\n`),n=X(n,Y.step2,`${Ce(t)}`,!0),n=X(n,Y.loop,we),X(n,Y.step3,Te)}var Oe=e=>e===`0.0.0.0/0`||e===`::/0`;function Z(e){return{name:e.name,ipv4Subnets:e.prefixes.filter(e=>!e.includes(`:`)).map(e=>e.split(`/`)[0])}}function ke(e){let n=new Set(e.liveMigration.excludedNetworks);return t(e.networks.filter(e=>!n.has(e.id)&&e.role!==`none`),e.liveMigration.networkOrder,e.clusterNetworkId)}var Ae={tcpip:`TCPIP`,compression:`Compression`,smb:`SMB`};function je(e){let t=[],n=e.liveMigration.networkOrder.length>0?`explicit`:`default`,r=n===`explicit`?ke(e):[],i=[...new Set(e.liveMigration.excludedNetworks)].map(t=>e.index.networks.get(t)).filter(e=>e!==void 0),a=[...r,...i],o=new Map;for(let e of a)o.set(e.name.toLowerCase(),(o.get(e.name.toLowerCase())??0)+1);for(let[e,n]of o)n>1&&t.push(`${n} networks of the design are named '${a.find(t=>t.name.toLowerCase()===e).name}': the script finds cluster networks by name, so it will stop. Give each network the name it has on the cluster.`);for(let e of a.filter(e=>e.implicit))t.push(`Network '${e.name}' (${e.prefixes.join(`, `)}) was found from NIC addresses and named by the app: the script will stop unless the cluster has a network of that name and subnet. Declare it with its cluster name.`);n===`explicit`&&r.length===0&&t.push(`No network is enabled for live migration in the design: the script leaves MigrationNetworkOrder unchanged.`);let s=[],c=[];for(let t of e.nodes)for(let n of e.index.nicsByNode.get(t.id)??[]){let r=e.index.nics.get(n);for(let e of r.routes){let n={node:t.name,interfaceAlias:r.name,destinationPrefix:e.prefix,nextHop:e.via};(Oe(e.prefix)?c:s).push(n)}}let l=e.liveMigration;return{topologyName:e.name,orderKind:n,clusterNetworkName:e.clusterNetworkId===null?null:e.index.networks.get(e.clusterNetworkId).name,order:r.map(Z),excluded:i.map(Z),nodes:e.nodes.map(e=>e.name),routes:s,performanceOption:Ae[l.transport],maximumParallelMigrations:l.maxParallelMigrations,setSmbBandwidthLimit:l.smbBandwidthLimitFactor===0?0:1,smbBandwidthLimitFactor:l.smbBandwidthLimitFactor===0?null:l.smbBandwidthLimitFactor,defaultRoutes:c,warnings:t}}function Q(e,t={}){let n=je(e),r=ve(n,t);if(!c(l(e.document)))return{script:r,warnings:n.warnings,networkAtc:!1};let i=be(e),a=i.explicitOrder?`Network ATC manages live migration on this cluster: the script sets its cluster overrides, and turns off ATC's live migration network selection first so that the design's changed order is kept.`:`Network ATC manages live migration on this cluster: the script sets its cluster overrides and leaves the choice of live migration networks to ATC (the design keeps the order ATC set).`;return{script:De(r,i),warnings:[...n.warnings,a],networkAtc:!0}}function $(e,t){let n=URL.createObjectURL(e),r=document.createElement(`a`);r.href=n,r.download=t,r.rel=`noopener`,document.body.appendChild(r),r.click(),r.remove(),setTimeout(()=>URL.revokeObjectURL(n),1e4)}function Me(e,t,n){$(new Blob([e],{type:`${n};charset=utf-8`}),t)}async function Ne(e){try{return await navigator.clipboard.writeText(e),!0}catch{let t=document.createElement(`textarea`);t.value=e,t.setAttribute(`readonly`,``),t.style.position=`fixed`,t.style.opacity=`0`,document.body.appendChild(t),t.select();let n;try{n=document.execCommand(`copy`)}catch{n=!1}return t.remove(),n}}export{me as a,le as c,m as d,Q as i,se as l,$ as n,h as o,Me as r,ce as s,Ne as t,p as u};
//# sourceMappingURL=browser-CbvvasVc.js.map
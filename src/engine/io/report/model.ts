/**
 * What a design report says, as plain text rows: the Markdown and HTML renderers only lay it out
 * and escape it, so both say the same thing and every user string passes one escaping point.
 */
import { networkName, nodeName, REASON_TEXT, routerName } from '../../text/messages';
import { orderBasisText, orderText } from '../../model/order';
import { networkIntent, readOrigin } from '../../model/origin';
import { describeOrigin } from '../../text/originText';
import { selectChoices } from '../../model/select';
import { streamsOf, transportText } from '../../model/streams';
import { base64, utf8 } from '../bytes';
import { maintenanceSection, type MaintenanceSection } from './maintenance';
import { compareModes } from '../../analysis/compareModes';
import type { AllPairsResult, Diagnostic, Network, PathCandidate, Selection, Topology } from '../../model/types';

export interface ReportOptions {
  /** The diagram as PNG bytes: embedded in the HTML report. */
  diagramPng?: Uint8Array;
  /** The scale the PNG was rendered at: the HTML shows it at its natural size (sharp on print and high-DPI screens). */
  diagramScale?: number;
  /**
   * The diagram laid out on pages (SVG documents, at least 8 pt text): embedded in the HTML report
   * one per printed page, in place of the PNG. `pageCss` is the CSS page size they were laid out for.
   */
  diagramPages?: { title: string; svg: string }[];
  pageCss?: string;
  /** The file name the Markdown report refers to for the diagram (Markdown cannot embed it portably). */
  diagramFileName?: string;
  /** Shown in the header, e.g. an ISO date; omitted when absent (keeps tests deterministic). */
  generatedAt?: string;
  legacyTimeoutSeconds?: number;
  /** Names of the elements simulated as failed, when the report shows a what-if. */
  simulatedFailures?: string[];
}

export interface PathCell {
  status: 'direct' | 'routed' | 'none';
  network: string;
  kind: string;
  fallbacks: string;
}

export interface PairRow {
  source: string;
  destination: string;
  ws2025: PathCell;
  legacy: PathCell;
  legacyDelay: string;
}

export interface NetworkRow {
  order: string;
  name: string;
  prefixes: string;
  role: string;
  metric: string;
  liveMigration: string;
}

export interface NodeRow {
  name: string;
  site: string;
  state: string;
  nics: string;
}

export interface ReportModel {
  title: string;
  description: string;
  generatedAt: string | null;
  /** The Markdown's image reference, and the HTML's embedded image. */
  diagramFileName: string | null;
  diagramPngBase64: string | null;
  /** Display width in CSS pixels, from the PNG header and the scale; null when unknown. */
  diagramWidth: number | null;
  /** The diagram's pages as base64 SVG, and the CSS page size (`A4 landscape`). */
  diagramPages: { title: string; svgBase64: string }[];
  pageCss: string;
  simulatedFailures: string[];
  summary: [string, string][];
  nodes: NodeRow[];
  networks: NetworkRow[];
  pairs: PairRow[];
  diagnostics: { path: string; message: string }[];
  /** (1.1) Every node drained in turn, with the assumptions; null without VMs. */
  maintenance: MaintenanceSection | null;
}

const ROLE_TEXT: Record<Network['role'], string> = { none: 'None', cluster: 'Cluster only', clusterAndClient: 'Cluster and client' };
const MAX_FALLBACKS_SHOWN = 4;

function pathNetworks(t: Topology, p: PathCandidate): string {
  const from = networkName(t, p.sourceNetworkId);
  return p.kind === 'direct' ? from : `${from} → ${networkName(t, p.destinationNetworkId)}`;
}

function pathKind(t: Topology, p: PathCandidate): string {
  return p.kind === 'direct' ? 'direct' : `routed via ${p.routerIds.map((id) => routerName(t, id)).join(' → ')}`;
}

/** SMB Multichannel streams and SMB Direct, when the transport uses them ('' otherwise). */
function streamsNote(t: Topology, s: Selection): string {
  const streams = streamsOf(t, s);
  const parts: string[] = [];
  const c = s.chosen;
  // (1.2) SMB may send the memory over other networks, leaving the chosen pair idle: name them.
  const idle = c !== null && streams.length > 0 && !streams.some((x) => x.sourceNicId === c.sourceNicId && x.destinationNicId === c.destinationNicId);
  const nets = [...new Set(streams.map((x) => x.networkId))].map((id) => `'${networkName(t, id)}'`).join(', ');
  if (idle) parts.push(`SMB Multichannel, ${streams.length} stream${streams.length === 1 ? '' : 's'} on ${nets} (the chosen pair idle)`);
  else if (streams.length > 1) parts.push(`SMB Multichannel, ${streams.length} streams`);
  const rdma = streams.filter((x) => x.rdma).length;
  if (rdma > 0) parts.push(rdma === streams.length ? 'RDMA (SMB Direct)' : `RDMA (SMB Direct) on ${rdma} of ${streams.length}`);
  return parts.map((x) => ` · ${x}`).join('');
}

function cell(t: Topology, s: Selection): PathCell {
  if (!s.chosen) {
    const why = s.failure && s.failure !== 'no-path' ? REASON_TEXT[s.failure] : 'no enabled network connects the pair';
    return { status: 'none', network: 'no path', kind: why, fallbacks: '—' };
  }
  // Several NIC pairs on one network read as one fallback: the network is what an architect weighs.
  const names = [...new Set(s.fallbacks.map((f) => pathNetworks(t, f)))];
  const shown = names.slice(0, MAX_FALLBACKS_SHOWN).join(', ');
  const more = names.length > MAX_FALLBACKS_SHOWN ? ` (+${names.length - MAX_FALLBACKS_SHOWN} more)` : '';
  return { status: s.chosen.kind, network: pathNetworks(t, s.chosen), kind: pathKind(t, s.chosen) + streamsNote(t, s), fallbacks: names.length ? shown + more : 'none' };
}

function liveMigrationText(t: Topology, id: string): string {
  const e = t.eligibility[id];
  if (!e || e.eligible) return 'enabled';
  return { 'excluded-by-setting': 'excluded', 'role-none': 'no (role None)', 'network-down': 'no (network down)' }[e.reason];
}

function networkRows(t: Topology): NetworkRow[] {
  const origin = readOrigin(t.document);
  const rank = (n: Network): number => t.index.preferencePosition.get(n.id) ?? Number.MAX_SAFE_INTEGER;
  return [...t.networks]
    .sort((a, b) => rank(a) - rank(b))
    .map((n) => {
      const pos = t.index.preferencePosition.get(n.id);
      return {
        order: pos === undefined ? '—' : `${pos + 1}${orderBasisText(t, n.id)}`,
        name: n.implicit ? `${n.name} (found from addresses)` : n.name,
        prefixes: n.prefixes.join(', ') || '—',
        role: `${ROLE_TEXT[n.role]}${n.roleDerived ? ' (derived)' : ''}${intentText(origin, n.id)}`,
        metric: `${n.metric}${n.metricDerived ? ' (automatic)' : ''}`,
        liveMigration: liveMigrationText(t, n.id),
      };
    });
}

/** Network ATC's intent, on an imported cluster that has it: " · ATC intent storage (Storage)". */
function intentText(origin: ReturnType<typeof readOrigin>, networkId: string): string {
  const i = networkIntent(origin, networkId);
  return i ? ` · ATC intent ${i.intent}${i.text ? ` (${i.text})` : ''}` : '';
}

function nodeRows(t: Topology): NodeRow[] {
  return t.nodes.map((n) => ({
    name: n.name,
    site: n.site ? (t.index.sites.get(n.site)?.name ?? n.site) : '—',
    state: n.state,
    nics: (t.index.nicsByNode.get(n.id) ?? [])
      .map((id) => t.index.nics.get(id)!)
      .map((nic) => `${nic.name} (${nic.addresses.join(', ') || 'no address'}${nic.speedGbps ? `, ${nic.speedGbps} Gb/s` : ''}${nic.rdma ? ', RDMA-capable' : ''}${nic.state === 'down' ? ', down' : ''})`)
      .join('; '),
  }));
}

/** Width from the PNG's IHDR chunk (bytes 16–19, big-endian), divided by the render scale. */
function pngDisplayWidth(png: Uint8Array, scale: number): number | null {
  const isPng = png.length >= 24 && png[12] === 0x49 && png[13] === 0x48 && png[14] === 0x44 && png[15] === 0x52;
  if (!isPng || !(scale > 0)) return null;
  const width = ((png[16]! << 24) | (png[17]! << 16) | (png[18]! << 8) | png[19]!) >>> 0;
  return Math.max(1, Math.round(width / scale));
}

/**
 * One row per pair, each pair's choices made and dropped in turn, without the exclusions the
 * report does not show (through `all.pairs()`, 16,256 full selections took 2.7 GB and 19.5 s).
 */
function pairRows(t: Topology, all: AllPairsResult): ReportModel['pairs'] {
  const rows: ReportModel['pairs'] = [];
  for (let k = 0; k < all.pairCount; k++) {
    const outcome = all.outcome(k);
    const { sourceNodeId, destinationNodeId } = outcome;
    const { ws2025, legacy: choice } = selectChoices(t, sourceNodeId, destinationNodeId);
    // The legacy delay as the analysis has it (its timeout); the paths do not depend on it.
    const legacy = { ...choice, initiationDelaySeconds: outcome.legacy.initiationDelaySeconds };
    const p = { sourceNodeId, destinationNodeId, ws2025, legacy };
    rows.push({
      source: nodeName(t, p.sourceNodeId),
      destination: nodeName(t, p.destinationNodeId),
      ws2025: cell(t, p.ws2025),
      legacy: cell(t, p.legacy),
      legacyDelay: p.legacy.chosen ? `${p.legacy.initiationDelaySeconds} s` : p.legacy.initiationDelaySeconds > 0 ? `never (gives up after ${p.legacy.initiationDelaySeconds} s)` : 'never',
    });
  }
  return rows;
}

export function buildReportModel(t: Topology, all: AllPairsResult, diagnostics: Diagnostic[], o: ReportOptions = {}): ReportModel {
  const s = all.summary;
  // Waiting and never migrating apart: a give-up is not a start delay.
  const c = compareModes(all, o.legacyTimeoutSeconds ?? 20);
  const eligible = t.preferenceOrder.length;
  const summary: [string, string][] = [
    // Where an imported design came from: cluster, builds, Network ATC.
    ...(describeOrigin(t) ?? []).map((line, i): [string, string] => [i === 0 ? 'Source' : '', line]),
    ['Nodes', String(t.nodes.length)],
    ['Sites', t.sites.length ? t.sites.map((x) => x.name).join(', ') : 'none'],
    ['Cluster networks', `${t.networks.length} (${eligible} enabled for live migration)`],
    ['NICs', String(t.nics.length)],
    ['Routers', String(t.routers.length)],
    ['Live migration order', `${t.preferenceOrder.map((id) => networkName(t, id)).join(' → ') || 'no network enabled'} — ${orderText(t)}`],
    ['Transport', transportText(t)],
    ['Node pairs', String(s.pairCount)],
    ['Pairs without a path', `${s.noPath.ws2025} (Windows Server 2025), ${s.noPath.legacy} (legacy)`],
    ['Pairs on a routed path (2025)', String(s.routedChosen)],
    ['Pairs without a fallback', `${s.singlePath.ws2025} (Windows Server 2025), ${s.singlePath.legacy} (legacy)`],
    [
      'Legacy start delay (pairs that connect)',
      c.legacyConnected
        ? `up to ${c.legacyMaxDelaySeconds} s, ${Math.round(c.legacyMeanDelaySeconds * 10) / 10} s on average over ${c.legacyConnected} pairs; ${c.legacyWaiting} of them wait for timeouts${o.legacyTimeoutSeconds !== undefined ? ` (${o.legacyTimeoutSeconds} s per timed-out network)` : ''}`
        : 'no pair connects',
    ],
    ['Pairs legacy never migrates', c.legacyNever ? `${c.legacyNever} (legacy gives up after ${c.legacyGiveUpSeconds} s)` : '0'],
  ];
  return {
    title: t.name || 'Untitled topology',
    description: t.description,
    generatedAt: o.generatedAt ?? null,
    diagramFileName: o.diagramFileName ?? null,
    diagramPngBase64: o.diagramPng ? base64(o.diagramPng) : null,
    diagramWidth: o.diagramPng ? pngDisplayWidth(o.diagramPng, o.diagramScale ?? 1) : null,
    diagramPages: (o.diagramPages ?? []).map((p) => ({ title: p.title, svgBase64: base64(utf8(p.svg)) })),
    pageCss: o.pageCss ?? 'A4 landscape',
    simulatedFailures: o.simulatedFailures ?? [],
    summary,
    nodes: nodeRows(t),
    networks: networkRows(t),
    pairs: pairRows(t, all),
    diagnostics: diagnostics.map((d) => ({ path: d.path, message: d.message })),
    maintenance: maintenanceSection(t, o.legacyTimeoutSeconds),
  };
}

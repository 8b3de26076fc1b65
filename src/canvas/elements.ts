/**
 * The diagram model: what the canvas draws for a parsed topology, as plain data. Pure — no
 * cytoscape here; `toCyElements` turns the model into cytoscape element definitions.
 *
 * Ids map 1:1 to topology ids (sites, nodes, NICs, networks, routers). Elements that exist only
 * in the drawing get ids built with U+FDD0, a noncharacter that no element id may contain (the
 * parser refuses it), so they can never collide with an element's id nor with each other: transit
 * subnets `subnet␣<prefix>` (a router link that is no cluster network, e.g. a WAN /30) and edges
 * `e␣<from>␣<to>` (NIC → network, router → network, router → transit), ␣ standing for U+FDD0.
 * (With `e:<from>:<to>`, a NIC `x` on network `y:z` and a NIC `x:y` on network `z` got one edge.)
 *
 * Every cluster network is drawn as a bus (a bar the NICs drop onto). A network whose medium is
 * `cable` (set in the file, or derived: exactly two NICs of two nodes and no router) is a
 * switchless cable: the same bar, spanning only its NICs, with rounded ends and labelled
 * "switchless cable" (it stays one element with the network's id, so selecting, failing and
 * highlighting it work like any network).
 */
import { networkIntent, readOrigin, vmSummary, type Network, type Topology, type TopologyOrigin } from '../engine';
import { COMPACT_NARROW_NIC, COMPACT_NIC_H, lineBox, scaleFor, textClass, type Metrics } from './metrics';
import { linesWidth, textWidth } from './textWidth';

export type DiagramKind = 'site' | 'host' | 'nic' | 'network' | 'router' | 'transit';

export interface DiagramNode {
  id: string;
  kind: DiagramKind;
  /** The compound it is drawn in (a site for hosts, routers and site-local networks; a host for NICs). */
  parent: string | null;
  /** Label lines without the highlight's tags. */
  lines: string[];
  /** Size of a leaf (compounds size to their children): wide enough for the longest tagged label. */
  w: number;
  h: number;
  /** Width the label needs outside the box (hosts and sites: the label sits above or below). */
  labelW: number;
  /** Classes that follow from the design alone (kind, role, design state). */
  classes: string[];
  /** A node's own name (with its state), without its VMs, or a network's: what a label too long to fit keeps. */
  name?: string;
}

export interface DiagramEdge {
  id: string;
  /** A NIC or a router. */
  source: string;
  /** A network or a transit subnet. */
  target: string;
  classes: string[];
}

export interface DiagramModel {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  byId: Map<string, DiagramNode>;
  edgeById: Map<string, DiagramEdge>;
  /** Edge ids leaving each NIC or router, and arriving at each network or transit. */
  edgesFrom: Map<string, string[]>;
  edgesTo: Map<string, string[]>;
  /** Children of each compound, in drawing order. */
  children: Map<string, string[]>;
  /** The site each host and router is in (null: none). */
  siteOf: Map<string, string | null>;
  /** The scale it is drawn at (full, or compact for large clusters): fonts, paddings, gaps. */
  metrics: Metrics;
}

/** The separator of the drawing's own ids: a noncharacter, refused in every id of the format. */
export const ID_SEPARATOR = '\ufdd0';
export const transitId = (prefix: string): string => `subnet${ID_SEPARATOR}${prefix}`;
export const edgeId = (from: string, to: string): string => `e${ID_SEPARATOR}${from}${ID_SEPARATOR}${to}`;
/** True for an id the drawing made (an edge or a transit subnet), never for an element's. */
export const isDrawingId = (id: string): boolean => id.includes(ID_SEPARATOR);

/** Longest tag the highlight may put in front of a label, reserved in the sizes so boxes never grow. */
/** The compact drawing's tags of the pair's ends, each a line of its own next to the name (narrower than any name, so it never widens a node). */
export const COMPACT_END_TAGS = { source: 'FROM', destination: 'TO' } as const;

export const RESERVED_TAG = {
  network: 'TRY 1 · 20 s TIMEOUT · ',
  /** (1.2) With transport SMB, a network live migration does not use may carry SMB Multichannel streams (highlight.ts). */
  smbOffNetwork: '✔ SMB MULTICHANNEL ×2 · EXCLUDED FROM LIVE MIGRATION · ',
  short: 'FB 1,2 · ',
  nic: '✕ ',
  host: ' · DESTINATION',
  compactHost: COMPACT_END_TAGS.source,
} as const;

/** The tag of a source or destination node's name: after it on the full drawing, on its own line on the compact one. */
export const endTag = (m: Metrics, end: 'source' | 'destination'): string => (m.kind === 'compact' ? COMPACT_END_TAGS[end] : end === 'source' ? ' · SOURCE' : ' · DESTINATION');

function networkLines(t: Topology, net: Network, cable: boolean, origin: TopologyOrigin | null): string[] {
  const eligibility = t.eligibility[net.id];
  const role = net.role === 'cluster' ? 'cluster only' : net.role === 'clusterAndClient' ? 'cluster and client' : 'role None';
  let lm: string;
  if (eligibility?.eligible) lm = `live migration #${(t.index.preferencePosition.get(net.id) ?? 0) + 1}`;
  else if (eligibility?.reason === 'excluded-by-setting') lm = 'excluded from live migration';
  else if (eligibility?.reason === 'role-none') lm = 'not used by the cluster';
  else lm = 'down';
  const kind = cable ? 'switchless cable' : net.implicit ? 'implicit network' : null;
  // Network ATC's intent, on an imported cluster that has it ("Storage intent").
  const intent = networkIntent(origin, net.id);
  const second = [intent && intent.text ? `${intent.text} intent` : null, kind, net.role === 'none' ? null : role, lm].filter(Boolean).join(' · ');
  return [[net.name, ...net.prefixes].join(' · '), second];
}

const stateSuffix = (state: string): string => (state === 'up' ? '' : ` (${state})`);

export function buildDiagram(t: Topology, metrics: Metrics = scaleFor(t.nodes.length)): DiagramModel {
  const m = metrics;
  const { font: FONT, bus: BUS, host: HOST, nic: NIC, router: ROUTER, transit: TRANSIT } = m;
  const compact = m.kind === 'compact';
  const scaleClass = compact ? ['compact', textClass(m)] : [];
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const siteOf = new Map<string, string | null>();
  for (const n of t.nodes) siteOf.set(n.id, n.site);
  for (const r of t.routers) siteOf.set(r.id, r.site ?? drawnSiteOfRouter(t, r.id));

  for (const s of t.sites) {
    const labelW = textWidth(s.name, FONT.site, true);
    nodes.push({ id: s.id, kind: 'site', parent: null, lines: [s.name], w: Math.max(160, labelW + 40), h: 70, labelW, classes: ['site', ...scaleClass] });
  }

  for (const n of t.nodes) {
    const vms = (t.index.vmsByNode.get(n.id) ?? []).map((id) => t.index.vms.get(id)!);
    // "HV01 (12 VMs · 192 GB)", "HV02 (paused · 3 VMs · 48 GB)": the VMs on the name's line (a host
    // label is one line for the geometry), nothing when there are none.
    // The compact drawing names the node only (its VMs are in the side panel).
    const line = vms.length === 0 || compact ? n.name + stateSuffix(n.state) : `${n.name} (${n.state === 'up' ? '' : `${n.state} · `}${vmSummary(vms, false)})`;
    // A compact node's label reserves no "✕ ": a failed node shows by its dashed red border there.
    // A compact node's FROM / TO tag has a line of its own (hostLabelLines), narrower than the name.
    const labelW = compact ? Math.max(textWidth(line, FONT.node, true), textWidth(RESERVED_TAG.compactHost, FONT.node, true)) : textWidth(RESERVED_TAG.nic + line + RESERVED_TAG.host, FONT.node, true);
    const classes = ['host', ...scaleClass, ...(n.state !== 'up' ? [n.state] : [])];
    nodes.push({ id: n.id, kind: 'host', parent: n.site, lines: [line], w: Math.max(HOST.minW, labelW + 20), h: 44, labelW, classes, name: n.name + stateSuffix(n.state) });
  }

  const nicCount = new Map<string, number>();
  for (const nic of t.nics) nicCount.set(nic.node, (nicCount.get(nic.node) ?? 0) + 1);
  for (const nic of t.nics) {
    const addresses = nic.addresses.length > 0 ? nic.addresses : ['no address'];
    const classes = ['nic', ...scaleClass, ...(nic.state === 'down' ? ['down'] : []), ...(nic.addresses.length === 0 ? ['no-address'] : [])];
    if (compact) {
      // A tile: its name shows as you zoom in (the stylesheet's min-zoomed-font-size), its addresses in Details.
      const narrow = (nicCount.get(nic.node) ?? 0) >= COMPACT_NARROW_NIC.from;
      nodes.push({ id: nic.id, kind: 'nic', parent: nic.node, lines: [nic.name + stateSuffix(nic.state)], w: narrow ? COMPACT_NARROW_NIC.w : NIC.minW, h: COMPACT_NIC_H, labelW: 0, classes: narrow ? [...classes, 'narrow'] : classes });
      continue;
    }
    const lines = [nic.name + stateSuffix(nic.state), ...addresses];
    const w = Math.max(NIC.minW, linesWidth([RESERVED_TAG.nic + lines[0]!, ...lines.slice(1)], FONT.nic) + 2 * NIC.padX);
    nodes.push({ id: nic.id, kind: 'nic', parent: nic.node, lines, w, h: lineBox(FONT.nic, lines.length) + 2 * NIC.padY, labelW: 0, classes });
  }

  // NIC → network edges (one per NIC and network, whatever the number of addresses).
  const nicNetworks = new Map<string, Set<string>>();
  for (const a of t.addresses) {
    let set = nicNetworks.get(a.nicId);
    if (!set) nicNetworks.set(a.nicId, (set = new Set()));
    set.add(a.networkId);
  }
  for (const nic of t.nics) for (const net of nicNetworks.get(nic.id) ?? []) edges.push({ id: edgeId(nic.id, net), source: nic.id, target: net, classes: ['link', 'nic-link', ...scaleClass] });

  // Router → network or transit subnet edges. A transit subnet whose routers stand in three sites or
  // more (a WAN subnet) is drawn along the gaps between sites (`wan-link`, placement/wanRoutes.ts).
  const wide = new Set<string>();
  for (const subnet of t.subnets) {
    if (subnet.networkId) continue;
    const sites = new Set(subnet.routerIds.map((r) => siteOf.get(r) ?? null).filter((s) => s !== null));
    if (sites.size >= 3) wide.add(transitId(subnet.prefix));
  }
  const seen = new Set<string>();
  for (const r of t.routers)
    for (const si of t.index.subnetsByRouter.get(r.id) ?? []) {
      const subnet = t.subnets[si]!;
      const target = subnet.networkId ?? transitId(subnet.prefix);
      const id = edgeId(r.id, target);
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({ id, source: r.id, target, classes: ['link', 'router-link', ...scaleClass, ...(subnet.networkId ? [] : ['transit-link']), ...(wide.has(target) ? ['wan-link'] : [])] });
    }

  const edgeById = new Map(edges.map((e) => [e.id, e]));
  const edgesFrom = new Map<string, string[]>();
  const edgesTo = new Map<string, string[]>();
  for (const e of edges) {
    edgesFrom.set(e.source, [...(edgesFrom.get(e.source) ?? []), e.id]);
    edgesTo.set(e.target, [...(edgesTo.get(e.target) ?? []), e.id]);
  }

  /** The one site every attached NIC and router is in, else null (drawn at the top level). */
  const commonSite = (sources: string[]): string | null => {
    const sites = new Set(sources.map((s) => siteOf.get(t.index.nics.get(s)?.node ?? s) ?? null));
    const [only] = sites;
    return sites.size === 1 && only !== undefined ? only : null;
  };
  const sourcesOf = (target: string): string[] => (edgesTo.get(target) ?? []).map((id) => edgeById.get(id)!.source);

  const origin = readOrigin(t.document);
  for (const net of t.networks) {
    const sources = sourcesOf(net.id);
    // The network's medium (format 1.1), derived by the parser when the file does not say.
    const cable = net.medium === 'cable';
    const two = networkLines(t, net, cable, origin);
    // A compact rail carries one line.
    const lines = compact ? [two.join(' · ')] : two;
    const eligible = t.eligibility[net.id]?.eligible === true;
    const reserved = t.liveMigration.transport === 'smb' && !eligible && net.state === 'up' ? RESERVED_TAG.smbOffNetwork : RESERVED_TAG.network;
    const w = Math.max(...lines.map((l, i) => textWidth((i === 0 ? reserved : '') + l, FONT.network, true))) + 2 * BUS.labelPadX;
    const classes = ['network', ...scaleClass, cable ? 'cable' : 'bus', eligible ? 'lm-eligible' : 'lm-ineligible', ...(net.state === 'down' ? ['down'] : [])];
    nodes.push({ id: net.id, kind: 'network', parent: commonSite(sources), lines, w, h: BUS.h, labelW: 0, classes, name: net.name });
  }

  for (const r of t.routers) {
    // A compact router names itself only (its interfaces are in Details).
    const lines = compact ? [r.name + stateSuffix(r.state)] : [r.name + stateSuffix(r.state), ...r.interfaces];
    const drops = (edgesFrom.get(r.id) ?? []).filter((id) => !edgeById.get(id)!.classes.includes('transit-link')).length;
    const w = Math.max(linesWidth([RESERVED_TAG.short + lines[0]!, ...lines.slice(1)], FONT.router) + 2 * ROUTER.padX, drops * ROUTER.dropSpacing + 2 * ROUTER.padX);
    nodes.push({ id: r.id, kind: 'router', parent: siteOf.get(r.id) ?? null, lines, w, h: lineBox(FONT.router, lines.length) + 2 * ROUTER.padY, labelW: 0, classes: ['router', ...scaleClass, ...(r.state === 'down' ? ['down'] : [])] });
  }

  for (const subnet of t.subnets) {
    if (subnet.networkId) continue;
    const id = transitId(subnet.prefix);
    const lines = [subnet.prefix];
    nodes.push({ id, kind: 'transit', parent: commonSite(subnet.routerIds), lines, w: textWidth(RESERVED_TAG.short + lines[0]!, FONT.transit) + 2 * TRANSIT.padX, h: TRANSIT.h, labelW: 0, classes: ['transit', ...scaleClass] });
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n.id]);
  return { nodes, edges, byId, edgeById, edgesFrom, edgesTo, children, siteOf, metrics };
}

/** Elements without children in the drawing: their positions are stored; compounds derive theirs. */
export function isLeaf(model: DiagramModel, id: string): boolean {
  return !model.children.has(id);
}

/**
 * Where a router in no site is drawn (issue 27): in the one site whose nodes are on every network
 * it joins (a site's gateway the user did not put in the site), so that site's networks stay under
 * it and no drop crosses the other site's bars; else at the top level.
 */
function drawnSiteOfRouter(t: Topology, routerId: string): string | null {
  const sites = new Set<string | null>();
  for (const si of t.index.subnetsByRouter.get(routerId) ?? []) {
    const networkId = t.subnets[si]!.networkId;
    if (!networkId) continue;
    for (const a of t.index.addressesByNetwork.get(networkId) ?? []) sites.add(t.index.nodes.get(t.index.nics.get(t.addresses[a]!.nicId)!.node)?.site ?? null);
  }
  const [only] = sites;
  return sites.size === 1 && only ? only : null;
}

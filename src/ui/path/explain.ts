/**
 * Text and grouping for the Path tab: hops of a path, the link it runs on, the legacy timeline,
 * the per-network "why" and the comparison headline. Pure functions of engine results, so the
 * panels stay thin and the wording is unit-tested in one place.
 */
import { chosenPairIdle, formatSeconds, networkName, nodeName, rdmaText, REASON_TEXT, routerName, type Exclusion, type LegacyAttempt, type PathCandidate, type Reason, type Selection, type Topology } from '../../engine';
import { streamsOfSelection } from '../../store/derived';

const q = (s: string): string => `'${s}'`;

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The network's prefix of the same IP family as `address` (a network has at most one per family). */
function prefixFor(t: Topology, networkId: string, address: string): string {
  const prefixes = t.index.networks.get(networkId)?.prefixes ?? [];
  const v6 = address.includes(':');
  return prefixes.find((p) => p.includes(':') === v6) ?? prefixes[0] ?? '';
}

export type HopKind = 'nic' | 'network' | 'router';
export interface Hop {
  kind: HopKind;
  /** Element id, so a hop can select its element. */
  id: string;
  title: string;
  /** Address or prefix; '' when there is none to show. */
  detail: string;
}

/** Every element a path crosses, in order: source NIC, network, routers, network, destination NIC. */
export function pathHops(t: Topology, c: PathCandidate): Hop[] {
  const nic = (id: string, address: string): Hop => {
    const n = t.index.nics.get(id);
    return { kind: 'nic', id, title: n ? `${nodeName(t, n.node)} · ${n.name}` : id, detail: address };
  };
  const net = (id: string, address: string): Hop => ({ kind: 'network', id, title: networkName(t, id), detail: prefixFor(t, id, address) });
  const hops = [nic(c.sourceNicId, c.sourceAddress), net(c.sourceNetworkId, c.sourceAddress)];
  for (const r of c.routerIds) hops.push({ kind: 'router', id: r, title: routerName(t, r), detail: '' });
  if (c.destinationNetworkId !== c.sourceNetworkId) hops.push(net(c.destinationNetworkId, c.destinationAddress));
  hops.push(nic(c.destinationNicId, c.destinationAddress));
  return hops;
}

/** One line naming the networks (and routers) of a path: `'LM A' → 'LM B' via Router A → Router B`. */
export function pathSummary(t: Topology, c: PathCandidate): string {
  const nets = c.kind === 'direct' ? q(networkName(t, c.sourceNetworkId)) : `${q(networkName(t, c.sourceNetworkId))} → ${q(networkName(t, c.destinationNetworkId))}`;
  return c.routerIds.length ? `${nets} via ${c.routerIds.map((r) => routerName(t, r)).join(' → ')}` : nets;
}

/** Both ends of a path: `HV01 'LM' 10.1.10.11 → HV03 'LM' 10.2.10.13`. */
export function pathEnds(t: Topology, c: PathCandidate): string {
  const end = (nicId: string, address: string): string => {
    const n = t.index.nics.get(nicId);
    return n ? `${nodeName(t, n.node)} ${q(n.name)} ${address}` : `${nicId} ${address}`;
  };
  return `${end(c.sourceNicId, c.sourceAddress)} → ${end(c.destinationNicId, c.destinationAddress)}`;
}

export function kindText(c: PathCandidate): string {
  const n = c.routerIds.length;
  return c.kind === 'direct' ? 'direct' : `routed (${n} router${n === 1 ? '' : 's'})`;
}

/**
 * Link speed and RDMA of a path, from its two NICs: the slower end bounds the transfer. "RDMA"
 * only where SMB Direct is used (transport SMB, direct, both ends); otherwise why not. '' when
 * nothing is known.
 */
export function linkText(t: Topology, c: PathCandidate): string {
  const a = t.index.nics.get(c.sourceNicId);
  const b = t.index.nics.get(c.destinationNicId);
  const parts: string[] = [];
  const sa = a?.speedGbps ?? null;
  const sb = b?.speedGbps ?? null;
  if (sa !== null && sb !== null) parts.push(sa === sb ? `${sa} Gb/s` : `${Math.min(sa, sb)} Gb/s (ends ${sa} / ${sb})`);
  else if (sa !== null || sb !== null) parts.push(`${sa ?? sb} Gb/s at one end, unknown at the other`);
  const rdma = rdmaText(t, c);
  if (rdma) parts.push(rdma);
  return parts.join(' · ');
}

export interface StreamLine {
  sourceNicId: string;
  destinationNicId: string;
  /** `HV01 'SLOT 3 Port 1' 10.10.1.11 → HV02 'SLOT 3 Port 1' 10.10.1.12`. */
  ends: string;
  network: string;
  /** Speed and RDMA, as `linkText` says them. */
  link: string;
  /** A stream SMB Multichannel chooses beyond the chosen path's own NIC pair. */
  extra: boolean;
  /** (1.2) The stream's network is one live migration itself would not use: why, or null. */
  offLiveMigration: string | null;
}

/** Why live migration's own settings keep a network out (null when it is eligible). */
function offLiveMigrationText(t: Topology, networkId: string): string | null {
  const e = t.eligibility[networkId];
  if (!e || e.eligible) return null;
  return e.reason === 'excluded-by-setting' ? 'Excluded from live migration' : e.reason === 'role-none' ? 'Not for live migration (role none)' : null;
}

/**
 * The streams of a selection (streamsOf) as lines: ends with addresses, the network, speed and
 * RDMA. A stream's addresses are those of its path among the chosen path and fallbacks, else the
 * first same-family addresses its two NICs have on the stream's network.
 */
export function streamLines(t: Topology, s: Selection): StreamLine[] {
  const known = s.chosen ? [s.chosen, ...s.fallbacks] : [];
  const c = s.chosen;
  return streamsOfSelection(t, s).map((x) => {
    const path =
      known.find((k) => k.kind === 'direct' && k.sourceNicId === x.sourceNicId && k.destinationNicId === x.destinationNicId && k.sourceNetworkId === x.networkId) ??
      (c && c.kind === 'routed' && c.sourceNicId === x.sourceNicId && c.destinationNicId === x.destinationNicId ? c : directPath(t, x.sourceNicId, x.destinationNicId, x.networkId));
    return {
      sourceNicId: x.sourceNicId,
      destinationNicId: x.destinationNicId,
      ends: path ? pathEnds(t, path) : `${x.sourceNicId} → ${x.destinationNicId}`,
      network: networkName(t, x.networkId),
      link: path ? linkText(t, path) : '',
      extra: !(c && c.sourceNicId === x.sourceNicId && c.destinationNicId === x.destinationNicId),
      offLiveMigration: offLiveMigrationText(t, x.networkId),
    };
  });
}

/** A direct path between two NICs on a network both are on (`networkId`, or the first they share). */
function directPath(t: Topology, sourceNicId: string, destinationNicId: string, networkId?: string): PathCandidate | null {
  const dst = (t.index.addressesByNic.get(destinationNicId) ?? []).map((i) => t.addresses[i]!);
  for (const i of t.index.addressesByNic.get(sourceNicId) ?? []) {
    const a = t.addresses[i]!;
    if (networkId !== undefined && a.networkId !== networkId) continue;
    const b = dst.find((d) => d.networkId === a.networkId && d.family === a.family);
    if (b)
      return { kind: 'direct', sourceNicId, destinationNicId, sourceAddress: a.address, destinationAddress: b.address, sourceNetworkId: a.networkId, destinationNetworkId: a.networkId, routerIds: [] };
  }
  return null;
}

const listNames = (names: string[]): string => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`);

/**
 * (1.2) One sentence when SMB leaves the chosen path's own NIC pair idle, naming the pairs that
 * carry the memory and why, and the way to keep SMB on the live migration networks; null when
 * the chosen pair carries memory (or the transport is not SMB).
 */
export function idlePairSentence(t: Topology, s: Selection): string | null {
  const c = s.chosen;
  if (!c || t.liveMigration.transport !== 'smb' || c.kind !== 'direct') return null;
  const streams = streamsOfSelection(t, s);
  if (!chosenPairIdle(s, streams)) return null;
  const nics = t.index.nics;
  const speed = (a: string, b: string): number => Math.min(nics.get(a)!.speedGbps ?? t.planning.unknownSpeedGbps, nics.get(b)!.speedGbps ?? t.planning.unknownSpeedGbps);
  const own = speed(c.sourceNicId, c.destinationNicId);
  const known = nics.get(c.sourceNicId)!.speedGbps !== null && nics.get(c.destinationNicId)!.speedGbps !== null;
  const ownRdma = nics.get(c.sourceNicId)!.rdma && nics.get(c.destinationNicId)!.rdma;
  const pair = `${known ? `${own} Gbps ` : ''}pair on ${q(networkName(t, c.sourceNetworkId))}`;
  const nets = listNames([...new Set(streams.map((x) => x.networkId))].map((id) => q(networkName(t, id))));
  const plural = streams.length > 1;
  const constraint = t.liveMigration.smbMultichannelNetworks;
  if (constraint.length > 0 && !constraint.includes(c.sourceNetworkId))
    return `SMB leaves the ${pair} idle: its SMB Multichannel constraint (New-SmbMultichannelConstraint) does not list that network, so the memory goes over ${plural ? 'the pairs' : 'the pair'} on ${nets}.`;
  const faster = speed(streams[0]!.sourceNicId, streams[0]!.destinationNicId) > own;
  const rdma = streams[0]!.rdma && !ownRdma;
  const what = `the ${rdma ? 'RDMA ' : ''}${plural ? 'pairs' : 'pair'} on ${nets}`;
  const why = faster ? (plural ? 'are faster' : 'is faster') : rdma ? `${plural ? 'are' : 'is'} RDMA-capable, which SMB prefers` : `${plural ? 'are' : 'is'} preferred`;
  return `SMB leaves the ${pair} idle: ${what} ${why} — New-SmbMultichannelConstraint on every node keeps SMB on the live migration networks.`;
}

/** The SMB Multichannel note of the Why view (null unless the transport is SMB). */
export function smbNote(t: Topology): string | null {
  if (t.liveMigration.transport !== 'smb') return null;
  const constraint = t.liveMigration.smbMultichannelNetworks;
  const base =
    'With SMB, SMB Multichannel picks interfaces by their capability, not by the live migration settings: it sends the memory over the fastest NIC pairs the two nodes share (RDMA first), on networks excluded from live migration too.';
  return constraint.length > 0
    ? `${base} Here New-SmbMultichannelConstraint restricts it to ${listNames(constraint.map((id) => q(networkName(t, id))))}.`
    : `${base} New-SmbMultichannelConstraint restricts it.`;
}

// ---------------------------------------------------------------------------------------------
// Delay and legacy timeline.

/**
 * What the legacy timeout is (Microsoft Tech Community, June 2024): the connection timeout, about
 * 20 s by default — the longest each failed network can make a migration wait. A network that
 * refuses at once costs less; the app counts the whole timeout, the worst case.
 */
export const TIMEOUT_NOTE =
  'Each timeout is the connection timeout (about 20 s by default, adjustable below): an upper bound of each wait. A network that refuses the connection at once costs less; the figures here are the worst case.';

/** How long before the migration starts, or why it never does. */
export function delayText(s: Selection): string {
  if (!s.chosen) return s.initiationDelaySeconds > 0 ? `no path (fails after ${formatSeconds(s.initiationDelaySeconds)})` : 'no path';
  return s.initiationDelaySeconds > 0 ? `${formatSeconds(s.initiationDelaySeconds)} before the migration starts` : 'immediately';
}

/** "Legacy: 40 s before the migration starts · 2025: immediately". */
export function comparisonHeadline(ws2025: Selection, legacy: Selection): string {
  return `Legacy: ${delayText(legacy)} · 2025: ${delayText(ws2025)}`;
}

export interface TimelineBar {
  networkId: string;
  label: string;
  outcome: LegacyAttempt['outcome'];
  /** Start and width in percent of the whole timeline. */
  startPct: number;
  widthPct: number;
  text: string;
  /** Why the attempt timed out, in a few words; '' when it connected. */
  reason: string;
}
export interface Timeline {
  bars: TimelineBar[];
  totalSeconds: number;
  /** How the search ends: connected on a network, or failed with nothing left to try. */
  end: { kind: 'connected' | 'failed'; text: string };
}

/** Whether a node has an address on a network through a NIC that is up (what a legacy attempt needs at each end). */
export function hasWorkingAddress(t: Topology, nodeId: string, networkId: string): boolean {
  return (t.index.addressesByNetwork.get(networkId) ?? []).some((i) => {
    const a = t.addresses[i]!;
    return a.nodeId === nodeId && t.index.nics.get(a.nicId)?.state === 'up';
  });
}

/** Why a legacy attempt timed out, in a few words; "neither node" when the source and the destination both miss the network. */
export function attemptReason(t: Topology, s: Selection, a: LegacyAttempt): string {
  if (!a.reason) return '';
  if (a.reason === 'not-on-source' && !hasWorkingAddress(t, s.destinationNodeId, a.networkId)) return 'neither node has a working address on it';
  return REASON_TEXT[a.reason];
}

/** What the legacy model does, in one sentence (the timeline and the "no path" note say the same). */
export const LEGACY_MODEL_TEXT =
  'Legacy tries every network enabled for live migration, in preference order, and waits for the timeout on each one that does not connect the two nodes (a network only one of them, or neither, is on); it never finds a routed path.';

/** Legacy attempts as bars on one time axis; timeouts are as long as their seconds. */
export function legacyTimeline(t: Topology, s: Selection): Timeline {
  const total = s.attempts.reduce((sum, a) => sum + a.seconds, 0);
  const scale = total > 0 ? 100 / total : 0;
  let at = 0;
  const bars = s.attempts.map((a): TimelineBar => {
    const name = networkName(t, a.networkId);
    const bar: TimelineBar = {
      networkId: a.networkId,
      label: name,
      outcome: a.outcome,
      startPct: at * scale,
      widthPct: a.seconds * scale,
      text: a.outcome === 'timeout' ? `timed out after ${formatSeconds(a.seconds)}` : `connected after ${formatSeconds(at)}`,
      reason: attemptReason(t, s, a),
    };
    at += a.seconds;
    return bar;
  });
  const end =
    s.chosen !== null
      ? { kind: 'connected' as const, text: `Connects on ${q(networkName(t, s.chosen.sourceNetworkId))} after ${formatSeconds(total)}` }
      : { kind: 'failed' as const, text: s.attempts.length ? `No network left: the migration fails after ${formatSeconds(total)}` : 'No network enabled for live migration: the migration fails at once' };
  return { bars, totalSeconds: total, end };
}

// ---------------------------------------------------------------------------------------------
// Why: exclusions grouped by network.

export interface NetworkWhy {
  networkId: string;
  name: string;
  prefixes: string[];
  /** 0-based position in the live migration preference order; null when not eligible. */
  position: number | null;
  chosen: boolean;
  /** 1-based numbers of the fallbacks that cross this network. */
  fallbacks: number[];
  /** Legacy only: this network's attempt. */
  attempt: { number: number; outcome: LegacyAttempt['outcome']; seconds: number } | null;
  /** Exclusions of the network itself (excluded, role None, down, not on a node…). */
  reasons: Exclusion[];
  /** NICs on this network left out (down). */
  nics: Exclusion[];
  /** Address pairs on (or between) this network and another that cannot reach each other. */
  pairs: Exclusion[];
}

export interface WhyGroups {
  networks: NetworkWhy[];
  /** Exclusions that concern no network (a NIC without any address). */
  other: Exclusion[];
  /**
   * Address pairs on different subnets with no route between them while the pair has a path:
   * normal in any cluster whose nodes share networks, so folded away rather than listed as faults.
   */
  quiet: Exclusion[];
}

const crosses = (c: PathCandidate, networkId: string): boolean => c.sourceNetworkId === networkId || c.destinationNetworkId === networkId;

/**
 * One entry per cluster network — eligible ones in preference order, then the others in file
 * order — with whether the selection uses it and every exclusion that concerns it, so "why not
 * network X?" is answered in one place.
 */
export function groupWhy(t: Topology, s: Selection): WhyGroups {
  const pos = t.index.preferencePosition;
  const ineligible = t.networks.filter((n) => !pos.has(n.id)).map((n) => n.id);
  const ids = [...t.preferenceOrder, ...ineligible];
  const byId = new Map<string, NetworkWhy>();
  for (const id of ids) {
    const n = t.index.networks.get(id)!;
    const fallbacks: number[] = [];
    s.fallbacks.forEach((f, i) => crosses(f, id) && fallbacks.push(i + 1));
    const ai = s.attempts.findIndex((a) => a.networkId === id);
    const a = s.attempts[ai];
    byId.set(id, {
      networkId: id,
      name: n.name,
      prefixes: n.prefixes,
      position: pos.get(id) ?? null,
      chosen: s.chosen !== null && crosses(s.chosen, id),
      fallbacks,
      attempt: a ? { number: ai + 1, outcome: a.outcome, seconds: a.seconds } : null,
      reasons: [],
      nics: [],
      pairs: [],
    });
  }
  const other: Exclusion[] = [];
  const quiet: Exclusion[] = [];
  for (const e of s.excluded) {
    if (e.reason === 'no-route' && s.chosen !== null) {
      quiet.push(e);
      continue;
    }
    const targets = (e.networkIds ?? []).map((id) => byId.get(id)).filter((w) => w !== undefined);
    if (targets.length === 0) other.push(e);
    for (const w of new Set(targets)) {
      if (e.elementId === w.networkId) w.reasons.push(e);
      else if (t.index.nics.has(e.elementId)) w.nics.push(e);
      else w.pairs.push(e);
    }
  }
  return { networks: ids.map((id) => byId.get(id)!), other, quiet };
}

/**
 * Reasons from the most to the least telling when a pair has no path: something the user can fix
 * on the way (a router down, a missing route, a NIC or network down, a setting) before the plain
 * fact that a node is not on a network — which is also true of every network a routed path needs.
 */
const CAUSE_ORDER: Reason[] = [
  'router-down', 'no-return-route', 'no-route', 'nic-down', 'network-down', 'no-address', 'excluded-by-setting', 'role-none', 'family-mismatch', 'not-on-destination', 'not-on-source',
];

/** The real cause when a pair has no path (null when it has one, or a node check already says why). */
export function leadCause(t: Topology, s: Selection): string | null {
  if (s.chosen || (s.failure && s.failure !== 'no-path')) return null;
  // A network excluded, of role None or down explains nothing unless both nodes are on it.
  const both = (networkId: string): boolean => hasWorkingAddress(t, s.sourceNodeId, networkId) && hasWorkingAddress(t, s.destinationNodeId, networkId);
  const telling = (e: Exclusion): boolean =>
    CAUSE_ORDER.includes(e.reason) && (!['excluded-by-setting', 'role-none', 'network-down'].includes(e.reason) || both(e.elementId));
  const byCause = (list: Exclusion[]): Exclusion | undefined =>
    list.filter(telling).sort((a, b) => CAUSE_ORDER.indexOf(a.reason) - CAUSE_ORDER.indexOf(b.reason))[0];
  if (s.mode === 'legacy') {
    // Legacy never routes: only what stops a shared network counts.
    const top = byCause(s.excluded.filter((e) => !ADDRESS_PAIR_REASONS.has(e.reason)));
    const names = `${nodeName(t, s.sourceNodeId)} and ${nodeName(t, s.destinationNodeId)}`;
    if (!top || top.reason === 'not-on-source' || top.reason === 'not-on-destination')
      return `No network enabled for live migration has a working address on both ${names}, and legacy never uses a routed path.`;
    return top.message;
  }
  return byCause(s.excluded)?.message ?? null;
}

const ADDRESS_PAIR_REASONS = new Set<Reason>(['router-down', 'no-return-route', 'no-route', 'family-mismatch']);

/** "Chosen · fallback 1" / "Fallbacks 2, 3" / "Not used". */
export function usageText(w: NetworkWhy): string {
  const parts: string[] = [];
  if (w.chosen) parts.push('chosen');
  if (w.fallbacks.length) parts.push(`${w.fallbacks.length > 1 ? 'fallbacks' : 'fallback'} ${w.fallbacks.join(', ')}`);
  return parts.length ? `Used: ${parts.join(' · ')}` : 'Not used';
}

/**
 * The short reason shown next to an unused network's name: what stopped a path through it (a
 * router down, a missing route) before the plainer "a node is not on it".
 */
export function shortReason(w: NetworkWhy): string {
  if (w.chosen || w.fallbacks.length) return w.reasons[0] ? REASON_TEXT[w.reasons[0].reason] : '';
  const blocking = w.pairs.find((p) => p.reason === 'router-down' || p.reason === 'no-return-route');
  const own = w.reasons[0];
  const nodeMissing = own && (own.reason === 'not-on-source' || own.reason === 'not-on-destination');
  if (blocking && (!own || nodeMissing)) return REASON_TEXT[blocking.reason];
  if (own) return REASON_TEXT[own.reason];
  if (w.pairs.length) return REASON_TEXT[w.pairs[0]!.reason];
  return '';
}

/**
 * Predicted against measured: for each tested pair of nodes and each network the destination
 * has an address on, what the design predicts (a path reaches that network's address, or not,
 * and why) beside what the path test measured. A mismatch on a network enabled for live
 * migration is a finding in the administrator's words. Data in, plan out: no store, no UI.
 *
 * The prediction is the Windows Server 2025 path set (selection-algorithm.md): a TCP connection
 * from one of the source node's usable addresses reaches the destination address directly or
 * through the design's routes. That is what a connect bound to a source address measures; the
 * legacy behaviour only uses the direct ones among them.
 */
import { prepare, rankedPaths } from '../../model/select';
import type { Diagnostic, NicAddress, Topology } from '../../model/types';
import { networkName, nodeName } from '../../text/messages';
import { shortName } from './names';
import type { ConnectAttempt, ConnectOutcome, PathTestRecord } from './types';

export interface Prediction {
  /** The network is enabled for live migration (format §6): only then does a mismatch matter. */
  eligible: boolean;
  connects: boolean;
  kind?: 'direct' | 'routed';
  /** Why not, or why it does not count ("excluded from live migration"). */
  why: string;
}

export interface Measurement {
  outcome: ConnectOutcome | 'not-measured';
  seconds: number | null;
  sourceAddress?: string;
  destinationAddress?: string;
  error?: string;
}

export interface MeasuredRow {
  sourceNodeId: string;
  destinationNodeId: string;
  networkId: string;
  port: number;
  predicted: Prediction;
  measured: Measurement;
  mismatch: boolean;
  /** The row in words: the finding's message when it is a mismatch. */
  message: string;
}

export interface UnmatchedAttempt {
  attempt: ConnectAttempt;
  why: string;
}

export interface PathTestComparison {
  /** Mismatches first, then by source, destination, network order. */
  rows: MeasuredRow[];
  mismatches: number;
  unmatched: UnmatchedAttempt[];
  /** Median seconds after which Windows itself gave up a connection, or null when none did. */
  windowsTimeoutSeconds: number | null;
  windowsTimeoutSamples: number;
  findings: Diagnostic[];
}

const OUTCOME_RANK: Record<ConnectOutcome, number> = { 'timed-out': 0, refused: 1, unreachable: 2, 'no-source-address': 3, failed: 4, connected: 5 };

const secondsText = (s: number | null): string => (s === null ? '' : s < 1 ? `${Math.max(1, Math.round(s * 1000))} ms` : `${Math.round(s * 10) / 10} s`);

/** Ends a sentence with a full stop unless it already ends with a question mark. */
const end = (s: string): string => (s.endsWith('?') ? s : `${s}.`);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/** "port 6600" or "SMB port 445". */
const portText = (port: number): string => (port === 445 ? 'SMB port 445' : `port ${port}`);

function failureText(m: Measurement, t: Topology, sourceNodeId: string, destinationNodeId: string, port: number): string {
  const where = `${m.sourceAddress} → ${m.destinationAddress}, ${portText(port)}`;
  switch (m.outcome) {
    case 'timed-out':
      return `the test timed out after ${secondsText(m.seconds)} (${where}) — check the port, VLAN or cable`;
    case 'refused':
      return port === 445
        ? `the connection was refused (${where}) — the address answers but SMB does not: check the Server service and the firewall on ${nodeName(t, destinationNodeId)}`
        : `the connection was refused (${where}) — the address answers but nothing listens on port 6600: is live migration enabled on ${nodeName(t, destinationNodeId)} (Get-VMHost) and on this network, and the port open in its firewall?`;
    case 'unreachable':
      return `Windows found no route (${where}) — check the addresses, prefix lengths and routes`;
    case 'no-source-address':
      return `${nodeName(t, sourceNodeId)} does not have the address ${m.sourceAddress} the design gives it — check the NIC's address`;
    default:
      return `the test failed (${where}${m.error ? `: ${m.error}` : ''})`;
  }
}

function measuredText(m: Measurement, port: number): string {
  if (m.outcome === 'not-measured') return 'not measured';
  if (m.outcome === 'connected') return `connected in ${secondsText(m.seconds)} (${m.sourceAddress} → ${m.destinationAddress}, ${portText(port)})`;
  return `${m.outcome.replace('-', ' ')}${m.seconds !== null ? ` after ${secondsText(m.seconds)}` : ''} (${m.sourceAddress} → ${m.destinationAddress}, ${portText(port)})`;
}

/** The best result among attempts: a connection if any, else the failure that says most (timed out first). */
function measure(attempts: ConnectAttempt[]): Measurement {
  if (attempts.length === 0) return { outcome: 'not-measured', seconds: null };
  let best = attempts[0]!;
  for (const a of attempts) {
    if (a.outcome === 'connected') {
      if (best.outcome !== 'connected' || (a.seconds ?? Infinity) < (best.seconds ?? Infinity)) best = a;
    } else if (best.outcome !== 'connected' && (OUTCOME_RANK[a.outcome] < OUTCOME_RANK[best.outcome] || (a.outcome === best.outcome && (a.seconds ?? 0) > (best.seconds ?? 0)))) best = a;
  }
  const m: Measurement = { outcome: best.outcome, seconds: best.seconds, sourceAddress: best.sourceAddress, destinationAddress: best.destinationAddress };
  if (best.error !== undefined) m.error = best.error;
  return m;
}

const INELIGIBLE: Record<string, string> = {
  'excluded-by-setting': 'excluded from live migration',
  'role-none': 'not used by the cluster (role None)',
  'network-down': 'down in the design',
};

export function comparePathTest(t: Topology, record: PathTestRecord): PathTestComparison {
  // Exact names first (a hand-made design may have names that differ only by case), then as Windows compares them.
  const nodeByName = new Map(t.nodes.map((n) => [n.name, n.id]));
  const nodeByShort = new Map<string, string>();
  for (const n of t.nodes) if (!nodeByShort.has(shortName(n.name))) nodeByShort.set(shortName(n.name), n.id);
  const nodeOf = (name: string): string | undefined => nodeByName.get(name) ?? nodeByShort.get(shortName(name));
  const addressesOf = new Map<string, Map<string, NicAddress[]>>();
  for (const a of t.addresses) {
    let m = addressesOf.get(a.nodeId);
    if (!m) addressesOf.set(a.nodeId, (m = new Map()));
    m.set(a.address, [...(m.get(a.address) ?? []), a]);
  }
  const unmatched: UnmatchedAttempt[] = [];
  /** Attempts by `source|destination|port|network`. */
  const byKey = new Map<string, ConnectAttempt[]>();
  const pairs = new Map<string, [string, string]>();
  const ports = new Set<number>();
  for (const a of record.attempts) {
    const s = nodeOf(a.source);
    const d = nodeOf(a.destination);
    if (s === undefined || d === undefined) {
      unmatched.push({ attempt: a, why: `node '${s === undefined ? a.source : a.destination}' is not in the design` });
      continue;
    }
    const dst = addressesOf.get(d)?.get(a.destinationAddress);
    if (!dst) {
      unmatched.push({ attempt: a, why: `${a.destinationAddress} is not an address of ${nodeName(t, d)} in the design` });
      continue;
    }
    if (!addressesOf.get(s)?.has(a.sourceAddress)) {
      unmatched.push({ attempt: a, why: `${a.sourceAddress} is not an address of ${nodeName(t, s)} in the design` });
      continue;
    }
    ports.add(a.port);
    pairs.set(`${s}|${d}`, [s, d]);
    for (const net of new Set(dst.map((x) => x.networkId))) {
      const key = `${s}|${d}|${a.port}|${net}`;
      byKey.set(key, [...(byKey.get(key) ?? []), a]);
    }
  }

  const p = prepare(t);
  const rows: MeasuredRow[] = [];
  for (const [s, d] of pairs.values()) {
    const paths = rankedPaths(p, s, d, null);
    const networks = [...new Set((t.index.nicsByNode.get(d) ?? []).flatMap((nic) => (t.index.addressesByNic.get(nic) ?? []).map((i) => t.addresses[i]!.networkId)))];
    for (const net of networks) {
      const eligibility = t.eligibility[net];
      const eligible = eligibility?.eligible === true;
      const onNet = paths.filter((x) => x.destinationNetworkId === net);
      const predicted: Prediction = !eligible
        ? { eligible, connects: false, why: INELIGIBLE[eligibility && !eligibility.eligible ? eligibility.reason : ''] ?? 'not used for live migration' }
        : onNet.length > 0
          ? { eligible, connects: true, kind: onNet[0]!.kind, why: onNet[0]!.kind === 'routed' ? 'routed' : 'direct' }
          : { eligible, connects: false, why: noPathWhy(t, s, d, net) };
      for (const port of [...ports].sort((a, b) => a - b)) {
        const all = byKey.get(`${s}|${d}|${port}|${net}`) ?? [];
        const expected = new Set(onNet.map((x) => `${x.sourceAddress}|${x.destinationAddress}`));
        const relevant = predicted.connects ? all.filter((a) => expected.has(`${a.sourceAddress}|${a.destinationAddress}`)) : all;
        const measured = measure(relevant.length > 0 ? relevant : all);
        const ok = measured.outcome === 'connected';
        const mismatch = eligible && measured.outcome !== 'not-measured' && predicted.connects !== ok;
        const head = `${nodeName(t, s)} → ${nodeName(t, d)} on '${networkName(t, net)}'`;
        let message: string;
        if (!mismatch) message = `${head}: the design says ${predicted.connects ? `it connects (${predicted.why})` : `no path (${predicted.why})`}; ${measuredText(measured, port)}.`;
        else if (predicted.connects) message = end(`${head}: the design says it connects (${predicted.why}); ${failureText(measured, t, s, d, port)}`);
        else
          message = `${head}: the design says there is no path (${predicted.why}); the test connected in ${secondsText(measured.seconds)} from ${measured.sourceAddress} to ${measured.destinationAddress} (${portText(port)}) — the cluster has an address or route that the design does not show.`;
        rows.push({ sourceNodeId: s, destinationNodeId: d, networkId: net, port, predicted, measured, mismatch, message });
      }
    }
  }
  const order = new Map(t.nodes.map((n, i) => [n.id, i]));
  const netOrder = new Map(t.networks.map((n, i) => [n.id, i]));
  rows.sort(
    (a, b) =>
      Number(b.mismatch) - Number(a.mismatch) ||
      order.get(a.sourceNodeId)! - order.get(b.sourceNodeId)! ||
      order.get(a.destinationNodeId)! - order.get(b.destinationNodeId)! ||
      netOrder.get(a.networkId)! - netOrder.get(b.networkId)! ||
      a.port - b.port,
  );
  const mismatched = rows.filter((r) => r.mismatch);
  const findings: Diagnostic[] = mismatched.map((r) => ({ code: 'measured-mismatch', path: 'observations.pathTest', message: r.message, elementIds: [r.sourceNodeId, r.destinationNodeId, r.networkId] }));
  if (unmatched.length > 0) {
    const examples = [...new Set(unmatched.map((u) => u.why))].slice(0, 3).join('; ');
    findings.push({
      code: 'measured-unmatched',
      path: 'observations.pathTest',
      message: `${unmatched.length} connection${unmatched.length === 1 ? '' : 's'} of the path test match${unmatched.length === 1 ? 'es' : ''} nothing in the design (${examples}): the design may be missing a node or an address. They are listed in the All pairs tab.`,
      elementIds: [],
    });
  }
  const gaveUp = record.attempts.filter((a) => a.outcome === 'timed-out' && a.windowsGaveUp === true && a.seconds !== null).map((a) => a.seconds!);
  const med = median(gaveUp);
  return {
    rows,
    mismatches: mismatched.length,
    unmatched,
    windowsTimeoutSeconds: med === null ? null : Math.round(med),
    windowsTimeoutSamples: gaveUp.length,
    findings,
  };
}

function noPathWhy(t: Topology, s: string, d: string, net: string): string {
  const nicsOn = (node: string) => (t.index.nicsByNode.get(node) ?? []).filter((nic) => (t.index.addressesByNic.get(nic) ?? []).some((i) => t.addresses[i]!.networkId === net));
  const dst = nicsOn(d);
  if (dst.length > 0 && dst.every((nic) => t.index.nics.get(nic)?.state === 'down')) return `${nodeName(t, d)}'s NIC on it is down in the design`;
  const src = nicsOn(s);
  if (src.length > 0 && src.every((nic) => t.index.nics.get(nic)?.state === 'down')) return `${nodeName(t, s)}'s NIC on it is down in the design`;
  if (src.length === 0) return `${nodeName(t, s)} has no address on it and no route to it`;
  return 'no route between the addresses';
}

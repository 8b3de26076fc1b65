/**
 * Where a design came from, in sentences: shown beside the design (Details, when nothing is
 * selected) and in the report. Null for a design that was not imported from a cluster.
 */
import { atcManagesLiveMigration, intentTypesText, readOrigin, WS2025_BUILD, type TopologyOrigin } from '../model/origin';
import type { Topology } from '../model/types';
import { ownValue } from '../model/own';

const listText = (names: readonly string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** The sentence the Live migration settings dialog and the apply script use. */
export const ATC_DRIFT_NOTICE = 'Network ATC manages live migration on this cluster; changes made with Set-ClusterParameter are reverted as drift.';

function builds(t: Topology, o: TopologyOrigin): string | null {
  const hosts = o.hosts ?? {};
  const byBuild = new Map<string, string[]>();
  for (const n of t.nodes) {
    const b = ownValue(hosts, n.id)?.osBuild;
    const key = b === undefined ? 'unknown' : String(b);
    byBuild.set(key, [...(byBuild.get(key) ?? []), n.name]);
  }
  if (byBuild.size === 0 || (byBuild.size === 1 && byBuild.has('unknown'))) return null;
  const parts = [...byBuild].map(([b, names]) => (byBuild.size === 1 ? `build ${b} on all ${names.length} nodes` : `${b === 'unknown' ? 'build unknown' : `build ${b}`} on ${listText(names)}`));
  const mode =
    o.mode === 'ws2025' ? 'Windows Server 2025 behaviour'
    : o.mode === 'legacy' ? `behaviour before Windows Server 2025${[...byBuild.keys()].some((b) => b === 'unknown' || Number(b) >= WS2025_BUILD) ? ' until every node runs build 26100 or later' : ''}`
    : null;
  return `Operating system: ${parts.join('; ')}${mode ? ` → ${mode}` : ''}.`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A collection time as a date people read: "14 March 2025, 09:26 (UTC+01:00)" for the script's
 * round-trip text ("2025-03-14T09:26:53.5897932+01:00"), in the cluster's own clock; a
 * PowerShell 5.1 "/Date(ms)/" in UTC. Anything else is shown as it was written.
 */
export function formatCollectedAt(text: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (iso) {
    const [, y, mo, d, h, mi, zone] = iso;
    const month = MONTHS[Number(mo) - 1];
    if (month === undefined || Number(d) < 1 || Number(d) > 31) return text;
    const offset = zone === undefined ? '' : /^z$/i.test(zone) || /^[+-]00:?00$/.test(zone) ? ' (UTC)' : ` (UTC${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone})`;
    return `${Number(d)} ${month} ${y}, ${h}:${mi}${offset}`;
  }
  const ms = /^\/?Date\((-?\d+)(?:[+-]\d{4})?\)\/?$/.exec(text.trim());
  if (ms) {
    const date = new Date(Number(ms[1]));
    if (Number.isNaN(date.getTime())) return text;
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} (UTC)`;
  }
  return text;
}

export function describeOrigin(t: Topology): string[] | null {
  const o = readOrigin(t.document);
  if (!o) return null;
  const lines: string[] = [];
  lines.push(`Imported from cluster ${o.cluster ?? '(unnamed)'}${o.collectedAt ? `, collected ${formatCollectedAt(o.collectedAt)}` : ''}${o.inventoryVersion ? ` (inventory version ${o.inventoryVersion})` : ''}.`);
  const os = builds(t, o);
  if (os) lines.push(os);
  if (o.clusterFunctionalLevel !== undefined) lines.push(`Cluster functional level ${o.clusterFunctionalLevel}.`);
  const atc = o.networkAtc;
  if (atc && atc.intents.length > 0) {
    const intents = atc.intents.map((i) => `${i.name} (${[intentTypesText(i.types) || 'no type', i.adapters.length ? listText(i.adapters) : null].filter(Boolean).join('; ')})`);
    lines.push(`Network ATC intents: ${intents.join(', ')}.`);
    lines.push(atcManagesLiveMigration(o) ? ATC_DRIFT_NOTICE : 'Network ATC does not manage live migration network selection here (EnableLiveMigrationNetworkSelection is off).');
    const ov = atc.overrides;
    const set = ov
      ? [
          ov.virtualMachineMigrationPerformanceOption ? `performance option ${ov.virtualMachineMigrationPerformanceOption}` : null,
          ov.maximumVirtualMachineMigrations !== undefined ? `${ov.maximumVirtualMachineMigrations} migrations at a time` : null,
          ov.maximumSmbMigrationBandwidthGbps !== undefined ? `SMB migration bandwidth ${ov.maximumSmbMigrationBandwidthGbps} Gb/s` : null,
        ].filter((x): x is string => x !== null)
      : [];
    if (set.length > 0) lines.push(`Network ATC cluster overrides: ${set.join(', ')}.`);
  }
  return lines;
}

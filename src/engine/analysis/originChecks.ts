/**
 * Checks from what an imported cluster told us beyond the topology (the document's `origin`):
 * hosts with live migration disabled, hosts whose migration settings differ, and NICs of one
 * network enabled for live migration whose MTUs differ (mismatched jumbo frames make migrations
 * fail or crawl: large frames are dropped where the path's MTU is smaller). A design drawn by hand
 * has no origin and gets none of these.
 */
import { nicLabel, nodeName } from '../text/messages';
import { atcManagesLiveMigration, readOrigin, type OriginHost } from '../model/origin';
import { ATC_MAX_MIGRATIONS_RANGE } from '../model/defaults';
import type { Diagnostic, Topology } from '../model/types';
import { ownValue } from '../model/own';

const TRANSPORT_WORD = { tcpip: 'TCP/IP', compression: 'Compression', smb: 'SMB' } as const;

function differing<K extends 'transport' | 'maxMigrations'>(t: Topology, hosts: [string, OriginHost][], key: K, what: string, word: (v: NonNullable<OriginHost[K]>) => string): Diagnostic | null {
  const byValue = new Map<string, string[]>();
  for (const [id, h] of hosts) {
    const v = h[key];
    if (v === undefined) continue;
    const w = word(v as NonNullable<OriginHost[K]>);
    byValue.set(w, [...(byValue.get(w) ?? []), id]);
  }
  if (byValue.size < 2) return null;
  const groups = [...byValue].sort((a, b) => b[1].length - a[1].length);
  return {
    code: 'host-settings-differ',
    path: 'origin.hosts',
    elementIds: groups.flatMap(([, ids]) => ids),
    message: `The hosts' ${what} differ: ${groups.map(([w, ids]) => `${w} on ${ids.map((id) => nodeName(t, id)).join(', ')}`).join('; ')}. Which one a migration uses depends on the hosts it runs between; set the same value on every host so that every pair migrates alike.`,
  };
}

export function originChecks(t: Topology): Diagnostic[] {
  const origin = readOrigin(t.document);
  if (!origin) return [];
  const out: Diagnostic[] = [];
  const hosts = Object.entries(origin.hosts ?? {}).filter(([id]) => t.index.nodes.has(id));

  const disabled = hosts.filter(([, h]) => h.migrationEnabled === false).map(([id]) => id);
  if (disabled.length > 0)
    out.push({
      code: 'host-migration-disabled',
      path: 'origin.hosts',
      elementIds: disabled,
      message: `Live migration is disabled in the Hyper-V settings of ${disabled.map((id) => nodeName(t, id)).join(', ')} (VirtualMachineMigrationEnabled is off): ${disabled.length === 1 ? 'it' : 'they'} can neither send nor receive a live migration. Enable it (Enable-VMMigration) on ${disabled.length === 1 ? 'that host' : 'those hosts'}.`,
    });

  for (const d of [
    differing(t, hosts, 'transport', 'live migration performance options', (v) => TRANSPORT_WORD[v]),
    differing(t, hosts, 'maxMigrations', 'simultaneous live migration limits (MaximumVirtualMachineMigrations)', String),
  ])
    if (d) out.push(d);

  // Network ATC takes 1 to 10 simultaneous migrations ("Manage Network ATC"); the apply script refuses more.
  const parallel = t.document.liveMigration?.maxParallelMigrations;
  if (atcManagesLiveMigration(origin) && parallel !== undefined && parallel > ATC_MAX_MIGRATIONS_RANGE.max)
    out.push({
      code: 'atc-max-migrations',
      path: 'liveMigration.maxParallelMigrations',
      elementIds: [],
      message: `Network ATC manages live migration on this cluster, and takes 1 to ${ATC_MAX_MIGRATIONS_RANGE.max} simultaneous live migrations (MaximumVirtualMachineMigrations); the design has ${parallel}. The apply script leaves ATC's value as it is until it is ${ATC_MAX_MIGRATIONS_RANGE.max} or fewer.`,
    });

  const mtu = origin.nicMtu ?? {};
  for (const networkId of t.preferenceOrder) {
    const nicIds = [...new Set((t.index.addressesByNetwork.get(networkId) ?? []).map((i) => t.addresses[i]!.nicId))];
    const known = nicIds.filter((id) => ownValue(mtu, id) !== undefined);
    const values = new Set(known.map((id) => ownValue(mtu, id)!));
    if (values.size < 2) continue;
    const network = t.index.networks.get(networkId)!;
    out.push({
      code: 'mtu-mismatch',
      path: 'origin.nicMtu',
      elementIds: [networkId, ...known],
      message: `The NICs on '${network.name}', a network enabled for live migration, have different MTUs: ${known.map((id) => `${nicLabel(t, id)} ${ownValue(mtu, id)}`).join(', ')}. Mismatched jumbo frames make live migrations fail or crawl; give every NIC on the network (and the switch ports) the same MTU.`,
    });
  }
  return out;
}

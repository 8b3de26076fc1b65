/**
 * Checks from what an imported cluster told us beyond the topology (the document's `origin`):
 * hosts with live migration disabled, hosts whose migration settings differ, and NICs of one
 * network enabled for live migration whose MTUs differ (mismatched jumbo frames make migrations
 * fail or crawl: large frames are dropped where the path's MTU is smaller). A design drawn by hand
 * has no origin and gets none of these.
 */
import { nicLabel, nodeName } from '../text/messages';
import { atcManagesLiveMigration, readOrigin, type OriginHost } from '../model/origin';
import { ATC_MAX_MIGRATIONS_RANGE, statedLiveMigration } from '../model/defaults';
import type { Diagnostic, Topology } from '../model/types';
import { ownValue } from '../model/own';
import { parseCidr } from '../model/address';

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
  const parallel = statedLiveMigration(t).maxParallelMigrations;
  if (atcManagesLiveMigration(origin) && parallel !== undefined && parallel > ATC_MAX_MIGRATIONS_RANGE.max)
    out.push({
      code: 'atc-max-migrations',
      path: 'liveMigration.maxParallelMigrations',
      elementIds: [],
      message: `Network ATC manages live migration on this cluster, and takes 1 to ${ATC_MAX_MIGRATIONS_RANGE.max} simultaneous live migrations (MaximumVirtualMachineMigrations); the design has ${parallel}. The apply script leaves ATC's value as it is until it is ${ATC_MAX_MIGRATIONS_RANGE.max} or fewer.`,
    });

  // Issue 26: a host that does not take migrations on any network (UseAnyNetworkForMigration off)
  // accepts incoming live migrations only on its Get-VMMigrationNetwork subnets. The cluster keeps
  // that list in step with its live migration settings; where it does not, migrations to the host
  // cannot use the networks it leaves out.
  const lmNetworks = t.preferenceOrder.map((id) => t.index.networks.get(id)!).filter(Boolean);
  for (const [id, h] of hosts) {
    if (h.useAnyNetworkForMigration !== false || h.migrationSubnets === undefined || lmNetworks.length === 0) continue;
    const accepted = new Set(h.migrationSubnets.map((s) => parseCidr(s)?.subnet ?? s));
    const refused = lmNetworks.filter((n) => !n.prefixes.some((p) => accepted.has(parseCidr(p)?.subnet ?? p)));
    if (refused.length === 0) continue;
    const list = h.migrationSubnets.length === 0 ? 'lists no migration network' : `lists only ${h.migrationSubnets.join(', ')} (Get-VMMigrationNetwork)`;
    out.push({
      code: 'host-migration-networks',
      path: 'origin.hosts',
      elementIds: [id, ...refused.map((n) => n.id)],
      message: `${nodeName(t, id)} takes incoming live migrations only on its own migration networks (UseAnyNetworkForMigration is off) and ${list}: migrations to it cannot use ${refused.map((n) => `'${n.name}'`).join(', ')}, which the cluster's live migration settings allow. The path shown assumes the cluster's settings; add the missing subnets on that host (Add-VMMigrationNetwork) or check why its list differs from the cluster's.`,
    });
  }

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

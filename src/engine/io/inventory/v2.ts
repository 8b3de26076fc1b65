/**
 * Inventory v2 → the topology's 1.1 fields and the `origin` object. Each part is optional: a
 * version 1 file (or a v2 file whose script could not read a part) imports without it.
 *
 * - transport: the hosts' `VirtualMachineMigrationPerformanceOption`; parallel migrations: the
 *   cluster's `MaximumParallelMigrations`, else the hosts' `MaximumVirtualMachineMigrations`;
 *   hosts that disagree → the most common value, and a note naming the hosts that differ.
 * - SMB cap: `SetSMBBandwidthLimit` 0 → no cap (0), else `SMBBandwidthLimitFactor`; (1.2) none of
 *   the cluster-wide properties (a cluster before KB5017381 / KB5017382) → no cap (0), with a note.
 * - mode: every node on build 26100 or later → ws2025; otherwise, or with builds unknown for
 *   some nodes, legacy with a note. No build at all → no mode (the app keeps the one it has).
 */
import { WS2025_BUILD, type OriginHost, type TopologyOrigin, type Transport } from '../../model/origin';
import type { Mode } from '../../model/types';
import { readAtc } from './atc';
import { field, items, listSome, text, type Field, type Obj } from './json';
import type { Build } from './model';
import { mostCommon, readHostSettings, wholeIn, type HostFacts } from './hostSettings';
import type { VmDoc } from '../../model/types';
import { readVms } from './vms';

export interface V2Result {
  liveMigration: { transport?: Transport; maxParallelMigrations?: number; smbBandwidthLimitFactor?: number; smbMultichannelNetworks?: string[] };
  /** Node id → physicalBandwidthGbps. */
  physicalGbps: Map<string, number>;
  vms: VmDoc[];
  origin: TopologyOrigin;
}

const TRANSPORT_WORD: Record<Transport, string> = { tcpip: 'TCP/IP', compression: 'Compression', smb: 'SMB' };

function agree<T>(facts: HostFacts[], pick: (h: HostFacts) => T | undefined, what: string, word: (v: T) => string, b: Build): T | undefined {
  const entries = facts.flatMap((h) => {
    const v = pick(h);
    return v === undefined ? [] : [{ name: h.node.doc.name, value: v, id: h.node.doc.id }];
  });
  const common = mostCommon(entries);
  if (!common) return undefined;
  if (common.differing.length > 0) {
    const others = common.differing.map((d) => `${d.name} (${word(d.value)})`);
    const rest = entries.length - common.differing.length;
    b.ctx.assumed(
      'hosts',
      `The hosts disagree on ${what}: ${listSome(others)} ${others.length === 1 ? 'differs' : 'differ'} from the other ${rest === 1 ? 'host' : `${rest} hosts`} (${word(common.value)}). The design uses ${word(common.value)}, the most common value; set the same value on every host.`,
      entries.filter((e) => common.differing.some((d) => d.name === e.name)).map((e) => e.id),
    );
  }
  return common.value;
}

function modeOf(facts: Map<string, HostFacts>, b: Build, version: number): Mode | undefined {
  const builds = b.nodes.map((n) => ({ name: n.doc.name, build: facts.get(n.doc.id)?.osBuild }));
  const known = builds.filter((x): x is { name: string; build: number } => x.build !== undefined);
  if (known.length === 0) {
    // A version 2 inventory without any build (the script could not read them): nothing says the
    // nodes run Windows Server 2025, so the design opens in the behaviour that applies before it,
    // as the README promises, and says so (issue 27). Version 1 files import exactly as before.
    if (version < 2) return undefined;
    if (b.nodes.length > 0)
      b.ctx.assumed('hosts', `The inventory gives no node's OS build, so nothing shows that the cluster runs Windows Server 2025: the design opens in the behaviour before Windows Server 2025. Switch to Windows Server 2025 (M) if every node runs build ${WS2025_BUILD} or later.`);
    return b.nodes.length > 0 ? 'legacy' : undefined;
  }
  const old = known.filter((x) => x.build < WS2025_BUILD);
  const unknown = builds.filter((x) => x.build === undefined).map((x) => x.name);
  if (old.length === 0 && unknown.length === 0) {
    b.ctx.assumed('hosts', `Every node runs build ${WS2025_BUILD} or later (Windows Server 2025 or Azure Local 24H2): the design opens in Windows Server 2025 mode.`);
    return 'ws2025';
  }
  if (old.length === known.length && unknown.length === 0) {
    b.ctx.assumed('hosts', `The nodes run builds before ${WS2025_BUILD} (${listSome([...new Set(old.map((x) => String(x.build)))])}): the design opens in the behaviour before Windows Server 2025.`);
    return 'legacy';
  }
  const parts = [
    old.length > 0 ? `${listSome(old.map((x) => `${x.name} (${x.build})`))} run${old.length === 1 ? 's' : ''} a build before ${WS2025_BUILD}` : '',
    unknown.length > 0 ? `the build of ${listSome(unknown)} is unknown` : '',
  ].filter((p) => p !== '');
  b.ctx.assumed('hosts', `Not every node runs Windows Server 2025 (a rolling upgrade?): ${parts.join('; ')}. The design opens in the behaviour before Windows Server 2025, which applies until every node is upgraded.`);
  return 'legacy';
}

function originHost(h: HostFacts): OriginHost {
  const o: OriginHost = {};
  if (h.osBuild !== undefined) o.osBuild = h.osBuild;
  if (h.osVersion !== undefined) o.osVersion = h.osVersion;
  if (h.osCaption !== undefined) o.osCaption = h.osCaption;
  if (h.migrationEnabled !== undefined) o.migrationEnabled = h.migrationEnabled;
  if (h.transport !== undefined) o.transport = h.transport;
  if (h.maxMigrations !== undefined) o.maxMigrations = h.maxMigrations;
  if (h.useAnyNetworkForMigration !== undefined) o.useAnyNetworkForMigration = h.useAnyNetworkForMigration;
  if (h.migrationSubnets !== undefined) o.migrationSubnets = h.migrationSubnets;
  if (h.smbBandwidthFeature !== undefined) o.smbBandwidthFeature = h.smbBandwidthFeature;
  if (h.smbLiveMigrationLimitBps !== undefined) o.smbLiveMigrationLimitBps = h.smbLiveMigrationLimitBps;
  return o;
}

/**
 * (issue 26) One node's SMB Multichannel constraint → the networks it allows, or null when the
 * node has no constraint towards another node. Constraints towards servers that are not nodes of
 * the cluster (file servers) do not touch live migration and are ignored. An alias that names no
 * NIC of the node is left out with a note.
 */
function constraintNetworks(h: HostFacts, b: Build): string[] | null {
  const own = h.node.doc.id;
  const towardsNodes = (h.smbConstraints ?? []).filter((c) => {
    const server = b.hosts.get(c.server);
    return server !== undefined && server.doc.id !== own;
  });
  if (towardsNodes.length === 0) return null;
  const nets = new Set<string>();
  const unknown = new Set<string>();
  for (const alias of new Set(towardsNodes.map((c) => c.alias.trim().toLowerCase()))) {
    const nic = b.nics.find((n) => n.doc.node === own && n.adapter.trim().toLowerCase() === alias);
    if (nic === undefined) {
      unknown.add(towardsNodes.find((c) => c.alias.trim().toLowerCase() === alias)!.alias);
      continue;
    }
    for (const a of nic.addresses)
      for (const net of b.networks) if (net.v4?.subnet === a.subnet || net.v6?.subnet === a.subnet) nets.add(net.doc.id);
  }
  if (unknown.size > 0)
    b.ctx.dropped('hosts', `Node ${h.node.doc.name}'s SMB Multichannel constraint names ${listSome([...unknown])}, which ${unknown.size === 1 ? 'is not an adapter' : 'are not adapters'} of a cluster network interface of that node; ${unknown.size === 1 ? 'it was' : 'they were'} left out of the constraint.`, [own]);
  return b.networks.map((n) => n.doc.id).filter((id) => nets.has(id));
}

/** (issue 26) The constraint in force: the same networks on every node, else none with a note. */
function smbConstraint(facts: HostFacts[], b: Build): string[] | undefined {
  const read = facts.filter((h) => h.smbConstraints !== undefined);
  if (read.length === 0) return undefined;
  const sets = read.map((h) => ({ h, nets: constraintNetworks(h, b) }));
  if (sets.every((s) => s.nets === null)) return undefined;
  const key = (n: string[] | null): string => (n === null ? '' : n.join('\u0000'));
  const word = (n: string[] | null): string => (n === null ? 'no constraint' : n.length === 0 ? 'no cluster network' : listSome(n.map((id) => b.networks.find((x) => x.doc.id === id)!.doc.name)));
  const common = mostCommon(sets.map((s) => ({ name: s.h.node.doc.name, value: key(s.nets) })));
  const unread = b.nodes.filter((n) => !read.some((h) => h.node.doc.id === n.doc.id)).map((n) => n.doc.name);
  const first = sets.find((s) => key(s.nets) === common!.value)!.nets;
  if (common!.differing.length === 0 && unread.length === 0 && first !== null && first.length > 0) {
    b.ctx.assumed('liveMigration.smbMultichannelNetworks', `Every node has an SMB Multichannel constraint towards the other nodes on the same networks (${word(first)}): SMB live migration is limited to ${first.length === 1 ? 'that network' : 'those networks'}.`);
    return first;
  }
  const differ = sets.filter((s) => key(s.nets) !== common!.value).map((s) => `${s.h.node.doc.name} (${word(s.nets)})`);
  const parts = [
    differ.length > 0 ? `${listSome(differ)} ${differ.length === 1 ? 'differs' : 'differ'} from the others (${word(first)})` : '',
    unread.length > 0 ? `the constraints of ${listSome(unread)} could not be read` : '',
    differ.length === 0 && unread.length === 0 ? `they allow ${word(first)}` : '',
  ].filter((p) => p !== '');
  b.ctx.assumed(
    'hosts',
    `The nodes' SMB Multichannel constraints are not one constraint the design can hold: ${parts.join('; ')}. The design has no SMB Multichannel constraint; which networks SMB live migration uses between two nodes depends on the constraints of the node that sends. Give every node the same constraint (New-SmbMultichannelConstraint) towards the other nodes.`,
    sets.filter((s) => key(s.nets) !== common!.value).map((s) => s.h.node.doc.id),
  );
  return undefined;
}

/** True when the script noted it could not read one of the cluster-wide live migration properties. */
function scriptMissed(inventory: Obj): boolean {
  return items(field(inventory, 'notes', '')).some((n) => /MaximumParallelMigrations|SMBBandwidthLimit/i.test(text(n.value) ?? ''));
}

/** Bytes per second in the units Windows shows them (MB/s = 2^20 bytes, as Set-SmbBandwidthLimit reads `1GB`). */
const mbps = (bps: number): string => `${Math.round(bps / 1048576).toLocaleString('en-US')} MB/s`;

/**
 * (issue 26) Each node's SMB live migration limit (Get-SmbBandwidthLimit) against what the factor
 * implies: factor / 10000 × the node's physical bandwidth (migration-time.md step 5). The cluster
 * sets the limit itself, so a difference of more than 10 % means the limit was set by hand or the
 * adapters changed since; a note names the nodes, the design keeps the factor.
 */
function compareLimits(facts: HostFacts[], factor: number | undefined, b: Build): void {
  if (factor === undefined) return;
  const off: string[] = [];
  const ids: string[] = [];
  for (const h of facts) {
    const limit = h.smbLiveMigrationLimitBps;
    if (limit === undefined || h.smbBandwidthFeature === false) continue;
    if (factor === 0) {
      if (limit > 0) {
        off.push(`${h.node.doc.name} has a limit of ${mbps(limit)} while the design has no cap`);
        ids.push(h.node.doc.id);
      }
      continue;
    }
    if (h.physicalGbps === undefined) continue;
    const expected = (factor / 10000) * h.physicalGbps * 1e9 / 8;
    if (limit === 0 || Math.abs(limit - expected) > expected * 0.1) {
      off.push(`${h.node.doc.name} has ${limit === 0 ? 'no limit' : `a limit of ${mbps(limit)}`} where the factor gives ${mbps(expected)}`);
      ids.push(h.node.doc.id);
    }
  }
  if (off.length > 0)
    b.ctx.assumed('liveMigration.smbBandwidthLimitFactor', `The SMB bandwidth limits for live migration on the nodes do not match the cluster's factor (${factor === 0 ? 'no cap' : `${factor / 100} % of each node's physical bandwidth`}): ${listSome(off, 4)}. The design uses the factor; Windows applies each node's own limit.`, ids);
}

export function readV2(inventory: Obj, version: number, sections: { hosts: Field; vms: Field }, imported: { networkOrder?: string[]; excludedNetworks?: string[] } | undefined, b: Build): V2Result {
  const hostFacts = readHostSettings(sections.hosts, b);
  const facts = [...hostFacts.values()];
  const lm: V2Result['liveMigration'] = {};

  const transport = agree(facts, (h) => h.transport, 'the live migration performance option', (v) => TRANSPORT_WORD[v], b);
  if (transport !== undefined) lm.transport = transport;
  const clusterMax = wholeIn(field(inventory, 'maximumParallelMigrations', ''), 1, 64, "The cluster's MaximumParallelMigrations", b);
  const hostMax = agree(facts, (h) => h.maxMigrations, 'the number of simultaneous live migrations (MaximumVirtualMachineMigrations)', String, b);
  if (clusterMax !== undefined) lm.maxParallelMigrations = clusterMax;
  else if (hostMax !== undefined) lm.maxParallelMigrations = hostMax;

  const setLimit = wholeIn(field(inventory, 'setSmbBandwidthLimit', ''), 0, 1, "The cluster's SetSMBBandwidthLimit", b);
  const factor = wholeIn(field(inventory, 'smbBandwidthLimitFactor', ''), 0, 10000, "The cluster's SMBBandwidthLimitFactor", b);
  if (setLimit === 0) lm.smbBandwidthLimitFactor = 0;
  else if (factor !== undefined) lm.smbBandwidthLimitFactor = factor;
  else if (facts.length > 0 && clusterMax === undefined && setLimit === undefined && !scriptMissed(inventory)) {
    // (1.2) None of the cluster-wide properties: a cluster before the 2022-09 update (Windows
    // Server 2016/2019, or 2022 / Azure Stack HCI 21H2 before KB5017381 / KB5017382). Each host's
    // MaximumVirtualMachineMigrations holds and SMB live migration has no cluster cap.
    lm.smbBandwidthLimitFactor = 0;
    b.ctx.assumed(
      '',
      `The cluster has no cluster-wide MaximumParallelMigrations or SMB bandwidth limit (they arrive with the 2022-09 update: KB5017381 on Windows Server 2022, KB5017382 on Azure Stack HCI 21H2): ${hostMax !== undefined ? `each host's MaximumVirtualMachineMigrations (${hostMax}) holds, and ` : ''}SMB live migration has no cluster cap. The design uses no SMB cap (0).`,
    );
  }

  // (issue 26) Without the SMB Bandwidth Limit feature the cluster's cap cannot be set on a node.
  const lacking = facts.filter((h) => h.smbBandwidthFeature === false);
  const withFeature = facts.filter((h) => h.smbBandwidthFeature === true);
  if (lacking.length > 0 && withFeature.length === 0) {
    const had = lm.smbBandwidthLimitFactor;
    lm.smbBandwidthLimitFactor = 0;
    b.ctx.assumed(
      'liveMigration.smbBandwidthLimitFactor',
      `No node has the SMB Bandwidth Limit feature (FS-SMBBW) installed, so no SMB bandwidth limit can be set and SMB live migration has no cap${had !== undefined && had > 0 ? `, whatever the cluster's SMBBandwidthLimitFactor (${had}) says` : ''}. The design uses no SMB cap (0). Install the feature (Install-WindowsFeature FS-SMBBW) on every node for the cluster's cap to apply.`,
      lacking.map((h) => h.node.doc.id),
    );
  } else if (lacking.length > 0) {
    b.ctx.assumed(
      'hosts',
      `${listSome(lacking.map((h) => h.node.doc.name))} ${lacking.length === 1 ? 'does' : 'do'} not have the SMB Bandwidth Limit feature (FS-SMBBW) installed: SMB live migrations from ${lacking.length === 1 ? 'it' : 'them'} are not capped, while the design caps every node alike. Install the feature on every node.`,
      lacking.map((h) => h.node.doc.id),
    );
  }
  const constraint = smbConstraint(facts, b);
  if (constraint !== undefined) lm.smbMultichannelNetworks = constraint;

  const physicalGbps = new Map<string, number>();
  for (const h of facts) if (h.physicalGbps !== undefined) physicalGbps.set(h.node.doc.id, h.physicalGbps);
  compareLimits(facts, lm.smbBandwidthLimitFactor, b);

  const vms = readVms(sections.vms, b);

  const origin: TopologyOrigin = { source: 'lm-cluster-inventory', inventoryVersion: version };
  const cluster = text(field(inventory, 'cluster', '').value);
  if (cluster !== undefined) origin.cluster = cluster;
  const collectedAt = text(field(inventory, 'collectedAt', '').value);
  if (collectedAt !== undefined) origin.collectedAt = collectedAt;
  const level = wholeIn(field(inventory, 'clusterFunctionalLevel', ''), 0, 1000, "The cluster's functional level", b);
  if (level !== undefined) origin.clusterFunctionalLevel = level;
  const mode = modeOf(hostFacts, b, version);
  if (mode !== undefined) origin.mode = mode;
  if (facts.length > 0) origin.hosts = Object.fromEntries(facts.map((h) => [h.node.doc.id, originHost(h)]));
  const mtu = b.nics.filter((n) => n.mtu !== undefined).map((n) => [n.doc.id, n.mtu!] as const);
  if (mtu.length > 0) origin.nicMtu = Object.fromEntries(mtu);
  const atc = readAtc(field(inventory, 'atc', ''), b);
  if (atc !== undefined) origin.networkAtc = atc;
  origin.liveMigrationAsImported = { networkOrder: imported?.networkOrder ?? [], excludedNetworks: imported?.excludedNetworks ?? [] };

  // What the script itself could not read, in its words.
  for (const note of items(field(inventory, 'notes', ''))) {
    const t = text(note.value);
    if (t !== undefined) b.ctx.dropped(note.path, `The inventory script could not read ${t}`);
  }
  return { liveMigration: lm, physicalGbps, vms, origin };
}


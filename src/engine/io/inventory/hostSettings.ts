/**
 * Inventory v2, per node (`hosts`): the OS build (Win32_OperatingSystem), the Hyper-V host's
 * migration settings (Get-VMHost) and the physical adapters' link speeds (Get-NetAdapter
 * -Physical); and, for the cluster, its functional level and live migration limits.
 *
 * Every field is optional, and a value this import does not understand is left out with a note:
 * version 2 adds facts to a design that is complete without them, so they never refuse a file.
 */
import { RANGE } from '../../model/shape';
import type { OriginHost, Transport } from '../../model/origin';
import { readEnum, type EnumTable } from './enums';
import { bool, field, firstField, isAbsent, isObj, items, listSome, nameOf, num, show, text, type Field, type Obj } from './json';
import { parseCidr } from './ip';
import type { Build, NodeInfo } from './model';
import { NODE_FIELDS } from './adapters';

export const TRANSPORT: EnumTable<Transport> = {
  what: 'live migration performance option',
  // Microsoft.HyperV.PowerShell.VMMigrationPerformance: TCPIP = 0, Compression = 1, SMB = 2.
  values: [
    ['TCPIP', 0, 'tcpip'],
    ['Compression', 1, 'compression'],
    ['SMB', 2, 'smb'],
  ],
};

/** What one host reported: the facts kept in `origin.hosts`, plus its node and physical speed. */
export interface HostFacts extends OriginHost {
  node: NodeInfo;
  /** Sum of the physical adapters' link speeds, Gb/s; undefined when none is known. */
  physicalGbps?: number;
  /** (issue 26) Get-SmbMultichannelConstraint, one entry per server and interface; undefined when not read. */
  smbConstraints?: { server: string; alias: string }[];
}

/** A whole number in [min, max], or undefined with a note when the value is there but is not one. */
export function wholeIn(f: Field, min: number, max: number, what: string, b: Build, ids: string[] = []): number | undefined {
  if (isAbsent(f.value) || f.value === '') return undefined;
  const n = num(f.value);
  if (n !== undefined && Number.isInteger(n) && n >= min && n <= max) return n;
  b.ctx.dropped(f.path, `${what} is ${show(f.value)}, not a whole number from ${min} to ${max}; it was left out.`, ids);
  return undefined;
}

function physicalGbps(f: Field, node: NodeInfo, b: Build): number | undefined {
  let bps = 0;
  let any = false;
  for (const a of items(f)) {
    const speed = num(isObj(a.value) ? firstField(a.value, ['LinkSpeedBps', 'Speed'], a.path).value : undefined);
    if (speed === undefined || speed < 0) {
      if (isObj(a.value)) b.ctx.dropped(a.path, `Node ${node.doc.name}: a physical adapter has no link speed the import can read (${show(isObj(a.value) ? field(a.value, 'LinkSpeedBps', a.path).value : a.value)}); it was not counted.`, [node.doc.id]);
      continue;
    }
    any = true;
    bps += speed;
  }
  if (!any) return undefined;
  // A disconnected adapter reports 0: a node whose adapters are all down has no known bandwidth.
  const gbps = Math.round(bps / 1e6) / 1e3;
  if (gbps > RANGE.gbps.max) {
    b.ctx.dropped(f.path, `Node ${node.doc.name}: its physical adapters add up to ${show(bps)} b/s, more than any node has; the sum was not used.`, [node.doc.id]);
    return undefined;
  }
  return gbps >= RANGE.gbps.min ? gbps : undefined;
}

function flag(h: Obj, key: string, path: string, what: string, facts: HostFacts, b: Build): boolean | undefined {
  const f = field(h, key, path);
  const v = bool(f.value);
  if (v === undefined && !isAbsent(f.value)) b.ctx.dropped(f.path, `${what} on node ${facts.node.doc.name} is ${show(f.value)}, not true or false; it was left out.`, [facts.node.doc.id]);
  return v;
}

/**
 * (issue 26) The host's migration networks (UseAnyNetworkForMigration, Get-VMMigrationNetwork), its
 * SMB Multichannel constraints and its SMB bandwidth limit (FS-SMBBW, Get-SmbBandwidthLimit).
 */
function readSmbAndNetworks(h: Obj, path: string, facts: HostFacts, b: Build): void {
  const id = [facts.node.doc.id];
  const any = flag(h, 'UseAnyNetworkForMigration', path, 'UseAnyNetworkForMigration', facts, b);
  if (any !== undefined) facts.useAnyNetworkForMigration = any;
  const nets = field(h, 'MigrationNetworks', path);
  if (!isAbsent(nets.value)) {
    const subnets: string[] = [];
    for (const n of items(nets)) {
      const raw = text(isObj(n.value) ? field(n.value, 'Subnet', n.path).value : n.value);
      const c = raw === undefined ? null : parseCidr(raw.trim());
      if (c === null) b.ctx.dropped(n.path, `A migration network of node ${facts.node.doc.name} (Get-VMMigrationNetwork) is ${show(n.value)}, not a subnet; it was left out.`, id);
      else subnets.push(c.subnet);
    }
    facts.migrationSubnets = [...new Set(subnets)];
  }
  const constraints = field(h, 'SmbMultichannelConstraints', path);
  if (!isAbsent(constraints.value)) {
    facts.smbConstraints = [];
    for (const c of items(constraints)) {
      const server = isObj(c.value) ? text(field(c.value, 'ServerName', c.path).value) : undefined;
      const alias = isObj(c.value) ? text(field(c.value, 'InterfaceAlias', c.path).value) : undefined;
      if (server === undefined || alias === undefined) b.ctx.dropped(c.path, `An SMB Multichannel constraint of node ${facts.node.doc.name} is ${show(c.value)}, without a ServerName and an InterfaceAlias; it was left out.`, id);
      else facts.smbConstraints.push({ server, alias });
    }
  }
  const feature = flag(h, 'SmbBandwidthLimitInstalled', path, 'Whether the SMB Bandwidth Limit feature (FS-SMBBW) is installed', facts, b);
  if (feature !== undefined) facts.smbBandwidthFeature = feature;
  const bps = wholeIn(field(h, 'SmbLiveMigrationBytesPerSecond', path), 0, Number.MAX_SAFE_INTEGER, `The SMB bandwidth limit for live migration of node ${facts.node.doc.name}`, b, id);
  if (bps !== undefined) facts.smbLiveMigrationLimitBps = bps;
}

function readHost(f: Field, b: Build, out: Map<string, HostFacts>): void {
  if (!isObj(f.value)) {
    b.ctx.dropped(f.path, `An entry of 'hosts' is ${show(f.value)}, not a node's settings; it was left out.`);
    return;
  }
  const h = f.value;
  const nodeName = nameOf(firstField(h, NODE_FIELDS, f.path).value);
  const node = nodeName === undefined ? undefined : b.hosts.get(nodeName);
  if (node === undefined) {
    b.ctx.dropped(f.path, `Host settings for ${nodeName ?? 'an unnamed host'} were left out: it is not a node of the inventory.`);
    return;
  }
  if (out.has(node.doc.id)) {
    b.ctx.dropped(f.path, `Node ${node.doc.name}'s host settings are listed twice; the second entry was left out.`, [node.doc.id]);
    return;
  }
  const facts: HostFacts = { node };
  const who = `node ${node.doc.name}`;
  const build = wholeIn(field(h, 'OsBuild', f.path), 1, 999999, `The OS build of ${who}`, b, [node.doc.id]);
  if (build !== undefined) facts.osBuild = build;
  const version = text(field(h, 'OsVersion', f.path).value);
  if (version !== undefined) {
    facts.osVersion = version;
    // A version without a build (`10.0.26100`) still gives the build.
    const fromVersion = /^\d+\.\d+\.(\d+)/.exec(version)?.[1];
    if (facts.osBuild === undefined && fromVersion !== undefined) facts.osBuild = Number(fromVersion);
  }
  const caption = text(field(h, 'OsCaption', f.path).value);
  if (caption !== undefined) facts.osCaption = caption;

  const enabledField = field(h, 'VirtualMachineMigrationEnabled', f.path);
  const enabled = bool(enabledField.value);
  if (enabled !== undefined) facts.migrationEnabled = enabled;
  else if (!isAbsent(enabledField.value)) b.ctx.dropped(enabledField.path, `Whether live migration is enabled on ${who} is ${show(enabledField.value)}, not true or false; it was left out.`, [node.doc.id]);

  const tField = field(h, 'VirtualMachineMigrationPerformanceOption', f.path);
  const t = readEnum(TRANSPORT, tField);
  if (t.kind === 'ok') facts.transport = t.value;
  else if (t.kind === 'invalid') b.ctx.dropped(tField.path, `The live migration performance option of ${who}, ${show(tField.value)}, ${t.message}; it was left out.`, [node.doc.id]);

  const max = wholeIn(field(h, 'MaximumVirtualMachineMigrations', f.path), 1, 64, `The simultaneous live migrations of ${who}`, b, [node.doc.id]);
  if (max !== undefined) facts.maxMigrations = max;

  readSmbAndNetworks(h, f.path, facts, b);

  const gbps = physicalGbps(field(h, 'PhysicalAdapters', f.path), node, b);
  if (gbps !== undefined) facts.physicalGbps = gbps;

  // What the script could not read on this node, in its own words.
  for (const n of items(field(h, 'Notes', f.path))) {
    const t2 = text(n.value);
    if (t2 !== undefined) b.ctx.dropped(n.path, `On ${who} the inventory script could not read ${t2}`, [node.doc.id]);
  }
  out.set(node.doc.id, facts);
}

/** Host facts by node id, in node order. */
export function readHostSettings(list: Field, b: Build): Map<string, HostFacts> {
  const out = new Map<string, HostFacts>();
  for (const f of items(list)) readHost(f, b, out);
  if (out.size > 0 && out.size < b.nodes.length) {
    const missing = b.nodes.filter((n) => !out.has(n.doc.id)).map((n) => n.doc.name);
    b.ctx.dropped('hosts', `The inventory has no host settings (OS build, Hyper-V migration settings) for ${listSome(missing)}: the script could not read them there.`);
  }
  const ordered = new Map<string, HostFacts>();
  for (const n of b.nodes) {
    const facts = out.get(n.doc.id);
    if (facts) ordered.set(n.doc.id, facts);
  }
  return ordered;
}

/** The most common value and the hosts that differ from it (ties: the first node's value). */
export function mostCommon<T>(entries: { name: string; value: T }[]): { value: T; differing: { name: string; value: T }[] } | null {
  if (entries.length === 0) return null;
  const counts = new Map<T, number>();
  for (const e of entries) counts.set(e.value, (counts.get(e.value) ?? 0) + 1);
  let best = entries[0]!.value;
  for (const e of entries) if ((counts.get(e.value) ?? 0) > (counts.get(best) ?? 0)) best = e.value;
  return { value: best, differing: entries.filter((e) => e.value !== best) };
}

/**
 * Inventory v2 `atc`: Network ATC's intents (Get-NetIntent: name, traffic types, adapters) and its
 * global cluster overrides (`(Get-NetIntent -GlobalOverrides).ClusterOverride`). Absent when the
 * NetworkATC module is not installed.
 *
 * Which network carries which intent: ATC names the host virtual NICs it creates after the intent
 * — `vManagement(<intent>)` for management, `vSMB(<intent>#<adapter>)` for storage — and a
 * storage intent without a virtual switch puts the addresses on the intent's physical adapters
 * themselves. A network gets the intent of its NICs found either way; a network on no such NIC
 * (a network ATC does not manage) gets none.
 */
import type { AtcOverrides, IntentType, NetworkAtc, OriginIntent } from '../../model/origin';
import { bool, field, firstField, isAbsent, isObj, items, num, show, text, type Field, type Obj } from './json';
import type { Build } from './model';
import { setOwn } from '../../model/own';

const TYPE_NAMES: Record<string, IntentType> = { management: 'management', compute: 'compute', storage: 'storage' };
const ORDER: readonly IntentType[] = ['management', 'compute', 'storage'];
const sorted = (types: Iterable<IntentType>): IntentType[] => {
  const set = new Set(types);
  return ORDER.filter((t) => set.has(t));
};

function intentTypes(intent: Obj, path: string, name: string, b: Build): IntentType[] {
  const out = new Set<IntentType>();
  for (const t of ORDER) {
    const word = t[0]!.toUpperCase() + t.slice(1);
    if (bool(firstField(intent, [word, `Is${word}IntentSet`], path).value) === true) out.add(t);
  }
  // Names, as `[string]$_.IntentType` writes them ("Management, Compute") or as a list.
  const named = firstField(intent, ['Types', 'IntentType'], path);
  for (const item of items(named)) {
    if (typeof item.value === 'number') {
      b.ctx.dropped(item.path, `Network ATC intent ${name}: its type is the number ${item.value}; only the names (Management, Compute, Storage) are read, so it was left out.`);
      continue;
    }
    for (const word of (text(item.value) ?? '').split(/[\s,;|]+/)) {
      const t = TYPE_NAMES[word.toLowerCase()];
      if (t) out.add(t);
    }
  }
  return sorted(out);
}

function readOverrides(f: Field, b: Build): AtcOverrides | undefined {
  if (isAbsent(f.value)) return undefined;
  if (!isObj(f.value)) {
    b.ctx.dropped(f.path, `Network ATC's cluster overrides are ${show(f.value)}, not an object; they were left out.`);
    return undefined;
  }
  const o = f.value;
  const out: AtcOverrides = {};
  const flag = (key: string, set: (v: boolean) => void): void => {
    const x = field(o, key, f.path);
    const v = bool(x.value);
    if (v !== undefined) set(v);
    else if (!isAbsent(x.value) && x.value !== '') b.ctx.dropped(x.path, `Network ATC's ${key} is ${show(x.value)}, not true or false; it was left out.`);
  };
  flag('EnableLiveMigrationNetworkSelection', (v) => (out.enableLiveMigrationNetworkSelection = v));
  flag('EnableVirtualMachineMigrationPerformanceSelection', (v) => (out.enableVirtualMachineMigrationPerformanceSelection = v));
  const perf = text(field(o, 'VirtualMachineMigrationPerformanceOption', f.path).value);
  if (perf !== undefined) out.virtualMachineMigrationPerformanceOption = perf;
  const count = (key: string, max: number, set: (v: number) => void): void => {
    const x = field(o, key, f.path);
    if (isAbsent(x.value) || x.value === '') return;
    const n = num(x.value);
    if (n !== undefined && Number.isInteger(n) && n >= 0 && n <= max) set(n);
    else b.ctx.dropped(x.path, `Network ATC's ${key} is ${show(x.value)}, not a whole number from 0 to ${max}; it was left out.`);
  };
  count('MaximumVirtualMachineMigrations', 255, (v) => (out.maximumVirtualMachineMigrations = v));
  count('MaximumSMBMigrationBandwidthInGbps', 4294967295, (v) => (out.maximumSmbMigrationBandwidthGbps = v));
  return out;
}

/** The intent and traffic types of one NIC's adapter, or null. */
function nicIntent(adapter: string, intents: OriginIntent[]): { intent: OriginIntent; types: IntentType[] } | null {
  const byName = (n: string): OriginIntent | undefined => intents.find((i) => i.name.toLowerCase() === n.trim().toLowerCase());
  const vnic = /^v(management|smb)\s*\(([^#)]+)(#[^)]*)?\)$/i.exec(adapter.trim());
  if (vnic) {
    const intent = byName(vnic[2]!);
    if (!intent) return null;
    if (vnic[1]!.toLowerCase() === 'smb') return { intent, types: ['storage'] };
    return { intent, types: intent.types.filter((t) => t !== 'storage') };
  }
  const key = adapter.trim().toLowerCase();
  const intent = intents.find((i) => i.adapters.some((a) => a.trim().toLowerCase() === key));
  if (!intent) return null;
  // An address on a physical adapter of the intent: host traffic, not the VMs' (compute) traffic.
  const host = intent.types.filter((t) => t !== 'compute');
  return { intent, types: host.length > 0 ? host : intent.types };
}

export function readAtc(f: Field, b: Build): NetworkAtc | undefined {
  if (isAbsent(f.value)) return undefined;
  if (!isObj(f.value)) {
    b.ctx.dropped(f.path, `The Network ATC section is ${show(f.value)}, not an object; it was left out.`);
    return undefined;
  }
  const intents: OriginIntent[] = [];
  for (const item of items(firstField(f.value, ['Intents', 'NetIntents'], f.path))) {
    if (!isObj(item.value)) {
      b.ctx.dropped(item.path, `A Network ATC intent is ${show(item.value)}, not an object; it was left out.`);
      continue;
    }
    const name = text(firstField(item.value, ['Name', 'IntentName'], item.path).value);
    if (name === undefined) {
      b.ctx.dropped(item.path, 'A Network ATC intent without a name was left out.');
      continue;
    }
    // Adapter names hold spaces ("Ethernet 2"): each entry is one name, never split.
    const adapters = items(firstField(item.value, ['Adapters', 'NetAdapterNamesAsList', 'NetAdapterNames'], item.path))
      .map((a) => text(a.value))
      .filter((a): a is string => a !== undefined);
    intents.push({ name, types: intentTypes(item.value, item.path, name, b), adapters });
  }
  const atc: NetworkAtc = { intents, networks: {} };
  const overrides = readOverrides(firstField(f.value, ['ClusterOverride', 'GlobalClusterOverrides', 'Overrides'], f.path), b);
  if (overrides) atc.overrides = overrides;

  for (const net of b.networks) {
    const subnets = new Set([net.v4?.subnet, net.v6?.subnet].filter((s): s is string => s !== undefined));
    const names = new Set<string>();
    const types = new Set<IntentType>();
    for (const nic of b.nics) {
      if (!nic.addresses.some((a) => subnets.has(a.subnet))) continue;
      const found = nicIntent(nic.adapter, intents);
      if (!found) continue;
      names.add(found.intent.name);
      for (const t of found.types) types.add(t);
    }
    if (names.size > 0) setOwn(atc.networks, net.doc.id, { intent: [...names].join(', '), types: sorted(types) });
  }
  return atc;
}

/**
 * Where a design came from: the top-level `origin` object an inventory import writes into the
 * topology file (unknown top-level fields are kept by the format, so it survives save → open).
 * It carries what the topology format has no field for — the cluster, when it was collected,
 * each host's OS build and migration settings, the MTU of each NIC, Network ATC's intents and
 * overrides — and the behaviour (mode) the app opens the design in.
 *
 * The object is plain JSON that anyone may edit, so `readOrigin` reads it defensively: anything
 * it does not understand is ignored, never an error (the design itself is what the parser checks).
 */
import type { Mode, TopologyDocument, Transport } from './types';
import { ownValue, setOwn } from './own';
import { isRecord } from './shape';

export type { Transport };
export type IntentType = 'management' | 'compute' | 'storage';

/** One host's facts, keyed by node id in `origin.hosts`. */
export interface OriginHost {
  /** Win32_OperatingSystem BuildNumber, e.g. 26100. */
  osBuild?: number;
  osVersion?: string;
  osCaption?: string;
  /** Get-VMHost VirtualMachineMigrationEnabled. */
  migrationEnabled?: boolean;
  /** Get-VMHost VirtualMachineMigrationPerformanceOption. */
  transport?: Transport;
  /** Get-VMHost MaximumVirtualMachineMigrations. */
  maxMigrations?: number;
  /** (inventory v2, issue 26) Get-VMHost UseAnyNetworkForMigration. */
  useAnyNetworkForMigration?: boolean;
  /** (issue 26) Get-VMMigrationNetwork: the subnets the host accepts incoming migrations on. */
  migrationSubnets?: string[];
  /** (issue 26) Whether the SMB Bandwidth Limit feature (FS-SMBBW) is installed. */
  smbBandwidthFeature?: boolean;
  /** (issue 26) Get-SmbBandwidthLimit -Category LiveMigration, bytes per second; 0 = no limit set. */
  smbLiveMigrationLimitBps?: number;
}

export interface OriginIntent {
  name: string;
  types: IntentType[];
  adapters: string[];
}

/** Network ATC's global cluster overrides, as Get-NetIntent -GlobalOverrides reported them. */
export interface AtcOverrides {
  enableLiveMigrationNetworkSelection?: boolean;
  enableVirtualMachineMigrationPerformanceSelection?: boolean;
  virtualMachineMigrationPerformanceOption?: string;
  maximumVirtualMachineMigrations?: number;
  maximumSmbMigrationBandwidthGbps?: number;
}

export interface NetworkAtc {
  intents: OriginIntent[];
  overrides?: AtcOverrides;
  /** Network id → the intent whose adapters carry it, and the traffic types it has there. */
  networks: Record<string, { intent: string; types: IntentType[] }>;
}

export interface TopologyOrigin {
  source: 'lm-cluster-inventory';
  inventoryVersion?: number;
  cluster?: string;
  collectedAt?: string;
  clusterFunctionalLevel?: number;
  /** The behaviour the cluster's OS builds imply: all 26100 or later → ws2025, else legacy. */
  mode?: Mode;
  hosts?: Record<string, OriginHost>;
  /** NIC id → IP MTU in bytes (Get-NetIPInterface NlMtu). The format's nics[] have no such field. */
  nicMtu?: Record<string, number>;
  networkAtc?: NetworkAtc;
  /** The live migration order and exclusions as the cluster had them (network ids), to tell what the design changed. */
  liveMigrationAsImported?: { networkOrder: string[]; excludedNetworks: string[] };
}

/** Windows Server 2025 and Azure Local 24H2 are build 26100. */
export const WS2025_BUILD = 26100;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const numOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const boolOf = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const TRANSPORTS: readonly Transport[] = ['tcpip', 'compression', 'smb'];
const TYPES: readonly IntentType[] = ['management', 'compute', 'storage'];
const transportOf = (v: unknown): Transport | undefined => (TRANSPORTS as readonly unknown[]).includes(v) ? (v as Transport) : undefined;
const typesOf = (v: unknown): IntentType[] => (Array.isArray(v) ? TYPES.filter((t) => v.includes(t)) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

function put<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined) o[k] = v;
}

function readHost(v: unknown): OriginHost | null {
  if (!isRecord(v)) return null;
  const h: OriginHost = {};
  put(h, 'osBuild', numOf(v.osBuild));
  put(h, 'osVersion', str(v.osVersion));
  put(h, 'osCaption', str(v.osCaption));
  put(h, 'migrationEnabled', boolOf(v.migrationEnabled));
  put(h, 'transport', transportOf(v.transport));
  put(h, 'maxMigrations', numOf(v.maxMigrations));
  put(h, 'useAnyNetworkForMigration', boolOf(v.useAnyNetworkForMigration));
  if (Array.isArray(v.migrationSubnets)) h.migrationSubnets = strings(v.migrationSubnets);
  put(h, 'smbBandwidthFeature', boolOf(v.smbBandwidthFeature));
  put(h, 'smbLiveMigrationLimitBps', numOf(v.smbLiveMigrationLimitBps));
  return h;
}

function readAtc(v: unknown): NetworkAtc | undefined {
  if (!isRecord(v)) return undefined;
  const intents = (Array.isArray(v.intents) ? v.intents : [])
    .filter(isRecord)
    .flatMap((i) => (typeof i.name === 'string' ? [{ name: i.name, types: typesOf(i.types), adapters: strings(i.adapters) }] : []));
  const networks: NetworkAtc['networks'] = {};
  if (isRecord(v.networks))
    for (const [id, n] of Object.entries(v.networks)) if (isRecord(n) && typeof n.intent === 'string') setOwn(networks, id, { intent: n.intent, types: typesOf(n.types) });
  const out: NetworkAtc = { intents, networks };
  if (isRecord(v.overrides)) {
    const o = v.overrides;
    const ov: AtcOverrides = {};
    put(ov, 'enableLiveMigrationNetworkSelection', boolOf(o.enableLiveMigrationNetworkSelection));
    put(ov, 'enableVirtualMachineMigrationPerformanceSelection', boolOf(o.enableVirtualMachineMigrationPerformanceSelection));
    put(ov, 'virtualMachineMigrationPerformanceOption', str(o.virtualMachineMigrationPerformanceOption));
    put(ov, 'maximumVirtualMachineMigrations', numOf(o.maximumVirtualMachineMigrations));
    put(ov, 'maximumSmbMigrationBandwidthGbps', numOf(o.maximumSmbMigrationBandwidthGbps));
    out.overrides = ov;
  }
  return out;
}

/** The document's origin, or null when it has none (a design drawn by hand). Never throws. */
export function readOrigin(doc: TopologyDocument): TopologyOrigin | null {
  const v = doc.origin;
  if (!isRecord(v) || v.source !== 'lm-cluster-inventory') return null;
  const o: TopologyOrigin = { source: 'lm-cluster-inventory' };
  put(o, 'inventoryVersion', numOf(v.inventoryVersion));
  put(o, 'cluster', str(v.cluster));
  put(o, 'collectedAt', str(v.collectedAt));
  put(o, 'clusterFunctionalLevel', numOf(v.clusterFunctionalLevel));
  if (v.mode === 'ws2025' || v.mode === 'legacy') o.mode = v.mode;
  if (isRecord(v.hosts)) {
    const hosts: Record<string, OriginHost> = {};
    for (const [id, h] of Object.entries(v.hosts)) {
      const read = readHost(h);
      if (read) setOwn(hosts, id, read);
    }
    o.hosts = hosts;
  }
  if (isRecord(v.nicMtu)) {
    const mtu: Record<string, number> = {};
    for (const [id, m] of Object.entries(v.nicMtu)) if (typeof m === 'number' && Number.isFinite(m) && m > 0) setOwn(mtu, id, m);
    o.nicMtu = mtu;
  }
  put(o, 'networkAtc', readAtc(v.networkAtc));
  if (isRecord(v.liveMigrationAsImported))
    o.liveMigrationAsImported = { networkOrder: strings(v.liveMigrationAsImported.networkOrder), excludedNetworks: strings(v.liveMigrationAsImported.excludedNetworks) };
  return o;
}

/**
 * Network ATC manages live migration network selection unless its cluster override turns that
 * off (`EnableLiveMigrationNetworkSelection = $false`); it does so only on a cluster with intents.
 */
export function atcManagesLiveMigration(origin: TopologyOrigin | null): boolean {
  const atc = origin?.networkAtc;
  if (!atc || atc.intents.length === 0) return false;
  return atc.overrides?.enableLiveMigrationNetworkSelection !== false;
}

const TYPE_WORD: Record<IntentType, string> = { management: 'Management', compute: 'Compute', storage: 'Storage' };

/** `Management, Compute` — the words Network ATC uses. */
export const intentTypesText = (types: readonly IntentType[]): string => types.map((t) => TYPE_WORD[t]).join(', ');

/** The ATC intent of a network, or null: `{ intent: 'converged', text: 'Management, Compute' }`. */
export function networkIntent(origin: TopologyOrigin | null, networkId: string): { intent: string; types: IntentType[]; text: string } | null {
  const n = ownValue(origin?.networkAtc?.networks, networkId);
  if (!n) return null;
  return { intent: n.intent, types: n.types, text: intentTypesText(n.types) };
}

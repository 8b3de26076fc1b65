/**
 * Types of the `lm-topology` file format (the document, as saved) and of the parsed topology
 * (the document with defaults filled in and the facts Failover Clustering derives from it).
 * See ../shared/spec/topology-format.md and selection-algorithm.md.
 */

export type NodeState = 'up' | 'down' | 'paused';
export type LinkState = 'up' | 'down';
export type NetworkRole = 'none' | 'cluster' | 'clusterAndClient';
export type IpFamily = 4 | 6;
/** (1.1) The hosts' live migration performance option (`Set-VMHost -VirtualMachineMigrationPerformanceOption`). */
export type Transport = 'tcpip' | 'compression' | 'smb';
/** (1.1) How the diagram draws a network: a switch, or a switchless cable between two nodes. */
export type NetworkMedium = 'switch' | 'cable';
export type VmState = 'running' | 'off';

// ---------------------------------------------------------------------------------------------
// The document: plain JSON, exactly what a file holds. Optional fields stay absent when unset so
// that save → open → save is byte-for-byte stable.

export interface SiteDoc {
  id: string;
  name: string;
}
export interface NodeDoc {
  id: string;
  name: string;
  site?: string;
  state?: NodeState;
  /** (1.1) Total speed of the node's physical adapters, the base of the SMB cap. */
  physicalBandwidthGbps?: number;
}
export interface RouteDoc {
  prefix: string;
  via: string;
}
export interface NicDoc {
  id: string;
  node: string;
  name: string;
  addresses: string[];
  speedGbps?: number;
  rdma?: boolean;
  state?: LinkState;
  routes?: RouteDoc[];
}
export interface NetworkDoc {
  id: string;
  name: string;
  prefixes: string[];
  role?: NetworkRole;
  metric?: number;
  state?: LinkState;
  /** (1.1) Display only; derived when absent. */
  medium?: NetworkMedium;
}
export interface RouterDoc {
  id: string;
  name: string;
  site?: string;
  state?: LinkState;
  interfaces: string[];
}
export interface LiveMigrationDoc {
  networkOrder?: string[];
  excludedNetworks?: string[];
  /** (1.1) Default `compression` (Windows' default). */
  transport?: Transport;
  /** (1.1) Integer 1–64, default 1 (cluster property `MaximumParallelMigrations`). */
  maxParallelMigrations?: number;
  /** (1.1) Integer 0–10000 (hundredths of a percent), default 2500; 0 = no cap. */
  smbBandwidthLimitFactor?: number;
  /** (1.2) The networks `New-SmbMultichannelConstraint` restricts SMB to; absent or [] = no constraint. */
  smbMultichannelNetworks?: string[];
}
/** (1.1) A clustered virtual machine. */
export interface VmDoc {
  id: string;
  name: string;
  /** Its owner node. */
  node: string;
  /** Memory to move, GiB. */
  memoryGB: number;
  state?: VmState;
}
/** (1.1) Assumptions of the migration time estimate (migration-time.md). */
export interface PlanningDoc {
  efficiency?: { tcpip?: number; compression?: number; smb?: number };
  compressionMaxGbps?: number;
  unknownSpeedGbps?: number;
  precopyOverhead?: number;
  switchoverSeconds?: number;
}
export interface Position {
  x: number;
  y: number;
}
export interface TopologyDocument {
  format: 'lm-topology';
  version: 1;
  name?: string;
  description?: string;
  sites?: SiteDoc[];
  nodes?: NodeDoc[];
  nics?: NicDoc[];
  networks?: NetworkDoc[];
  routers?: RouterDoc[];
  liveMigration?: LiveMigrationDoc;
  /** (1.1) */
  vms?: VmDoc[];
  /** (1.1) */
  planning?: PlanningDoc;
  layout?: Record<string, Position>;
  /** Unknown top-level fields are kept on round trip. */
  [extra: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// The parsed topology: defaults applied, implicit networks added, derived facts computed.

/** One host address of a NIC, parsed. */
export interface NicAddress {
  /** Index of this address in `Topology.addresses`. */
  index: number;
  nicId: string;
  nodeId: string;
  /** Position in the NIC's `addresses` list. */
  position: number;
  /** As written in the file, e.g. `10.1.10.11/24`. */
  cidr: string;
  /** Host address, compressed (RFC 5952 for IPv6), no prefix length. */
  address: string;
  family: IpFamily;
  prefixLength: number;
  /** The subnet in network-address form, e.g. `10.1.10.0/24`. */
  subnet: string;
  networkId: string;
}

export type Site = SiteDoc;
export interface Node extends Required<Pick<NodeDoc, 'id' | 'name' | 'state'>> {
  site: string | null;
  /** (1.1) As written in the file; null when absent. */
  physicalBandwidthGbps: number | null;
  /**
   * (1.1) The value in force: `physicalBandwidthGbps` when given, else the sum of the node's NIC
   * speeds (`speedGbps`, else `planning.unknownSpeedGbps`), whatever their state; 0 with no NIC.
   */
  effectiveBandwidthGbps: number;
}
export interface Route {
  prefix: string;
  via: string;
}
export interface Nic {
  id: string;
  node: string;
  name: string;
  addresses: string[];
  speedGbps: number | null;
  rdma: boolean;
  state: LinkState;
  routes: Route[];
}
export interface Network {
  id: string;
  name: string;
  /** Network-address form, compressed. */
  prefixes: string[];
  role: NetworkRole;
  metric: number;
  state: LinkState;
  /** True when the parser created it from a NIC address that no declared network covers. */
  implicit: boolean;
  roleDerived: boolean;
  metricDerived: boolean;
  /** (1.1) As written, or derived: `cable` when exactly two NICs of two different nodes and no router interface are on it. */
  medium: NetworkMedium;
  mediumDerived: boolean;
}
/** (1.1) A clustered VM, defaults applied. */
export interface Vm {
  id: string;
  name: string;
  node: string;
  memoryGB: number;
  state: VmState;
}
/** (1.1) The planning assumptions, every default applied. */
export interface Planning {
  efficiency: Record<Transport, number>;
  compressionMaxGbps: number;
  unknownSpeedGbps: number;
  precopyOverhead: number;
  switchoverSeconds: number;
}
export interface LiveMigrationSettings {
  networkOrder: string[];
  excludedNetworks: string[];
  /** (1.1) Default `compression`. */
  transport: Transport;
  /** (1.1) Default 1. */
  maxParallelMigrations: number;
  /** (1.1) Default 2500 (25 %); 0 = no cap. */
  smbBandwidthLimitFactor: number;
  /** (1.2) [] = SMB Multichannel is not constrained. */
  smbMultichannelNetworks: string[];
}
export interface Router {
  id: string;
  name: string;
  site: string | null;
  state: LinkState;
  interfaces: string[];
}

/** A subnet seen anywhere: a cluster network's prefix, or a subnet that exists only through router interfaces. */
export interface Subnet {
  /** Network-address form, e.g. `172.16.0.0/30`. */
  prefix: string;
  family: IpFamily;
  /** The cluster network whose prefix this is, or null for a transit subnet. */
  networkId: string | null;
  /** Routers with an interface in this subnet, ascending id. */
  routerIds: string[];
}

export type Eligibility =
  | { eligible: true }
  | { eligible: false; reason: 'excluded-by-setting' | 'role-none' | 'network-down' };

export interface Diagnostic {
  code: DiagnosticCode;
  /** JSON path in the document, e.g. `nics[3].addresses[0]`; '' for the whole topology. */
  path: string;
  message: string;
  /** Elements the diagnostic is about (for selecting them in the UI). */
  elementIds: string[];
}
export type DiagnosticCode =
  /** No longer produced (multi-NIC cluster networks are supported; see `multiNicNetworks`); kept for old references. */
  | 'nics-share-network'
  | 'network-without-nic'
  | 'nic-without-address'
  | 'ineligible-network-in-order'
  | 'pair-without-path'
  | 'multiple-default-routes'
  | 'unknown-layout-id'
  | 'assumed'
  // Added by runChecks (checks.ts), beyond the parser's diagnostics:
  | 'route-via-not-router'
  | 'asymmetric-route'
  | 'pair-single-path'
  | 'pair-routed-only'
  | 'routed-preferred-over-direct'
  // Issue 11 (format 1.1), each with its source in docs/DECISIONS.md (decisions 66 and 67):
  | 'apipa-address'
  | 'smb-rdma-across-sites'
  // Issue 26 (format 1.2):
  | 'smb-on-excluded-networks'
  // Added by originChecks (originChecks.ts), from an imported cluster's origin:
  | 'host-migration-disabled'
  | 'host-settings-differ'
  | 'mtu-mismatch'
  // Issue 26 (real clusters): a host's own migration networks refuse networks the cluster allows.
  | 'host-migration-networks'
  // Issue 21: Network ATC takes 1-10 simultaneous migrations.
  | 'atc-max-migrations'
  // Issue 23: a path test measured something the design does not predict, or that matches nothing in it.
  | 'measured-mismatch'
  | 'measured-unmatched';

export interface ParseError {
  path: string;
  message: string;
}

export interface Topology {
  /** The document as given (kept for round trip: save writes this, not the derived form). */
  readonly document: TopologyDocument;
  name: string;
  description: string;
  sites: Site[];
  nodes: Node[];
  nics: Nic[];
  /** Declared networks in file order, then implicit networks in order of first appearance. */
  networks: Network[];
  routers: Router[];
  /** (1.1) In file order. */
  vms: Vm[];
  liveMigration: LiveMigrationSettings;
  /** (1.1) Every default applied. */
  planning: Planning;
  layout: Record<string, Position>;
  /** Every NIC address, in NIC order then address order. */
  addresses: NicAddress[];
  subnets: Subnet[];
  /** Eligibility of each network for live migration (format §6). */
  eligibility: Record<string, Eligibility>;
  /** Eligible network ids, most preferred first (format §7; src/engine/model/order.ts). */
  preferenceOrder: string[];
  /**
   * The cluster's own network (lowest metric among cluster-role networks, any state), or null.
   * With no `networkOrder` it is tried last (format §7, 1.1).
   */
  clusterNetworkId: string | null;
  /** Lookups. */
  index: TopologyIndex;
}

export interface TopologyIndex {
  sites: Map<string, Site>;
  nodes: Map<string, Node>;
  nics: Map<string, Nic>;
  networks: Map<string, Network>;
  routers: Map<string, Router>;
  /** (1.1) */
  vms: Map<string, Vm>;
  /** (1.1) VM ids of each node, in file order. */
  vmsByNode: Map<string, string[]>;
  /** NIC ids of each node, in file order. */
  nicsByNode: Map<string, string[]>;
  /** Address indexes of each NIC. */
  addressesByNic: Map<string, number[]>;
  /** Address indexes on each network. */
  addressesByNetwork: Map<string, number[]>;
  /** Subnet index by prefix text. */
  subnetByPrefix: Map<string, number>;
  /** Subnet indexes each router is attached to. */
  subnetsByRouter: Map<string, number[]>;
  /** Position in `preferenceOrder`, for eligible networks only. */
  preferencePosition: Map<string, number>;
}

export type ParseResult =
  | { ok: true; topology: Topology; diagnostics: Diagnostic[] }
  | { ok: false; errors: ParseError[] };

// ---------------------------------------------------------------------------------------------
// Selection (selection-algorithm.md).

export type Mode = 'ws2025' | 'legacy';

export type Reason =
  | 'excluded-by-setting'
  | 'role-none'
  | 'network-down'
  | 'nic-down'
  | 'no-address'
  | 'not-on-source'
  | 'not-on-destination'
  | 'family-mismatch'
  | 'no-route'
  | 'no-return-route'
  | 'router-down'
  | 'same-node'
  | 'unknown-node'
  | 'source-down'
  | 'destination-down'
  | 'destination-paused'
  | 'no-path';

export interface PathCandidate {
  kind: 'direct' | 'routed';
  sourceNicId: string;
  destinationNicId: string;
  sourceAddress: string;
  destinationAddress: string;
  sourceNetworkId: string;
  destinationNetworkId: string;
  routerIds: string[];
}

export interface LegacyAttempt {
  networkId: string;
  outcome: 'connected' | 'timeout';
  seconds: number;
  reason?: Reason;
}

export interface Exclusion {
  /** A network id, a NIC id, or an address pair `sourceNic[address]→destinationNic[address]`. */
  elementId: string;
  reason: Reason;
  message: string;
  /** The networks concerned, so the UI can answer "why not network X?". */
  networkIds?: string[];
}

export interface Selection {
  mode: Mode;
  sourceNodeId: string;
  destinationNodeId: string;
  chosen: PathCandidate | null;
  fallbacks: PathCandidate[];
  initiationDelaySeconds: number;
  attempts: LegacyAttempt[];
  excluded: Exclusion[];
  failure?: Reason;
}

export interface SelectOptions {
  mode?: Mode;
  legacyTimeoutSeconds?: number;
}

export interface AllPairsSummary {
  pairCount: number;
  noPath: { ws2025: number; legacy: number };
  maxLegacyDelaySeconds: number;
  meanLegacyDelaySeconds: number;
  routedChosen: number;
  /** Pairs with a chosen path and no fallback, per mode. */
  singlePath: { ws2025: number; legacy: number };
}

/** A pair's choice in one mode, read off the compact all-pairs arrays: no paths, attempts or exclusions. */
export interface PairChoice {
  chosen: { kind: 'direct' | 'routed'; sourceNetworkId: string; destinationNetworkId: string } | null;
  /** How many paths follow the chosen one (`Selection.fallbacks.length`). */
  fallbackCount: number;
  initiationDelaySeconds: number;
  failure?: Reason;
}

export interface PairOutcome {
  sourceNodeId: string;
  destinationNodeId: string;
  ws2025: PairChoice;
  legacy: PairChoice;
}

export interface PairSelections {
  sourceNodeId: string;
  destinationNodeId: string;
  ws2025: Selection;
  legacy: Selection;
}

/**
 * Every pair's choice in typed arrays. Pair `k` is row-major by source then destination, the
 * diagonal skipped; a per-mode array holds the ws2025 value at `2k` and the legacy one at `2k + 1`.
 */
export interface CompactPairs {
  /** Index in `topology.networks` of the chosen path's source / destination network; -1 when none. */
  sourceNetwork: Int32Array;
  destinationNetwork: Int32Array;
  /** Index in `topology.addresses` of the chosen path's source / destination address; -1 when none. */
  sourceAddress: Int32Array;
  destinationAddress: Int32Array;
  /** Routers the chosen path crosses (0: direct); -1 when no path. */
  routers: Int16Array;
  /** `Selection.fallbacks.length`. */
  fallbacks: Int32Array;
  /** 0 when a path is chosen; otherwise 1 + the index of the reason in `PAIR_FAILURES`. */
  failure: Uint8Array;
  /** Per pair (not per mode): the legacy initiation delay in seconds. */
  legacyDelay: Float64Array;
}

export interface AllPairsResult {
  /** Node ids in topology order (rows and columns of the matrix). */
  nodeIds: string[];
  /** Network ids in topology order: what the compact network indexes point at. */
  networkIds: string[];
  /** Ordered pairs of distinct nodes. */
  pairCount: number;
  compact: CompactPairs;
  summary: AllPairsSummary;
  /** Pair index of (source, destination) by node index; -1 on the diagonal. */
  pairIndex(sourceIndex: number, destinationIndex: number): number;
  /** Both choices of pair `k`, from the compact arrays. */
  outcome(k: number): PairOutcome;
  /** Pair `k`'s full selection in one mode, exactly as selectMigrationPath gives it (made on the first call, then kept). */
  selection(k: number, mode: Mode): Selection;
  /** Every pair with both full selections, row-major (makes them all: for tests and whole-cluster exports). */
  pairs(): PairSelections[];
}

export interface AllPairsOptions {
  legacyTimeoutSeconds?: number;
}

/**
 * Document edits: a typed union of changes, applied by the pure `applyEdit` (./apply.ts).
 * An edit names elements by id and says what the user meant ("connect this NIC to that
 * network"); the reducer works out the addresses, ids, names and positions.
 */
import type {
  Diagnostic, IpFamily, LinkState, NetworkMedium, NetworkRole, NicDoc, NodeDoc, NodeState, ParseError, PlanningDoc, Position, RouteDoc, Topology, TopologyDocument,
  Transport, VmState,
} from '../model/types';
import type { PathTestRecord } from '../io/verify/types';
import type { HistoryRecord } from '../io/history/types';
import type { VmPatch } from './vms';

export type { ElementKind } from '../model/elementKind';

/** What the clipboard holds: nodes with their NICs, as they were when copied. */
export interface Clip {
  nodes: NodeDoc[];
  nics: NicDoc[];
  layout: Record<string, Position>;
}

export interface NicPatch {
  name?: string;
  addresses?: readonly string[];
  /** null clears it. */
  speedGbps?: number | null;
  rdma?: boolean;
  state?: LinkState;
}
export interface NetworkPatch {
  name?: string;
  /** Changing a prefix renumbers the addresses, gateways and routes in it (host part kept). */
  prefixes?: readonly string[];
  /** null: derived by the parser. */
  role?: NetworkRole | null;
  /** null: derived by the parser. */
  metric?: number | null;
  state?: LinkState;
  /** How the diagram draws it; null: derived (a switchless cable for two NICs of two nodes and no router). */
  medium?: NetworkMedium | null;
}
export interface RouterPatch {
  name?: string;
  interfaces?: readonly string[];
  state?: LinkState;
}

export type Edit =
  | { type: 'add-site'; name?: string; position?: Position }
  | { type: 'add-node'; site?: string | null; name?: string; position?: Position }
  | { type: 'add-nic'; node: string; name?: string; position?: Position }
  | { type: 'add-network'; name?: string; family?: IpFamily; prefix?: string; position?: Position }
  | { type: 'add-router'; site?: string | null; name?: string; position?: Position }
  /** Drawn from one element to another; what it means depends on the two kinds (./connect.ts). */
  | { type: 'connect'; from: string; to: string }
  /** Re-parents nodes and routers into a site (null: out of any site), NICs onto a node. */
  | { type: 'move'; ids: readonly string[]; to: string | null }
  /** Removes the elements and what depends on them (./remove.ts). */
  | { type: 'delete'; ids: readonly string[] }
  | { type: 'update-topology'; patch: { name?: string; description?: string } }
  | { type: 'update-site'; id: string; patch: { name?: string } }
  | { type: 'update-node'; id: string; patch: { name?: string; state?: NodeState } }
  | { type: 'update-nic'; id: string; patch: NicPatch }
  | { type: 'update-network'; id: string; patch: NetworkPatch }
  | { type: 'update-router'; id: string; patch: RouterPatch }
  | { type: 'add-route'; nic: string; route: RouteDoc }
  | { type: 'remove-route'; nic: string; index: number }
  | {
      type: 'set-live-migration';
      /** [] is the cluster's default order (no MigrationNetworkOrder). */
      networkOrder?: readonly string[];
      excludedNetworks?: readonly string[];
      /** (1.1) The default value is not written where the field was absent. */
      transport?: Transport;
      maxParallelMigrations?: number;
      smbBandwidthLimitFactor?: number;
      /** (1.2) [] removes the constraint. */
      smbMultichannelNetworks?: readonly string[];
    }
  /** Positions of elements; a node's NICs (a site's nodes and routers) follow it unless given too. */
  | { type: 'set-positions'; positions: Record<string, Position> }
  /** Forgets saved positions (e.g. of ids that are no longer in the topology). */
  | { type: 'remove-positions'; ids: readonly string[] }
  /** Pastes copied nodes with their NICs; `site` (when given) receives them. */
  | { type: 'paste'; clip: Clip; site?: string | null }
  | { type: 'duplicate'; ids: readonly string[] }
  /** (1.1) VMs: `count` of `memoryGB` on a node ("12 VMs of 16 GB"); a name for one, a stem for several. */
  | { type: 'add-vms'; node: string; memoryGB: number; count?: number; name?: string; state?: VmState }
  | { type: 'update-vm'; id: string; patch: VmPatch }
  | { type: 'move-vms'; ids: readonly string[]; node: string }
  | { type: 'delete-vms'; ids: readonly string[] }
  /** (1.1) The planning assumptions as a whole (null: every default). */
  | { type: 'set-planning'; planning: PlanningDoc | null }
  /** (issue 23) Keeps a path test's observations with the design (null clears them). */
  | { type: 'set-path-test'; record: PathTestRecord | null }
  /** (issue 23) Keeps a migration history read from the event logs with the design (null clears it). */
  | { type: 'set-history'; record: HistoryRecord | null }
  /** Several edits as one undo step (e.g. a drop that re-parents and places). */
  | { type: 'batch'; edits: readonly Edit[] };

export type EditType = Edit['type'];

export type EditResult =
  | {
      ok: true;
      document: TopologyDocument;
      /** Consequences the user should be told about (e.g. routes removed with a router). */
      messages: string[];
      /** Ids of the elements the edit created, for the UI to select. */
      created: string[];
      /** The new document, parsed (the store reuses it rather than parsing twice). */
      topology: Topology;
      diagnostics: Diagnostic[];
    }
  | { ok: false; errors: ParseError[] };

/** The outcome of one edit before the final validation: the next document or why not. */
export type Step =
  | { ok: true; document: TopologyDocument; messages?: string[]; created?: string[] }
  | { ok: false; errors: ParseError[] };

export const fail = (message: string, path = ''): Step => ({ ok: false, errors: [{ path, message }] });

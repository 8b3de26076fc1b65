/**
 * What the mapping steps hand each other: the topology elements being built, with the parsed
 * facts (addresses, prefixes) that later steps need so nothing is parsed twice.
 */
import type { NetworkDoc, NicDoc, NodeDoc, SiteDoc } from '../../model/types';
import type { ImportContext } from './context';
import type { HostIndex } from './hosts';
import type { IdRegistry } from './ids';
import type { ParsedCidr } from './ip';

export interface NodeInfo {
  doc: NodeDoc;
}

export interface NetworkInfo {
  doc: NetworkDoc;
  /** The network's IPv4 and IPv6 subnets (network-address form). */
  v4: ParsedCidr | null;
  v6: ParsedCidr | null;
  /** Where the network is in the inventory, for messages. */
  path: string;
}

export interface NicInfo {
  doc: NicDoc;
  /** The adapter name as the inventory spells it (matched case-insensitively). */
  adapter: string;
  /** Its addresses with their prefix lengths (host bits kept). */
  addresses: ParsedCidr[];
  /** IP MTU of its adapter (inventory v2 `adapters[].Mtu`), when known. */
  mtu?: number;
}

/** Shared state of one import. */
export interface Build {
  ctx: ImportContext;
  ids: IdRegistry;
  sites: SiteDoc[];
  nodes: NodeInfo[];
  hosts: HostIndex<NodeInfo>;
  /** The site id of a node name, from the fault domains. */
  siteOf: (nodeName: string) => string | undefined;
  networks: NetworkInfo[];
  nics: NicInfo[];
  /** IPv6 link-local values left out, reported together in one note. */
  linkLocal: { networks: string[]; addresses: number; nextHops: number };
}

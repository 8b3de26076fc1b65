/**
 * inventoryToDocument: a parsed `lm-cluster-inventory` → an `lm-topology` document: data in,
 * document and notes out; it reads only the fields it knows, so an inventory can carry anything
 * else (PSComputerName, RunspaceId…) and nothing in it is ever run or fetched.
 */
import { formatCollectedAt } from '../../text/originText';
import { LIMITS } from '../../model/limits';
import type { Diagnostic, ParseError, TopologyDocument } from '../../model/types';
import { readAdapters } from './adapters';
import { ImportContext } from './context';
import { HostIndex } from './hosts';
import { IdRegistry } from './ids';
import { field, isObj, listSome, num, show, text, type Field } from './json';
import { readLiveMigration } from './migration';
import type { Build, NodeInfo } from './model';
import { readNetworks } from './networks';
import { inFormatOrder, readInterfaces } from './nics';
import { readNodes } from './nodes';
import { buildRouters } from './routers';
import { readRoutes } from './routes';
import { readSites } from './sites';
import { readV2 } from './v2';

export const INVENTORY_FORMAT = 'lm-cluster-inventory';
/** The newest inventory version this import reads; version 1 files import as before. */
export const INVENTORY_VERSION = 2;

export type InventoryResult =
  | { ok: true; document: TopologyDocument; diagnostics: Diagnostic[] }
  | { ok: false; errors: ParseError[] };

/** Format and version; false when this is not an inventory this import reads. */
function checkHeader(inv: Record<string, unknown>, ctx: ImportContext): boolean {
  const format = field(inv, 'format', '');
  const f = text(format.value);
  if (f === 'lm-topology') {
    ctx.error(format.path, 'This is a topology file, not a cluster inventory: open it as a topology instead of importing it.');
    return false;
  }
  if (f === undefined && ['nodes', 'networks', 'interfaces'].every((k) => field(inv, k, '').value !== undefined)) {
    ctx.assumed(format.path, `The file has no 'format' field; it is read as a cluster inventory because it has nodes, networks and interfaces.`);
  } else if (f === undefined) {
    ctx.error(format.path, `This is not a cluster inventory: it has no 'format' field. Import the lm-inventory.json file that the inventory script writes.`);
    return false;
  } else if (f.toLowerCase() !== INVENTORY_FORMAT) {
    ctx.error(format.path, `This is not a cluster inventory: 'format' is ${show(format.value)}, expected "${INVENTORY_FORMAT}". Import the lm-inventory.json file that the inventory script writes.`);
    return false;
  }
  const version = field(inv, 'version', '');
  const v = num(version.value);
  if (version.value === undefined || version.value === null) ctx.assumed(version.path, `The inventory has no 'version'; it is read as version ${INVENTORY_VERSION}.`);
  else if (v !== undefined && Number.isInteger(v) && v > INVENTORY_VERSION) {
    ctx.error(version.path, `This inventory is version ${v}, written by a newer inventory script; this app reads version ${INVENTORY_VERSION}. Use the script shown in this app, or a newer LM Path Visualizer.`);
    return false;
  } else if (v !== 1 && v !== 2) {
    ctx.error(version.path, `Unsupported inventory version ${show(version.value)}: this app reads versions 1 and ${INVENTORY_VERSION}.`);
    return false;
  }
  return true;
}

/** The IPv6 link-local values left out, in one note instead of one per address. */
function noteLinkLocal(b: Build): void {
  const { networks, addresses, nextHops } = b.linkLocal;
  if (networks.length + addresses + nextHops === 0) return;
  const parts = [
    networks.length > 0 ? `the link-local subnet of network${networks.length > 1 ? 's' : ''} ${listSome([...new Set(networks)])}` : '',
    addresses > 0 ? `${addresses} link-local interface address${addresses > 1 ? 'es' : ''}` : '',
    nextHops > 0 ? `${nextHops} route${nextHops > 1 ? 's' : ''} through a link-local gateway` : '',
  ].filter((p) => p !== '');
  b.ctx.dropped(
    '',
    `IPv6 link-local addresses (fe80::/10) were left out: ${parts.join(', ')}. Every link has the same link-local subnet, so the topology cannot tell those networks apart; give them a unique subnet by hand if live migration uses them.`,
  );
}

/**
 * Far more than any failover cluster has (64 nodes at most): a list longer than this is not an
 * inventory, and refusing it keeps the import fast whatever the file holds.
 */
const MAX_ITEMS: Record<string, number> = {
  faultDomains: 4096,
  nodes: 1024,
  networks: 1024,
  interfaces: 16384,
  adapters: 65536,
  routes: 262144,
  hosts: 1024,
  // The app's own limit (Windows Server: 8,000 per cluster): the topology could not hold more.
  vms: LIMITS.vms,
};

function section(inv: Record<string, unknown>, key: string, ctx: ImportContext): Field {
  const f = field(inv, key, '');
  const max = MAX_ITEMS[key];
  const count = Array.isArray(f.value) ? f.value.length : 0;
  if (max !== undefined && count > max) {
    ctx.error(
      f.path,
      key === 'vms'
        ? `The inventory lists ${count.toLocaleString('en-US')} VMs; this app opens at most ${max.toLocaleString('en-US')} (a Windows Server cluster has at most 8,000).`
        : `The inventory lists ${count} ${key}; no failover cluster has more than ${max}, so this file cannot be a cluster inventory.`,
    );
    return { value: null, path: f.path };
  }
  return f;
}

/** Maps a parsed inventory (any JSON value) to a topology document; never throws. */
export function inventoryToDocument(inventory: unknown): InventoryResult {
  try {
    return mapInventory(inventory);
  } catch (e) {
    // A bug, not bad input: still never throw at the caller.
    return { ok: false, errors: [{ path: '', message: `The inventory could not be imported (${e instanceof Error ? e.message : String(e)}).` }] };
  }
}

function mapInventory(inventory: unknown): InventoryResult {
  const ctx = new ImportContext();
  if (!isObj(inventory)) {
    return { ok: false, errors: [{ path: '', message: `A cluster inventory is a JSON object, not ${show(inventory)}. Import the lm-inventory.json file that the inventory script writes.` }] };
  }
  if (!checkHeader(inventory, ctx)) return { ok: false, errors: ctx.allErrors() };

  const sections = {
    faultDomains: section(inventory, 'faultDomains', ctx),
    nodes: section(inventory, 'nodes', ctx),
    networks: section(inventory, 'networks', ctx),
    interfaces: section(inventory, 'interfaces', ctx),
    adapters: section(inventory, 'adapters', ctx),
    routes: section(inventory, 'routes', ctx),
    hosts: section(inventory, 'hosts', ctx),
    vms: section(inventory, 'vms', ctx),
  };
  if (ctx.failed) return { ok: false, errors: ctx.allErrors() };

  const ids = new IdRegistry();
  const { sites, siteOf } = readSites(sections.faultDomains, ctx, ids);
  const b: Build = { ctx, ids, sites, siteOf, nodes: [], hosts: new HostIndex<NodeInfo>(), networks: [], nics: [], linkLocal: { networks: [], addresses: 0, nextHops: 0 } };

  readNodes(sections.nodes, b);
  readNetworks(sections.networks, b);
  readInterfaces(sections.interfaces, b);
  if (b.nodes.length === 0 && !ctx.failed) ctx.error('nodes', 'The inventory lists no cluster nodes. Run the inventory script on a node of the cluster, elevated.');
  if (ctx.failed) return { ok: false, errors: ctx.allErrors() };

  readAdapters(sections.adapters, b);
  const hops = readRoutes(sections.routes, b);
  const routers = buildRouters(hops, b);
  const liveMigration = readLiveMigration(field(inventory, 'migrationNetworkOrder', ''), field(inventory, 'migrationExcludeNetworks', ''), b);
  noteLinkLocal(b);
  const version = num(field(inventory, 'version', '').value) ?? 1;
  const v2 = readV2(inventory, version, { hosts: sections.hosts, vms: sections.vms }, liveMigration, b);

  const cluster = text(field(inventory, 'cluster', '').value);
  const collectedAt = text(field(inventory, 'collectedAt', '').value);
  const topology: TopologyDocument = {
    format: 'lm-topology',
    version: 1,
    name: cluster ?? 'Imported cluster',
    description: `Imported from the cluster inventory${cluster === undefined ? '' : ` of ${cluster}`}${collectedAt === undefined ? '' : `, collected ${formatCollectedAt(collectedAt)}`}.`,
  };
  if (b.sites.length > 0) topology.sites = b.sites;
  topology.nodes = b.nodes.map((n) => {
    const gbps = v2.physicalGbps.get(n.doc.id);
    return gbps === undefined ? n.doc : { ...n.doc, physicalBandwidthGbps: gbps };
  });
  topology.nics = b.nics.map((n) => inFormatOrder(n.doc));
  topology.networks = b.networks.map((n) => n.doc);
  if (routers.length > 0) topology.routers = routers;
  const lm = { ...liveMigration, ...v2.liveMigration };
  if (Object.keys(lm).length > 0) topology.liveMigration = lm;
  if (v2.vms.length > 0) topology.vms = v2.vms;
  // Provenance (cluster, builds, intents, MTUs) and the mode, kept as a top-level field of the file.
  // A version 1 file imports exactly as before: its cluster and time are in the description.
  if (version >= 2) topology.origin = v2.origin;
  return { ok: true, document: topology, diagnostics: ctx.allDiagnostics() };
}

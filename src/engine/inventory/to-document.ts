/**
 * inventoryToDocument: a parsed `lm-cluster-inventory` → an `lm-topology` document. Data in,
 * document and notes out; it reads only the fields it knows, so an inventory can carry anything
 * else (PSComputerName, RunspaceId…) and nothing in it is ever run or fetched.
 */
import type { Diagnostic, ParseError, TopologyDocument } from '../types';
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

export const INVENTORY_FORMAT = 'lm-cluster-inventory';
export const INVENTORY_VERSION = 1;

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
  } else if (f?.toLowerCase() !== INVENTORY_FORMAT) {
    ctx.error(format.path, `This is not a cluster inventory: 'format' is ${show(format.value)}, expected "${INVENTORY_FORMAT}". Import the lm-inventory.json file that the inventory script writes.`);
    return false;
  }
  const version = field(inv, 'version', '');
  const v = num(version.value);
  if (version.value === undefined || version.value === null) ctx.assumed(version.path, `The inventory has no 'version'; it is read as version ${INVENTORY_VERSION}.`);
  else if (v !== undefined && v > INVENTORY_VERSION) {
    ctx.error(version.path, `This inventory is version ${v}, written by a newer inventory script; this app reads version ${INVENTORY_VERSION}. Use the script shown in this app, or a newer LM Path Visualizer.`);
    return false;
  } else if (v !== INVENTORY_VERSION) {
    ctx.error(version.path, `Unsupported inventory version ${show(version.value)}: this app reads version ${INVENTORY_VERSION}.`);
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

function section(inv: Record<string, unknown>, key: string): Field {
  return field(inv, key, '');
}

export function inventoryToDocument(inventory: unknown): InventoryResult {
  const ctx = new ImportContext();
  if (!isObj(inventory)) {
    return { ok: false, errors: [{ path: '', message: `A cluster inventory is a JSON object, not ${show(inventory)}. Import the lm-inventory.json file that the inventory script writes.` }] };
  }
  if (!checkHeader(inventory, ctx)) return { ok: false, errors: ctx.allErrors() };

  const ids = new IdRegistry();
  const { sites, siteOf } = readSites(section(inventory, 'faultDomains'), ctx, ids);
  const b: Build = { ctx, ids, sites, siteOf, nodes: [], hosts: new HostIndex<NodeInfo>(), networks: [], nics: [], linkLocal: { networks: [], addresses: 0, nextHops: 0 } };

  readNodes(section(inventory, 'nodes'), b);
  readNetworks(section(inventory, 'networks'), b);
  readInterfaces(section(inventory, 'interfaces'), b);
  if (b.nodes.length === 0 && !ctx.failed) ctx.error('nodes', 'The inventory lists no cluster nodes. Run the inventory script on a node of the cluster, elevated.');
  if (ctx.failed) return { ok: false, errors: ctx.allErrors() };

  readAdapters(section(inventory, 'adapters'), b);
  const hops = readRoutes(section(inventory, 'routes'), b);
  const routers = buildRouters(hops, b);
  const liveMigration = readLiveMigration(section(inventory, 'migrationNetworkOrder'), section(inventory, 'migrationExcludeNetworks'), b);
  noteLinkLocal(b);

  const cluster = text(field(inventory, 'cluster', '').value);
  const collectedAt = text(field(inventory, 'collectedAt', '').value);
  const document: TopologyDocument = {
    format: 'lm-topology',
    version: 1,
    name: cluster ?? 'Imported cluster',
    description: `Imported from the cluster inventory${cluster === undefined ? '' : ` of ${cluster}`}${collectedAt === undefined ? '' : `, collected ${collectedAt}`}.`,
  };
  if (b.sites.length > 0) document.sites = b.sites;
  document.nodes = b.nodes.map((n) => n.doc);
  document.nics = b.nics.map((n) => inFormatOrder(n.doc));
  document.networks = b.networks.map((n) => n.doc);
  if (routers.length > 0) document.routers = routers;
  if (liveMigration !== undefined) document.liveMigration = liveMigration;
  return { ok: true, document, diagnostics: ctx.allDiagnostics() };
}

/**
 * MigrationNetworkOrder / MigrationExcludeNetworks: network GUIDs joined by `;` (older tools wrote
 * `,`), possibly empty or null. A GUID that names no network in the inventory — a network since
 * removed — is reported and skipped.
 */
import type { LiveMigrationDoc } from '../../model/types';
import { scalars, show, type Field } from './json';
import type { Build } from './model';
import { guidKey } from './networks';

function readGuids(f: Field, what: string, b: Build): string[] {
  const byGuid = new Map(b.networks.map((n) => [n.doc.id.toLowerCase(), n.doc.id]));
  const out: string[] = [];
  for (const entry of scalars(f)) {
    if (entry.text === undefined) {
      b.ctx.dropped(entry.path, `The ${what} holds ${show(entry.raw)}, which is not a network GUID; it was left out.`);
      continue;
    }
    const id = byGuid.get(guidKey(entry.text).toLowerCase());
    if (id === undefined) b.ctx.dropped(entry.path, `The ${what} names network ${entry.text}, which is not in the inventory; it was left out.`);
    else if (!out.includes(id)) out.push(id);
  }
  return out;
}

export function readLiveMigration(order: Field, exclude: Field, b: Build): LiveMigrationDoc | undefined {
  const networkOrder = readGuids(order, 'live migration network order', b);
  const excludedNetworks = readGuids(exclude, 'list of networks excluded from live migration', b);
  const lm: LiveMigrationDoc = {};
  if (networkOrder.length > 0) lm.networkOrder = networkOrder;
  if (excludedNetworks.length > 0) lm.excludedNetworks = excludedNetworks;
  return networkOrder.length + excludedNetworks.length > 0 ? lm : undefined;
}

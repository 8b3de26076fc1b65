/**
 * Failover Clustering enums as the inventory may hold them: as numbers (PowerShell 7, or 5.1
 * without the script's `[string]` casts) or as names (any case). Each table maps the cluster's
 * value to the topology's, keeping the cluster's name for messages.
 */
import { text, type Field } from './json';

export interface EnumTable<T> {
  /** What the values are, for messages: "node state". */
  what: string;
  /** Cluster value name → numeric value → topology value. */
  values: readonly (readonly [name: string, num: number, mapped: T])[];
  /** Other accepted spellings → cluster value name. */
  aliases?: Readonly<Record<string, string>>;
}

export type EnumRead<T> =
  | { kind: 'absent' }
  | { kind: 'ok'; value: T; name: string }
  | { kind: 'invalid'; message: string };

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function readEnum<T>(table: EnumTable<T>, f: Field): EnumRead<T> {
  if (f.value === undefined || f.value === null || f.value === '') return { kind: 'absent' };
  const s = typeof f.value === 'number' || typeof f.value === 'string' ? text(f.value) : undefined;
  if (s !== undefined) {
    const numeric = /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
    const key = norm(s);
    const wanted = table.aliases?.[key] ?? key;
    for (const [name, n, mapped] of table.values) {
      if (numeric !== undefined ? n === numeric : norm(name) === norm(wanted)) return { kind: 'ok', value: mapped, name };
    }
  }
  const accepted = table.values.map(([name, n]) => `${name} (${n})`).join(', ');
  return { kind: 'invalid', message: `is not a ${table.what} this import knows; expected one of ${accepted}` };
}

export const NODE_STATE: EnumTable<'up' | 'down' | 'paused'> = {
  what: 'node state',
  values: [
    ['Unknown', -1, 'down'],
    ['Up', 0, 'up'],
    ['Down', 1, 'down'],
    ['Paused', 2, 'paused'],
    ['Joining', 3, 'down'],
  ],
};

export const NETWORK_STATE: EnumTable<'up' | 'down'> = {
  what: 'cluster network state',
  values: [
    ['Unknown', -1, 'down'],
    ['Unavailable', 0, 'down'],
    ['Down', 1, 'down'],
    ['Partitioned', 2, 'up'],
    ['Up', 3, 'up'],
  ],
};

export const INTERFACE_STATE: EnumTable<'up' | 'down'> = {
  what: 'network interface state',
  values: [
    ['Unknown', -1, 'down'],
    ['Unavailable', 0, 'down'],
    ['Failed', 1, 'down'],
    ['Unreachable', 2, 'down'],
    ['Up', 3, 'up'],
  ],
};

/** `Client` (2) is not a valid role for a cluster network; it is imported as clusterAndClient, with a note. */
export const NETWORK_ROLE: EnumTable<'none' | 'cluster' | 'clusterAndClient'> = {
  what: 'cluster network role',
  values: [
    ['None', 0, 'none'],
    ['Cluster', 1, 'cluster'],
    ['Client', 2, 'clusterAndClient'],
    ['ClusterAndClient', 3, 'clusterAndClient'],
  ],
  // The Win32 names (CLUSTER_NETWORK_ROLE) of the same values.
  aliases: { internaluse: 'Cluster', clientaccess: 'Client', internalandclient: 'ClusterAndClient' },
};

/**
 * Structural checks of the document: types, required and unknown fields, enums. Each problem is
 * reported with its JSON path; nothing here throws, whatever the input.
 */
import type { ParseError } from './types';

export type Json = unknown;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length > 40 ? 'a long text' : `"${v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

export type FieldKind =
  | { type: 'string'; required?: boolean; nonEmpty?: boolean }
  | { type: 'enum'; values: readonly string[]; required?: boolean }
  | { type: 'number'; min?: number; max?: number; exclusiveMin?: number; integer?: boolean; required?: boolean }
  | { type: 'boolean'; required?: boolean }
  | { type: 'strings'; required?: boolean }
  | { type: 'list'; required?: boolean }
  /** A nested object, checked by the caller against its own shape. */
  | { type: 'object'; required?: boolean };

export type ElementShape = Record<string, FieldKind>;

export class Problems {
  readonly errors: ParseError[] = [];
  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }
}

/**
 * Checks one element object against its shape. Returns false when it is not an object at all.
 * `what` names the element for messages ("NIC 'n1-lm'").
 */
export function checkElement(value: unknown, shape: ElementShape, path: string, what: string, p: Problems): value is Record<string, unknown> {
  if (!isRecord(value)) {
    p.add(path, `${what} must be an object, not ${describe(value)}.`);
    return false;
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape, key)) {
      const known = Object.keys(shape).join(', ');
      p.add(`${path}.${key}`, `Unknown field '${key}' in ${what} (known fields: ${known}). Check the spelling: unknown fields are refused so that no data is silently dropped.`);
    }
  }
  for (const [key, kind] of Object.entries(shape)) {
    const v = value[key];
    const at = `${path}.${key}`;
    if (v === undefined) {
      if (kind.required) p.add(at, `${what} is missing the required field '${key}'.`);
      continue;
    }
    checkField(v, kind, at, `'${key}' of ${what}`, p);
  }
  return true;
}

function checkField(v: unknown, kind: FieldKind, at: string, label: string, p: Problems): void {
  switch (kind.type) {
    case 'string':
      if (typeof v !== 'string') p.add(at, `${label} must be text, not ${describe(v)}.`);
      else if (kind.nonEmpty && v.trim() === '') p.add(at, `${label} must not be empty.`);
      return;
    case 'enum':
      if (typeof v !== 'string' || !kind.values.includes(v))
        p.add(at, `${label} must be one of ${kind.values.map((x) => `'${x}'`).join(', ')}, not ${describe(v)}.`);
      return;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) p.add(at, `${label} must be a number, not ${describe(v)}.`);
      else if (kind.integer && !Number.isInteger(v)) p.add(at, `${label} must be a whole number, not ${v}.`);
      else if (kind.min !== undefined && kind.max !== undefined && (v < kind.min || v > kind.max)) p.add(at, `${label} must be from ${kind.min} to ${kind.max.toLocaleString('en-US')}, not ${v}.`);
      else if (kind.min !== undefined && v < kind.min) p.add(at, `${label} must be ${kind.min} or more, not ${v}.`);
      else if (kind.max !== undefined && v > kind.max) p.add(at, `${label} must be ${kind.max.toLocaleString('en-US')} or less, not ${v}.`);
      else if (kind.exclusiveMin !== undefined && v <= kind.exclusiveMin) p.add(at, `${label} must be more than ${kind.exclusiveMin}, not ${v}.`);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') p.add(at, `${label} must be true or false, not ${describe(v)}.`);
      return;
    case 'strings':
      if (!Array.isArray(v)) p.add(at, `${label} must be a list of text, not ${describe(v)}.`);
      else v.forEach((x, i) => typeof x !== 'string' && p.add(`${at}[${i}]`, `Each entry of ${label} must be text, not ${describe(x)}.`));
      return;
    case 'list':
      if (!Array.isArray(v)) p.add(at, `${label} must be a list, not ${describe(v)}.`);
      return;
    case 'object':
      if (!isRecord(v)) p.add(at, `${label} must be an object, not ${describe(v)}.`);
      return;
  }
}

/**
 * The range of every number of the format: what Windows can hold (with room to explore), and
 * what the planner, the reports and the scripts can represent — the fastest migration of the
 * largest VM and the slowest of the smallest stay finite, readable figures. A speed of 5e-324
 * or a pre-copy overhead of 1e300 broke the Maintenance tab and every export.
 */
export const RANGE = {
  /** Link and node speeds, compression's bound: 1 Mbps to 100 Tbps (the fastest adapters run at 800 Gbps). */
  gbps: { min: 0.001, max: 100_000 },
  /** A cluster network's metric: the cluster property is a UInt32. */
  metric: { min: 0, max: 4_294_967_295 },
  /** A VM's memory, GiB: 1 MiB to 256 TiB (a Generation 2 VM has at most 240 TB). */
  memoryGB: { min: 0.001, max: 262_144 },
  /** Transport efficiencies (compression's is its ratio): from 1 % to 10 times the wire speed. */
  efficiency: { min: 0.01, max: 10 },
  /** Memory copied again while the VM runs, as a share of its memory: up to 10 times. */
  precopyOverhead: { min: 0, max: 10 },
  /** The pause while a VM moves: up to an hour. */
  switchoverSeconds: { min: 0, max: 3600 },
} as const;

export const SHAPES = {
  site: { id: { type: 'string', required: true, nonEmpty: true }, name: { type: 'string', required: true } },
  node: {
    id: { type: 'string', required: true, nonEmpty: true },
    name: { type: 'string', required: true },
    site: { type: 'string' },
    state: { type: 'enum', values: ['up', 'down', 'paused'] },
    physicalBandwidthGbps: { type: 'number', ...RANGE.gbps },
  },
  nic: {
    id: { type: 'string', required: true, nonEmpty: true },
    node: { type: 'string', required: true },
    name: { type: 'string', required: true },
    addresses: { type: 'strings', required: true },
    speedGbps: { type: 'number', ...RANGE.gbps },
    rdma: { type: 'boolean' },
    state: { type: 'enum', values: ['up', 'down'] },
    routes: { type: 'list' },
  },
  route: { prefix: { type: 'string', required: true }, via: { type: 'string', required: true } },
  network: {
    id: { type: 'string', required: true, nonEmpty: true },
    name: { type: 'string', required: true },
    prefixes: { type: 'strings', required: true },
    role: { type: 'enum', values: ['none', 'cluster', 'clusterAndClient'] },
    metric: { type: 'number', integer: true, ...RANGE.metric },
    state: { type: 'enum', values: ['up', 'down'] },
    medium: { type: 'enum', values: ['switch', 'cable'] },
  },
  router: {
    id: { type: 'string', required: true, nonEmpty: true },
    name: { type: 'string', required: true },
    site: { type: 'string' },
    state: { type: 'enum', values: ['up', 'down'] },
    interfaces: { type: 'strings', required: true },
  },
  liveMigration: {
    networkOrder: { type: 'strings' },
    excludedNetworks: { type: 'strings' },
    transport: { type: 'enum', values: ['tcpip', 'compression', 'smb'] },
    maxParallelMigrations: { type: 'number', integer: true, min: 1, max: 64 },
    smbBandwidthLimitFactor: { type: 'number', integer: true, min: 0, max: 10000 },
    smbMultichannelNetworks: { type: 'strings' },
  },
  vm: {
    id: { type: 'string', required: true, nonEmpty: true },
    name: { type: 'string', required: true },
    node: { type: 'string', required: true },
    memoryGB: { type: 'number', required: true, ...RANGE.memoryGB },
    state: { type: 'enum', values: ['running', 'off'] },
  },
  planning: {
    efficiency: { type: 'object' },
    compressionMaxGbps: { type: 'number', ...RANGE.gbps },
    unknownSpeedGbps: { type: 'number', ...RANGE.gbps },
    precopyOverhead: { type: 'number', ...RANGE.precopyOverhead },
    switchoverSeconds: { type: 'number', ...RANGE.switchoverSeconds },
  },
  efficiency: {
    tcpip: { type: 'number', ...RANGE.efficiency },
    compression: { type: 'number', ...RANGE.efficiency },
    smb: { type: 'number', ...RANGE.efficiency },
  },
} as const satisfies Record<string, ElementShape>;

/**
 * Defaults of the (1.1) fields of the topology format (topology-format.md): what a file that does
 * not write them means. Windows' own defaults where the field mirrors a Windows setting.
 */
import type { LiveMigrationDoc, Planning, Topology, Transport } from './types';

/**
 * What the design states of live migration: the fields present in the file, before any default
 * above. The apply scripts change only these and leave the absent ones as the cluster has them
 * (decision 267).
 */
export const statedLiveMigration = ({ document: doc }: Topology): LiveMigrationDoc => doc.liveMigration ?? {};

/** Windows' default performance option (Hyper-V Settings → Live Migrations → Advanced Features). */
export const DEFAULT_TRANSPORT: Transport = 'compression';
/** Cluster property `MaximumParallelMigrations`, default 1 since Windows Server 2022. */
export const DEFAULT_MAX_PARALLEL_MIGRATIONS = 1;
/** Cluster property `SMBBandwidthLimitFactor`: 2500 hundredths of a percent = 25 %. */
export const DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR = 2500;
export const MAX_PARALLEL_MIGRATIONS_RANGE = { min: 1, max: 64 } as const;
export const SMB_BANDWIDTH_LIMIT_FACTOR_RANGE = { min: 0, max: 10000 } as const;
/** Network ATC's MaximumVirtualMachineMigrations: 1 (1-10) ("Manage Network ATC"). */
export const ATC_MAX_MIGRATIONS_RANGE = { min: 1, max: 10 } as const;

export const DEFAULT_PLANNING: Readonly<Planning> = Object.freeze({
  efficiency: Object.freeze({ tcpip: 0.8, compression: 1.6, smb: 0.9 }),
  compressionMaxGbps: 10,
  unknownSpeedGbps: 10,
  precopyOverhead: 0.1,
  switchoverSeconds: 1,
});

/** The assumptions behind a drain estimate, in words: the planner shows them, the report lists them. */
import type { Topology, Transport } from '../model/types';

export const TRANSPORT_NAME: Record<Transport, string> = { tcpip: 'TCP/IP', compression: 'Compression', smb: 'SMB' };

/** [what, value] rows; `sourceNodeId` makes the SMB limit concrete (its share of that node's bandwidth). */
export function assumptionRows(t: Topology, legacyTimeoutSeconds: number, sourceNodeId?: string): [string, string][] {
  const lm = t.liveMigration;
  const p = t.planning;
  const node = sourceNodeId === undefined ? undefined : t.index.nodes.get(sourceNodeId);
  const rows: [string, string][] = [
    ['Transport', `${TRANSPORT_NAME[lm.transport]} at ${p.efficiency[lm.transport]} × the wire rate${lm.transport === 'compression' ? `, at most ${p.compressionMaxGbps} Gbps (CPU)` : ''}`],
    ['Parallel migrations', `${lm.maxParallelMigrations} at a time per node`],
  ];
  if (lm.transport === 'smb')
    rows.push(['SMB bandwidth limit', lm.smbBandwidthLimitFactor > 0 ? `${lm.smbBandwidthLimitFactor / 100} % of ${node ? `${node.effectiveBandwidthGbps} Gbps` : "the node's physical bandwidth"}` : 'none']);
  rows.push(
    ['NIC speed when unknown', `${p.unknownSpeedGbps} Gbps`],
    ['Pre-copy overhead', `${Math.round(p.precopyOverhead * 1000) / 10} % of memory (pages dirtied while copying)`],
    ['Switchover', `${p.switchoverSeconds} s per VM`],
    ['Legacy timeout', `${legacyTimeoutSeconds} s per network that does not connect`],
  );
  return rows;
}

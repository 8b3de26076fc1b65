/**
 * planDrain (migration-time.md) on named fixtures with hand-checked figures, and every row of
 * ../shared/examples/expected-drains.json.
 */
import { describe, expect, it } from 'vitest';
import { planDrain, transferBits, type DrainPlan, type Mode, type TopologyDocument, type VmDoc } from '../../src/engine';
import { load, readFixture } from './helpers';

const GiB_BITS = 2 ** 30 * 8;

/** Three nodes on one switched 10 Gbps network `lm`; each on a 1 Gbps management network too (excluded). */
function switched3(extra: Partial<TopologyDocument> & { vms: VmDoc[] }): TopologyDocument {
  const nodes = [1, 2, 3].map((i) => ({ id: `n${i}`, name: `HV0${i}` }));
  const nics = [1, 2, 3].flatMap((i) => [
    { id: `n${i}-lm`, node: `n${i}`, name: 'LM', addresses: [`10.0.1.1${i}/24`], speedGbps: 10 },
    { id: `n${i}-mgmt`, node: `n${i}`, name: 'Mgmt', addresses: [`10.0.0.1${i}/24`], speedGbps: 1 },
  ]);
  return {
    format: 'lm-topology', version: 1, name: 'Switched 3', nodes, nics,
    networks: [{ id: 'mgmt', name: 'Management', prefixes: ['10.0.0.0/24'] }, { id: 'lm', name: 'LM', prefixes: ['10.0.1.0/24'] }],
    ...extra,
    liveMigration: { networkOrder: ['lm'], excludedNetworks: ['mgmt'], ...extra.liveMigration },
  };
}
const twoVms: VmDoc[] = [
  { id: 'vm-b', name: 'B', node: 'n1', memoryGB: 4 },
  { id: 'vm-a', name: 'A', node: 'n1', memoryGB: 8 },
];
const times = (p: DrainPlan) => Object.fromEntries(p.migrations.map((m) => [m.vmId, [m.destinationNodeId, m.startSeconds, m.transferEndSeconds, m.endSeconds]]));

describe('planDrain on hand-checked fixtures', () => {
  it('switched, TCP/IP, one slot: one VM after the other at 8 Gbps', () => {
    // Order: A (8 GB) then B (4 GB). Balanced: n2 and n3 both own 0 GB → A to n2 (tie by id), B to n3.
    // A: 8 × 2^30 × 8 × 1.1 = 75,591,424,409.6 bits at 10 × 0.8 = 8 Gbps = 9.44893 s, + 1 s switchover = 10.44893.
    // B: 37,795,712,204.8 bits / 8e9 = 4.72446 s; starts at 10.44893, ends 10.44893 + 4.72446 + 1 = 16.17339.
    const p = planDrain(load(switched3({ vms: twoVms, liveMigration: { transport: 'tcpip' } })), 'n1');
    const t = times(p);
    expect(t['vm-a']![0]).toBe('n2');
    expect(t['vm-b']![0]).toBe('n3');
    expect(p.migrations[0]!.endSeconds).toBeCloseTo(10.448928, 5);
    expect(p.migrations[1]!.startSeconds).toBeCloseTo(10.448928, 5);
    expect(p.totalSeconds).toBeCloseTo(16.173392, 5);
    expect(p.waitingSeconds).toBe(0);
    expect(p.migrations[0]!.averageGbps).toBeCloseTo(8, 9);
    expect(p.migrations[0]!.streams).toEqual([{ sourceNicId: 'n1-lm', destinationNicId: 'n2-lm', networkId: 'lm', rdma: false }]);
  });

  it('switched, compression, two slots: the source NIC is shared, then the ceiling binds', () => {
    // Both start at 0 and share n1's 10 Gbps NIC: 5 wire each × 1.6 = 8 Gbps (under the 10 Gbps ceiling).
    // B's 37.7957 Gbit are done at 4.72446 s (ends 5.72446). A has sent 37.7957 of 75.5914 Gbit; alone:
    // 10 × 1.6 = 16 → ceiling 10 Gbps → 3.77957 s more: transfer ends 8.50404, ends 9.50404.
    const p = planDrain(load(switched3({ vms: twoVms, liveMigration: { transport: 'compression', maxParallelMigrations: 2 } })), 'n1');
    expect(p.migrations[1]!.endSeconds).toBeCloseTo(5.724464, 5);
    expect(p.migrations[0]!.transferEndSeconds).toBeCloseTo(8.504035, 5);
    expect(p.totalSeconds).toBeCloseTo(9.504035, 5);
    // A's average: 75.5914 Gbit / 8.50404 s = 8.8889 Gbps.
    expect(p.migrations[0]!.averageGbps).toBeCloseTo(75.5914244096 / 8.50403524608, 6);
  });

  it('legacy pays the timeouts per VM: the network order lists a network the destination is not on', () => {
    // Order mgmt2 (only on n1 and n2), then lm. n1→n3: mgmt2 times out (20 s), lm connects; n1→n2 connects on mgmt2.
    // Destination n3 chosen: every VM pays 20 s. A: 20 + 9.44893 + 1 = 30.44893; B starts there:
    // 30.44893 + 20 + 4.72446 + 1 = 56.17339. Waiting: 40 s.
    const doc = switched3({ vms: twoVms, liveMigration: { transport: 'tcpip', networkOrder: ['mgmt2', 'lm'] } });
    doc.networks!.push({ id: 'mgmt2', name: 'Backup', prefixes: ['10.0.2.0/24'] });
    doc.nics!.push({ id: 'n1-b', node: 'n1', name: 'B', addresses: ['10.0.2.11/24'], speedGbps: 10 }, { id: 'n2-b', node: 'n2', name: 'B', addresses: ['10.0.2.12/24'], speedGbps: 10 });
    const t = load(doc);
    const legacy = planDrain(t, 'n1', { mode: 'legacy', destination: 'n3' });
    expect(legacy.migrations.map((m) => m.transferStartSeconds - m.startSeconds)).toEqual([20, 20]);
    expect(legacy.totalSeconds).toBeCloseTo(56.173392, 5);
    expect(legacy.waitingSeconds).toBe(40);
    const ws = planDrain(t, 'n1', { mode: 'ws2025', destination: 'n3' });
    // ws2025 connects at once: 16.17339, as in the first fixture.
    expect(ws.totalSeconds).toBeCloseTo(16.173392, 5);
    expect(ws.waitingSeconds).toBe(0);
  });

  it('with parallel slots legacy can finish a VM earlier: a VM waiting for timeouts leaves the SMB cap to the others', () => {
    // Networks in order mgmt2 (n1, n2 only) then lm; SMB, two slots, n1's physical bandwidth 40 → cap 10 Gbps.
    // A (8 GB) → n2 on mgmt2 plus an SMB Multichannel stream on lm; B (4 GB) → n3 on lm (20 s of timeouts in legacy).
    // ws2025: both transfer from 0, cap 5 each; B (n1-lm shared: 5 × 0.9 = 4.5) done at 37.7957 / 4.5 = 8.39905;
    // A sent 41.9952 at 5, then alone at 10 (cap): 33.5962 / 10 = 3.35962 → 11.75867, ends 12.75867.
    // legacy: A alone for 20 s at the full cap 10: 75.5914 / 10 = 7.55914, ends 8.55914 — earlier.
    const doc = switched3({ vms: twoVms, liveMigration: { transport: 'smb', maxParallelMigrations: 2, networkOrder: ['mgmt2', 'lm'] } });
    doc.networks!.push({ id: 'mgmt2', name: 'Backup', prefixes: ['10.0.2.0/24'] });
    doc.nics!.push({ id: 'n1-b', node: 'n1', name: 'B', addresses: ['10.0.2.11/24'], speedGbps: 10 }, { id: 'n2-b', node: 'n2', name: 'B', addresses: ['10.0.2.12/24'], speedGbps: 10 });
    doc.nodes![0]!.physicalBandwidthGbps = 40;
    const t = load(doc);
    const ws = planDrain(t, 'n1');
    const legacy = planDrain(t, 'n1', { mode: 'legacy' });
    expect(ws.migrations[0]!.destinationNodeId).toBe('n2');
    expect(legacy.migrations[0]!.destinationNodeId).toBe('n2');
    expect(ws.migrations[0]!.streams).toEqual(legacy.migrations[0]!.streams);
    expect(ws.migrations[0]!.endSeconds).toBeCloseTo(12.758666, 5);
    expect(legacy.migrations[0]!.endSeconds).toBeCloseTo(8.559142, 5);
  });

  it('SMB caps the source at a share of its physical bandwidth, split among migrations', () => {
    // physicalBandwidthGbps 40, factor 2500 → cap 10 Gbps; two slots → 5 each. Wire: 10/2 = 5 × 0.9 = 4.5 < 5.
    // So the NIC binds: B done at 37.7957/4.5 = 8.39905 s. Then A alone: min(10 × 0.9, 10) = 9 Gbps.
    // A sent 37.7957 Gbit, 37.7957 left / 9 = 4.19952 → transfer end 12.59857, end 13.59857.
    const doc = switched3({ vms: twoVms, liveMigration: { transport: 'smb', maxParallelMigrations: 2 } });
    doc.nodes![0]!.physicalBandwidthGbps = 40;
    const p = planDrain(load(doc), 'n1');
    expect(p.migrations[1]!.transferEndSeconds).toBeCloseTo(8.399047, 5);
    expect(p.totalSeconds).toBeCloseTo(13.598571, 5);
    // With the factor at 1000 (10 %): cap 4 → 2 each (binds: < 4.5); B at 2 Gbps: 18.89786 s; A alone then at
    // min(9, 4) = 4: 37.7957 left / 4 = 9.44893 → transfer end 28.34679, end 29.34679.
    doc.liveMigration!.smbBandwidthLimitFactor = 1000;
    expect(planDrain(load(doc), 'n1').totalSeconds).toBeCloseTo(29.346785, 5);
  });

  it('SMB Multichannel: a second like NIC pair on another network is a second stream', () => {
    // Add a second 10 Gbps network lm2 on every node: n1→n2 has streams on lm and lm2 → 20 wire × 0.9 = 18, no cap (factor 0).
    // A (one VM, one slot) to n2: 75.5914 / 18 = 4.19952 + 1 = 5.19952.
    const doc = switched3({ vms: [twoVms[1]!], liveMigration: { transport: 'smb', smbBandwidthLimitFactor: 0, networkOrder: ['lm', 'lm2'] } });
    doc.networks!.push({ id: 'lm2', name: 'LM 2', prefixes: ['10.0.3.0/24'] });
    for (const i of [1, 2, 3]) doc.nics!.push({ id: `n${i}-lm2`, node: `n${i}`, name: 'LM 2', addresses: [`10.0.3.1${i}/24`], speedGbps: 10 });
    const p = planDrain(load(doc), 'n1');
    expect(p.migrations[0]!.streams.map((s) => s.sourceNicId)).toEqual(['n1-lm', 'n1-lm2']);
    expect(p.totalSeconds).toBeCloseTo(5.199520, 5);
  });

  it('SMB Multichannel (1.2): the rates follow the streams on the excluded RDMA networks, not the live migration network', () => {
    // smb-multichannel.json, no cap (factor 0), one 8 GB VM on HV01: 75,591,424,409.6 bits.
    // → HV02: Storage A and B, 25 Gbps RDMA each: 50 × 0.9 = 45 Gbps → 1.679809 s + 1 = 2.679809 (the LM network alone: 9 Gbps, 9.399 s).
    // → HV03: Storage A only (HV03's Storage B port is 10 Gbps): 25 × 0.9 = 22.5 → 3.359619 + 1 = 4.359619.
    const doc = readFixture('smb-multichannel.json') as TopologyDocument;
    doc.liveMigration = { ...doc.liveMigration, smbBandwidthLimitFactor: 0 };
    doc.vms = [{ id: 'vm-a', name: 'A', node: 'n1', memoryGB: 8 }];
    const t = load(doc);
    const toN2 = planDrain(t, 'n1', { destination: 'n2' });
    expect(toN2.migrations[0]!.streams.map((s) => s.networkId)).toEqual(['storage-a', 'storage-b']);
    expect(toN2.totalSeconds).toBeCloseTo(2.679809, 5);
    const toN3 = planDrain(t, 'n1', { destination: 'n3' });
    expect(toN3.migrations[0]!.streams).toEqual([{ sourceNicId: 'n1-sa', destinationNicId: 'n3-sa', networkId: 'storage-a', rdma: true }]);
    expect(toN3.totalSeconds).toBeCloseTo(4.359619, 5);
    // Constrained to the live migration network: 10 × 0.9 = 9 Gbps → 8.399047 + 1.
    doc.liveMigration.smbMultichannelNetworks = ['lm'];
    expect(planDrain(load(doc), 'n1', { destination: 'n2' }).totalSeconds).toBeCloseTo(9.399047, 5);
  });

  it('an unknown NIC speed uses the planning assumption', () => {
    // No speedGbps anywhere, unknownSpeedGbps 25, tcpip efficiency 0.5 → 12.5 Gbps. A alone: 75.5914/12.5 = 6.04731 + 2 s switchover.
    const doc = switched3({ vms: [twoVms[1]!], liveMigration: { transport: 'tcpip' }, planning: { unknownSpeedGbps: 25, efficiency: { tcpip: 0.5 }, switchoverSeconds: 2 } });
    for (const n of doc.nics!) delete n.speedGbps;
    expect(planDrain(load(doc), 'n1').totalSeconds).toBeCloseTo(8.047314, 5);
  });

  it('balanced: least planned memory, counting running VMs already there; off VMs count nothing', () => {
    // n2 runs 10 GB, n3 runs 4 GB and has an off 64 GB VM. Drain n1 of 8 GB (A) and 4 GB (B) and an off 2 GB (C):
    // A → n3 (4 < 10; n3 now 12); B → n2 (10 < 12; now 14); C (off) → n3 (12 < 14), adds nothing, times 0.
    const vms: VmDoc[] = [
      ...twoVms,
      { id: 'vm-c', name: 'C', node: 'n1', memoryGB: 2, state: 'off' },
      { id: 'x', name: 'X', node: 'n2', memoryGB: 10 },
      { id: 'y', name: 'Y', node: 'n3', memoryGB: 4 },
      { id: 'z', name: 'Z', node: 'n3', memoryGB: 64, state: 'off' },
    ];
    const p = planDrain(load(switched3({ vms })), 'n1');
    expect(p.migrations.map((m) => [m.vmId, m.destinationNodeId])).toEqual([['vm-a', 'n3'], ['vm-b', 'n2'], ['vm-c', 'n3']]);
    expect(p.migrations[2]).toEqual({ vmId: 'vm-c', destinationNodeId: 'n3', startSeconds: 0, transferStartSeconds: 0, transferEndSeconds: 0, endSeconds: 0, streams: [], averageGbps: 0 });
  });

  it('orders by memory descending, then name, then id by code units (not locale)', () => {
    const vms: VmDoc[] = [
      { id: 'v2', name: 'b', node: 'n1', memoryGB: 4 },
      { id: 'v1', name: 'B', node: 'n1', memoryGB: 4 },
      { id: 'v4', name: 'B', node: 'n1', memoryGB: 4 },
      { id: 'v3', name: 'Z', node: 'n1', memoryGB: 16 },
    ];
    expect(planDrain(load(switched3({ vms })), 'n1').migrations.map((m) => m.vmId)).toEqual(['v3', 'v1', 'v4', 'v2']);
  });

  it('same-site preference: a node of the two-site example drains to its own site', () => {
    const doc = readFixture('two-site-routed.json') as TopologyDocument;
    const vms: VmDoc[] = [1, 2, 3, 4, 5].map((k) => ({ id: `v${k}`, name: `V${k}`, node: 'n1', memoryGB: 8 }));
    const p = planDrain(load({ ...doc, vms }), 'n1');
    expect(new Set(p.migrations.map((m) => m.destinationNodeId))).toEqual(new Set(['n2']));
    // With n2 down the other site takes them, balanced between n3 and n4 (each route has a path).
    const down = { ...doc, vms, nodes: doc.nodes!.map((n) => (n.id === 'n2' ? { ...n, state: 'down' as const } : n)) };
    expect(planDrain(load(down), 'n1').migrations.map((m) => m.destinationNodeId)).toEqual(['n3', 'n4', 'n3', 'n4', 'n3']);
  });

  it('failures: no destination, no path (legacy holds the slot), unknown source, no VMs', () => {
    const doc = switched3({ vms: twoVms, liveMigration: { transport: 'tcpip' } });
    const allDown = { ...doc, nodes: doc.nodes!.map((n) => (n.id === 'n1' ? n : { ...n, state: 'down' as const })) };
    const none = planDrain(load(allDown), 'n1');
    expect(none.migrations.map((m) => [m.failure, m.destinationNodeId, m.endSeconds])).toEqual([['no-destination', null, 0], ['no-destination', null, 0]]);
    expect(none.totalSeconds).toBe(0);

    // Chosen destination down: no path. ws2025 gives up at once; legacy the same (the selection's delay is 0 for a down node).
    const t = load(allDown);
    const ws = planDrain(t, 'n1', { destination: 'n2' });
    expect(ws.migrations.map((m) => [m.failure, m.destinationNodeId, m.endSeconds, m.streams])).toEqual([['no-path', 'n2', 0, []], ['no-path', 'n2', 0, []]]);

    // n3 up but its only NIC on lm down: legacy tries lm (the only network) and times out after 20 s per VM, one slot:
    // A holds the slot 0–20, B 20–40. Both count in waitingSeconds.
    const nicDown = { ...doc, nics: doc.nics!.map((n) => (n.id === 'n3-lm' ? { ...n, state: 'down' as const } : n)) };
    const legacy = planDrain(load(nicDown), 'n1', { mode: 'legacy', destination: 'n3' });
    expect(legacy.migrations.map((m) => [m.failure, m.startSeconds, m.transferStartSeconds, m.transferEndSeconds, m.endSeconds])).toEqual([
      ['no-path', 0, 20, 20, 20],
      ['no-path', 20, 40, 40, 40],
    ]);
    expect(legacy.waitingSeconds).toBe(40);
    expect(legacy.totalSeconds).toBe(40);

    expect(planDrain(t, 'nope', { mode: 'legacy' })).toEqual({ sourceNodeId: 'nope', mode: 'legacy', migrations: [], totalSeconds: 0, waitingSeconds: 0, failure: 'unknown-node' });
    expect(planDrain(t, 'n2')).toEqual({ sourceNodeId: 'n2', mode: 'ws2025', migrations: [], totalSeconds: 0, waitingSeconds: 0 });
  });
});

interface ExpectedDrain {
  topology: string;
  source: string;
  mode: Mode;
  totalSeconds: number;
  waitingSeconds: number;
  migrations: { vmId: string; destinationNodeId: string | null; startSeconds: number; endSeconds: number; streams: number }[];
}
const rows = readFixture('expected-drains.json') as ExpectedDrain[];
const ms = (x: number): number => Math.round(x * 1000) / 1000;

describe('expected drains from the shared examples', () => {
  it.each(rows.map((r) => [`${r.topology} ${r.source} ${r.mode}`, r] as const))('%s', (_name, row) => {
    const p = planDrain(load(readFixture(row.topology)), row.source, { mode: row.mode });
    expect(ms(p.totalSeconds)).toBe(row.totalSeconds);
    expect(ms(p.waitingSeconds)).toBe(row.waitingSeconds);
    expect(p.migrations.map((m) => ({ vmId: m.vmId, destinationNodeId: m.destinationNodeId, startSeconds: ms(m.startSeconds), endSeconds: ms(m.endSeconds), streams: m.streams.length }))).toEqual(row.migrations);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

it('transfer bits are GiB × 2^30 × 8 × (1 + overhead)', () => {
  // 64 × 8,589,934,592 = 549,755,813,888 bits; × 1.1.
  expect(transferBits(64, 0.1)).toBeCloseTo(64 * GiB_BITS * 1.1, 0);
  expect(transferBits(1, 0)).toBe(8589934592);
});

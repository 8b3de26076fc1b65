/** fast-check properties of the drain model (migration-time.md) on generated topologies with VMs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology, planDrain, timelineLanes, type DrainPlan, type Topology, type TopologyDocument, type Transport, type VmDoc } from '../../src/engine';
import { ratesAt, streamWire } from '../../src/engine/plan/rates';
import { topologyArb } from './arbitraries';

/** A generated topology with NIC speeds (some unknown), a transport, limits and VMs on its nodes. */
const planArb = fc
  .record({
    doc: topologyArb(),
    speeds: fc.array(fc.constantFrom(undefined, 1, 10, 10, 25, 25, 100), { minLength: 30, maxLength: 30 }),
    transport: fc.constantFrom<Transport>('tcpip', 'compression', 'smb'),
    slots: fc.integer({ min: 1, max: 4 }),
    factor: fc.constantFrom(0, 1000, 2500, 10000),
    vms: fc.array(fc.record({ node: fc.integer({ min: 0, max: 4 }), memoryGB: fc.constantFrom(2, 4, 8, 12, 16, 64), off: fc.constantFrom(false, false, false, true) }), { maxLength: 12 }),
  })
  .map(({ doc, speeds, transport, slots, factor, vms }): TopologyDocument => {
    const nodes = doc.nodes ?? [];
    const list: VmDoc[] = vms
      .filter((v) => v.node < nodes.length)
      .map((v, k) => ({ id: `vm${k}`, name: `VM${k % 5}`, node: nodes[v.node]!.id, memoryGB: v.memoryGB, ...(v.off ? { state: 'off' as const } : {}) }));
    return {
      ...doc,
      nics: (doc.nics ?? []).map((n, i) => (speeds[i % speeds.length] === undefined ? n : { ...n, speedGbps: speeds[i % speeds.length] })),
      liveMigration: { ...doc.liveMigration, transport, maxParallelMigrations: slots, smbBandwidthLimitFactor: factor },
      vms: list,
    };
  });

function parsed(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}
const sources = (t: Topology) => t.nodes.map((n) => n.id);
const slotted = (p: DrainPlan) => p.migrations.filter((m) => m.endSeconds > 0 || m.transferEndSeconds > 0 || m.streams.length > 0);

describe('drain properties', () => {
  it('with one slot the total is the sum of the durations, and each starts when the one before ends', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom<'ws2025' | 'legacy'>('ws2025', 'legacy'), (doc, mode) => {
        const t = parsed({ ...doc, liveMigration: { ...doc.liveMigration, maxParallelMigrations: 1 } });
        for (const s of sources(t)) {
          const p = planDrain(t, s, { mode });
          const ran = slotted(p);
          const sum = ran.reduce((a, m) => a + (m.endSeconds - m.startSeconds), 0);
          expect(p.totalSeconds).toBeCloseTo(sum, 6);
          ran.forEach((m, i) => i > 0 && expect(m.startSeconds).toBeCloseTo(ran[i - 1]!.endSeconds, 6));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('legacy never finishes a VM earlier than ws2025 when, one at a time, it and every VM before it go the same way in both modes', () => {
    // With parallel slots this is not a law of the model: a VM waiting for timeouts in legacy leaves
    // the NIC to the others, which can then finish earlier (see the named test below).
    fc.assert(
      fc.property(planArb, (doc) => {
        const t = parsed({ ...doc, liveMigration: { ...doc.liveMigration, maxParallelMigrations: 1 } });
        for (const s of sources(t)) {
          const ws = planDrain(t, s);
          const legacy = planDrain(t, s, { mode: 'legacy' });
          for (let i = 0; i < ws.migrations.length; i++) {
            const a = ws.migrations[i]!;
            const b = legacy.migrations[i]!;
            const same = (k: number) =>
              ws.migrations[k]!.destinationNodeId === legacy.migrations[k]!.destinationNodeId &&
              JSON.stringify(ws.migrations[k]!.streams) === JSON.stringify(legacy.migrations[k]!.streams) &&
              ws.migrations[k]!.failure === legacy.migrations[k]!.failure;
            if (a.failure || ![...Array(i + 1).keys()].every(same)) break;
            expect(b.endSeconds).toBeGreaterThanOrEqual(a.endSeconds - 1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('no NIC ever carries more than its speed', () => {
    const nic = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const speeds: Record<string, number> = { a: 1, b: 10, c: 25, d: 100, e: 10 };
    fc.assert(
      fc.property(fc.array(fc.array(fc.record({ sourceNicId: nic, destinationNicId: nic }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (migrations) => {
        const wire = streamWire(migrations, (id) => speeds[id]!);
        const load = new Map<string, number>();
        migrations.forEach((list, i) =>
          list.forEach((st, k) => {
            for (const id of new Set([st.sourceNicId, st.destinationNicId])) load.set(id, (load.get(id) ?? 0) + wire[i]![k]!);
          }),
        );
        for (const [id, gbps] of load) expect(gbps).toBeLessThanOrEqual(speeds[id]! + 1e-9);
        // And the migration rates of tcpip at efficiency 1 are exactly those wire sums.
        const rates = ratesAt(migrations, { transport: 'tcpip', efficiency: 1, compressionMaxGbps: 10, smbCapGbps: null, nicSpeed: (id) => speeds[id]! });
        rates.forEach((r, i) => expect(r).toBeCloseTo(wire[i]!.reduce((a, b) => a + b, 0), 9));
      }),
    );
  });

  it('an off VM takes no time and changes nothing for the others', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom<'ws2025' | 'legacy'>('ws2025', 'legacy'), (doc, mode) => {
        const t = parsed(doc);
        const without = parsed({ ...doc, vms: (doc.vms ?? []).filter((v) => v.state !== 'off') });
        for (const s of sources(t)) {
          const p = planDrain(t, s, { mode });
          for (const m of p.migrations)
            if (t.index.vms.get(m.vmId)!.state === 'off') expect([m.startSeconds, m.endSeconds, m.streams.length, m.failure]).toEqual([0, 0, 0, undefined]);
          const q = planDrain(without, s, { mode });
          expect(p.migrations.filter((m) => t.index.vms.get(m.vmId)!.state === 'running')).toEqual(q.migrations);
          expect(p.totalSeconds).toBe(q.totalSeconds);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same plan twice, whatever the order of the VMs in the file, and plain JSON', () => {
    fc.assert(
      fc.property(planArb, (doc) => {
        const t = parsed(doc);
        const reversed = parsed({ ...doc, vms: [...(doc.vms ?? [])].reverse() });
        for (const s of sources(t)) {
          const p = planDrain(t, s, { mode: 'legacy' });
          expect(planDrain(t, s, { mode: 'legacy' })).toEqual(p);
          expect(planDrain(reversed, s, { mode: 'legacy' })).toEqual(p);
          expect(JSON.parse(JSON.stringify(p))).toEqual(p);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the timeline needs no more lanes than slots, and the bars of a lane never overlap', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom<'ws2025' | 'legacy'>('ws2025', 'legacy'), (doc, mode) => {
        const t = parsed(doc);
        for (const s of sources(t)) {
          const lanes = timelineLanes(planDrain(t, s, { mode }));
          expect(lanes.length).toBeLessThanOrEqual(t.liveMigration.maxParallelMigrations);
          for (const lane of lanes) lane.forEach((m, i) => i > 0 && expect(m.startSeconds).toBeGreaterThanOrEqual(lane[i - 1]!.endSeconds - 1e-9));
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** Around planDrain: every node in turn, CSV, calibration, and the words for durations. */
import { describe, expect, it } from 'vitest';
import { calibrateEfficiency, compareSentence, drainCsv, drainEveryNode, everyNodeCsv, formatDuration, planDrain, type DrainPlan, type TopologyDocument } from '../../src/engine';
import { load, loadFixture, readFixture } from './helpers';

const vmsExample = () => loadFixture('switchless-3-node-vms.json');

describe('drainEveryNode', () => {
  it('drains each node from the design placement, both modes, and sums them', () => {
    const r = drainEveryNode(vmsExample());
    // n1 and n2 as in expected-drains.json. n3: APP03 (16 GB) → n2 (96 GB running) rather than n1 (104 GB).
    // n3 → n2 on Direct 2-3, SMB cap 25 % of 10 + 25 + 25 = 15 Gbps < 25 × 0.9: 16 × 2^30 × 8 × 1.1 / 15e9 = 10.0789 s + 1.
    // Legacy: Direct 1-2 and Direct 1-3 time out first (2 × 20 s) → 51.0789.
    const row = (id: string) => r.rows.find((x) => x.nodeId === id)!;
    expect(row('n1')).toMatchObject({ vmCount: 5, runningCount: 4, memoryGB: 104 });
    expect(row('n1').ws2025.totalSeconds).toBeCloseTo(66.513, 3);
    expect(row('n2').legacy).toMatchObject({ waitingSeconds: 80, stuck: 0 });
    expect(row('n3').ws2025.totalSeconds).toBeCloseTo(11.0789, 4);
    expect(row('n3').legacy.totalSeconds).toBeCloseTo(51.0789, 4);
    // Sums: 66.513 + 61.473 + 11.079 = 139.065; 88.355 + 101.473 + 51.079 = 240.907; waiting 60 + 80 + 40.
    expect(r.sums.ws2025.totalSeconds).toBeCloseTo(139.065, 2);
    expect(r.sums.legacy.totalSeconds).toBeCloseTo(240.907, 2);
    expect(r.sums.legacy.waitingSeconds).toBe(180);
    expect(r.sums).toMatchObject({ vmCount: 8, memoryGB: 216 });
    const csv = everyNodeCsv(vmsExample(), r).split('\r\n');
    expect(csv[3]).toBe('HV03,1,1,16,11.079,51.079,40,0,0');
    // 7 running VMs (DC01 is off); 139.065 and 240.907 s as above.
    expect(csv[4]).toBe('All nodes,8,7,216,139.065,240.907,180,0,0');
  });
});

describe('drainCsv', () => {
  it('writes one row per VM, with the figures and the networks', () => {
    const t = vmsExample();
    const lines = drainCsv(t, planDrain(t, 'n1')).split('\r\n');
    expect(lines[0]).toBe('VM,Memory (GB),State,Destination,Start (s),Transfer start (s),Transfer end (s),End (s),Waiting for timeouts (s),Copying (s),Switchover (s),Average rate (Gbps),Streams,Networks,Outcome');
    // SQL01: transfer 0 → 65.513, average 604.7314 Gbit / 65.5130 s = 9.231 Gbps.
    expect(lines[1]).toBe('SQL01,64,running,HV03,0,0,65.513,66.513,0,65.513,1,9.231,1,Direct 1-3,live migrated (estimate)');
    expect(lines[5]).toBe('DC01,4,off,HV03,0,0,0,0,0,0,0,0,0,,moved while off');
    expect(lines).toHaveLength(7);
  });
  it('quotes commas and neutralises spreadsheet formulas', () => {
    const doc = readFixture('switchless-3-node-vms.json') as TopologyDocument;
    doc.vms![0]!.name = '=HYPERLINK("x")';
    doc.vms![1]!.name = 'App, "one"';
    const t = load(doc);
    const csv = drainCsv(t, planDrain(t, 'n1'));
    expect(csv).toContain(`"'=HYPERLINK(""x"")",64`);
    expect(csv).toContain('"App, ""one""",16');
  });
});

describe('calibrateEfficiency', () => {
  const doc = (transport: 'tcpip' | 'compression'): TopologyDocument => ({
    ...(readFixture('switched-4-node.json') as TopologyDocument),
    liveMigration: { ...(readFixture('switched-4-node.json') as TopologyDocument).liveMigration, transport },
  });
  it('sets the efficiency that reproduces the measured seconds', () => {
    const t = load(doc('tcpip'));
    const sel = planDrain(load({ ...doc('tcpip'), vms: [{ id: 'v', name: 'V', node: 'n1', memoryGB: 8 }] }), 'n1', { destination: 'n2' });
    const wire = sel.migrations[0]!.averageGbps / 0.8;
    // 8 GB in 40 s: 75.5914 Gbit over 40 − 1 s switchover = 1.93824 Gbps; / wire = the efficiency.
    const c = calibrateEfficiency(t, { memoryGB: 8, sourceNodeId: 'n1', destinationNodeId: 'n2', seconds: 40 });
    expect(c).toMatchObject({ ok: true, transport: 'tcpip', before: 0.8 });
    if (!c.ok) return;
    expect(c.wireGbps).toBeCloseTo(wire, 9);
    expect(c.efficiency).toBeCloseTo(75.5914244096 / 39 / wire, 4);
    // Applying it, the model gives back the 40 s (to the 4 decimals the efficiency is rounded to).
    const again = load({ ...doc('tcpip'), planning: { efficiency: { tcpip: c.efficiency } }, vms: [{ id: 'v', name: 'V', node: 'n1', memoryGB: 8 }] });
    expect(planDrain(again, 'n1', { destination: 'n2' }).totalSeconds).toBeCloseTo(40, 1);
  });
  it('says why when the measurement cannot be reproduced', () => {
    const t = load(doc('compression'));
    const fast = calibrateEfficiency(t, { memoryGB: 8, sourceNodeId: 'n1', destinationNodeId: 'n2', seconds: 5 });
    // 75.59 Gbit in 4 s = 18.9 Gbps > the 10 Gbps compression ceiling.
    expect(fast).toEqual({ ok: false, message: 'That migration ran at 18.9 Gbps, faster than the compression ceiling (10 Gbps) allows in the model: raise that limit first.' });
    expect(calibrateEfficiency(t, { memoryGB: 8, sourceNodeId: 'n1', destinationNodeId: 'n2', seconds: 1 })).toMatchObject({ ok: false });
    expect(calibrateEfficiency(t, { memoryGB: 8, sourceNodeId: 'n1', destinationNodeId: 'n1', seconds: 60 })).toMatchObject({ ok: false, message: expect.stringContaining('no path') });
    expect(calibrateEfficiency(t, { memoryGB: 0, sourceNodeId: 'n1', destinationNodeId: 'n2', seconds: 60 })).toMatchObject({ ok: false });
  });
});

describe('words', () => {
  it.each([
    [750, '12 min 30 s'],
    [1560, '26 min'],
    [800, '13 min 20 s'],
    [3900, '1 h 5 min'],
    [7200, '2 h'],
    [45.4, '45 s'],
    [4.44, '4.4 s'],
    [0, '0 s'],
    [9_999 * 3600, '9999 h'],
    // A VM of 1e30 bytes gave "97777777777777800 h 58 min".
    [3.52e20, 'more than 10,000 h'],
    [10_000 * 3600, 'more than 10,000 h'],
  ])('%s s is "%s"', (s, text) => expect(formatDuration(s)).toBe(text));
  it('compares the two modes in one sentence', () => {
    const plan = (totalSeconds: number, waitingSeconds: number): DrainPlan => ({ sourceNodeId: 'n', mode: 'ws2025', migrations: [], totalSeconds, waitingSeconds });
    expect(compareSentence(plan(750, 0), plan(1560, 800))).toBe('Windows Server 2025: 12 min 30 s · legacy: 26 min, of which 13 min 20 s waiting for connection timeouts');
    expect(compareSentence(plan(60, 0), plan(60, 0))).toBe('Windows Server 2025: 1 min · legacy: 1 min, no time waiting for connection timeouts');
  });
  it('a mode in which no VM moves has no duration (issue 27)', () => {
    const gaveUp = { vmId: 'v', destinationNodeId: 'n3', startSeconds: 0, transferStartSeconds: 40, transferEndSeconds: 40, endSeconds: 40, streams: [], averageGbps: 0, failure: 'no-path' as const };
    const moved = { ...gaveUp, failure: undefined, endSeconds: 50 };
    const legacy: DrainPlan = { sourceNodeId: 'n', mode: 'legacy', migrations: [gaveUp, { ...gaveUp, vmId: 'w' }], totalSeconds: 480, waitingSeconds: 480 };
    const ws: DrainPlan = { sourceNodeId: 'n', mode: 'ws2025', migrations: [moved], totalSeconds: 50, waitingSeconds: 0 };
    expect(compareSentence(ws, legacy)).toBe('Windows Server 2025: 50 s · legacy: no VM moves (all 2 cannot): each gives up after its connection timeouts (8 min)');
  });
});

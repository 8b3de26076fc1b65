/** The drain clock (src/engine/plan/simulate.ts) and the rate rule (rates.ts) on hand-built inputs. */
import { describe, expect, it } from 'vitest';
import { simulate, type Job } from '../../src/engine/plan/simulate';
import { ratesAt, type RateSettings } from '../../src/engine/plan/rates';

const GB = 1e9;
const job = (bits: number, delay = 0, switchover = 0, givesUp = false): Job => ({ bits, delay, switchover, givesUp });
/** Every transferring job shares one 10 Gbps link equally. */
const shared10 = (idx: readonly number[]) => idx.map(() => 10 / idx.length);

describe('simulate', () => {
  it('runs one slot job after job', () => {
    // 10 Gbit at 10 Gbps = 1 s, + 1 s switchover → ends at 2; the next starts at 2 and ends at 4.
    const t = simulate([job(10 * GB, 0, 1), job(10 * GB, 0, 1)], 1, shared10);
    expect(t).toEqual([
      { startSeconds: 0, transferStartSeconds: 0, transferEndSeconds: 1, endSeconds: 2 },
      { startSeconds: 2, transferStartSeconds: 2, transferEndSeconds: 3, endSeconds: 4 },
    ]);
  });
  it('shares a link and re-rates when one transfer ends', () => {
    // A 20 Gbit, B 10 Gbit, both at 5 Gbps: B done at 2 s (ends 2.5 after switchover). A has 10 Gbit
    // left; alone at 10 Gbps from 2 s → transfer ends at 3, ends at 3.5.
    const t = simulate([job(20 * GB, 0, 0.5), job(10 * GB, 0, 0.5)], 2, shared10);
    expect(t[1]).toEqual({ startSeconds: 0, transferStartSeconds: 0, transferEndSeconds: 2, endSeconds: 2.5 });
    expect(t[0]!.transferEndSeconds).toBeCloseTo(3, 9);
    expect(t[0]!.endSeconds).toBeCloseTo(3.5, 9);
  });
  it('a migration in its initiation or switchover does not share the link', () => {
    // A: 20 s of timeouts, then 10 Gbit. B: 30 Gbit from 0, alone on the link while A waits:
    // 10 Gbps → done at 3. A transfers alone from 20 s: 1 s → 21.
    const t = simulate([job(10 * GB, 20), job(30 * GB)], 2, shared10);
    expect(t[1]!.endSeconds).toBeCloseTo(3, 9);
    expect(t[0]).toEqual({ startSeconds: 0, transferStartSeconds: 20, transferEndSeconds: 21, endSeconds: 21 });
  });
  it('a migration that gives up holds its slot for the whole delay', () => {
    // One slot: the first gives up after 40 s of timeouts; the second starts at 40 and takes 1 s.
    const t = simulate([job(99 * GB, 40, 1, true), job(10 * GB)], 1, shared10);
    expect(t[0]).toEqual({ startSeconds: 0, transferStartSeconds: 40, transferEndSeconds: 40, endSeconds: 40 });
    expect(t[1]).toEqual({ startSeconds: 40, transferStartSeconds: 40, transferEndSeconds: 41, endSeconds: 41 });
  });
  it('starts as many as there are slots, and the next ones at each end', () => {
    // Three slots, five 10 Gbit jobs on the shared link: three at 10/3 Gbps end together at 3 s;
    // the last two at 5 Gbps end at 3 + 2 = 5 s.
    const t = simulate([1, 2, 3, 4, 5].map(() => job(10 * GB)), 3, shared10);
    expect(t.map((x) => x.startSeconds.toFixed(6))).toEqual(['0.000000', '0.000000', '0.000000', '3.000000', '3.000000']);
    expect(t[4]!.endSeconds).toBeCloseTo(5, 9);
  });
});

describe('ratesAt', () => {
  const speeds: Record<string, number> = { a: 25, b: 25, c: 10, d: 10 };
  const base: RateSettings = { transport: 'tcpip', efficiency: 0.8, compressionMaxGbps: 10, smbCapGbps: null, nicSpeed: (id) => speeds[id]! };
  it('shares a NIC equally among its streams and takes the slower end', () => {
    // Two streams out of a (25 → 12.5 each); one ends on b (25), one on c (10, alone): min(12.5, 25) and
    // min(12.5, 10); × 0.8 → 10 and 8.
    expect(ratesAt([[{ sourceNicId: 'a', destinationNicId: 'b' }], [{ sourceNicId: 'a', destinationNicId: 'c' }]], base)).toEqual([10, 8]);
  });
  it('sums the streams of a migration', () => {
    // a→b 25 and c→d 10 = 35 wire × 0.9 = 31.5 (no cap).
    expect(ratesAt([[{ sourceNicId: 'a', destinationNicId: 'b' }, { sourceNicId: 'c', destinationNicId: 'd' }]], { ...base, transport: 'smb', efficiency: 0.9 })[0]).toBeCloseTo(31.5, 9);
  });
  it('bounds compression by its CPU ceiling per migration', () => {
    // 25 × 1.6 = 40 → min(40, 10) = 10.
    expect(ratesAt([[{ sourceNicId: 'a', destinationNicId: 'b' }]], { ...base, transport: 'compression', efficiency: 1.6 })).toEqual([10]);
  });
  it('splits the SMB cap equally among the migrations, handing nothing on', () => {
    // Cap 15 → 7.5 each. a→b: 25 × 0.9 = 22.5 → 7.5; c→d: 10 × 0.9 = 9 → 7.5.
    const r = ratesAt([[{ sourceNicId: 'a', destinationNicId: 'b' }], [{ sourceNicId: 'c', destinationNicId: 'd' }]], { ...base, transport: 'smb', efficiency: 0.9, smbCapGbps: 15 });
    expect(r).toEqual([7.5, 7.5]);
  });
});

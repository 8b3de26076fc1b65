/** The Path tab's wording and grouping, on the built-in examples. */
import { describe, expect, it } from 'vitest';
import { formatSeconds, selectMigrationPath, type Mode, type Topology } from '../../src/engine';
import { applyFailures } from '../../src/engine/model/whatif';
import { findExample } from '../../src/examples';
import {
  comparisonHeadline,
  delayText,
  groupWhy,
  legacyTimeline,
  linkText,
  ordinal,
  pathEnds,
  pathHops,
  pathSummary,
  shortReason,
  usageText,
} from '../../src/ui/path/explain';
import { load } from './helpers';

const example = (id: string, failed: string[] = []): Topology => load(applyFailures(findExample(id)!.document, failed));
const select = (t: Topology, s: string, d: string, mode: Mode, legacyTimeoutSeconds = 20) => selectMigrationPath(t, s, d, { mode, legacyTimeoutSeconds });

describe('formatting', () => {
  it.each([
    [0, '0 s'],
    [40, '40 s'],
    [2.5, '2.5 s'],
  ])('formatSeconds(%s) = %s', (n, text) => expect(formatSeconds(n)).toBe(text));
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [21, '21st'],
    [102, '102nd'],
  ])('ordinal(%s) = %s', (n, text) => expect(ordinal(n)).toBe(text));
});

describe('paths as text', () => {
  it('lists every hop of a routed path in order', () => {
    const t = example('two-site-routed');
    const c = select(t, 'n1', 'n3', 'ws2025').chosen!;
    expect(pathHops(t, c).map((h) => [h.kind, h.title, h.detail])).toEqual([
      ['nic', 'HV01 · Live Migration', '10.1.10.11'],
      ['network', 'Live Migration A', '10.1.10.0/24'],
      ['router', 'Router A', ''],
      ['router', 'Router B', ''],
      ['network', 'Live Migration B', '10.2.10.0/24'],
      ['nic', 'HV03 · Live Migration', '10.2.10.13'],
    ]);
    expect(pathSummary(t, c)).toBe("'Live Migration A' → 'Live Migration B' via Router A → Router B");
    expect(pathEnds(t, c)).toBe("HV01 'Live Migration' 10.1.10.11 → HV03 'Live Migration' 10.2.10.13");
    expect(linkText(t, c)).toBe('25 Gb/s');
  });

  it('names one network for a direct path; RDMA-capable ends are not "RDMA" unless the transport is SMB', () => {
    const t = example('switchless-3-node');
    const c = select(t, 'n2', 'n3', 'ws2025').chosen!;
    expect(pathHops(t, c).map((h) => h.kind)).toEqual(['nic', 'network', 'nic']);
    expect(pathSummary(t, c)).toBe("'Direct 2-3'");
    expect(linkText(t, c)).toBe('25 Gb/s · RDMA-capable, not used: the transport is Compression');
    const smb = load({ ...findExample('switchless-3-node')!.document, liveMigration: { networkOrder: ['link-12', 'link-13', 'link-23'], excludedNetworks: ['mgmt'], transport: 'smb' } });
    expect(linkText(smb, select(smb, 'n2', 'n3', 'ws2025').chosen!)).toBe('25 Gb/s · RDMA (SMB Direct)');
  });
});

describe('legacy timeline and delay', () => {
  it('switchless HV02→HV03: two timeouts, then the connect, 40 s', () => {
    const t = example('switchless-3-node');
    const legacy = select(t, 'n2', 'n3', 'legacy');
    const tl = legacyTimeline(t, legacy);
    expect(tl.bars.map((b) => [b.label, b.outcome, b.startPct, b.widthPct])).toEqual([
      ['Direct 1-2', 'timeout', 0, 50],
      ['Direct 1-3', 'timeout', 50, 50],
      ['Direct 2-3', 'connected', 100, 0],
    ]);
    expect(tl.bars[0]!.text).toBe('timed out after 20 s');
    expect(tl.bars.map((b) => b.reason)).toEqual(['destination node has no working address on it', 'source node has no working address on it', '']);
    expect(tl.bars[2]!.text).toBe('connected after 40 s');
    expect(tl.end).toEqual({ kind: 'connected', text: "Connects on 'Direct 2-3' after 40 s" });
    expect(comparisonHeadline(select(t, 'n2', 'n3', 'ws2025'), legacy)).toBe('Legacy: 40 s before the migration starts · 2025: immediately');
  });

  it('scales with the timeout', () => {
    const t = example('switchless-3-node');
    expect(delayText(select(t, 'n2', 'n3', 'legacy', 30))).toBe('60 s before the migration starts');
    expect(legacyTimeline(t, select(t, 'n2', 'n3', 'legacy', 0)).bars.map((b) => b.widthPct)).toEqual([0, 0, 0]);
  });

  it('two-site HV01→HV03: legacy finds no path and says when it gives up', () => {
    const t = example('two-site-routed');
    const legacy = select(t, 'n1', 'n3', 'legacy');
    expect(legacyTimeline(t, legacy).end).toEqual({ kind: 'failed', text: 'No network left: the migration fails after 40 s' });
    expect(comparisonHeadline(select(t, 'n1', 'n3', 'ws2025'), legacy)).toBe('Legacy: no path (fails after 40 s) · 2025: immediately');
  });

  it('says "neither node" when neither end is on a network legacy tries (issue 17)', () => {
    // Two-site HV03→HV04 (both in site B, on lm-b only): lm-a is tried first and times out; neither
    // HV03 nor HV04 has an address on it. HV01→HV03: lm-a misses HV03 only, lm-b misses HV01 only.
    const t = example('two-site-routed');
    expect(legacyTimeline(t, select(t, 'n3', 'n4', 'legacy')).bars.map((b) => b.reason)).toEqual(['neither node has a working address on it', '']);
    expect(legacyTimeline(t, select(t, 'n1', 'n3', 'legacy')).bars.map((b) => b.reason)).toEqual([
      'destination node has no working address on it',
      'source node has no working address on it',
    ]);
  });

  it('the connected network comes first when it is the most preferred', () => {
    const t = example('switched-4-node');
    const legacy = select(t, 'n1', 'n3', 'legacy');
    expect(legacyTimeline(t, legacy).bars.map((b) => b.text)).toEqual(['connected after 0 s']);
    expect(delayText(legacy)).toBe('immediately');
  });
});

describe('why, grouped by network', () => {
  it('one entry per network: preference order first, then the ineligible ones', () => {
    const t = example('switchless-3-node');
    const g = groupWhy(t, select(t, 'n2', 'n3', 'ws2025'));
    expect(g.networks.map((w) => [w.name, w.position, usageText(w), shortReason(w)])).toEqual([
      ['Direct 1-2', 0, 'Not used', 'destination node has no working address on it'],
      ['Direct 1-3', 1, 'Not used', 'source node has no working address on it'],
      ['Direct 2-3', 2, 'Used: chosen', ''],
      ['Management', null, 'Not used', 'excluded from live migration in the cluster settings'],
    ]);
    expect(g.networks[3]!.reasons[0]!.message).toBe("Network 'Management' is excluded from live migration (MigrationExcludeNetworks).");
    // Address pairs on different subnets without a route are normal while the pair has a path
    // (issue 17): folded into `quiet`, listed under no network.
    expect(g.networks.flatMap((w) => w.pairs)).toEqual([]);
    expect(g.quiet.map((e) => e.elementId)).toContain('n2-to1[10.12.0.2]→n3-to1[10.13.0.3]');
    expect(new Set(g.quiet.map((e) => e.reason))).toEqual(new Set(['no-route']));
    expect(g.other).toEqual([]);
  });

  it('numbers the fallbacks a network carries and the legacy attempt on it', () => {
    const t = example('two-site-16-node');
    const ws = groupWhy(t, select(t, 'a01', 'b01', 'ws2025'));
    const usage = Object.fromEntries(ws.networks.map((w) => [w.networkId, usageText(w)]));
    expect(usage['lm-a1']).toBe('Used: chosen · fallback 1');
    expect(usage['lm-b2']).toBe('Used: fallbacks 1, 3');
    const legacy = groupWhy(t, select(t, 'a01', 'b01', 'legacy'));
    expect(legacy.networks.find((w) => w.networkId === 'lm-b1')!.attempt).toEqual({ number: 3, outcome: 'timeout', seconds: 20 });
  });

  it('lists a failed NIC under its network', () => {
    const t = example('switchless-3-node', ['n3-to2']);
    const g = groupWhy(t, select(t, 'n2', 'n3', 'ws2025'));
    const w = g.networks.find((x) => x.networkId === 'link-23')!;
    expect(usageText(w)).toBe('Not used');
    expect(w.nics.map((e) => e.message)).toEqual(["NIC HV03 'Port to HV02' is down: it carries nothing."]);
    expect(shortReason(w)).toBe('destination node has no working address on it');
  });
});

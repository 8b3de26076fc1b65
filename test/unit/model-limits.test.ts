/**
 * Issue 24 — what the app accepts, it serves: every field has limits (VMs, origin text, every
 * number), the CSV guard catches TAB- and CR-led formulas, and the drawing's own ids cannot
 * collide with element ids. Each case below was accepted (or collided) before.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildDiagram, edgeId, isDrawingId, transitId } from '../../src/canvas/elements';
import { analyzeAllPairs, formatDuration, parseTopology, planDrain, type TopologyDocument } from '../../src/engine';
import { applyEdit, copyNodes } from '../../src/engine/edit';
import { buildReport } from '../../src/engine/io';
import { buildReportModel } from '../../src/engine/io/report/model';
import { EXAMPLES } from '../../src/examples';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { LIMITS } from '../../src/engine/model/limits';
import { selectChoices } from '../../src/engine/model/select';
import { csvCell } from '../../src/engine/plan/csv';
import { readFixture } from './helpers';

const base = (): TopologyDocument => readFixture('two-site-routed.json') as TopologyDocument;

function refusal(doc: unknown): { path: string; message: string }[] {
  const r = parseTopology(doc);
  if (r.ok) throw new Error('expected a refusal');
  return r.errors;
}

/** `count` VMs of 4 GB spread over the document's nodes in turn (or all on `node`). */
function withVms(doc: TopologyDocument, count: number, node?: string): TopologyDocument {
  const nodes = doc.nodes!.map((n) => n.id);
  return { ...doc, vms: Array.from({ length: count }, (_, i) => ({ id: `vm${i}`, name: `VM${i}`, node: node ?? nodes[i % nodes.length]!, memoryGB: 4 })) };
}

/** A cluster of `count` nodes on one network (addresses 10.0.y.z/16). */
function cluster(count: number): TopologyDocument {
  const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, name: `HV${i}` }));
  const nics = nodes.map((n, i) => ({ id: `${n.id}-lm`, node: n.id, name: 'LM', addresses: [`10.0.${i >> 8}.${(i & 255) + 1}/16`] }));
  return { format: 'lm-topology', version: 1, name: 'Big', nodes, nics };
}

describe('VM counts (Windows Server: 8,000 per cluster, 1,024 running on a host)', () => {
  it('accepts 10,000 VMs over 64 nodes and 2,048 on one node', () => {
    expect(LIMITS).toMatchObject({ vms: 10_000, vmsPerNode: 2_048 });
    expect(parseTopology(withVms(cluster(64), 10_000)).ok).toBe(true);
    expect(parseTopology(withVms(cluster(2), 2_048, 'n0')).ok).toBe(true);
  });

  it.each([
    ['10,001 VMs', withVms(cluster(64), 10_001), 'vms', 'The topology has 10,001 VMs; this app opens at most 10,000 (a Windows Server cluster has at most 8,000 VMs).'],
    ['140,800 VMs (the 9.75 MB file)', withVms(cluster(128), 140_800), 'vms', 'The topology has 140,800 VMs; this app opens at most 10,000'],
    ['2,049 VMs on one node', withVms(cluster(2), 2_049, 'n1'), 'vms', "Node 'n1' has 2,049 VMs; this app opens at most 2,048 per node (a Windows Server host runs at most 1,024)."],
  ] as [string, TopologyDocument, string, string][])('refuses %s', (_, doc, path, words) => {
    const errors = refusal(doc);
    expect(errors[0]!.path).toBe(path);
    expect(errors[0]!.message).toContain(words);
  });
});

describe('VM names and ids are held to the limits of every name', () => {
  it.each([
    ['NUL', 'SQL\u000001', 'control character (U+0000) at position 4'],
    ['CR', 'SQL\r01', 'control character (U+000D)'],
    ['LF', 'SQL\n01', 'control character (U+000A)'],
    ['RLO (evil‮gnp.exe shown as evilexe.png)', 'evil\u202egnp.exe', 'text-direction character (U+202E) at position 5'],
    ['a lone surrogate', 'SQL\ud80001', 'unpaired U+D800'],
    ['1,000,000 characters', 'W'.repeat(1_000_000), 'is 1,000,000 characters long; at most 200'],
    ['a noncharacter', 'SQL\ufdd001', 'U+FDD0, which is not a character'],
  ])('refuses a VM name with %s, naming the VM', (_, name, words) => {
    const doc = withVms(base(), 1);
    doc.vms![0]!.name = name;
    const errors = refusal(doc);
    expect(errors[0]!.path).toBe('vms[0].name');
    expect(errors[0]!.message).toContain("The name of VM 'vm0' ");
    expect(errors[0]!.message).toContain(words);
  });

  it('refuses a VM id with a line break', () => {
    const doc = withVms(base(), 1);
    doc.vms![0]!.id = 'vm\n1';
    expect(refusal(doc)[0]).toMatchObject({ path: 'vms[0].id', message: expect.stringContaining('The id of VM #1 contains an invisible control character (U+000A)') });
  });
});

describe('every number has a range the planner, the reports and the scripts can represent', () => {
  const set = (edit: (d: TopologyDocument) => void): TopologyDocument => {
    const d = withVms(base(), 2);
    edit(d);
    return d;
  };
  it.each([
    ['memoryGB 1e308', set((d) => (d.vms![0]!.memoryGB = 1e308)), 'vms[0].memoryGB', "'memoryGB' of VM 'vm0' must be from 0.001 to 262,144, not 1e+308."],
    ['memoryGB 5e-324', set((d) => (d.vms![0]!.memoryGB = 5e-324)), 'vms[0].memoryGB', 'must be from 0.001 to 262,144, not 5e-324.'],
    ['speedGbps 5e-324', set((d) => (d.nics![0]!.speedGbps = 5e-324)), 'nics[0].speedGbps', 'must be from 0.001 to 100,000, not 5e-324.'],
    ['speedGbps 1e300', set((d) => (d.nics![0]!.speedGbps = 1e300)), 'nics[0].speedGbps', 'must be from 0.001 to 100,000, not 1e+300.'],
    ['physicalBandwidthGbps 1e300', set((d) => (d.nodes![0]!.physicalBandwidthGbps = 1e300)), 'nodes[0].physicalBandwidthGbps', 'must be from 0.001 to 100,000'],
    ['a metric past UInt32', set((d) => (d.networks![0]!.metric = 2 ** 32)), 'networks[0].metric', 'must be from 0 to 4,294,967,295, not 4294967296.'],
    ['precopyOverhead 1e300', set((d) => (d.planning = { precopyOverhead: 1e300 })), 'planning.precopyOverhead', 'must be from 0 to 10, not 1e+300.'],
    ['switchoverSeconds 1e9', set((d) => (d.planning = { switchoverSeconds: 1e9 })), 'planning.switchoverSeconds', 'must be from 0 to 3,600, not 1000000000.'],
    ['an efficiency of 1e-300', set((d) => (d.planning = { efficiency: { smb: 1e-300 } })), 'planning.efficiency.smb', 'must be from 0.01 to 10, not 1e-300.'],
    ['compressionMaxGbps 1e308', set((d) => (d.planning = { compressionMaxGbps: 1e308 })), 'planning.compressionMaxGbps', 'must be from 0.001 to 100,000'],
    ['unknownSpeedGbps 5e-324', set((d) => (d.planning = { unknownSpeedGbps: 5e-324 })), 'planning.unknownSpeedGbps', 'must be from 0.001 to 100,000'],
  ] as [string, TopologyDocument, string, string][])('refuses %s', (_, doc, path, words) => {
    const errors = refusal(doc);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)!.message).toContain(words);
  });

  it('accepts the ends of every range', () => {
    const d = withVms(base(), 2);
    d.vms![0]!.memoryGB = 262_144;
    d.vms![1]!.memoryGB = 0.001;
    d.nics![0]!.speedGbps = 0.001;
    d.nics![1]!.speedGbps = 100_000;
    d.networks![0]!.metric = 4_294_967_295;
    d.planning = { precopyOverhead: 10, switchoverSeconds: 3600, efficiency: { tcpip: 0.01, compression: 10 }, compressionMaxGbps: 100_000, unknownSpeedGbps: 0.001 };
    expect(parseTopology(d).ok).toBe(true);
  });
});

describe("origin text (an inventory's record of the cluster)", () => {
  const withOrigin = (origin: unknown): TopologyDocument => ({ ...base(), origin });
  it('refuses a 200,000-character cluster name with RLO, NUL and CR/LF, naming it', () => {
    const errors = refusal(withOrigin({ source: 'lm-cluster-inventory', cluster: `CLU\u202e\u0000\r\n${'x'.repeat(200_000)}` }));
    expect(errors[0]).toEqual({ path: 'origin.cluster', message: "The imported cluster's name is 200,007 characters long; at most 200 are accepted." });
    expect(refusal(withOrigin({ source: 'lm-cluster-inventory', cluster: 'CLU\u202e01' }))[0]!.message).toContain("The imported cluster's name contains an invisible text-direction character (U+202E)");
  });

  it('refuses a control character in any text or key of the origin, naming where', () => {
    expect(refusal(withOrigin({ source: 'lm-cluster-inventory', hosts: { n1: { osCaption: 'Windows\r\nServer' } } }))[0]).toMatchObject({ path: 'origin.hosts.n1.osCaption' });
    expect(refusal(withOrigin({ source: 'lm-cluster-inventory', nicMtu: { 'n1\u0000': 1500 } }))[0]).toMatchObject({ path: 'origin.nicMtu' });
  });

  it('accepts an origin of ordinary text', () => {
    expect(parseTopology(withOrigin({ source: 'lm-cluster-inventory', cluster: 'CLU-ROLL', hosts: { n1: { osCaption: 'Microsoft Windows Server 2025 Datacenter', osBuild: 26100 } } })).ok).toBe(true);
  });
});

describe('fields this app does not define: bounded in size, not only in depth', () => {
  it('refuses 60,000 unknown top-level keys (450,000 made each edit take 1.7 s), accepts 40,000 values', () => {
    const huge = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, i]));
    const errors = refusal({ ...base(), ...huge });
    expect(errors[0]!.message).toContain('hold more than 50,000 values');
    expect(parseTopology({ ...base(), notes: Array.from({ length: 40_000 }, (_, i) => i) }).ok).toBe(true);
    expect(refusal({ ...base(), notes: Array.from({ length: 60_000 }, (_, i) => i) })[0]).toMatchObject({ path: 'notes' });
  });
});

describe('the inventory import', () => {
  const inventory = (): Record<string, unknown> =>
    JSON.parse(new TextDecoder().decode(readFileSync(new URL('../fixtures/inventory/ps7-v2-atc.json', import.meta.url))).replace(/^\uFEFF/, '')) as Record<string, unknown>;

  it('leaves out a VM of 1e30 bytes with a note (it showed as a drain of 97777777777777800 h)', () => {
    const inv = inventory();
    const vms = inv.vms as Record<string, unknown>[];
    vms[0] = { ...vms[0], MemoryAssigned: 1e30 };
    const r = parseClusterInventory(JSON.stringify(inv));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.topology.vms.length).toBe(vms.length - 1);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/was left out: its memory \(1e\+30 bytes\) is more than any VM can have/);
  });

  it('refuses 10,001 VMs with a message in the inventory terms (65,536 were accepted)', () => {
    const inv = inventory();
    const one = (inv.vms as Record<string, unknown>[])[0]!;
    inv.vms = Array.from({ length: 10_001 }, (_, i) => ({ ...one, Name: `VM${i}` }));
    const r = parseClusterInventory(JSON.stringify(inv));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toBe('The inventory lists 10,001 VMs; this app opens at most 10,000 (a Windows Server cluster has at most 8,000).');
  });
});

describe('the CSV guard', () => {
  it.each([
    ['=1+1', "\"'=1+1\""],
    ["\t=cmd|' /C calc'!A0", "\"'\t=cmd|' /C calc'!A0\""],
    ['\r=cmd', "\"'\r=cmd\""],
    ['-2', "\"'-2\""],
    ['SQL01', 'SQL01'],
  ])('writes %j as text', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe("the drawing's ids cannot collide with element ids", () => {
  it('gives a NIC x on network y:z and a NIC x:y on network z two edges (they shared one)', () => {
    const doc: TopologyDocument = {
      format: 'lm-topology',
      version: 1,
      nodes: [{ id: 'n1', name: 'HV1' }, { id: 'n2', name: 'HV2' }],
      nics: [
        { id: 'x', node: 'n1', name: 'A', addresses: ['10.0.0.1/24'] },
        { id: 'x:y', node: 'n2', name: 'B', addresses: ['10.0.1.2/24'] },
      ],
      networks: [
        { id: 'y:z', name: 'Net YZ', prefixes: ['10.0.0.0/24'] },
        { id: 'z', name: 'Net Z', prefixes: ['10.0.1.0/24'] },
      ],
    };
    const r = parseTopology(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = buildDiagram(r.topology);
    expect(m.edges.map((e) => [e.source, e.target])).toEqual([['x', 'y:z'], ['x:y', 'z']]);
    expect(new Set(m.edges.map((e) => e.id)).size).toBe(2);
  });

  it("keeps a site named like a transit subnet ('subnet:172.16.0.0/30') apart from the subnet", () => {
    const doc = base();
    const old = doc.sites![0]!.id;
    doc.sites![0]!.id = 'subnet:172.16.0.0/30';
    for (const list of [doc.nodes!, doc.routers!]) for (const el of list) if (el.site === old) el.site = 'subnet:172.16.0.0/30';
    const r = parseTopology(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = buildDiagram(r.topology);
    expect(m.byId.get('subnet:172.16.0.0/30')).toMatchObject({ kind: 'site', lines: [doc.sites![0]!.name] });
    expect(m.byId.get(transitId('172.16.0.0/30'))).toMatchObject({ kind: 'transit', lines: ['172.16.0.0/30'] });
  });

  it('property: for any ids the parser accepts, edge and transit ids are distinct from each other and from every element id', () => {
    // Ids made of the characters that built the old ids (':', 'e', 'subnet'), and any other text.
    const piece = fc.oneof(fc.constantFrom(':', 'e', 'subnet', 'e:', 'subnet:', '::', '/'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }));
    const id = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 4, maxLength: 12 }), (ids) => {
        const accepted = ids.filter((x) => parseTopology({ format: 'lm-topology', version: 1, sites: [{ id: x, name: 'S' }] }).ok);
        const drawn = new Map<string, string>();
        const claim = (key: string, what: string): void => {
          expect(drawn.get(key), `${what} collides with ${drawn.get(key)}`).toBeUndefined();
          drawn.set(key, what);
        };
        for (const x of accepted) {
          expect(isDrawingId(x)).toBe(false);
          claim(x, `element ${x}`);
        }
        for (const from of accepted) {
          claim(transitId(from), `transit ${from}`);
          for (const to of accepted) claim(edgeId(from, to), `edge ${from} → ${to}`);
          for (const to of accepted) claim(edgeId(from, transitId(to)), `edge ${from} → transit ${to}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('extreme numbers within the ranges never break the planner or the reports', () => {
  it('plans and exports a design at the ends of every range', () => {
    const d = withVms(base(), 6);
    d.vms![0]!.memoryGB = 262_144;
    d.vms![1]!.memoryGB = 0.001;
    for (const nic of d.nics!) nic.speedGbps = 0.001;
    d.nodes![0]!.physicalBandwidthGbps = 100_000;
    d.liveMigration = { ...d.liveMigration, transport: 'smb' };
    d.planning = { precopyOverhead: 10, switchoverSeconds: 3600, efficiency: { tcpip: 0.01, compression: 0.01, smb: 0.01 }, compressionMaxGbps: 0.001, unknownSpeedGbps: 0.001 };
    const r = parseTopology(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.topology;
    const source = d.vms![0]!.node;
    for (const mode of ['ws2025', 'legacy'] as const) {
      const plan = planDrain(t, source, { mode });
      expect(Number.isFinite(plan.totalSeconds)).toBe(true);
      expect(formatDuration(plan.totalSeconds)).toMatch(/^(more than 10,000 h|\d+ h( \d+ min)?|\d+ min( \d+ s)?|[\d.]+ s)$/);
    }
    const { markdown, html } = buildReport(t, analyzeAllPairs(t), r.diagnostics, {});
    expect(html).toContain('</html>');
    expect(`${markdown}${html}`).not.toMatch(/\d{6,} h|Infinity|NaN/);
  });
});

describe('the report builds its pair rows without every full selection', () => {
  it.each(EXAMPLES.map((e) => [e.id]))('%s: the rows are those of the full selections, and all.pairs() is not called', (id) => {
    const r = parseTopology(EXAMPLES.find((e) => e.id === id)!.document);
    if (!r.ok) throw new Error(id);
    const t = r.topology;
    const all = analyzeAllPairs(t);
    const expected = buildReportModel(t, all, []).pairs;
    const spy = vi.spyOn(all, 'pairs');
    expect(buildReportModel(t, all, []).pairs).toEqual(expected);
    expect(spy).not.toHaveBeenCalled();
    // The choices it reads are the full selections without their exclusions, in both modes.
    for (const p of all.pairs()) {
      const light = selectChoices(t, p.sourceNodeId, p.destinationNodeId);
      expect(light.ws2025).toEqual({ ...p.ws2025, excluded: [] });
      expect({ ...light.legacy, initiationDelaySeconds: p.legacy.initiationDelaySeconds }).toEqual({ ...p.legacy, excluded: [] });
    }
  });
});

describe('pasting past 128 nodes', () => {
  it('is refused with a message about the paste, not about a file', () => {
    const doc = withVms(cluster(127), 0);
    const clip = copyNodes(doc, ['n0', 'n1'])!;
    const r = applyEdit(doc, { type: 'paste', clip });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toBe('Pasting these 2 nodes would make 129; a design holds at most 128 nodes (a Windows Server cluster has at most 64). Paste fewer, or delete nodes first.');
    expect(applyEdit(doc, { type: 'paste', clip: copyNodes(doc, ['n0'])! }).ok).toBe(true);
  });
});

describe('fuzzing: VMs, origin text and extreme numbers', () => {
  it('property: any VMs, origin and numbers are refused with messages, or planned and exported with finite figures', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('evil\u202egnp.exe', 'SQL\u000001', 'a\r\nb', '\ud800', '\ufdd0', '\t=cmd|\' /C calc\'!A0', 'W'.repeat(201)),
    );
    const number = fc.oneof(fc.double(), fc.constantFrom(0, -1, 1e300, 5e-324, 1e308, Number.MAX_SAFE_INTEGER, 0.001, 262_144, 100_000, 2 ** 32), fc.double({ min: 0.001, max: 1000, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: hostile, memoryGB: number, off: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.record({ cluster: hostile, caption: hostile, speed: number, overhead: number, efficiency: number, metric: number }),
        (vms, o) => {
          const d = base();
          const nodes = d.nodes!.map((n) => n.id);
          d.vms = vms.map((v, i) => ({ id: `vm${i}`, name: v.name, node: nodes[i % nodes.length]!, memoryGB: v.memoryGB, ...(v.off ? { state: 'off' as const } : {}) }));
          d.origin = { source: 'lm-cluster-inventory', cluster: o.cluster, hosts: { [nodes[0]!]: { osCaption: o.caption } } };
          d.nics![0]!.speedGbps = o.speed;
          d.networks![0]!.metric = o.metric;
          d.planning = { precopyOverhead: o.overhead, efficiency: { compression: o.efficiency } };
          const r = parseTopology(d);
          if (!r.ok) {
            for (const e of r.errors) expect(e.message.length).toBeGreaterThan(10);
            return;
          }
          const t = r.topology;
          for (const mode of ['ws2025', 'legacy'] as const) {
            const plan = planDrain(t, nodes[0]!, { mode });
            expect(Number.isFinite(plan.totalSeconds)).toBe(true);
          }
          const { markdown, html } = buildReport(t, analyzeAllPairs(t), r.diagnostics, {});
          expect(`${markdown}${html}`).not.toMatch(/Infinity|NaN|\d{6,} h/);
        },
      ),
      { numRuns: 40 },
    );
  });
});

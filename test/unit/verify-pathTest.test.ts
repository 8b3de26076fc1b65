/**
 * The path test result beside a design: reading lm-path-test.json as both PowerShell versions
 * write it, refusing another cluster's file, predicted against measured, and the findings.
 * Fixtures: test/fixtures/path-test/ — the switched 4-node design tested pair by pair, with two
 * mismatches written in: HV01 → HV03 on Storage 2 timed out (Windows gave up after 21 s), and
 * HV02 → HV04 on Storage 1 was refused.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/engine/edit';
import { prepare, rankedPaths } from '../../src/engine/model/select';
import { comparePathTest, MAX_ATTEMPTS, MAX_PATH_TEST_BYTES, parsePathTest, readPathTest, type ConnectAttempt, type PathTestRecord } from '../../src/engine/io/verify';
import type { Topology } from '../../src/engine';
import { topologyArb } from './arbitraries';
import { fixturePath, load, loadFixture } from './helpers';

const design = loadFixture('switched-4-node.json');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(`path-test/${name}`)));

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function read(input: string | Uint8Array, t: Topology = design): PathTestRecord {
  const r = parsePathTest(input, t, 'lm-path-test.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.record;
}

const ps51 = bytes('switched-4-node.ps51.json');
const ps7 = bytes('switched-4-node.ps7.json');
const ps51Text = new TextDecoder().decode(ps51).replace(/^\uFEFF/, '');

describe('parsePathTest: the shapes both PowerShell versions write', () => {
  it.each([
    ['Windows PowerShell 5.1 (UTF-8 with BOM, names, a Count-wrapped list, one port as a bare value)', ps51],
    ['PowerShell 7 (UTF-8, enums as numbers, remoting fields)', ps7],
    ['Out-File (UTF-16 LE with BOM)', utf16le(ps51Text)],
  ])('%s', (_label, input) => {
    const record = read(input);
    // 4 nodes × 3 other nodes × 3 destination addresses × 3 source addresses of the same family.
    expect(record.attempts).toHaveLength(108);
    expect(record.cluster).toBe('CLU-SW4');
    expect(record.collectedOn).toBe('HV01');
    expect(record.timeoutSeconds).toBe(25);
    const timedOut = record.attempts.find((a) => a.source === 'HV01' && a.destination === 'HV03' && a.sourceAddress === '10.10.2.11' && a.destinationAddress === '10.10.2.13')!;
    expect(timedOut).toMatchObject({ outcome: 'timed-out', seconds: 21.03, windowsGaveUp: true });
    const capped = record.attempts.find((a) => a.sourceAddress === '10.0.0.11' && a.destinationAddress === '10.10.1.12')!;
    expect(capped).toMatchObject({ outcome: 'timed-out', seconds: 25, windowsGaveUp: false });
  });

  it('keeps the file notes (a Count-wrapped list in 5.1)', () => {
    expect(read(ps51).notes).toEqual(['HV04: WinRM answered slowly (test only)']);
  });

  it.each([
    ['an inventory', '{"format":"lm-cluster-inventory","version":2}', /cluster inventory, not a path test/],
    ['a topology', '{"format":"lm-topology","version":1}', /topology file/],
    ['another format', '{"format":"x"}', /not a path test result/],
    ['a newer version', '{"format":"lm-path-test","version":2,"results":[]}', /version 2; this app reads version 1/],
    ['not JSON', '<html>', /not valid JSON.*lm-path-test\.json/],
    ['empty', '', /empty/],
  ])('refuses %s with a clear message', (_l, text, message) => {
    const r = parsePathTest(text, design);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(message);
  });

  it('refuses a file from another cluster: by cluster name against an imported design', () => {
    const imported = load({ ...design.document, origin: { source: 'lm-cluster-inventory', cluster: 'CLU-OTHER' } });
    const r = parsePathTest(ps7, imported);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/made on cluster 'CLU-SW4'; the design on screen is cluster 'CLU-OTHER'/);
    // The same cluster, written fully qualified and in another case, is the same.
    expect(parsePathTest(ps7, load({ ...design.document, origin: { source: 'lm-cluster-inventory', cluster: 'clu-sw4.corp.example' } })).ok).toBe(true);
  });

  it('refuses a file from another cluster: not one node of the file is in the design', () => {
    const other = ps51Text.replace(/"HV0(\d)"/g, '"SQL0$1"');
    const r = parsePathTest(other, design);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/None of the nodes in this path test \(SQL01, SQL02, SQL03, SQL04\) is a node of the design/);
  });

  it('lists entries it cannot read instead of dropping them silently', () => {
    const text = JSON.stringify({ format: 'lm-path-test', version: 1, results: [{ Source: 'HV01', Destination: 'HV02', SourceAddress: '10.10.1.11', DestinationAddress: '10.10.1.12', Port: 6600, Outcome: 'Maybe' }] });
    const r = parsePathTest(text, design);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.record.attempts).toHaveLength(0);
      expect(r.record.notes[0]).toMatch(/results\[0\]: Outcome "Maybe" is not a connection outcome/);
      expect(r.notes.join(' ')).toMatch(/1 entry of the file could not be read/);
    }
  });
});

describe('comparePathTest: predicted against measured', () => {
  it.each([['5.1', ps51], ['7', ps7]])('finds the two mismatches of the fixture (PowerShell %s), first, in the administrator’s words', (_v, input) => {
    const c = comparePathTest(design, read(input));
    expect(c.mismatches).toBe(2);
    expect(c.rows.slice(0, 2).map((r) => r.message)).toEqual([
      "HV01 → HV03 on 'Storage 2': the design says it connects (direct); the test timed out after 21 s (10.10.2.11 → 10.10.2.13, port 6600) — check the port, VLAN or cable.",
      "HV02 → HV04 on 'Storage 1': the design says it connects (direct); the connection was refused (10.10.1.12 → 10.10.1.14, port 6600) — the address answers but nothing listens on port 6600: is live migration enabled on HV04 (Get-VMHost) and on this network, and the port open in its firewall?",
    ]);
    expect(c.rows.slice(2).every((r) => !r.mismatch)).toBe(true);
    // 12 pairs × 3 networks of the destination (Management included, excluded from live migration).
    expect(c.rows).toHaveLength(36);
    expect(c.findings.map((f) => [f.code, f.elementIds])).toEqual([
      ['measured-mismatch', ['n1', 'n3', 'storage-2']],
      ['measured-mismatch', ['n2', 'n4', 'storage-1']],
    ]);
    expect(c.unmatched).toEqual([]);
    // Windows gave up once, after 21.03 s; the attempts the script's own 25 s ended do not count.
    expect(c.windowsTimeoutSeconds).toBe(21);
    expect(c.windowsTimeoutSamples).toBe(1);
  });

  it('says what an excluded network did, without a finding', () => {
    const c = comparePathTest(design, read(ps7));
    const mgmt = c.rows.find((r) => r.sourceNodeId === 'n1' && r.destinationNodeId === 'n2' && r.networkId === 'mgmt')!;
    expect(mgmt.predicted).toMatchObject({ eligible: false, connects: false, why: 'excluded from live migration' });
    expect(mgmt.measured.outcome).toBe('connected');
    expect(mgmt.mismatch).toBe(false);
  });

  it('a connection the design says cannot exist is a mismatch too', () => {
    // Storage 2's NIC of HV03 is down in the design, yet it answers.
    const down = load({ ...design.document, nics: design.document.nics!.map((n) => (n.id === 'n3-s2' ? { ...n, state: 'down' as const } : n)) });
    const record = read(ps7, down);
    const c = comparePathTest(down, record);
    const row = c.rows.find((r) => r.sourceNodeId === 'n2' && r.destinationNodeId === 'n3' && r.networkId === 'storage-2')!;
    expect(row.mismatch).toBe(true);
    expect(row.message).toMatch(/^HV02 → HV03 on 'Storage 2': the design says there is no path \(HV03's NIC on it is down in the design\); the test connected in \d+ ms from 10\.10\.2\.12 to 10\.10\.2\.13/);
  });

  it('lists observations that match nothing in the design, never drops them', () => {
    const record = read(ps7);
    const extra: ConnectAttempt[] = [
      { source: 'HV09', sourceAddress: '10.10.1.19', destination: 'HV01', destinationAddress: '10.10.1.11', port: 6600, outcome: 'connected', seconds: 0.001 },
      { source: 'HV01', sourceAddress: '10.10.1.11', destination: 'HV02', destinationAddress: '10.10.9.12', port: 6600, outcome: 'refused', seconds: 0.001 },
    ];
    const c = comparePathTest(design, { ...record, attempts: [...record.attempts, ...extra] });
    expect(c.unmatched.map((u) => u.why)).toEqual(["node 'HV09' is not in the design", '10.10.9.12 is not an address of HV02 in the design']);
    expect(c.findings.at(-1)).toMatchObject({ code: 'measured-unmatched' });
    expect(c.findings.at(-1)!.message).toMatch(/^2 connections of the path test match nothing in the design/);
  });
});

describe('observations kept with the design', () => {
  it('an import is one undoable edit of the top-level field; clearing removes it', () => {
    const record = read(ps51);
    const r = applyEdit(design.document, { type: 'set-path-test', record });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(readPathTest(r.document)?.attempts).toHaveLength(108);
    // Everything else is the same object: the design did not change.
    expect(r.document.nics).toBe(design.document.nics);
    const round = load(JSON.parse(JSON.stringify(r.document)));
    expect(readPathTest(round.document)).toEqual(record);
    const cleared = applyEdit(r.document, { type: 'set-path-test', record: null });
    expect(cleared.ok && 'observations' in cleared.document).toBe(false);
  });
});

// ------------------------------------------------------------------------------ properties

/** What a cluster that behaves exactly as the design predicts would measure: every address pair of the same family. */
function faithfulRecord(t: Topology): PathTestRecord {
  const p = prepare(t);
  const attempts: ConnectAttempt[] = [];
  for (const s of t.nodes)
    for (const d of t.nodes) {
      if (s === d) continue;
      const predicted = new Set(rankedPaths(p, s.id, d.id, null).map((x) => `${x.sourceAddress}|${x.destinationAddress}`));
      for (const sa of t.addresses.filter((a) => a.nodeId === s.id))
        for (const da of t.addresses.filter((a) => a.nodeId === d.id)) {
          if (sa.family !== da.family) continue;
          const ok = predicted.has(`${sa.address}|${da.address}`);
          attempts.push({ source: s.name, sourceAddress: sa.address, destination: d.name, destinationAddress: da.address, port: 6600, outcome: ok ? 'connected' : 'timed-out', seconds: ok ? 0.001 : 21, windowsGaveUp: !ok });
        }
    }
  return { format: 'lm-path-test', version: 1, attempts, notes: [] };
}

describe('properties', () => {
  it('a measured result that matches the prediction never produces a finding', () => {
    fc.assert(
      fc.property(topologyArb(), (doc) => {
        const t = load(doc);
        const c = comparePathTest(t, faithfulRecord(t));
        expect(c.findings).toEqual([]);
        expect(c.rows.every((r) => !r.mismatch)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('10,000 mutated files: never an uncaught error, always a result or errors', () => {
    // A third of the fixture's connections: every shape is there, and 10,000 runs stay quick on a busy machine.
    const full = JSON.parse(new TextDecoder().decode(ps7)) as Record<string, unknown>;
    const base: Record<string, unknown> = { ...full, results: (full.results as unknown[]).slice(0, 36) };
    const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, '', 'TimedOut', 7, -1, 1e308, '10.0.0.1%3', 'fe80::1%12', [], {}));
    const mutation = fc.tuple(fc.constantFrom('top', 'result', 'field', 'bytes'), fc.nat(), fc.constantFrom('format', 'version', 'results', 'notes', 'cluster', 'Outcome', 'Seconds', 'Source', 'Port', 'SourceAddress', 'Error'), junk);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (steps) => {
        const v = structuredClone(base);
        let text: string | null = null;
        for (const [where, n, key, generated] of steps) {
          // A copy: a generated value may be placed twice (and a field set inside it), which would make a cycle.
          const value: unknown = structuredClone(generated);
          const results = Array.isArray(v.results) ? (v.results as Record<string, unknown>[]) : [];
          if (where === 'top') v[key] = value;
          else if (where === 'result' && results.length > 0) results[n % results.length] = value as Record<string, unknown>;
          else if (where === 'field' && results.length > 0 && results[n % results.length] && typeof results[n % results.length] === 'object') results[n % results.length]![key] = value;
          else if (where === 'bytes') {
            const s = JSON.stringify(v);
            text = s.slice(0, n % (s.length + 1));
          }
        }
        const r = parsePathTest(text ?? JSON.stringify(v), design);
        if (r.ok) {
          expect(Array.isArray(r.record.attempts)).toBe(true);
          comparePathTest(design, r.record);
        } else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  }, 600_000);

  it('random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const r = parsePathTest(b, design);
        expect(r.ok ? r.record.attempts : r.errors[0]!.message).toBeTruthy();
      }),
      { numRuns: 2000 },
    );
  });
});


describe('size limits', () => {
  it('refuses more connections than a design keeps, saying what to run instead', () => {
    const one = { Source: 'HV01', Destination: 'HV02', SourceAddress: '10.10.1.11', DestinationAddress: '10.10.1.12', Port: 6600, Outcome: 'Connected', Seconds: 0.001 };
    const r = parsePathTest(JSON.stringify({ format: 'lm-path-test', version: 1, results: Array.from({ length: MAX_ATTEMPTS + 1 }, () => one) }), design);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/holds 12001 connections; at most 12000 are kept with a design\. Run Test-LmPaths\.ps1 with its default scope/);
  });
  it('refuses a file larger than it could be', () => {
    const r = parsePathTest(new Uint8Array(MAX_PATH_TEST_BYTES + 1), design);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/too large to be a path test result/);
  });
});

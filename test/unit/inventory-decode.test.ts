/**
 * Bytes to text: the encodings Windows tools write, and inputs no tool should write.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { decodeInventory, MAX_INPUT_BYTES } from '../../src/engine/io/inventory/decode';

const MINIMAL = readFileSync(new URL('../fixtures/inventory/minimal.json', import.meta.url), 'utf8');

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let i = 0;
  if (bom) {
    out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    i = 2;
  }
  for (let k = 0; k < text.length; k++, i += 2) {
    const c = text.charCodeAt(k);
    out[i] = order === 'le' ? c & 0xff : c >> 8;
    out[i + 1] = order === 'le' ? c >> 8 : c & 0xff;
  }
  return out;
}

const decoded = (input: unknown): string => {
  const r = decodeInventory(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.text;
};

describe('decodeInventory', () => {
  const text = '{"cluster": "Clúster Ñ 🚀"}';

  it.each<[string, Uint8Array | string]>([
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16 LE with BOM', utf16(text, 'le', true)],
    ['UTF-16 BE with BOM', utf16(text, 'be', true)],
    ['UTF-16 LE without BOM', utf16(text, 'le', false)],
    ['UTF-16 BE without BOM', utf16(text, 'be', false)],
    ['text', text],
    ['text with BOM', `\uFEFF${text}`],
  ])('reads %s', (_, input) => {
    expect(decoded(input)).toBe(text);
  });

  it('reads ANSI (Windows-1252) text, with a note', () => {
    // "Réseau" as Set-Content without -Encoding writes it on a Western European system
    const bytes = new Uint8Array([...new TextEncoder().encode('{"cluster": "R'), 0xe9, ...new TextEncoder().encode('seau"}')]);
    const r = decodeInventory(bytes);
    expect(r).toEqual({ ok: true, text: '{"cluster": "Réseau"}', notes: [expect.stringContaining('read as Windows-1252')] });
  });

  it('refuses what is too large to be an inventory', () => {
    expect(decodeInventory(new Uint8Array(MAX_INPUT_BYTES + 1))).toEqual({ ok: false, error: { path: '', message: 'The file is too large to be a cluster inventory.' } });
  });
});

describe('parseClusterInventory on unusual input', () => {
  it('passes the ANSI note on to the user', () => {
    const latin1 = Uint8Array.from(MINIMAL.replace('CLU-MIN', 'CLU-Sé'), (ch) => ch.charCodeAt(0));
    const r = parseClusterInventory(latin1);
    expect(r.ok && r.topology.name).toBe('CLU-Sé');
    expect(r.ok && r.diagnostics[0]).toMatchObject({ code: 'assumed', path: '', message: expect.stringContaining('Windows-1252') });
  });

  it('survives very deep nesting', () => {
    const deep = `{"format":"lm-cluster-inventory","version":1,"nodes":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const r = parseClusterInventory(deep);
    expect(r.ok).toBe(false);
  });

  it('survives huge numbers and long strings', () => {
    const inv = JSON.parse(MINIMAL) as Record<string, unknown>;
    const text = JSON.stringify(inv)
      .replace('"LinkSpeedBps":25000000000', '"LinkSpeedBps":1e400')
      .replace('"Metric":70000', '"Metric":123456789012345678901234567890')
    // A metric past the cluster's UInt32 is no metric a cluster has: refused, naming the network.
    const r = parseClusterInventory(text);
    expect(!r.ok && r.errors[0]!.message).toBe('The metric of network Management, 1.2345678901234568e+29, is not a whole number from 0 to 4,294,967,295.');
    const ok = parseClusterInventory(text.replace('123456789012345678901234567890', '70000'));
    expect(ok.ok && ok.topology.networks[0]?.metric).toBe(70000);
    expect(ok.ok && ok.topology.nics.find((n) => n.id === 'n1-lm')?.speedGbps).toBeNull();
    // A name longer than any the app shows is refused with a message, not taken in.
    const long = parseClusterInventory(text.replace('123456789012345678901234567890', '70000').replace('"CLU-MIN"', JSON.stringify('x'.repeat(1_000_000))));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.errors.map((e) => e.message).join(' ')).toContain('at most 200 are accepted');
  });

  it('takes nothing from the inventory as code: __proto__ and constructor are just unknown fields', () => {
    const text = MINIMAL.replace('"cluster": "CLU-MIN",', '"cluster": "CLU-MIN", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},').replace(
      '{ "Name": "N1", "State": "Up" }',
      '{ "Name": "N1", "State": "Up", "__proto__": {"State": "Down"} }',
    );
    const r = parseClusterInventory(text);
    expect(r.ok && r.topology.nodes[0]?.state).toBe('up');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/**
 * What the import refuses, and how it says so: the JSON path of the value to fix and a message a
 * cluster administrator understands. Decoding problems come first, then the inventory's content.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inventoryToDocument, parseClusterInventory } from '../../src/engine/io/inventory';
import type { ParseError } from '../../src/engine/model/types';

type Rec = Record<string, unknown>;
interface Inv extends Rec {
  nodes: Rec[];
  networks: Rec[];
  interfaces: Rec[];
}
const MINIMAL = readFileSync(new URL('../fixtures/inventory/minimal.json', import.meta.url), 'utf8');
const base = (): Inv => JSON.parse(MINIMAL) as Inv;
function at(list: Rec[], i: number): Rec {
  const el = list[i];
  if (el === undefined) throw new Error(`no element ${i}`);
  return el;
}

function errorsOf(input: string | Uint8Array): ParseError[] {
  const r = parseClusterInventory(input);
  if (r.ok) throw new Error('expected the import to be refused');
  return r.errors;
}
function mappingErrors(mutate: (inv: Inv) => void): ParseError[] {
  const inv = base();
  mutate(inv);
  const r = inventoryToDocument(inv);
  if (r.ok) throw new Error('expected the inventory to be refused');
  // The public entry gives the same answer from the file's text.
  expect(errorsOf(JSON.stringify(inv))).toEqual(r.errors);
  return r.errors;
}

describe('files that are not an inventory', () => {
  it.each<[string, string | Uint8Array, string]>([
    ['no bytes', new Uint8Array(0), 'The file is empty'],
    ['only a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf]), 'The file is empty'],
    ['blank text', '  \r\n', 'The file is empty'],
    ['broken JSON', '{\n  "format": "lm-cluster-inventory",\n  "version": 1 2\n}', 'The file is not valid JSON (line 3, column 16)'],
    ['cut-off JSON', '{\n  "format": "lm-cluster-inventory",\n  "nodes": [', 'The file is not valid JSON (it ends too early: was it cut off?)'],
    ['JSON with a bad token', '{"format": tru}', 'The file is not valid JSON. Import the lm-inventory.json file'],
    ['XML (Export-Clixml)', '<Objs Version="1.1.0.1"></Objs>', 'It looks like XML or HTML'],
    ['a list', '[1, 2]', 'A cluster inventory is a JSON object, not a list'],
    ['a number', '42', 'not 42'],
    ['null', 'null', 'not null'],
    ['no format', '{"version": 1, "nodes": []}', `This is not a cluster inventory: it has no 'format' field`],
    ['a topology file', '{"format": "lm-topology", "version": 1}', 'This is a topology file, not a cluster inventory'],
    ['another format', '{"format": "lm-cluster-inventry", "version": 1}', `'format' is "lm-cluster-inventry", expected "lm-cluster-inventory"`],
    ['a newer version', '{"format": "lm-cluster-inventory", "version": 3}', 'This inventory is version 3, written by a newer inventory script'],
    ['a nonsense version', '{"format": "lm-cluster-inventory", "version": "one"}', 'Unsupported inventory version "one"'],
    ['no nodes at all', '{"format": "lm-cluster-inventory", "version": 1, "nodes": null}', 'The inventory lists no cluster nodes'],
  ])('%s', (_, input, message) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(message);
  });

  it('points at the field for format and version', () => {
    expect(errorsOf('{"format": "x"}')[0]?.path).toBe('format');
    expect(errorsOf('{"format": "lm-cluster-inventory", "version": 7}')[0]?.path).toBe('version');
  });

  it('does not take anything but text or bytes', () => {
    expect(parseClusterInventory(42 as unknown as string)).toEqual({ ok: false, errors: [{ path: '', message: expect.stringContaining('expected the text or the bytes') }] });
    expect(parseClusterInventory(new TextEncoder().encode(MINIMAL).buffer as unknown as Uint8Array).ok).toBe(true);
  });
});

describe('values that cannot be imported', () => {
  it.each<[string, (inv: Inv) => void, string, string]>([
    ['a node that is not an object', (inv) => void (inv.nodes[1] = 'N2' as unknown as Rec), 'nodes[1]', `Each entry of 'nodes' must be an object`],
    ['a node without Name', (inv) => void delete at(inv.nodes, 0).Name, 'nodes[0].Name', 'This node has no Name'],
    ['an unknown node state', (inv) => void (at(inv.nodes, 1).State = 'Sleeping'), 'nodes[1].State', 'The state of node N2, "Sleeping", is not a node state this import knows; expected one of Unknown (-1), Up (0), Down (1), Paused (2), Joining (3)'],
    ['a node state number out of range', (inv) => void (at(inv.nodes, 1).State = 9), 'nodes[1].State', 'The state of node N2, 9, is not a node state'],
    ['a network that is not an object', (inv) => void (inv.networks[0] = [] as unknown as Rec), 'networks[0]', `Each entry of 'networks' must be an object`],
    ['a prefix length out of range', (inv) => void (at(inv.networks, 1).Ipv4PrefixLengths = [33]), 'networks[1].Ipv4PrefixLengths[0]', 'Network Live Migration: 33 is not a prefix length for 10.0.10.0 (a whole number from 0 to 32)'],
    ['a bare prefix length that is not a number', (inv) => void (at(inv.networks, 1).Ipv4PrefixLengths = 'x'), 'networks[1].Ipv4PrefixLengths', '"x" is not a prefix length'],
    ['a fractional prefix length', (inv) => void (at(inv.networks, 1).Ipv4PrefixLengths = [24.5]), 'networks[1].Ipv4PrefixLengths[0]', '24.5 is not a prefix length'],
    ['a missing prefix length', (inv) => Object.assign(at(inv.networks, 1), { Ipv4PrefixLengths: [], AddressMask: null }), 'networks[1].Ipv4PrefixLengths', 'there is no prefix length for its address 10.0.10.0'],
    ['a short IPv4 address (10.0.10)', (inv) => void (at(inv.networks, 1).Ipv4Addresses = ['10.0.10']), 'networks[1].Ipv4Addresses[0]', 'Network Live Migration: "10.0.10" is not an IPv4 address'],
    ['an octal-looking IPv4 address', (inv) => void (at(inv.networks, 1).Ipv4Addresses = ['010.0.10.0']), 'networks[1].Ipv4Addresses[0]', '"010.0.10.0" is not an IPv4 address'],
    ['an address that is an object', (inv) => void (at(inv.networks, 1).Ipv4Addresses = [{ a: 1 }]), 'networks[1].Ipv4Addresses[0]', 'an object is not an IPv4 address'],
    ['a bad subnet mask', (inv) => Object.assign(at(inv.networks, 1), { Ipv4Addresses: [], Ipv4PrefixLengths: [], AddressMask: '255.0.255.0' }), 'networks[1].AddressMask', '"255.0.255.0" is not a subnet mask'],
    ['an Address without a subnet mask', (inv) => Object.assign(at(inv.networks, 1), { Ipv4Addresses: null, Ipv4PrefixLengths: null, AddressMask: null }), 'networks[1].Address', 'its address 10.0.10.0 comes with no prefix length or subnet mask'],
    ['more nodes than any cluster has', (inv) => void (inv.nodes = Array.from({ length: 2000 }, (_, i) => ({ Name: `N${i}` }))), 'nodes', 'The inventory lists 2000 nodes; no failover cluster has more than 1024'],
    ['more routes than any host has', (inv) => void (inv.routes = new Array(300_000).fill(null)), 'routes', 'The inventory lists 300000 routes'],
    ['an unknown role', (inv) => void (at(inv.networks, 0).Role = 7), 'networks[0].Role', 'The role of network Management, 7, is not a cluster network role this import knows'],
    ['a negative metric', (inv) => void (at(inv.networks, 0).Metric = -5), 'networks[0].Metric', 'The metric of network Management, -5, is not a whole number from 0 to 4,294,967,295'],
    ['a metric that is text', (inv) => void (at(inv.networks, 0).Metric = 'fast'), 'networks[0].Metric', '"fast", is not a whole number'],
    ['an unknown network state', (inv) => void (at(inv.networks, 0).State = true), 'networks[0].State', 'is not a cluster network state this import knows'],
    ['an interface without Node', (inv) => void delete at(inv.interfaces, 2).Node, 'interfaces[2].Node', 'This network interface has no Node'],
    ['an interface address that is not one', (inv) => void (at(inv.interfaces, 2).Ipv4Addresses = ['not-an-ip']), 'interfaces[2].Ipv4Addresses[0]', 'N2 Ethernet: "not-an-ip" is not an IP address'],
    ['an unknown interface state', (inv) => void (at(inv.interfaces, 3).State = 'Sleeping'), 'interfaces[3].State', 'The state of N2 LM, "Sleeping", is not a network interface state'],
  ])('%s', (_, mutate, path, message) => {
    const errors = mappingErrors(mutate);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe(path);
    expect(errors[0]?.message).toContain(message);
  });

  it('reports every problem in one pass', () => {
    const errors = mappingErrors((inv) => {
      at(inv.nodes, 0).State = 'Sleeping';
      at(inv.networks, 1).Ipv4PrefixLengths = [99];
      at(inv.interfaces, 0).Ipv4Addresses = ['300.0.0.1'];
    });
    expect(errors.map((e) => e.path)).toEqual(['nodes[0].State', 'networks[1].Ipv4PrefixLengths[0]', 'interfaces[0].Ipv4Addresses[0]']);
  });

  it('stops listing after 50 problems', () => {
    const errors = mappingErrors((inv) => void (inv.nodes = Array.from({ length: 500 }, () => ({ State: 'Up' }))));
    expect(errors).toHaveLength(51);
    expect(errors[50]).toEqual({ path: '', message: '…and 450 more problems of the same kinds.' });
  });

  it('shows control characters and long texts safely in messages', () => {
    const errors = mappingErrors((inv) => void (at(inv.nodes, 1).State = `\u0000\u001b[31m${'x'.repeat(100)}`));
    expect(errors[0]?.message).toMatch(/"\?\?\[31mx+…"/);
    expect(Array.from(errors[0]?.message ?? '').filter((ch) => ch.charCodeAt(0) < 32)).toEqual([]);
  });
});

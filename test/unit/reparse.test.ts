/**
 * The parse after an edit of VMs, positions, planning, name or kept fields (model/reparse.ts):
 * the same result as a full parse of the edited document — accepted or refused, topology,
 * diagnostics and messages — and, for a light edit, the untouched parts of the topology shared.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseTopology, reparseTopology, type ParseResult, type TopologyDocument } from '../../src/engine';
import { applyEdit, type Edit } from '../../src/engine/edit';
import { EXAMPLES } from '../../src/examples';
import { materialize, recipeArb, topologyOf, type Recipe } from './edit-support';
import { readFixture } from './helpers';

const withVms = (): TopologyDocument => readFixture('switchless-3-node-vms.json') as TopologyDocument;

/** The fixture with an address on a subnet no network declares: the parser creates `net-192-168-77-0-24`. */
function withImplicitNetwork(): TopologyDocument {
  const doc = withVms();
  const [first, ...rest] = doc.nics!;
  return { ...doc, nics: [{ ...first!, addresses: [...first!.addresses, '192.168.77.11/24'] }, ...rest] };
}

function parsed(doc: TopologyDocument): { topology: ReturnType<typeof topologyOf>; diagnostics: Extract<ParseResult, { ok: true }>['diagnostics'] } {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { topology: r.topology, diagnostics: r.diagnostics };
}

/** A full parse and the incremental one agree on everything. */
function expectSame(prev: ReturnType<typeof parsed>, next: unknown): ParseResult {
  const full = parseTopology(next);
  const incremental = reparseTopology(prev, next);
  expect(incremental).toEqual(full);
  return incremental;
}

describe('reparseTopology', () => {
  it('shares every part of the topology a VM edit does not touch (a full parse rebuilt them all)', () => {
    const doc = withVms();
    const before = parsed(doc);
    const vm = doc.vms![0]!;
    const r = applyEdit(doc, { type: 'update-vm', id: vm.id, patch: { memoryGB: vm.memoryGB + 1 } }, before);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.topology.networks).toBe(before.topology.networks);
    expect(r.topology.addresses).toBe(before.topology.addresses);
    expect(r.topology.index.subnetByPrefix).toBe(before.topology.index.subnetByPrefix);
    expect(r.topology.index.vms.get(vm.id)!.memoryGB).toBe(vm.memoryGB + 1);
    expect(r.topology).toEqual(parsed(r.document).topology);
  });

  it('shares the networks when only positions move, and finds a position of an unknown id like a full parse', () => {
    const doc = withVms();
    const before = parsed(doc);
    const next = { ...doc, layout: { ...(doc.layout ?? {}), n1: { x: 10, y: 20 }, ghost: { x: 0, y: 0 } } };
    const r = expectSame(before, next);
    if (!r.ok) throw new Error('refused');
    expect(r.topology.networks).toBe(before.topology.networks);
    expect(r.diagnostics.filter((d) => d.code === 'unknown-layout-id').map((d) => d.path)).toEqual(['layout.ghost']);
  });

  it("renames the parser's own network when a new VM takes its id, as a full parse does", () => {
    const doc = withImplicitNetwork();
    const before = parsed(doc);
    expect(before.topology.index.networks.has('net-192-168-77-0-24')).toBe(true);
    const next = { ...doc, vms: [...doc.vms!, { id: 'net-192-168-77-0-24', name: 'odd', node: 'n1', memoryGB: 1 }] };
    const r = expectSame(before, next);
    if (!r.ok) throw new Error('refused');
    expect(r.topology.index.networks.has('net-192-168-77-0-24-2')).toBe(true);
    // …and back when it goes.
    const after = parsed(next);
    const back = expectSame(after, { ...next, vms: doc.vms });
    if (!back.ok) throw new Error('refused');
    expect(back.topology.index.networks.has('net-192-168-77-0-24')).toBe(true);
  });

  it('parses a rename of a site, node, NIC, network or router alone, sharing the addresses and subnets (a full parse rebuilt them)', () => {
    const doc = EXAMPLES[1]!.document;
    const before = parsed(doc);
    const t = before.topology;
    const renames: Edit[] = [
      ...(t.sites.length > 0 ? [{ type: 'update-site', id: t.sites[0]!.id, patch: { name: 'Renamed site' } } as Edit] : []),
      { type: 'update-node', id: t.nodes[0]!.id, patch: { name: 'Renamed node' } },
      { type: 'update-nic', id: t.nics[0]!.id, patch: { name: 'Renamed NIC' } },
      // Names break ties of metric: a network renamed first in the alphabet may come first.
      ...t.networks.map((n): Edit => ({ type: 'update-network', id: n.id, patch: { name: '0 first' } })),
      ...(t.routers.length > 0 ? [{ type: 'update-router', id: t.routers[0]!.id, patch: { name: 'Renamed router' } } as Edit] : []),
    ];
    for (const edit of renames) {
      const r = applyEdit(doc, edit, before);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(r.topology.addresses).toBe(t.addresses);
      expect(r.topology.subnets).toBe(t.subnets);
      const full = parsed(r.document);
      expect(r.topology).toEqual(full.topology);
      expect(r.diagnostics).toEqual(full.diagnostics);
    }
  });

  it('words the findings that name a renamed element with its new name, as a full parse does', () => {
    // A network without a NIC, a NIC without an address, two default routes on a node: all named.
    const doc = withVms();
    const [first, second, ...rest] = doc.nics!;
    const odd: TopologyDocument = {
      ...doc,
      networks: [...doc.networks!, { id: 'empty', name: 'Empty', prefixes: ['10.250.0.0/24'] }],
      nics: [{ ...first!, routes: [{ prefix: '0.0.0.0/0', via: first!.addresses[0]!.replace(/\.\d+\//, '.1/').replace(/\/\d+$/, '') }] }, { ...second!, node: first!.node, routes: [{ prefix: '0.0.0.0/0', via: second!.addresses[0]!.replace(/\.\d+\//, '.1/').replace(/\/\d+$/, '') }] }, { id: 'bare', node: first!.node, name: 'Bare', addresses: [] }, ...rest],
    };
    const before = parsed(odd);
    expect(new Set(before.diagnostics.map((d) => d.code))).toEqual(new Set(['network-without-nic', 'nic-without-address', 'multiple-default-routes']));
    for (const next of [
      { ...odd, networks: odd.networks!.map((n) => (n.id === 'empty' ? { ...n, name: 'Still empty' } : n)) },
      { ...odd, nics: odd.nics!.map((n) => (n.id === 'bare' ? { ...n, name: 'Still bare' } : n)) },
      { ...odd, nodes: odd.nodes!.map((n) => (n.id === first!.node ? { ...n, name: 'Two gateways' } : n)) },
    ]) {
      const r = expectSame(before, next);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/Still empty|Still bare|Two gateways/);
    }
  });

  it('refuses what a full parse refuses, in its words', () => {
    const doc = withVms();
    const before = parsed(doc);
    const vm = doc.vms![0]!;
    const cases: unknown[] = [
      { ...doc, vms: [...doc.vms!, { ...vm }] }, // an id twice
      { ...doc, vms: [...doc.vms!, { ...vm, id: 'n1' }] }, // a node's id
      { ...doc, vms: [{ ...vm, node: 'nowhere' }] },
      { ...doc, vms: [{ ...vm, name: 'evil\u202egnp.exe' }] },
      { ...doc, vms: [{ ...vm, memoryGB: 1e308 }] },
      { ...doc, vms: [{ ...vm, colour: 'red' }] },
      { ...doc, vms: 'many' },
      { ...doc, planning: { precopyOverhead: 1e300 } },
      { ...doc, planning: { efficiency: { smb: 0 } } },
      { ...doc, layout: { n1: { x: 1e308, y: 0 } } },
      { ...doc, layout: { n1: { x: 'left', y: 0 } } },
      { ...doc, name: 'a\u0000b' },
      { ...doc, description: 42 },
      { ...doc, origin: { cluster: 'x'.repeat(300) } },
      { ...doc, extra: Array.from({ length: 60_000 }, () => 0) },
      { ...doc, version: 2 },
      // Renames the limits or the structure refuse.
      { ...doc, nodes: [{ ...doc.nodes![0]!, name: 'evil\u202egnp' }, ...doc.nodes!.slice(1)] },
      { ...doc, nodes: [{ ...doc.nodes![0]!, name: 'x'.repeat(201) }, ...doc.nodes!.slice(1)] },
      { ...doc, nics: [{ ...doc.nics![0]!, name: 7 }, ...doc.nics!.slice(1)] },
      { ...doc, networks: [{ ...doc.networks![0]!, name: undefined }, ...doc.networks!.slice(1)] },
      { ...doc, nics: [{ ...doc.nics![0]!, name: 'a\u0000b' }, ...doc.nics!.slice(1)] },
    ];
    for (const next of cases) expect(expectSame(before, next).ok).toBe(false);
  });
});

/** Light edits, as numbers turned into an edit against the document reached. */
function lightEdit(doc: TopologyDocument, { op, a, b, c }: Recipe): Edit {
  const t = topologyOf(doc);
  const vm = t.vms.length === 0 ? undefined : t.vms[a % t.vms.length];
  const node = t.nodes[b % t.nodes.length]?.id ?? 'none';
  const named = (list: readonly { id: string }[]): string => list[a % Math.max(1, list.length)]?.id ?? 'none';
  // A name from a pool that collides with other elements' names, a network the parser would create, or is refused.
  const name = ['HV01', 'Cluster Network 1', 'Renamed', '', 'evil\u202egnp', `N${c}`][c % 6]!;
  switch (op % 13) {
    case 8: return { type: 'update-node', id: node, patch: { name } };
    case 9: return { type: 'update-nic', id: named(t.nics), patch: { name } };
    case 10: return { type: 'update-network', id: named(t.networks.filter((n) => !n.implicit)), patch: { name } };
    case 11: return { type: 'update-router', id: named(t.routers), patch: { name } };
    case 12: return t.sites.length > 0 ? { type: 'update-site', id: named(t.sites), patch: { name } } : { type: 'update-node', id: node, patch: { name } };
    case 0: return { type: 'add-vms', node, memoryGB: (c % 64) + 1, count: (a % 3) + 1, name: c % 5 === 0 ? 'net-192-168-77-0-24' : undefined };
    case 1: return { type: 'update-vm', id: vm?.id ?? 'x', patch: { memoryGB: c % 7 === 0 ? 1e9 : (c % 512) + 0.5, name: c % 11 === 0 ? '' : `VM ${b}`, state: c % 2 ? 'off' : 'running' } };
    case 2: return { type: 'move-vms', ids: vm ? [vm.id] : [], node };
    case 3: return { type: 'delete-vms', ids: vm ? [vm.id] : ['x'] };
    case 4: return { type: 'set-planning', planning: c % 3 === 0 ? null : { unknownSpeedGbps: (c % 100) + 1, precopyOverhead: (b % 30) / 10 } };
    case 5: return { type: 'set-positions', positions: { [b % 3 === 0 ? 'ghost' : node]: { x: a, y: c } } };
    case 6: return { type: 'remove-positions', ids: [node, 'ghost'] };
    default: return { type: 'update-topology', patch: { name: `Design ${a}`, description: b % 2 ? `about ${c}` : '' } };
  }
}

const starts: TopologyDocument[] = [withVms(), withImplicitNetwork(), ...EXAMPLES.slice(0, 2).map((e) => e.document)];

test.prop([fc.nat(starts.length - 1), fc.array(fc.tuple(fc.boolean(), recipeArb), { minLength: 1, maxLength: 20 })], { numRuns: 60 })(
  'after any sequence of edits (light ones and others), the parse the edit returns is a full parse of its document',
  (start, steps) => {
    let doc = starts[start]!;
    let before = parsed(doc);
    for (const [light, recipe] of steps) {
      const edit = light ? lightEdit(doc, recipe) : materialize(doc, recipe);
      const r = applyEdit(doc, edit, before);
      const full = applyEdit(doc, edit);
      expect(r.ok).toBe(full.ok);
      if (!r.ok || !full.ok) {
        if (!r.ok && !full.ok) expect(r.errors).toEqual(full.errors);
        continue;
      }
      expect(r.document).toEqual(full.document);
      const again = parseTopology(r.document);
      if (!again.ok) throw new Error(JSON.stringify(again.errors));
      expect(r.topology).toEqual(again.topology);
      expect(r.diagnostics).toEqual(again.diagnostics);
      doc = r.document;
      before = { topology: r.topology, diagnostics: r.diagnostics };
    }
  },
);

/** A rename of any element, by hand (not through an edit): any name, valid or not. */
test.prop([fc.nat(starts.length - 1), fc.constantFrom('sites', 'nodes', 'nics', 'networks', 'routers'), fc.nat(), fc.constantFrom<unknown>('Lab', 'HV02', 'Cluster Network 1', '', 'a\u0000b', 'x'.repeat(201), 42, null)], { numRuns: 200 })(
  'any rename parses as a full parse does',
  (start, section, at, name) => {
    const doc = starts[start]! as unknown as Record<string, { name: unknown }[] | undefined>;
    const list = doc[section];
    if (!list || list.length === 0) return;
    const i = at % list.length;
    const next = { ...doc, [section]: list.map((e, k) => (k === i ? { ...e, name } : e)) };
    expectSame(parsed(doc as unknown as TopologyDocument), next);
  },
);

/** Raw changes of the light sections, valid or not: ids from a pool that collides on purpose. */
const idArb = fc.constantFrom('vm1', 'vm2', 'vm9', 'n1', 'net-192-168-77-0-24', 'net-192-168-77-0-24-2', 'ghost', 'WEB01');
const vmArb = fc.record(
  { id: idArb, name: fc.constantFrom('A', 'B', 'evil\u202egnp', ''), node: fc.constantFrom('n1', 'n2', 'n3', 'gone'), memoryGB: fc.constantFrom(1, 0.5, 262_144, 1e308, 0), state: fc.constantFrom('running', 'off') },
  { requiredKeys: ['id', 'name', 'node', 'memoryGB'] },
);
const changeArb = fc.record(
  {
    vms: fc.option(fc.array(vmArb, { maxLength: 6 }), { nil: undefined }),
    layout: fc.option(fc.dictionary(idArb, fc.record({ x: fc.constantFrom(0, 5, 2e6), y: fc.constantFrom(0, -7) }), { maxKeys: 4 }), { nil: undefined }),
    planning: fc.option(fc.record({ unknownSpeedGbps: fc.constantFrom(1, 25, 0), precopyOverhead: fc.constantFrom(0.2, 1e300) }, { requiredKeys: [] }), { nil: undefined }),
    name: fc.option(fc.constantFrom('Lab', 'a\u0000b', 'x'.repeat(201)), { nil: undefined }),
    kept: fc.option(fc.constantFrom({ note: 'kept' }, { deep: [[[1]]] }), { nil: undefined }),
  },
  { requiredKeys: [] },
);

test.prop([fc.nat(starts.length - 1), changeArb], { numRuns: 200 })('any change of the light sections parses as a full parse does', (start, change) => {
  const doc = starts[start]!;
  const next: Record<string, unknown> = { ...doc };
  for (const [key, value] of Object.entries(change)) next[key === 'kept' ? 'observations' : key] = value;
  expectSame(parsed(doc), next);
});

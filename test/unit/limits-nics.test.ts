/**
 * Issue 24, round 3: at most 1,024 NICs in a design (64 nodes × 16, or 128 × 8). 128 nodes × 32
 * NICs (4,096) was accepted, and no real cluster goes there: a Windows Server cluster has at most
 * 64 nodes, a host a handful of physical NICs and a few host vNICs. Every reader — a file, a share
 * link, an inventory, the autosave, a paste — refuses more with a message naming the limit, and
 * what was on screen stays.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { applyEdit, copyNodes } from '../../src/engine/edit';
import { decodeShareLink, encodeShareLink, readTopologyFile } from '../../src/engine/io';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { LIMITS } from '../../src/engine/model/limits';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { bootPersistence, memoryStorage, STORAGE_KEY, UNREADABLE_PREFIX } from '../../src/store/persistence';
import { generateLargestDesign } from '../generate';

/** `nodes` nodes with `nics` NICs each, NIC k of every node on network 10.k.0.0/16. */
function cluster(nodes: number, nics: number): TopologyDocument {
  const list = Array.from({ length: nodes }, (_, i) => ({ id: `n${i}`, name: `HV${i}` }));
  return {
    format: 'lm-topology',
    version: 1,
    name: `${nodes} × ${nics}`,
    nodes: list,
    nics: list.flatMap((n, i) => Array.from({ length: nics }, (_, k) => ({ id: `${n.id}-${k}`, node: n.id, name: `NIC ${k}`, addresses: [`10.${k}.${i >> 8}.${(i & 255) + 1}/16`] }))),
  };
}

const WORDS = 'this app opens at most 1,024 (64 nodes with 16 NICs each, or 128 with 8; a Windows Server cluster has at most 64 nodes).';

describe('NICs in a design: at most 1,024', () => {
  it('accepts 64 nodes × 16 NICs and 128 × 8; refuses 33 × 32 (1,056, within every other limit) naming the limit', () => {
    expect(LIMITS.nics).toBe(1_024);
    expect(parseTopology(cluster(64, 16)).ok).toBe(true);
    expect(parseTopology(cluster(128, 8)).ok).toBe(true);
    const r = parseTopology(cluster(33, 32));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ path: 'nics', message: `The topology has 1,056 NICs; ${WORDS}` }]);
  });

  it('refuses 128 nodes × 32 NICs, the largest design accepted before', () => {
    const r = parseTopology(cluster(128, 32));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toBe(`The topology has 4,096 NICs; ${WORDS}`);
  });

  it('the largest design the tests generate is within every limit, at 1,024 NICs', () => {
    const doc = generateLargestDesign({ vms: true });
    expect(doc.nics!.length).toBe(LIMITS.nics);
    expect(parseTopology(doc).ok).toBe(true);
  });

  it('property: a design is refused for its NICs exactly when it has more than 1,024', () => {
    fc.assert(
      fc.property(fc.integer({ min: 24, max: 128 }), fc.integer({ min: 6, max: 32 }), (nodes, nics) => {
        const r = parseTopology(cluster(nodes, nics));
        const over = nodes * nics > 1_024;
        expect(r.ok).toBe(!over);
        if (!r.ok) expect(r.errors.map((e) => e.message)).toEqual([`The topology has ${(nodes * nics).toLocaleString('en-US')} NICs; ${WORDS}`]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('every reader refuses more than 1,024 NICs, and nothing on screen is lost', () => {
  const big = cluster(33, 32);

  it('a file', () => {
    const r = readTopologyFile(JSON.stringify(big));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain(WORDS);
  });

  it('a share link', () => {
    const r = decodeShareLink(encodeShareLink(big));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain(WORDS);
  });

  it('a cluster inventory (65 nodes × 16 interfaces); 64 × 16 is imported', () => {
    const inventory = (nodes: number): string => {
      const inv = JSON.parse(readFileSync(new URL('../fixtures/inventory/ps7-v2-atc.json', import.meta.url), 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
      const names = Array.from({ length: nodes }, (_, i) => `HV${i + 1}`);
      const network = (inv.networks as Record<string, unknown>[])[0]!;
      Object.assign(inv, {
        nodes: names.map((n) => ({ Name: n, State: 0 })),
        faultDomains: [], hosts: [], vms: [], routes: [], adapters: [], atc: [], migrationNetworkOrder: [], migrationExcludeNetworks: [],
        networks: Array.from({ length: 16 }, (_, k) => ({ ...network, Name: `Net ${k}`, Id: `id${k}`, Address: `10.${k}.0.0`, AddressMask: '255.255.0.0', Ipv4Addresses: [`10.${k}.0.0`], Ipv4PrefixLengths: [16] })),
        interfaces: names.flatMap((n, i) =>
          Array.from({ length: 16 }, (_, k) => ({ Name: `${n} - NIC${k}`, Node: n, Network: `Net ${k}`, Adapter: `NIC${k}`, State: 3, Address: `10.${k}.0.${i + 1}`, Ipv4Addresses: [`10.${k}.0.${i + 1}`], Ipv6Addresses: [] })),
        ),
      });
      return JSON.stringify(inv);
    };
    const r = parseClusterInventory(inventory(65));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain(`The topology has 1,040 NICs; ${WORDS}`);
    const fits = parseClusterInventory(inventory(64));
    expect(fits.ok).toBe(true);
    if (fits.ok) expect(fits.topology.nics.length).toBe(1_024);
  });

  it('the store: a load is refused and the design on screen stays, with its undo history', () => {
    const store = createAppStore({ document: EXAMPLES[0]!.document });
    store.getState().actions.edit({ type: 'update-topology', patch: { name: 'My work' } });
    const shown = store.getState().document;
    const r = store.getState().actions.load(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain(WORDS);
    expect(store.getState().document).toBe(shown);
    expect(store.getState().past.length).toBe(1);
  });

  it('the autosave: a start with it shows an example and keeps the stored work, offered for download', () => {
    const storage = memoryStorage();
    const raw = JSON.stringify({ schema: 2, savedAt: '2026-12-07T23:00:00.000Z', unsaved: true, document: big, ui: {} });
    storage.setItem(STORAGE_KEY, raw);
    const boot = bootPersistence({ storage, fallback: () => ({ document: EXAMPLES[0]!.document }) });
    expect(boot.restored).toBe('unreadable');
    const notice = boot.store.getState().notice;
    expect(notice?.text).toContain(WORDS);
    expect(notice?.download?.content).toBe(raw);
    const aside = Array.from({ length: storage.length }, (_, i) => storage.key(i)!).filter((k) => k.startsWith(UNREADABLE_PREFIX));
    expect(aside.map((k) => storage.getItem(k))).toEqual([raw]);
    boot.stop();
  });

  it('a paste past 1,024 NICs is refused with words about the paste; within, it is pasted', () => {
    const doc = cluster(63, 16); // 1,008 NICs
    const clip = copyNodes(doc, ['n0', 'n1'])!;
    const r = applyEdit(doc, { type: 'paste', clip });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]!.message).toBe('Pasting these 2 nodes (32 NICs) would make 1,040 NICs; a design holds at most 1,024 (64 nodes with 16 NICs each, or 128 with 8). Paste fewer, or delete NICs first.');
    const one = applyEdit(doc, { type: 'paste', clip: copyNodes(doc, ['n0'])! });
    expect(one.ok).toBe(true);
    if (one.ok) expect(one.document.nics!.length).toBe(1_024);
  });
});

/**
 * Issue 24: a rename whose drawing kept the layout gives a new model that draws the very elements
 * of the last (src/canvas/applyView.ts `sameElements`); the canvas then applies the changed labels
 * alone instead of treating it as a new structure (src/canvas/render.ts; test/e2e/renameDrawn.e2e.ts
 * counts what the canvas does in the page). What counts as the same elements, by edit.
 */
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import type { Edit } from '../../src/engine/edit';
import { topologyAfter, topologyOf } from '../topologyOf';
import { sameElements } from '../../src/canvas/applyView';
import { drawingOf } from '../../src/canvas/scale';
import { generateTwoSiteCluster } from '../generate';

const parsed = topologyOf;
const after = topologyAfter;

// 16 nodes: the compact scale; 2 nodes: the full scale (a NIC's box follows its name).
const compact = generateTwoSiteCluster({ nodesPerSite: 8, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: '16 nodes' });
const full = generateTwoSiteCluster({ nodesPerSite: 1, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: '2 nodes' });

describe('sameElements (a model drawing the very elements of the last)', () => {
  const cases: [string, TopologyDocument, (doc: TopologyDocument) => Edit, boolean][] = [
    ['a node renamed within its row (compact): its host is a compound, its w is not drawn', compact, (d) => ({ type: 'update-node', id: d.nodes![0]!.id, patch: { name: 'HV-R0' } }), true],
    ['a node renamed far past its row (compact): laid out again, the same elements', compact, (d) => ({ type: 'update-node', id: d.nodes![0]!.id, patch: { name: 'A name far too long for the row of its NIC tiles' } }), true],
    ['a node renamed (full scale)', full, (d) => ({ type: 'update-node', id: d.nodes![0]!.id, patch: { name: 'HV-R0' } }), true],
    ['a NIC renamed longer (full scale): its box, a leaf, grows', full, (d) => ({ type: 'update-nic', id: d.nics![0]!.id, patch: { name: 'A much longer NIC name' } }), false],
    ['a NIC added', compact, (d) => ({ type: 'add-nic', node: d.nodes![0]!.id }), false],
  ];
  for (const [name, doc, edit, same] of cases)
    it(`${name}: ${same}`, () => {
      const before = drawingOf(parsed(doc)).model;
      const next = drawingOf(after(doc, edit(doc))).model;
      expect(next).not.toBe(before);
      expect(sameElements(before, next)).toBe(same);
    });

  it('is true for the same model, false for a NIC moved to another node', () => {
    const m = drawingOf(parsed(compact)).model;
    expect(sameElements(m, m)).toBe(true);
    const nic = m.nodes.find((n) => n.kind === 'nic')!;
    const other = m.nodes.find((n) => n.kind === 'host' && n.id !== nic.parent)!;
    const moved = { ...m, nodes: m.nodes.map((n) => (n === nic ? { ...n, parent: other.id } : n)) };
    expect(sameElements(m, moved)).toBe(false);
    const resized = { ...m, nodes: m.nodes.map((n) => (n === nic ? { ...n, w: n.w + 1 } : n)) };
    expect(sameElements(m, resized)).toBe(false);
    const edges = { ...m, edges: m.edges.slice(1) };
    expect(sameElements(m, edges)).toBe(false);
  });
});

/**
 * Issue 24: an edit that changes nothing drawn keeps the drawing (src/canvas/scale.ts): a VM's
 * memory on the largest design laid the diagram out again (up to three automatic layouts, 2.6 s each).
 */
import { describe, expect, it } from 'vitest';
import type { Topology, TopologyDocument } from '../../src/engine';
import { topologyAfter, topologyOf } from '../topologyOf';
import { drawingOf } from '../../src/canvas/scale';
import { generateTwoSiteCluster, spreadVms } from '../generate';

const parsed = (doc: TopologyDocument): { topology: Topology } => ({ topology: topologyOf(doc) });
const after = topologyAfter;

describe('drawingOf', () => {
  const compact = generateTwoSiteCluster({ nodesPerSite: 8, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: '16 nodes' });
  compact.vms = spreadVms(compact.nodes!, 64);
  const vm = compact.vms[0]!;

  it("keeps the drawing when an edit changes nothing drawn (a VM's memory on the compact scale, the planning)", () => {
    const before = drawingOf(parsed(compact).topology);
    expect(before.model.metrics.kind).toBe('compact');
    const memory = drawingOf(after(compact, { type: 'update-vm', id: vm.id, patch: { memoryGB: vm.memoryGB + 1 } }));
    expect(memory).toBe(before);
    expect(drawingOf(after(compact, { type: 'set-planning', planning: { precopyOverhead: 0.5 } }))).toBe(before);
  });

  it('draws again what an edit changes: a name, or a VM on the full scale, whose node shows its VMs', () => {
    const before = drawingOf(parsed(compact).topology);
    const renamed = drawingOf(after(compact, { type: 'update-node', id: compact.nodes![0]!.id, patch: { name: 'Renamed' } }));
    expect(renamed).not.toBe(before);
    expect(renamed.model.byId.get(compact.nodes![0]!.id)!.lines[0]).toContain('Renamed');
    const small = generateTwoSiteCluster({ nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1, name: '4 nodes' });
    small.vms = spreadVms(small.nodes!, 8);
    const full = drawingOf(parsed(small).topology);
    expect(full.model.metrics.kind).not.toBe('compact');
    const v = small.vms[0]!;
    const more = drawingOf(after(small, { type: 'update-vm', id: v.id, patch: { memoryGB: v.memoryGB + 100 } }));
    expect(more).not.toBe(full);
    expect(more.model.byId.get(v.node)!.lines[0]).not.toBe(full.model.byId.get(v.node)!.lines[0]);
  });
});

/** The built-in examples written by the test generators stay what the generators give. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../src/examples';
import { generateSwitchlessMesh, generateTwoSiteCluster } from '../generate';

describe('generated built-in examples', () => {
  it('switchless 4-node mesh is generateSwitchlessMesh(4) with realistic VMs', () => {
    expect(findExample('switchless-4-node-mesh')!.document).toEqual(generateSwitchlessMesh(4, undefined, { vms: true }));
  });
  it('two-site 16-node is the two-site generator at 8 nodes per site, with realistic VMs', () => {
    expect(findExample('two-site-16-node')!.document).toEqual(
      generateTwoSiteCluster({ nodesPerSite: 8, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2, name: 'Two-site 16-node cluster', vms: true }),
    );
  });
});

/**
 * The designs issue 27 asks to read at *Fit* on a 1440 × 900 and a 1024 × 700 window: every built-in
 * example, an imported 4-node stretched cluster (test/fixtures/inventory/ps51-two-site.json) and a
 * 64-node two-site cluster with 8 NICs per node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../../src/examples';
import { inventoryToDocument } from '../../src/engine/io/inventory';
import type { TopologyDocument } from '../../src/engine';
import { generateLargestDesign, generateSitesCluster, generateTwoSiteCluster } from '../generate';

export const importedStretched = (): TopologyDocument => {
  const inventory = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'inventory', 'ps51-two-site.json'), 'utf8').replace(/^\ufeff/, '')) as unknown;
  const imported = inventoryToDocument(inventory);
  if (!imported.ok) throw new Error('the inventory fixture did not import');
  return imported.document;
};

export const largeEightNic = (): TopologyDocument =>
  generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 3, storageNetworksPerSite: 4, routersPerSite: 2, name: 'Two-site 64-node cluster, 8 NICs' });

/** Designs of many sites (issue 27, the grid of sites): the largest accepted design (32 sites) and four sites of 8 nodes. */
export function manySiteDesigns(): [string, TopologyDocument][] {
  return [
    ['largest-32-sites', generateLargestDesign()],
    ['four-sites-x-8', generateSitesCluster({ sites: 4, nodesPerSite: 8, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 })],
  ];
}

export function readableDesigns(): [string, TopologyDocument][] {
  return [...EXAMPLES.map((e): [string, TopologyDocument] => [e.id, e.document]), ['imported-stretched-4-node', importedStretched()], ['two-site-64-node-8-nic', largeEightNic()]];
}

/**
 * Export benchmark (issue 15) on the 64-node two-site cluster, in Node: the scene (layout,
 * geometry, styles resolved on a headless cytoscape), the A4 pages as SVG, and the draw.io file.
 * The PNG adds the browser's rasterising, not measured here. Budget: an export the user waits
 * for should answer within a second.
 */
import { exportScene, pageSvgs } from '../src/canvas/export';
import { buildDrawio } from '../src/engine/io/drawio';
import { generateTwoSiteCluster } from '../test/generate';
import { createAppStore } from '../src/store/appStore';
import { report, timeRuns } from './util';

export function benchExport(): void {
  const doc = generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2, name: 'Benchmark 64 nodes' });
  // The first node of each site: a routed pair with fallbacks.
  const first = (site: string): string => doc.nodes!.find((n) => n.site === site)!.id;
  const state = createAppStore({ document: doc, pair: [first('site-a'), first('site-b')] }).getState();
  const scene = exportScene(state, { pair: true });
  console.log(`64 nodes: ${scene.scene.shapes.length} shapes, ${scene.scene.edges.length} lines; A4: ${pageSvgs(scene.scene, scene.caption, 'a4').length} pages`);
  report('export scene (layout, geometry, styles)', timeRuns(10, () => exportScene(state, { pair: true })), 1000);
  report('A4 pages as SVG (from the scene)', timeRuns(10, () => pageSvgs(scene.scene, scene.caption, 'a4')), 1000);
  report('draw.io file (two scenes given)', timeRuns(10, () => buildDrawio({ title: 't', design: scene.scene, path: scene.scene })), 1000);
}

/** What the browser benches of issue 25 share: the 64-node cluster they time, and the wait between steps. */
import type { Page } from 'playwright-core';
import { generateTwoSiteCluster } from '../test/generate';
import '../test/e2e/handle';

/** The 64-node two-site cluster of 8 NICs a node (512 NICs) the issue measures on. */
export const benchCluster = () =>
  generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2, name: 'Benchmark 64 nodes, 512 NICs' });

/** Waits until the diagram has settled (overlay empty), then `ms` more for the page to be idle. */
export async function settle(page: Page, ms: number): Promise<void> {
  await page.waitForFunction(() => window.__lmpv.settled());
  await page.waitForTimeout(ms);
}

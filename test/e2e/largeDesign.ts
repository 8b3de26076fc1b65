/** The design the e2e tests of large drawings use, and the wait for its drawing in steps. */
import type { Page } from 'playwright-core';
import { generateSitesCluster } from '../generate';

/** 64 nodes of 16 NICs (1,024 NICs, 2,316 drawn elements: drawn in steps), standing for the largest designs. */
export const sixtyFourBySixteen = () =>
  generateSitesCluster({ sites: 4, nodesPerSite: 16, lmNetworksPerSite: 4, storageNetworksPerSite: 11, routersPerSite: 4, hostBase: 100, name: '64 nodes, 16 NICs each' });

/** Waits until the drawing in steps is over (its note hidden) and a frame has been drawn after it. */
export async function drawn(page: Page): Promise<void> {
  await page.getByTestId('graph-drawing').waitFor({ state: 'hidden' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

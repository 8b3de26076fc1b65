/**
 * Issue 24, in Chromium: lighting a pair (a pick, the Maintenance tab's drain pair) or failing a
 * network does not change the legend strip's height, so the diagram is not resized — a resize
 * redraws every element (on the largest design, two full redraws and a refit of ≈ 130 ms each
 * when the Maintenance tab lit the drain's pair). Also a screenshot of the strip at 1440 × 900.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXAMPLES } from '../../src/examples';
import { launch, openApp, pageErrors } from './chromium';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The legend strip's and the diagram's heights after two frames. */
async function heights(page: Page): Promise<{ legend: number; canvas: number; cy: number }> {
  return page.evaluate(
    () =>
      new Promise<{ legend: number; canvas: number; cy: number }>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            setTimeout(() =>
              resolve({
                legend: document.querySelector('.canvas-legend')!.getBoundingClientRect().height,
                canvas: document.querySelector('[data-testid=graph-canvas]')!.getBoundingClientRect().height,
                cy: window.__lmpv.cy!.height(),
              }),
            ),
          ),
        ),
      ),
  );
}

const shown = (page: Page): Promise<string[]> => page.evaluate(() => [...document.querySelectorAll('.canvas-legend [data-legend]')].map((li) => li.getAttribute('data-legend')!));

describe('the legend strip keeps its height whatever is lit', () => {
  for (const id of ['switched-4-node', 'two-site-16-node']) {
    it(`${id}: no pair, a pair, a failed network, the pair cleared`, async () => {
      const page = await openApp(browser, inject('baseUrl'));
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), EXAMPLES.find((e) => e.id === id)!.document);
      await page.locator('.canvas-legend.open').waitFor();
      // The load's own resize (the strip appearing) is done once the diagram fills its room.
      await expect.poll(async () => { const h = await heights(page); return h.cy === h.canvas; }, { timeout: 10_000 }).toBe(true);
      const before = await heights(page);
      expect(await shown(page)).not.toContain('chosen');
      if (id === 'switched-4-node') await page.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp'}/legend-room-none-1440.png` });
      const nodes = await page.evaluate(() => window.__lmpv.store.getState().design.nodes.map((n) => n.id));
      await page.evaluate(([a, b]) => {
        const { actions } = window.__lmpv.store.getState();
        actions.setSource(a!);
        actions.setDestination(b!);
      }, [nodes[0], nodes[nodes.length - 1]]);
      await expect.poll(() => shown(page)).toContain('chosen');
      expect(await heights(page)).toEqual(before);
      if (id === 'switched-4-node') {
        await page.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp'}/legend-room-1440.png` });
        await page.evaluate(() => window.__lmpv.store.getState().actions.toggleFailed('storage-1'));
        await expect.poll(() => shown(page)).toContain('failed');
        expect(await heights(page)).toEqual(before);
      }
      await page.evaluate(() => {
        const { actions } = window.__lmpv.store.getState();
        actions.setSource(null);
        actions.setDestination(null);
      });
      await expect.poll(() => shown(page)).not.toContain('chosen');
      expect(await heights(page)).toEqual(before);
      expect(pageErrors(page)).toEqual([]);
    });
  }
});

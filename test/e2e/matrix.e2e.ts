/**
 * The All pairs tab in a real browser: the legacy delays of the switchless example read off the
 * matrix, a cell click selecting the pair (store and Migration path), the N-1 list computed in
 * its Web Worker, and the large view.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateLargestDesign } from '../generate';
import { launch, openApp, pageErrors } from './chromium';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('all-pairs matrix', () => {
  it('shows the legacy delays per pair, selects a clicked pair, and lists the single points of failure', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.getByLabel('Example').selectOption({ label: 'Switchless 3-node' });
    await page.getByRole('tab', { name: 'All pairs' }).click();
    const grid = page.getByRole('grid', { name: /Migration matrix/ });
    await page.getByRole('radio', { name: 'Legacy', exact: true }).click();

    // Every off-diagonal cell: its accessible name says the pair, its first line the delay.
    const delays = await grid.locator('td[role="gridcell"]:not(.o-self)').evaluateAll((cells) =>
      Object.fromEntries(cells.map((c) => [c.querySelector('.sr-only')!.textContent!.split(':')[0], c.querySelector('.mx-main')!.textContent])),
    );
    expect(delays).toEqual({
      'HV01 → HV02': '0 s', 'HV01 → HV03': '20 s',
      'HV02 → HV01': '0 s', 'HV02 → HV03': '40 s',
      'HV03 → HV01': '20 s', 'HV03 → HV02': '40 s',
    });
    await expect.poll(() => page.getByRole('region', { name: 'All-pairs summary' }).textContent(), { timeout: 10_000 }).toContain('Legacy: 2 pairs wait 40 s or more before migrating; Windows Server 2025: 0.');

    await grid.getByRole('gridcell', { name: /^HV01 → HV03:/ }).click();
    const ui = await page.evaluate(() => {
      const s = window.__lmpv.store.getState().ui;
      return [s.sourceNodeId, s.destinationNodeId];
    });
    expect(ui).toEqual(['n1', 'n3']);
    await expect.poll(() => grid.getByRole('gridcell', { name: /^HV01 → HV03:/ }).getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');

    // Keyboard: from HV01 → HV03, down to HV02 → HV03, Enter selects it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__lmpv.store.getState().ui.sourceNodeId), { timeout: 10_000 }).toBe('n2');

    // The N-1 list comes from the worker.
    await page.getByText(/^9 single points of failure/).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Elements by impact' }).getByRole('listitem').first().textContent(), { timeout: 10_000 }).toContain("If network 'Direct 1-2' fails: 2 pairs lose live migration.");

    // The large view, then the Path tab shows the pair picked in the matrix.
    await page.getByRole('button', { name: /Open large/ }).click();
    const dialog = page.getByRole('dialog', { name: 'All pairs — Switchless 3-node cluster' });
    await dialog.getByRole('gridcell', { name: /^HV03 → HV01:/ }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('tab', { name: 'Path' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Migration path' }).textContent(), { timeout: 10_000 }).toContain("'Direct 1-3'");
    await expect.poll(() => page.getByLabel('Source node').inputValue(), { timeout: 10_000 }).toBe('n3');
    await expect.poll(() => page.getByLabel('Destination node').inputValue(), { timeout: 10_000 }).toBe('n1');
    expect(pageErrors(page)).toEqual([]);
  });

  it('draws the columns in view of a 128-node matrix, lined up with their headings, and the far corner when scrolled there', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const doc = generateLargestDesign();
    await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
    await page.getByRole('tab', { name: 'All pairs' }).click();
    const grid = page.getByRole('grid', { name: /Migration matrix/ });
    await grid.locator('td[data-r="0"][data-c="1"]').waitFor();
    // The panel shows ≈ 20 × 27 cells: rows and columns out of view are not in the page.
    await expect.poll(() => grid.locator('td.mx-cell').count(), { timeout: 10_000 }).toBeLessThan(1500);
    // Scrolled to the far corner: the last cell is drawn, in view, under its column's heading.
    await grid.evaluate((g) => {
      const s = g.closest('.mx-scroll')!;
      s.scrollTop = s.scrollHeight;
      s.scrollLeft = s.scrollWidth;
    });
    const corner = grid.locator('td[data-r="127"][data-c="126"]');
    await corner.waitFor();
    const boxes = await page.evaluate(() => {
      const box = (el: Element | null) => el?.getBoundingClientRect().toJSON() as DOMRect | undefined;
      return {
        scroller: box(document.querySelector('.mx-scroll')),
        cell: box(document.querySelector('td[data-r="127"][data-c="126"]')),
        head: box(document.querySelector('th.mx-colhead[aria-colindex="128"]')),
        cells: document.querySelectorAll('td.mx-cell').length,
      };
    });
    expect(boxes.cells).toBeLessThan(1500);
    expect(boxes.cell!.left).toBeCloseTo(boxes.head!.left, 0);
    expect(boxes.cell!.right).toBeLessThanOrEqual(boxes.scroller!.right);
    expect(boxes.cell!.bottom).toBeLessThanOrEqual(boxes.scroller!.bottom);
    await corner.click();
    const ui = await page.evaluate(() => window.__lmpv.store.getState().ui);
    expect([ui.sourceNodeId, ui.destinationNodeId]).toEqual([doc.nodes![127]!.id, doc.nodes![126]!.id]);
    expect(pageErrors(page)).toEqual([]);
  });
});

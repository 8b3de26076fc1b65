/**
 * The drain view in a real browser at 1440×900 and 1024×700 (issue 27): the drain table fits the
 * side panel, timeline bars show VM names (never a cut "VM0" on every bar), a mode in which no VM
 * moves shows no duration, and the diagram shows the drain's own pair while the view is open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { launch, openApp, pageErrors } from './chromium';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The two-site example as built by hand (management networks enabled), 12 VMs VM01…VM12 on HV01. */
function twoSite(): TopologyDocument {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'two-site-routed.json'), 'utf8')) as TopologyDocument;
  doc.liveMigration = { networkOrder: ['lm-a', 'lm-b'], excludedNetworks: [] };
  doc.vms = Array.from({ length: 12 }, (_, i) => ({ id: `vm${i + 1}`, name: `VM${String(i + 1).padStart(2, '0')}`, node: 'n1', memoryGB: 16 }));
  return doc;
}

describe.each([
  [1440, 900],
  [1024, 700],
])('the drain view at %i×%i', (width, height) => {
  it('fits its table, names its bars, shows no duration where no VM moves, and lights its pair', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.setViewportSize({ width, height });
    await page.evaluate((doc) => void window.__lmpv.store.getState().actions.load(doc, ['n2', 'n4']), twoSite());
    await page.getByRole('tab', { name: 'Maintenance' }).click();
    await page.getByLabel('Destination of the VMs').selectOption('n3');
    await page.getByTestId('drain-sentence').waitFor();
    // Across the sites legacy finds no path: no duration for it.
    await expect.poll(() => page.getByTestId('drain-total-legacy').locator('.drain-total').textContent(), { timeout: 10_000 }).toContain('No VM moves');
    // The diagram shows the drain's pair, HV01 → HV03.
    await expect.poll(() => page.evaluate(() => [window.__lmpv.store.getState().ui.sourceNodeId, window.__lmpv.store.getState().ui.destinationNodeId]), { timeout: 10_000 }).toEqual(['n1', 'n3']);

    // Balanced: the bars show the names, or the part that tells them apart, or nothing.
    await page.getByLabel('Destination of the VMs').selectOption('');
    await page.locator('.drain-bar').first().waitFor();
    const shown = await page.locator('.drain-mode').first().locator('.drain-bar-name').allTextContents();
    expect(shown).toHaveLength(12);
    shown.forEach((text, i) => expect(['', `VM${String(i + 1).padStart(2, '0')}`, String(i + 1).padStart(2, '0')]).toContain(text));
    // Whatever a bar shows fits inside it.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.drain-bar')].filter((bar) => {
        const name = bar.querySelector<HTMLElement>('.drain-bar-name')!;
        return name.textContent !== '' && name.getBoundingClientRect().right > bar.getBoundingClientRect().right + 0.5;
      }).length,
    );
    expect(clipped).toBe(0);

    // The table fits the side panel: its last column is inside the panel, nothing scrolls sideways.
    await page.getByRole('radio', { name: 'Table' }).check();
    await page.locator('.drain-mode .drain-table').first().waitFor();
    const fit = await page.evaluate(() => {
      const panel = document.querySelector<HTMLElement>('.side-panel')!;
      const tables = [...document.querySelectorAll<HTMLElement>('.drain-mode .drain-table')];
      const right = panel.getBoundingClientRect().right;
      return { overflow: panel.scrollWidth - panel.clientWidth, outside: tables.filter((t) => t.getBoundingClientRect().right > right + 0.5 || t.scrollWidth > t.clientWidth + 0.5).length, count: tables.length };
    });
    expect(fit).toEqual({ overflow: 0, outside: 0, count: 2 });

    // Leaving the Maintenance tab gives the user's pair back.
    await page.getByRole('tab', { name: 'Path' }).click();
    await expect.poll(() => page.evaluate(() => [window.__lmpv.store.getState().ui.sourceNodeId, window.__lmpv.store.getState().ui.destinationNodeId]), { timeout: 10_000 }).toEqual(['n2', 'n4']);
    expect(pageErrors(page)).toEqual([]);
  });
});

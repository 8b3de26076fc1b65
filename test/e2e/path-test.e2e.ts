/**
 * Checking the design against the cluster, in Chromium: a path test result with two mismatches
 * (test/fixtures/path-test/switched-4-node.ps51.json, Windows PowerShell 5.1's UTF-8 with BOM)
 * imported in step 3 of Import cluster, seen in the All pairs matrix (first), as two Validation
 * findings, and — clicking one — as the pair and the network lit on the diagram. Undo removes it.
 * SHOTS_DIR=/tmp/… also saves screenshots at 1440×900 and 1024×700.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openApp, pageErrors } from './chromium';
import './handle';
import { seen } from './seen';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const shots = process.env.SHOTS_DIR;
const FILE = join(__dirname, '..', 'fixtures', 'path-test', 'switched-4-node.ps51.json');

async function shot(page: Page, name: string, fit = true): Promise<void> {
  if (!shots) return;
  for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    if (fit) await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(shots, `${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('path test', () => {
  it('imports a result with two mismatches and shows them in the matrix, the findings and the diagram', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.getByLabel('Example').selectOption({ label: 'Switched 4-node' });

    await page.getByRole('button', { name: 'Import cluster…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a cluster' });
    await dialog.getByText('3. Check the design against the cluster (optional)').click();
    // The script is written for the design on screen.
    await expect.poll(() => dialog.getByLabel('Path test script').textContent(), { timeout: 10_000 }).toContain("[pscustomobject]@{ Name = 'HV03'; Site = ''; Addresses = @('10.0.0.13', '10.10.1.13', '10.10.2.13') }");
    await dialog.getByLabel('Path test result file').setInputFiles(FILE);
    await expect.poll(() => dialog.getByRole('status').last().textContent()).toMatch(/Imported 'switched-4-node\.ps51\.json': 108 connections; 2 disagree with the design/);
    await shot(page, 'path-test-import', false);
    await page.keyboard.press('Escape');

    // The matrix: the two mismatching pairs first, their cells marked.
    await page.getByRole('tab', { name: 'All pairs' }).click();
    const matrix = page.getByRole('table', { name: 'Predicted against measured, by pair and network' });
    await matrix.locator('tbody tr').first().waitFor();
    const firstRows = await matrix.locator('tbody tr').evaluateAll((rows) => rows.slice(0, 3).map((r) => [r.querySelector('th')!.textContent, r.classList.contains('mv-row-mismatch')]));
    expect(firstRows).toEqual([
      ['HV01 → HV03', true],
      ['HV02 → HV04', true],
      ['HV01 → HV02', false],
    ]);
    await expect.poll(() => matrix.locator('td.mv-mismatch').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => matrix.locator('td.mv-mismatch').first().textContent(), { timeout: 10_000 }).toMatch(/✕ timed out 21\ss/);
    await expect.poll(() => page.getByText(/Path test made .* on HV01 \(cluster CLU-SW4\), imported from 'switched-4-node\.ps51\.json'/).count(), { timeout: 10_000 }).toBe(1);
    // Windows gave up after 21 s: offered as the legacy timeout.
    await page.getByRole('button', { name: 'Use 21 s as the legacy timeout' }).click();
    await expect.poll(() => page.evaluate(() => window.__lmpv.store.getState().ui.legacyTimeoutSeconds)).toBe(21);
    await page.getByRole('tab', { name: 'All pairs' }).scrollIntoViewIfNeeded();
    await matrix.scrollIntoViewIfNeeded();
    await shot(page, 'path-test-matrix');

    // The findings, in the administrator's words; a click selects the pair and the network.
    await page.getByRole('tab', { name: /Validation/ }).click();
    const findings = page.getByRole('button', { name: /the design says it connects/ });
    await expect.poll(() => findings.count()).toBe(2);
    await findings.filter({ hasText: "HV02 → HV04 on 'Storage 1'" }).click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const s = window.__lmpv.store.getState().ui;
          return [s.sourceNodeId, s.destinationNodeId, s.selectedIds];
        }),
      )
      .toEqual(['n2', 'n4', ['storage-1']]);
    // On the diagram: the network is selected, the pair's nodes are the source and destination.
    await expect.poll(async () => (await seen(page))['storage-1']!.classes.includes('selected')).toBe(true);
    await expect.poll(async () => { const all = await seen(page); return [all.n2!.classes.includes('source'), all.n4!.classes.includes('destination')]; }).toEqual([true, true]);
    await shot(page, 'path-test-findings');

    // Undo removes the observations (one undoable change); the findings go with them.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('button', { name: /the design says it connects/ }).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});

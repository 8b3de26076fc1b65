/**
 * What past migrations took, in Chromium: the switchless 3-node design with VMs on screen, the
 * history file Windows PowerShell 5.1 writes (test/fixtures/history/switchless-3-node.ps51.json,
 * UTF-8 with BOM, Count-wrapped lists, \/Date(ms)\/ dates) imported in step 4 of Import cluster,
 * seen as the list of past migrations in the All pairs tab with the calibration from history
 * (applied, then undone), and as the observed durations beside the drain estimates in the
 * Maintenance tab. SHOTS_DIR=/tmp/… also saves screenshots at 1440×900 and 1024×700.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openApp, pageErrors } from './chromium';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const shots = process.env.SHOTS_DIR;
const fixtures = join(__dirname, '..', 'fixtures');
const FILE = join(fixtures, 'history', 'switchless-3-node.ps51.json');
const DESIGN = JSON.parse(readFileSync(join(fixtures, 'switchless-3-node-vms.json'), 'utf8')) as unknown;

async function shot(page: Page, name: string, scroll?: string): Promise<void> {
  if (!shots) return;
  for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    if (scroll) await page.locator(scroll).first().scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(shots, `${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('migration history', () => {
  it('imports a history file and shows the past migrations, the calibration and the observed durations', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.evaluate((doc) => void window.__lmpv.store.getState().actions.load(doc as never, ['n1', 'n2']), DESIGN);

    await page.getByRole('button', { name: 'Import cluster…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a cluster' });
    await dialog.getByText('4. What past migrations took (optional)').click();
    await expect.poll(() => dialog.getByLabel('History script').textContent(), { timeout: 10_000 }).toContain('Get-WinEvent -FilterHashtable $filter -MaxEvents $MaxEvents');
    await dialog.getByLabel('History file').setInputFiles(FILE);
    await expect
      .poll(() => dialog.getByRole('status').last().textContent())
      .toMatch(/Imported 'switchless-3-node\.ps51\.json': 7 past migrations, 6 with a duration, 2 failed connections; 3 match nothing in the design/);
    await shot(page, 'history-import', '.files-step[open] .files-status');
    await page.keyboard.press('Escape');

    // The list, newest first; the calibration from history, applied as one undoable change.
    await page.getByRole('tab', { name: 'All pairs' }).click();
    const list = page.getByRole('table', { name: 'Past migrations, newest first' });
    await list.locator('tbody tr').first().waitFor();
    const rows = await list.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.firstChild?.textContent ?? '')));
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['OLDVM01', 'logged on HV03', 'no start'],
      ['FS01', 'HV02 → HV03', '10 s'],
      ['SQL02', 'HV02 → HV03', '45 s'],
      ['APP02', 'HV01 → HV02', '40 s'],
      ['WEB01', 'HV01 → HV02', '15 s'],
      ['APP01', 'HV01 → HV03', '20 s'],
      ['SQL01', 'HV01 → HV02', '1 min 10 s'],
    ]);
    await expect.poll(() => page.getByText('3 events match nothing in the design').count(), { timeout: 10_000 }).toBe(1);
    const offer = page.getByRole('group', { name: 'Calibration from history' });
    await expect.poll(() => offer.textContent(), { timeout: 10_000 }).toContain('SMB efficiency 0.3183 (now 0.9)');
    await shot(page, 'history-list', '.pm');
    await offer.getByRole('button', { name: 'Use 0.3183 for SMB' }).click();
    await expect.poll(() => page.evaluate(() => window.__lmpv.store.getState().document.planning)).toEqual({ efficiency: { smb: 0.3183 } });

    // Maintenance: what each VM took before, beside its estimate; the table still fits the panel.
    await page.getByRole('tab', { name: 'Maintenance' }).click();
    await page.getByRole('radio', { name: 'Table' }).check();
    const table = page.locator('.drain-mode .drain-table').first();
    await table.waitFor();
    await expect.poll(() => table.locator('tr', { hasText: 'SQL01' }).locator('.drain-seen').textContent(), { timeout: 10_000 }).toMatch(/^took 1 min 10 s before; estimate /);
    for (const [w, h] of [[1024, 700], [1440, 900]] as const) {
      await page.setViewportSize({ width: w, height: h });
      const fit = await page.evaluate(() => {
        const panel = document.querySelector<HTMLElement>('.side-panel')!;
        const right = panel.getBoundingClientRect().right;
        return [...document.querySelectorAll<HTMLElement>('.drain-mode .drain-table')].filter((t) => t.getBoundingClientRect().right > right + 0.5 || t.scrollWidth > t.clientWidth + 0.5).length;
      });
      expect(fit, `${w}×${h}`).toBe(0);
    }
    await shot(page, 'history-drain', '.drain-mode .drain-table');

    // Undo (the toolbar's: focus is on the table's radio, where Ctrl+Z is the field's own): the calibration, then the history, each one step.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.evaluate(() => window.__lmpv.store.getState().document.planning)).toBeUndefined();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.evaluate(() => 'observations' in window.__lmpv.store.getState().document)).toBe(false);
    expect(pageErrors(page)).toEqual([]);
  });
});

/**
 * The Path tab's panels in a real browser, driven through the selects (not the canvas): the
 * legacy delay, the adjustable timeout, a what-if failure from the details panel, Restore all.
 */
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

const text = async (page: Page, role: 'region' | 'group', name: string): Promise<string> => (await page.getByRole(role, { name }).textContent()) ?? '';

describe('path panels', () => {
  it('compares legacy and 2025, follows the timeout, a failure from the details panel and Restore all', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.getByLabel('Example').selectOption({ label: 'Switchless 3-node' });
    await page.getByLabel('Source node').selectOption({ label: 'HV02' });
    await page.getByLabel('Destination node').selectOption({ label: 'HV03' });

    const path = page.getByRole('region', { name: 'Migration path' });
    await expect.poll(() => path.textContent(), { timeout: 10_000 }).toContain("Chosen 'Direct 2-3'");
    const comparison = page.getByRole('group', { name: 'Windows Server 2025 vs legacy' });
    await expect.poll(() => comparison.locator('.cmp-headline').textContent(), { timeout: 10_000 }).toBe('Legacy: 40 s before the migration starts · 2025: immediately');
    const timeline = page.getByRole('figure', { name: 'Legacy attempt timeline' });
    await expect.poll(() => timeline.getByRole('listitem').allTextContents(), { timeout: 10_000 }).toEqual([
      '1Direct 1-2 timed out after 20 s — destination node has no working address on it',
      '2Direct 1-3 timed out after 20 s — source node has no working address on it',
      '3Direct 2-3 connected after 40 s',
    ]);

    await page.getByLabel('Legacy timeout (seconds)').fill('30');
    await expect.poll(() => comparison.locator('.cmp-headline').textContent(), { timeout: 10_000 }).toBe('Legacy: 60 s before the migration starts · 2025: immediately');
    await page.getByRole('radio', { name: 'Legacy (2022 and earlier)' }).click();
    await expect.poll(() => path.textContent(), { timeout: 10_000 }).toContain('starts after 60 s (2 timeouts first)');

    // Fail the chosen network from its details panel.
    await page.evaluate(() => window.__lmpv.store.getState().actions.select(['link-23']));
    await page.getByRole('tab', { name: 'Details' }).click();
    const details = page.getByRole('region', { name: 'Element details' });
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent(), { timeout: 10_000 }).toBe('Direct 2-3');
    await details.getByRole('button', { name: 'Fail', exact: true }).click();
    await expect.poll(() => details.getByRole('button', { name: 'Restore', exact: true }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain('down (what-if failure; designed up)');

    await page.getByRole('tab', { name: 'Path' }).click();
    await expect.poll(() => path.getByRole('status').textContent(), { timeout: 10_000 }).toBe('No live migration path from HV02 to HV03 on any network enabled for live migration.');
    await expect.poll(() => comparison.locator('.cmp-headline').textContent(), { timeout: 10_000 }).toBe('Legacy: no path (fails after 60 s) · 2025: no path');
    await expect.poll(() => page.getByRole('listitem', { name: 'Network Direct 2-3' }).textContent(), { timeout: 10_000 }).toContain("Network 'Direct 2-3' is down: nothing crosses it.");
    await expect.poll(() => text(page, 'group', 'What-if failures'), { timeout: 10_000 }).toContain('NetworkDirect 2-3Restore');

    await page.getByRole('group', { name: 'What-if failures' }).getByRole('button', { name: 'Restore all', exact: true }).click();
    await expect.poll(() => path.textContent(), { timeout: 10_000 }).toContain("Chosen 'Direct 2-3'");
    await expect.poll(() => text(page, 'group', 'What-if failures'), { timeout: 10_000 }).toContain('Nothing is failed');
    expect(pageErrors(page)).toEqual([]);
  });

  it('SMB set in the live migration settings lights every stream on the diagram and lists them; Reset to the default order', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.getByLabel('Example').selectOption({ label: 'Switched 4-node' });
    await page.getByLabel('Source node').selectOption({ label: 'HV01' });
    await page.getByLabel('Destination node').selectOption({ label: 'HV03' });
    await page.getByRole('button', { name: 'Live migration settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Live migration settings' });
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Order: explicit (MigrationNetworkOrder)');
    await dialog.getByRole('radio', { name: /^SMB/ }).check();
    await dialog.getByRole('button', { name: "Reset to the cluster's default" }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 }).toContain("'Storage 1' carries the cluster's own traffic, so the default order tries it last.");
    await dialog.getByRole('button', { name: 'OK' }).click();

    // Default order: Storage 1 (18301, derived fact 4) is the cluster's own network → Storage 2 (18302) first; SMB adds Storage 1.
    const path = page.getByRole('region', { name: 'Migration path' });
    await expect.poll(() => path.textContent(), { timeout: 10_000 }).toContain("Chosen 'Storage 2'");
    await expect.poll(() => path.getByRole('list', { name: 'SMB streams' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
    const all = await seen(page);
    const looks = ['storage-1', 'storage-2', 'n1-s1', 'n3-s1'].map((id) => [id, all[id]!.classes.includes('chosen')]);
    expect(looks).toEqual([['storage-1', true], ['storage-2', true], ['n1-s1', true], ['n3-s1', true]]);
    // One undo step brings the explicit order and Compression back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => path.textContent(), { timeout: 10_000 }).toContain("Chosen 'Storage 1'");
    await expect.poll(() => path.textContent(), { timeout: 10_000 }).toContain('Transport: Compression — one TCP connection on this path.');
    expect(pageErrors(page)).toEqual([]);
  });
});

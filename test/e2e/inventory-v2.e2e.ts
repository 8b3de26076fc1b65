/**
 * An inventory version 2 file imported through the UI in Chromium: the app switches to the mode
 * the nodes' builds imply, counts the VMs, labels the networks with their Network ATC intent,
 * and the Live migration settings dialog says that ATC manages live migration.
 * SHOTS_DIR=artifacts/screenshots also saves screenshots of the app and of the dialog.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

const STORAGE1 = 'c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f11';
const MGMT = 'c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f01';
const shots = process.env.SHOTS_DIR;

describe('inventory version 2', () => {
  it('imports an Azure Local cluster with Network ATC: Windows Server 2025 mode, its VMs, the intents and the ATC notice', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const legacy = page.getByRole('radio', { name: 'Legacy (2022 and earlier)' });
    const ws2025 = page.getByRole('radio', { name: 'Windows Server 2025' });
    await legacy.click();
    await expect.poll(() => ws2025.isChecked(), { timeout: 10_000 }).toBe(false);

    await page.getByRole('button', { name: 'Import cluster…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a cluster' });
    await dialog.getByLabel('Inventory file').setInputFiles(join(__dirname, '..', 'fixtures', 'inventory', 'ps7-v2-atc.json'));
    await expect.poll(() => dialog.getByRole('status').last().textContent()).toMatch(/Imported cluster 'CLU-AZL' from 'ps7-v2-atc.json': 3 nodes, 3 networks, 3 VMs\./);
    await expect.poll(() => dialog.getByRole('list', { name: 'Import diagnostics' }).textContent(), { timeout: 10_000 }).toContain('opens in Windows Server 2025 mode');
    if (shots) await page.screenshot({ path: join(shots, 'inventory-v2-import.png') });
    await page.keyboard.press('Escape');

    // Every node on build 26100: the app now shows Windows Server 2025 behaviour.
    await expect.poll(() => ws2025.isChecked()).toBe(true);
    // The diagram labels the networks with their intents.
    const label = (id: string) => page.evaluate((nid) => window.__lmpv.cy.getElementById(nid).data('label'), id);
    await expect.poll(() => label(STORAGE1)).toContain('Storage intent');
    await expect.poll(() => label(MGMT), { timeout: 10_000 }).toContain('Management, Compute intent');
    if (shots) await page.screenshot({ path: join(shots, 'inventory-v2-diagram.png') });

    await page.getByRole('button', { name: 'Live migration settings…' }).click();
    const settings = page.getByRole('dialog', { name: 'Live migration settings' });
    await expect.poll(() => settings.getByRole('note').textContent(), { timeout: 10_000 }).toContain(
      'Network ATC manages live migration on this cluster; changes made with Set-ClusterParameter are reverted as drift.',
    );
    if (shots) await page.screenshot({ path: join(shots, 'inventory-v2-lm-settings.png') });
    expect(pageErrors(page)).toEqual([]);
  });
});

/**
 * Fidelity 1.2 in a real browser, on the SMB Multichannel example: the diagram lights and tags the
 * streams on the networks excluded from live migration, the path panel says in one sentence that
 * SMB leaves the live migration pair idle, and the validation panel's one-click fix constrains SMB
 * Multichannel to the live migration network — the streams move there; Undo brings them back.
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

/** What the user sees of these elements (the highlight layer over the diagram, ./seen.ts): [id, lit as chosen, first line of its label]. */
const looks = async (page: Page, ids: string[]): Promise<[string, boolean, string][]> => {
  const all = await seen(page);
  return ids.map((id) => [id, all[id]!.classes.includes('chosen'), all[id]!.label.split('\n')[0]!]);
};

describe('SMB Multichannel (format 1.2)', () => {
  it('tags the excluded networks SMB uses, says the chosen pair is idle, and the validation fix moves the streams to the live migration network', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.getByLabel('Example').selectOption({ label: 'SMB Multichannel (3-node)' });
    await page.getByLabel('Source node').selectOption({ label: 'HV01' });
    await page.getByLabel('Destination node').selectOption({ label: 'HV02' });

    const path = page.getByRole('region', { name: 'Migration path' });
    await expect.poll(() => path.textContent()).toContain("Chosen 'Live migration'");
    await expect.poll(() => path.getByRole('note').textContent(), { timeout: 10_000 }).toBe(
      "SMB leaves the 10 Gbps pair on 'Live migration' idle: the RDMA pairs on 'Storage A' and 'Storage B' are faster — New-SmbMultichannelConstraint on every node keeps SMB on the live migration networks.",
    );
    await expect
      .poll(() => looks(page, ['storage-a', 'storage-b', 'lm']))
      .toEqual([
        ['storage-a', true, '✔ SMB MULTICHANNEL · EXCLUDED FROM LIVE MIGRATION · Storage A · 10.0.11.0/24'],
        ['storage-b', true, '✔ SMB MULTICHANNEL · EXCLUDED FROM LIVE MIGRATION · Storage B · 10.0.12.0/24'],
        ['lm', false, 'CHOSEN · SMB IDLE · Live migration · 10.0.5.0/24'],
      ]);

    // The validation finding and its one-click fix.
    await page.getByRole('tab', { name: /Validation/ }).click();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('SMB Multichannel sends live migration memory over networks not enabled for live migration');
    await page.getByRole('button', { name: "Fix: Constrain SMB Multichannel to the live migration network ('Live migration')" }).click();

    await page.getByRole('tab', { name: 'Path' }).click();
    await expect.poll(() => path.textContent()).toContain('Transport: SMB — one stream, the chosen path');
    await expect.poll(() => path.getByRole('note').count(), { timeout: 10_000 }).toBe(0);
    await expect
      .poll(() => looks(page, ['storage-a', 'storage-b', 'lm']))
      .toEqual([
        ['storage-a', false, 'Storage A · 10.0.11.0/24'],
        ['storage-b', false, 'Storage B · 10.0.12.0/24'],
        ['lm', true, '✔ CHOSEN · Live migration · 10.0.5.0/24'],
      ]);

    // One undo step: SMB back on the storage networks.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => path.getByRole('note').count()).toBe(1);
    await expect.poll(() => looks(page, ['storage-a'])).toEqual([['storage-a', true, '✔ SMB MULTICHANNEL · EXCLUDED FROM LIVE MIGRATION · Storage A · 10.0.11.0/24']]);
    expect(pageErrors(page)).toEqual([]);
  });
});

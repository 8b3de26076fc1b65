/** The app loads on the default example and the pair pickers print the chosen network. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openApp, pageErrors } from './chromium';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('smoke', () => {
  it('opens on the default example and shows the chosen network for a picked pair', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await expect.poll(() => page.getByTestId('topology-name').textContent(), { timeout: 10_000 }).toBe('Switchless 3-node cluster');
    await page.getByLabel('Source node').selectOption({ label: 'HV01' });
    await page.getByLabel('Destination node').selectOption({ label: 'HV03' });
    const region = page.getByRole('region', { name: 'Migration path' });
    await expect.poll(() => region.textContent(), { timeout: 10_000 }).toContain("'Direct 1-3'");
    await page.getByRole('button', { name: 'Swap source and destination' }).click();
    await expect.poll(() => page.getByLabel('Source node').inputValue(), { timeout: 10_000 }).toBe('n3');
    expect(pageErrors(page)).toEqual([]);
  });
});

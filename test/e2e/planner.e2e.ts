/**
 * The maintenance planner in a real browser: add VMs to a node in its Details, drain it, read both
 * totals (checked against the engine on the page's own document), edit an assumption, undo it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDuration, parseTopology, planDrain, type TopologyDocument } from '../../src/engine';
import { launch, openApp, pageErrors } from './chromium';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const documentOf = (page: Page): Promise<TopologyDocument> => page.evaluate(() => window.__lmpv.store.getState().document);
/** The engine's totals for the page's document, as the planner words them. */
async function expected(page: Page, node: string): Promise<[string, string]> {
  const r = parseTopology(await documentOf(page));
  if (!r.ok) throw new Error('the page holds an invalid document');
  return [formatDuration(planDrain(r.topology, node).totalSeconds), formatDuration(planDrain(r.topology, node, { mode: 'legacy' }).totalSeconds)];
}

describe('maintenance planner', () => {
  it('adds VMs to a node, drains it, reads both totals, edits an assumption and undoes it', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.getByLabel('Example').selectOption({ label: 'Switchless 3-node' });
    await page.evaluate(() => window.__lmpv.store.getState().actions.select(['n3']));
    await page.getByRole('tab', { name: 'Details' }).click();
    const vms = page.getByRole('region', { name: 'VMs of HV03' });
    await expect.poll(() => vms.locator('.vm-summary').textContent(), { timeout: 10_000 }).toContain('7 VMs · 232 GB');
    await vms.getByRole('button', { name: 'Add several…' }).click();
    await vms.getByLabel('Number of VMs').fill('12');
    await vms.getByLabel('Memory of each VM in GB').fill('16');
    await vms.getByRole('button', { name: 'Add 12 VMs' }).click();
    // 232 + 12 × 16 = 424 GB; the diagram's label says it too.
    await expect.poll(() => vms.locator('.vm-summary').textContent(), { timeout: 10_000 }).toContain('19 VMs · 424 GB');
    await expect.poll(() => page.evaluate(() => window.__lmpv.cy.getElementById('n3').data('label')), { timeout: 10_000 }).toContain('HV03 (19 VMs · 424 GB)');

    await vms.getByRole('button', { name: 'Drain…' }).click();
    const ws = page.getByTestId('drain-total-ws2025').locator('.drain-total');
    const legacy = page.getByTestId('drain-total-legacy').locator('.drain-total');
    const [ws0, legacy0] = await expected(page, 'n3');
    await expect.poll(() => ws.textContent(), { timeout: 10_000 }).toBe(`Estimated total: ${ws0}`);
    await expect.poll(() => legacy.textContent(), { timeout: 10_000 }).toBe(`Estimated total: ${legacy0}`);
    // Legacy waits for HV03's timeouts on every VM: it cannot be faster here.
    await expect.poll(() => page.getByTestId('drain-sentence').textContent(), { timeout: 10_000 }).toContain('waiting for connection timeouts');

    await page.getByRole('button', { name: 'Edit assumptions…' }).click();
    await page.getByLabel(/^Switchover/).fill('10');
    await page.getByRole('button', { name: 'Apply assumptions' }).click();
    const [ws1, legacy1] = await expected(page, 'n3');
    expect(ws1).not.toBe(ws0);
    await expect.poll(() => ws.textContent(), { timeout: 10_000 }).toBe(`Estimated total: ${ws1}`);
    await expect.poll(() => legacy.textContent(), { timeout: 10_000 }).toBe(`Estimated total: ${legacy1}`);

    await page.keyboard.press('Control+z');
    await expect.poll(() => ws.textContent(), { timeout: 10_000 }).toBe(`Estimated total: ${ws0}`);
    await expect.poll(() => legacy.textContent(), { timeout: 10_000 }).toBe(`Estimated total: ${legacy0}`);
    expect((await documentOf(page)).planning).toBeUndefined();
    expect(pageErrors(page)).toEqual([]);
  });
});

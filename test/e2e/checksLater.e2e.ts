/**
 * Issue 24 (store load), in Chromium: opening a design does not run all pairs and the cluster
 * checks in the load's task — the Validation badge reads "…" when that task ends — and the count
 * arrives by itself a few tasks later, equal to what the Validation tab then lists.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
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

/** The two-site example with a NIC's return route removed: findings to count. */
function withoutReturnRoute(): TopologyDocument {
  const doc = structuredClone(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
  doc.nics!.find((n) => n.id === 'n3-lm')!.routes = [];
  return doc;
}

describe('the Validation badge after a load', () => {
  it('reads "…" when the load\'s task ends, then the count of the findings the tab lists, with no action', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await expect.poll(() => page.locator('#tab-validation').textContent(), { timeout: 10_000 }).not.toContain('…');
    // The load and everything its task runs (React's render is flushed in a microtask of it).
    const atEnd = await page.evaluate(async (d) => {
      window.__lmpv.store.getState().actions.load(d, null);
      await Promise.resolve();
      return document.querySelector('#tab-validation')!.textContent;
    }, withoutReturnRoute());
    expect(atEnd).toBe('Validation…');
    await expect.poll(() => page.locator('#tab-validation').textContent(), { timeout: 10_000 }).toMatch(/^Validation\d+$/);
    const count = Number((await page.locator('#tab-validation').textContent())!.slice('Validation'.length));
    await page.getByRole('tab', { name: /Validation/ }).click();
    const panel = page.getByRole('region', { name: 'Validation' });
    await expect.poll(() => panel.getByText('Missing return route').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Every finding is one item (a group's items sit in its list; the heading is not a finding).
    expect(await panel.locator('li.validation-item').count()).toBe(count);
    expect(pageErrors(page)).toEqual([]);
  });
});

/**
 * What only a real browser shows: blocked site storage, two tabs sharing one autosave, and a start
 * that fails while drawing the autosaved work (injected) followed by a start that recovers.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, pageErrors } from './chromium';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const rename = (page: Page, name: string): Promise<unknown> =>
  page.evaluate((n) => window.__lmpv.store.getState().actions.edit({ type: 'update-topology', patch: { name: n } }), name);
const storedName = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const raw = localStorage.getItem('lm-path-visualizer:autosave');
    return raw === null ? null : (JSON.parse(raw) as { document: { name?: string } }).document.name ?? null;
  });

describe('hostile environments', () => {
  it('starts with blocked site storage and says that autosave is off', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(inject('baseUrl'));
    await page.getByTestId('topology-name').waitFor();
    await expect.poll(() => page.getByTestId('autosave-status').textContent(), { timeout: 10_000 }).toContain('Autosave is off');
    await rename(page, 'Still editable');
    await expect.poll(() => page.getByTestId('topology-name').textContent(), { timeout: 10_000 }).toBe('Still editable');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("two tabs: the other tab's newer work is never overwritten without a choice", async () => {
    const context = await browser.newContext();
    const a = await context.newPage();
    await a.goto(inject('baseUrl'));
    await a.getByTestId('topology-name').waitFor();
    const b = await context.newPage();
    await b.goto(inject('baseUrl'));
    await b.getByTestId('topology-name').waitFor();

    await rename(a, 'Work of tab A');
    await expect.poll(() => storedName(b)).toBe('Work of tab A');
    // Tab B's next edit is not written: it is asked.
    await rename(b, 'Work of tab B');
    await b.getByTestId('autosave-status').getByText('Another tab of this app saved different work').waitFor();
    expect(await storedName(b)).toBe('Work of tab A');
    await b.getByRole('button', { name: "Keep this tab's work (replaces the other's autosave)" }).click();
    expect(await storedName(b)).toBe('Work of tab B');
    // Tab A is asked in turn at its next edit, and takes tab B's work.
    await rename(a, 'Work of tab A, later');
    await a.getByRole('button', { name: "Show the other tab's work here" }).click();
    await expect.poll(() => a.getByTestId('topology-name').textContent(), { timeout: 10_000 }).toBe('Work of tab B');
    expect(await a.getByTestId('autosave-status').count()).toBe(0);
    expect([...pageErrors(a), ...pageErrors(b)]).toEqual([]);
    await context.close();
  });

  it('a start that fails while drawing the autosave (injected) is followed by one on an example that keeps the work aside', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.getByTestId('topology-name').waitFor();
    await rename(page, 'My work');
    // This start is done (the diagram mounted) before the next one: a reload before that would
    // count as a failed start itself (a busy machine is slow to fetch the diagram's chunk).
    await expect.poll(() => page.evaluate(() => localStorage.getItem('lm-path-visualizer:starting'))).toBeNull();
    // The next load fails while drawing the diagram (once per tab).
    await context.addInitScript(() => {
      if (sessionStorage.getItem('lmpv-injected') !== null) return;
      sessionStorage.setItem('lmpv-injected', '1');
      window.ResizeObserver = class {
        constructor() {
          throw new Error('injected render failure');
        }
      } as unknown as typeof ResizeObserver;
    });
    await page.reload();
    await page.getByRole('heading', { name: 'LM Path Visualizer could not show this topology' }).waitFor();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('injected render failure');

    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByTestId('topology-name').waitFor();
    await expect.poll(() => page.getByTestId('topology-name').textContent(), { timeout: 10_000 }).not.toBe('My work');
    const notice = page.getByRole('alert').filter({ hasText: 'The app failed while showing your autosaved work when it last started' });
    await notice.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download the unreadable data' }).click()]);
    const kept = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))) as { document: { name: string } };
    expect(kept.document.name).toBe('My work');
    // That start went well: the one after it trusts the autosave again.
    await page.reload();
    await page.getByTestId('topology-name').waitFor();
    // The start is marked done once the diagram (its own chunk) has mounted.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('lm-path-visualizer:starting'))).toBeNull();
    await context.close();
  });
});

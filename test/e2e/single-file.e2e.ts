/**
 * The offline single-file build (`npm run build:single`): one HTML file, opened from a file:// URL
 * with every network request refused, finds a path and computes N-1 in its (inlined) worker.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pageErrors } from './chromium';

let browser: Browser;
let outDir: string;
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'lmpv-single-'));
  execFileSync('npx', ['vite', 'build', '--mode', 'single', '--outDir', outDir, '--logLevel', 'error'], { stdio: 'inherit' });
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('single-file build', () => {
  it('is one HTML file that works from file:// without the network', async () => {
    expect(readdirSync(outDir)).toEqual(['index.html']);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    (page as typeof page & { errors?: string[] }).errors = errors;
    // Anything but the file itself (and what the page makes in memory) is refused and recorded.
    const refused: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      refused.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(join(outDir, 'index.html')).href);
    await page.getByTestId('topology-name').waitFor();
    await page.getByLabel('Source node').selectOption({ label: 'HV01' });
    await page.getByLabel('Destination node').selectOption({ label: 'HV03' });
    await expect.poll(() => page.getByRole('region', { name: 'Migration path' }).textContent(), { timeout: 10_000 }).toContain("'Direct 1-3'");
    // The N-1 list needs the worker, inlined and started from a blob: URL.
    await page.getByRole('tab', { name: 'All pairs' }).click();
    await page.getByText(/^9 single points of failure/).waitFor();
    expect(refused).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

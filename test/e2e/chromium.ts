/** Debian's Chromium driven by playwright-core (no browser download is possible here). */
import { chromium, type Browser, type Page } from 'playwright-core';
import './handle';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Opens the app on a fresh page (own storage) and waits until it has rendered, the diagram (a chunk of its own) included. */
export async function openApp(browser: Browser, baseUrl: string, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${baseUrl}${query}`);
  await page.getByTestId('topology-name').waitFor();
  await page.waitForFunction(() => Boolean(window.__lmpv?.cy));
  return page;
}

/** Uncaught page errors collected since the page opened. */
export const pageErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];

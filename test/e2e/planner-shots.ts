/**
 * Screenshots of the maintenance planner for people to look at (not a test): the switchless and
 * two-site examples, the busiest node drained, timelines, then the table view and the every-node table.
 *   npx vite build --outDir dist && npx vite-node test/e2e/planner-shots.ts
 */
import { mkdirSync } from 'node:fs';
import { launch, openApp, pageErrors } from './chromium';
import { serveBuild } from './server';

const outDir = process.env.SHOTS_DIR ?? 'artifacts/screenshots';

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const { server, url } = await serveBuild(process.env.E2E_DIST ?? 'dist');
  const browser = await launch();
  try {
    const page = await openApp(browser, url);
    for (const id of ['switchless-3-node', 'two-site-routed']) {
      await page.getByLabel('Example').selectOption(id);
      await page.getByRole('tab', { name: 'Maintenance' }).click();
      await page.getByTestId('drain-sentence').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/planner-${id}.png` });
      // Hover the first bar: the pair shows on the diagram.
      await page.locator('.drain-bar').first().hover();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/planner-${id}-hover.png` });
      await page.mouse.move(5, 5);
      await page.getByRole('radio', { name: 'Table' }).check();
      await page.screenshot({ path: `${outDir}/planner-${id}-table.png`, fullPage: true });
      await page.locator('.side-panel').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.screenshot({ path: `${outDir}/planner-${id}-scrolled.png` });
      await page.getByRole('radio', { name: 'Timeline' }).check();
    }
    console.log('page errors:', pageErrors(page));
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

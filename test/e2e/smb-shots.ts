/**
 * Screenshots of fidelity 1.2 for people to look at (not a test): the SMB Multichannel example at
 * 1440×900 and 1024×700, at Fit — the diagram and path panel with the streams on the excluded
 * storage networks, the Live migration settings dialog with the SMB Multichannel constraint, and
 * the Validation tab's finding. Build first:
 *   npx vite build --outDir dist && npx vite-node test/e2e/smb-shots.ts
 * (E2E_DIST picks another build directory, SHOTS_DIR another output directory.)
 */
import { mkdirSync } from 'node:fs';
import { launch } from './chromium';
import { serveBuild } from './server';
import './handle';

const outDir = process.env.SHOTS_DIR ?? 'artifacts/screenshots';
const dist = process.env.E2E_DIST ?? 'dist';

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const { server, url } = await serveBuild(dist);
  const browser = await launch();
  try {
    for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByTestId('topology-name').waitFor();
      await page.waitForFunction(() => Boolean(window.__lmpv?.cy));
      await page.getByLabel('Example').selectOption('smb-multichannel');
      await page.getByLabel('Source node').selectOption({ label: 'HV01' });
      await page.getByLabel('Destination node').selectOption({ label: 'HV02' });
      await page.evaluate(() => window.__lmpv.canvas.fit());
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${outDir}/smb-${width}-path.png` });
      await page.getByRole('tab', { name: /Validation/ }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/smb-${width}-validation.png` });
      await page.getByRole('tab', { name: 'Path' }).click();
      await page.getByRole('button', { name: 'Live migration settings…' }).click();
      await page.waitForTimeout(300);
      const group = page.getByRole('group', { name: 'SMB Multichannel constraint' });
      await group.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${outDir}/smb-${width}-dialog.png` });
      await page.keyboard.press('Escape');
      await page.evaluate(() => window.__lmpv.store.getState().actions.select(['storage-a']));
      await page.getByRole('tab', { name: 'Details' }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/smb-${width}-details.png` });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();

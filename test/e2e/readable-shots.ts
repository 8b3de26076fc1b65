/**
 * Readable at Fit (issue 27), for people to look at (not a test): every built-in example, an imported
 * 4-node stretched cluster, a 64-node two-site cluster with 8 NICs per node and two designs of many
 * sites (the largest accepted design, four sites × 8; SHOTS_ONLY=sites for those two), at Fit in a 1440 × 900
 * and a 1024 × 700 window; prints the smallest node and network name on screen (font size × zoom)
 * and writes a screenshot of each. Build first:
 *   npx vite build --outDir dist && npx vite-node test/e2e/readable-shots.ts
 * (E2E_DIST picks another build directory, SHOTS_DIR another output directory, SHOTS_ONLY a design,
 * PANEL=hidden hides the side panel first.)
 */
import { mkdirSync } from 'node:fs';
import { launch } from './chromium';
import { manySiteDesigns, readableDesigns } from './readableDesigns';
import { serveBuild } from './server';
import './handle';

const outDir = process.env.SHOTS_DIR ?? '/tmp/readable';
const dist = process.env.E2E_DIST ?? 'dist';

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const { server, url } = await serveBuild(dist);
  const browser = await launch();
  try {
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      const context = await browser.newContext({ viewport: { width: w, height: h } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => Boolean(window.__lmpv?.cy));
      if (process.env.PANEL === 'hidden') await page.getByRole('button', { name: 'Hide panel' }).click();
      for (const [name, doc] of [...readableDesigns(), ...manySiteDesigns()]) {
        if (process.env.SHOTS_ONLY && !name.includes(process.env.SHOTS_ONLY)) continue;
        await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
        // A large design is drawn in steps: wait for every node and the drawing note gone.
        await page.waitForFunction(
          (n) => window.__lmpv.cy.$('node.host').length === n && document.querySelector<HTMLElement>('[data-testid="graph-drawing"]')!.hidden,
          doc.nodes?.length ?? 0,
          { timeout: 60_000 },
        );
        await page.waitForTimeout(500);
        await page.getByRole('button', { name: 'Fit' }).click();
        await page.waitForTimeout(400);
        const m = await page.evaluate(() => {
          const { cy } = window.__lmpv;
          const z = cy.zoom();
          const min = (sel: string) => Math.min(...cy.$(sel).map((n) => Number(n.numericStyle('font-size')) * z));
          return { zoom: z, node: min('node.host'), network: min('node.network'), nic: min('node.nic'), site: min('node.site') };
        });
        console.log(`${w}x${h}${process.env.PANEL === 'hidden' ? ' panel hidden' : ''} ${name}: zoom ${m.zoom.toFixed(2)} node ${m.node.toFixed(1)} network ${m.network.toFixed(1)} nic ${m.nic.toFixed(1)} site ${m.site.toFixed(1)}`);
        await page.screenshot({ path: `${outDir}/${name}-${w}x${h}${process.env.PANEL === 'hidden' ? '-panel-hidden' : ''}.png` });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

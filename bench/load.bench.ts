/**
 * First load and first open (issue 16), on the built app in Chromium:
 * - the JavaScript a first visit loads, gzipped: what index.html loads (the entry and the
 *   chunks it preloads), the diagram's chunk the entry fetches at boot, and the rest (on demand);
 * - the first open of each lazily loaded dialog and tab in a page (its chunk in the browser's
 *   cache from an earlier visit, not yet loaded by the page): from the click to the first frame
 *   painted with it. Budget 100 ms. Prints figures; never fails.
 *
 *   npx vite build --outDir dist && npx vite-node bench/load.bench.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../test/e2e/chromium';
import { serveBuild } from '../test/e2e/server';
import { median } from './util';

const DIST = process.env.E2E_DIST ?? 'dist';
const INITIAL_BUDGET_KB = 200;
const OPEN_BUDGET_MS = 100;

function gzKb(file: string): number {
  return gzipSync(readFileSync(join(DIST, file))).length / 1000;
}

function sizes(): void {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const all = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js') && !f.includes('worker')).map((f) => `assets/${f}`);
  const diagram = all.filter((f) => /\/GraphView-/.test(f));
  const initialKb = initial.reduce((s, f) => s + gzKb(f), 0);
  const diagramKb = diagram.reduce((s, f) => s + gzKb(f), 0);
  const restKb = all.filter((f) => !initial.includes(f) && !diagram.includes(f)).reduce((s, f) => s + gzKb(f), 0);
  console.log('# First load (gzip, as served)');
  console.log(`initial JavaScript (index.html: entry + ${initial.length - 1} preloaded chunks): ${initialKb.toFixed(1)} KB  budget ${INITIAL_BUDGET_KB} KB: ${initialKb <= INITIAL_BUDGET_KB ? 'within' : 'OVER'}`);
  console.log(`the diagram's chunk (cytoscape + canvas), fetched by the entry as it boots: ${diagramKb.toFixed(1)} KB; a first visit downloads ${(initialKb + diagramKb).toFixed(1)} KB in all`);
  console.log(`loaded on demand (dialogs, tabs, file formats, share links): ${restKb.toFixed(1)} KB in ${all.length - initial.length - diagram.length} chunks`);
}

type Target = { name: string; open: string; ready: string };
// `open`: the element clicked; `ready`: what shows once the dialog or tab is there.
const TARGETS: Target[] = [
  { name: 'All pairs tab', open: '#tab-matrix', ready: '#tabpanel-matrix > :not(.lazy-loading)' },
  { name: 'Validation tab', open: '#tab-validation', ready: '#tabpanel-validation > :not(.lazy-loading)' },
  { name: 'Export dialog', open: 'button[title^="Export"]', ready: '[role="dialog"]' },
  { name: 'PowerShell dialog', open: 'button[title^="PowerShell"]', ready: '[role="dialog"]' },
  { name: 'Import cluster dialog', open: 'button[title^="Import cluster"]', ready: '[role="dialog"]' },
];

async function main(): Promise<void> {
  sizes();
  const { server, url } = await serveBuild(DIST);
  const browser = await launch();
  try {
    // One visit loads every chunk once (the browser's cache keeps them), then each figure is the
    // first open in a new page of the same browser.
    // One browser context: its pages share the HTTP cache.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const open = async (): Promise<import('playwright-core').Page> => {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => Boolean((window as unknown as { __lmpv?: { cy?: unknown } }).__lmpv?.cy));
      return page;
    };
    const warm = await open();
    for (const t of TARGETS) {
      await openFirst(warm, t);
      await warm.keyboard.press('Escape');
    }
    console.log('\n# First open of what loads on demand (Chromium, warm cache, new page each time)');
    for (const t of TARGETS) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const page = await open();
        await page.waitForTimeout(400);
        times.push(await openFirst(page, t));
        await page.close();
      }
      const med = median(times);
      console.log(`${t.name}: click → first frame with it: median ${med.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, n=${times.length})  budget ${OPEN_BUDGET_MS} ms: ${med <= OPEN_BUDGET_MS ? 'within' : 'OVER'}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Clicks `open` and resolves with the time to the first frame painted after `ready` appeared. */
async function openFirst(page: import('playwright-core').Page, t: Target): Promise<number> {
  return page.evaluate(
    ({ open, ready }) =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector<HTMLElement>(open);
        if (!button) return reject(new Error(`nothing to click for ${open}`));
        const t0 = performance.now();
        button.click();
        const poll = (): void => {
          if (!document.querySelector(ready)) return void requestAnimationFrame(poll);
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - t0);
            channel.port2.postMessage(null);
          });
        };
        poll();
      }),
    t,
  );
}

await main();

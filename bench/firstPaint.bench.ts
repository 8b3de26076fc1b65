/**
 * First paint in Chromium (issue 16): opening a 64-node design (the store's `load`) until the
 * diagram has been drawn and the frame painted, against bare cytoscape drawing the same elements
 * (positions, data, classes) with the same stylesheet in a container of the same size, in the same
 * page. The two are measured alternately, round after round, so a loaded machine weighs on both
 * alike; the first round (code not compiled yet) is printed apart. Prints figures; never fails.
 *
 * Bare cytoscape is a second copy of the same pinned release, loaded into the page from
 * node_modules: the app's copy has its collection prototype patched (src/canvas/cyWorkarounds.ts),
 * which every instance of that copy shares, and the app keeps no originals for the bench.
 *
 *   npx vite build --outDir dist && npx vite-node bench/firstPaint.bench.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateSwitchlessMesh, generateTwoSiteCluster } from '../test/generate';
import { launch, openApp } from '../test/e2e/chromium';
import { serveBuild } from '../test/e2e/server';
import { median } from './util';
import '../test/e2e/handle';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
/** cytoscape's browser build (a UMD script that sets `window.cytoscape`), the version package.json pins. */
const BARE_CYTOSCAPE = readFileSync(createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.umd.js'), 'utf8');
const BUDGET_MS = 1000;
const BUDGET_RATIO = 1.3;

async function benchFirstPaint(dist = process.env.E2E_DIST ?? 'dist'): Promise<void> {
  const doc = generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2, name: 'Benchmark 64 nodes' });
  const small = generateSwitchlessMesh(2, 'Small');
  const { server, url } = await serveBuild(dist);
  const browser = await launch();
  try {
    const page = await openApp(browser, url);
    /** The app: load, then the first frame painted after cytoscape drew the diagram. */
    const app = async (): Promise<number> => {
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), small);
      await page.waitForTimeout(400);
      return page.evaluate(
        (d) =>
          new Promise<number>((resolve) => {
            const { cy, store } = window.__lmpv;
            const t = performance.now();
            cy.one('render', () => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - t);
              channel.port2.postMessage(null);
            });
            store.getState().actions.load(d, null);
          }),
        doc,
      );
    };
    // What the app drew, for bare cytoscape: elements with their data, positions and classes, the stylesheet.
    await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
    await page.waitForTimeout(400);
    const elements = await page.evaluate(() => window.__lmpv.cy.elements().length);
    await page.addScriptTag({ content: BARE_CYTOSCAPE });
    /** Bare cytoscape: the same elements and stylesheet, preset positions, fitted, in a fresh container. */
    const bare = async (): Promise<number> =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const { cy } = window.__lmpv;
            const json = cy.json() as { elements: { nodes: unknown[]; edges: unknown[] } };
            const els = [...json.elements.nodes, ...json.elements.edges];
            const style = (cy.style() as unknown as { json(): unknown }).json();
            const host = cy.container()!;
            const div = document.createElement('div');
            div.style.cssText = `position:fixed;left:0;top:0;width:${host.clientWidth}px;height:${host.clientHeight}px;background:#fff;z-index:9999`;
            document.body.appendChild(div);
            // The unpatched copy loaded above (the app's copy shares its patched prototype).
            const Cytoscape = (window as unknown as { cytoscape: new (o: object) => typeof cy }).cytoscape;
            const t = performance.now();
            const other = new Cytoscape({ container: div, elements: els, style, layout: { name: 'preset', fit: true, padding: 30 } });
            other.one('render', () => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                resolve(performance.now() - t);
                other.destroy();
                div.remove();
              };
              channel.port2.postMessage(null);
            });
          }),
      );
    const appMs: number[] = [];
    const bareMs: number[] = [];
    let cold: [number, number] | null = null;
    for (let i = 0; i <= ROUNDS; i++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      const [a, b] = i % 2 ? [await app(), await bare()] : [await bare(), await app()].reverse();
      if (i === 0) cold = [a!, b!];
      else {
        appMs.push(a!);
        bareMs.push(b!);
      }
      await page.waitForTimeout(300);
    }
    const stats = (xs: number[]): string => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;
    const ratios = appMs.map((a, i) => a / bareMs[i]!);
    const appMed = median(appMs);
    const ratio = median(ratios);
    console.log(`# First paint (Chromium, ${elements} diagram elements, 64 nodes; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    console.log(`open a 64-node design → diagram drawn (app): ${stats(appMs)}; budget ${BUDGET_MS} ms: ${appMed <= BUDGET_MS ? 'within' : 'OVER'}`);
    console.log(`the same elements and stylesheet in bare cytoscape: ${stats(bareMs)}`);
    console.log(`app / bare cytoscape, per round: median ${ratio.toFixed(2)} (${ratios.map((r) => r.toFixed(2)).join(' ')}); budget ${BUDGET_RATIO}: ${ratio <= BUDGET_RATIO ? 'within' : 'OVER'}`);
    if (cold) console.log(`first round (code not yet compiled): app ${cold[0].toFixed(0)} ms, bare ${cold[1].toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await benchFirstPaint();

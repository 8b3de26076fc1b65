/**
 * Screenshots for people to look at (not a test): every built-in example in both modes with its
 * default pair — the app as seen, and the exported PNG (legend included) — and a 64-node cluster
 * in the app. Build first:
 *   npx vite build --outDir dist && npx vite-node test/e2e/screenshots.ts
 * (E2E_DIST picks another build directory, SHOTS_DIR another output directory.)
 * Also prints, per picture, the overlaps cytoscape itself measures between sibling boxes and labels.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { EXAMPLES } from '../../src/examples';
import { generateTwoSiteCluster } from '../generate';
import type { TopologyDocument } from '../../src/engine';
import { launch, openApp } from './chromium';
import { serveBuild } from './server';
import './handle';

const outDir = process.env.SHOTS_DIR ?? 'artifacts/screenshots';
const dist = process.env.E2E_DIST ?? 'dist';

/** Overlapping sibling boxes (labels included) as cytoscape lays them out, e.g. `n1 × n2`. */
export const OVERLAPS_IN_PAGE = `(() => {
  const cy = window.__lmpv.cy;
  const out = [];
  const groups = new Map();
  cy.nodes().forEach((n) => {
    const p = n.parent().id() || '';
    if (!groups.has(p)) groups.set(p, []);
    groups.get(p).push(n);
  });
  for (const list of groups.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i].boundingBox({ includeLabels: true, includeOverlays: false });
        const b = list[j].boundingBox({ includeLabels: true, includeOverlays: false });
        if (a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5) out.push(list[i].id() + ' × ' + list[j].id());
      }
  return out;
})()`;

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const { server, url } = await serveBuild(dist);
  const browser = await launch();
  try {
    const page = await openApp(browser, url);
    for (const ex of process.env.SHOTS_ONLY === 'pages' ? [] : EXAMPLES) {
      await page.getByLabel('Example').selectOption(ex.id);
      for (const mode of ['ws2025', 'legacy'] as const) {
        await page.getByRole('radio', { name: mode === 'ws2025' ? 'Windows Server 2025' : 'Legacy (2022 and earlier)' }).click();
        await page.waitForTimeout(400);
        const name = `${ex.id}-${mode}`;
        await page.screenshot({ path: `${outDir}/${name}.png` });
        const png = await page.evaluate(async () => {
          const api = window.__lmpv.canvas;
          const [{ data: blob }] = (await api.exportPng({ scale: 2, background: 'white', pair: true, page: 'whole' })) as unknown as [{ data: Blob }];
          return Array.from(new Uint8Array(await blob.arrayBuffer()));
        });
        writeFileSync(`${outDir}/${name}-export.png`, Buffer.from(png));
        const overlaps = (await page.evaluate(OVERLAPS_IN_PAGE)) as string[];
        console.log(`${name}: ${overlaps.length ? `${overlaps.length} overlaps: ${overlaps.slice(0, 8).join(', ')}` : 'no overlaps'}`);
      }
    }
    if (process.env.SHOTS_ONLY !== 'pages') await largeCluster(page);
    await exportPages(page);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A 64-node cluster (the compact drawing at its largest text) with a pair, in the app at Fit. */
async function largeCluster(page: Awaited<ReturnType<typeof openApp>>): Promise<void> {
  const doc = generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2, name: 'Two-site 64-node cluster' });
  await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
  await page.evaluate(() => {
    const { actions } = window.__lmpv.store.getState();
    actions.setSource('a05');
    actions.setDestination('b20');
  });
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${outDir}/two-site-64-node-ws2025.png` });
  const names = await page.evaluate(() => {
    const { cy } = window.__lmpv;
    return Math.min(...cy.$('node.host').map((n) => Number(n.numericStyle('font-size')) * cy.zoom()));
  });
  console.log(`two-site-64-node-ws2025: smallest node name ${names.toFixed(1)} px at Fit`);
}

/** Paper exports (every page, PNG and SVG) of the designs a consultant puts in a document. */
async function exportPages(page: Awaited<ReturnType<typeof openApp>>): Promise<void> {
  const ex = (id: string): TopologyDocument => EXAMPLES.find((e) => e.id === id)!.document;
  const designs: [string, TopologyDocument, [string, string] | null][] = [
    ['3-node', ex('switchless-3-node'), ['n2', 'n3']],
    ['two-site', ex('two-site-routed'), ['n1', 'n3']],
    ['16-node', ex('two-site-16-node'), null],
    ['64-node', generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2, name: 'Two-site 64-node cluster' }), null],
  ];
  mkdirSync(`${outDir}/pages`, { recursive: true });
  for (const [name, doc, pair] of designs) {
    for (const size of ['a4', 'a3', 'letter'] as const) {
      const started = performance.now();
      const pages = await page.evaluate(
        async ({ doc, pair, size }) => {
          type Api = { exportPng(o: object): Promise<{ title: string; data: Blob }[]>; exportSvg(o: object): Promise<{ title: string; data: string }[]> };
          const w = window as unknown as { __lmpv: { canvas: Api; store: { getState(): { actions: { load(d: unknown, p: unknown): void; setSource(id: string | null): void } } } } };
          w.__lmpv.store.getState().actions.load(doc, pair);
          const withPair = pair !== null;
          const png = await w.__lmpv.canvas.exportPng({ scale: 2, background: 'white', pair: withPair, page: size });
          const svg = await w.__lmpv.canvas.exportSvg({ pair: withPair, page: size });
          return Promise.all(png.map(async (p, i) => ({ title: p.title, png: Array.from(new Uint8Array(await p.data.arrayBuffer())), svg: svg[i]!.data })));
        },
        { doc, pair, size },
      );
      pages.forEach((p, i) => {
        const file = `${outDir}/pages/${name}-${size}-${i + 1}`;
        writeFileSync(`${file}.png`, Buffer.from(p.png));
        writeFileSync(`${file}.svg`, p.svg);
      });
      console.log(`${name} ${size}: ${((performance.now() - started) / 1000).toFixed(1)} s, ${pages.length} page(s): ${pages.map((p) => p.title || 'whole').join(' | ')}`);
    }
  }
}

await main();

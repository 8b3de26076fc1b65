/**
 * Issue 24, round 4, in Chromium: the All pairs tab and an edit on the largest accepted design
 * (`generateLargestDesign`, 128 nodes, 1,024 NICs, 10,000 VMs), on the built app. Each figure
 * runs from the action until the main thread is free again (the first frame after it, then no
 * long task for 1 s), with the longest single block (the Long Tasks API) and, for the edits, the
 * action's own synchronous time split into the canvas (its `timed` spans: src/canvas/timing.ts)
 * and the rest (the store, its derived state, the panels' selectors). Prints the median and range
 * of `ROUNDS` rounds (default 3) beside the budgets, and how many matrix cells were in the page;
 * never fails.
 *
 *   npx vite build --outDir dist && npx vite-node bench/limitsPanels.bench.ts
 */
import type { Page } from 'playwright-core';
import { generateLargestDesign } from '../test/generate';
import { launch, openApp } from '../test/e2e/chromium';
import { serveBuild } from '../test/e2e/server';
import { median } from './util';
import '../test/e2e/handle';

const BLOCK_BUDGET_MS = 1000;

interface Figure {
  ms: number;
  longest: number;
  /** The action's synchronous call, and the canvas's top-level spans within it. */
  sync: number;
  canvas: number;
}

/** Runs `code` in the page and waits until the main thread has been free for 1 s. */
async function measure(page: Page, code: string): Promise<Figure> {
  return page.evaluate(
    (c) =>
      new Promise<Figure>((resolve) => {
        const longTasks: { start: number; end: number }[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
        });
        observer.observe({ type: 'longtask', buffered: false });
        const { timing } = window.__lmpv;
        timing.spans.length = 0;
        timing.on = true;
        const t0 = performance.now();
        new Function(c)();
        const sync = performance.now() - t0;
        let canvas = 0;
        let end = -Infinity;
        for (const s of [...timing.spans].filter((x) => x.start < t0 + sync).sort((a, b) => a.start - b.start)) {
          if (s.start >= end) canvas += s.ms; // top-level spans only (nested ones lie within)
          end = Math.max(end, s.start + s.ms);
        }
        let firstFrame = 0;
        const check = (): void => {
          requestAnimationFrame(() =>
            setTimeout(() => {
              if (firstFrame === 0) firstFrame = performance.now();
              const busyEnd = Math.max(firstFrame, ...longTasks.map((x) => x.end));
              if (performance.now() - busyEnd < 1000) return void setTimeout(check, 100);
              observer.disconnect();
              timing.on = false;
              resolve({ ms: busyEnd - t0, longest: Math.max(0, ...longTasks.map((x) => x.end - x.start)), sync, canvas });
            }, 0),
          );
        };
        check();
      }),
    code,
  );
}

const range = (xs: number[]): string => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

function line(label: string, runs: Figure[], budget: number, split = false): string {
  const ms = runs.map((r) => r.ms);
  const longest = runs.map((r) => r.longest);
  const within = (x: number, b: number): string => (x <= b ? 'within' : 'OVER');
  const parts = split ? `; the action itself ${range(runs.map((r) => r.sync))}: canvas ${range(runs.map((r) => r.canvas))}, store and panels ${range(runs.map((r) => r.sync - r.canvas))}` : '';
  return `${label}: ${range(ms)} until the main thread is free (budget ${budget} ms: ${within(median(ms), budget)}); longest block ${range(longest)} (budget ${BLOCK_BUDGET_MS} ms: ${within(median(longest), BLOCK_BUDGET_MS)})${parts}`;
}

const tab = (id: string): string => `document.querySelector('#tab-${id}').click()`;
const cellsInPage = (page: Page): Promise<number> => page.evaluate(() => document.querySelectorAll('td.mx-cell').length);

export async function benchLimitsPanels(dist = process.env.E2E_DIST ?? 'dist', rounds = Number(process.env.ROUNDS ?? 3)): Promise<void> {
  const largest = generateLargestDesign({ vms: true });
  const { server, url } = await serveBuild(dist);
  const browser = await launch();
  try {
    const page = await openApp(browser, url);
    const load = (await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ');
    console.log(`# The All pairs tab and edits on the largest accepted design in Chromium (issue 24, round 4; ${dist}; load average ${load})`);
    await page.evaluate((d) => {
      (window as unknown as { __doc: unknown }).__doc = d;
    }, largest);
    await measure(page, 'window.__lmpv.store.getState().actions.load(window.__doc, null)');
    const vm = largest.vms![0]!;
    const node = largest.nodes![0]!.id;
    const figures: Record<string, Figure[]> = { matrix: [], scrolled: [], vm: [], rename: [], vmOnTab: [] };
    let cells = 0;
    let cellsScrolled = 0;
    for (let i = 0; i < rounds; i++) {
      await measure(page, tab('path'));
      figures.matrix!.push(await measure(page, tab('matrix')));
      cells = await cellsInPage(page);
      figures.scrolled!.push(await measure(page, "const s = document.querySelector('.mx-scroll'); s.scrollTop = s.scrollHeight; s.scrollLeft = s.scrollWidth"));
      cellsScrolled = await cellsInPage(page);
      figures.vmOnTab!.push(await measure(page, `window.__lmpv.store.getState().actions.edit({ type: 'update-vm', id: '${vm.id}', patch: { memoryGB: ${vm.memoryGB + 1 + i} } })`));
      await measure(page, tab('path'));
      figures.vm!.push(await measure(page, `window.__lmpv.store.getState().actions.edit({ type: 'update-vm', id: '${vm.id}', patch: { memoryGB: ${vm.memoryGB + 10 + i} } })`));
      figures.rename!.push(await measure(page, `window.__lmpv.store.getState().actions.edit({ type: 'update-node', id: '${node}', patch: { name: 'Renamed ${i}' } })`));
    }
    console.log(line(`All pairs tab (from the Path tab; ${cells} matrix cells in the page)`, figures.matrix!, 1000));
    console.log(line(`the matrix scrolled to its far corner (${cellsScrolled} cells)`, figures.scrolled!, 1000));
    console.log(line("an edit (one VM's memory) → drawn, the Path tab open", figures.vm!, 200, true));
    console.log(line("an edit (one VM's memory) → drawn, the All pairs tab open", figures.vmOnTab!, 200, true));
    console.log(line('an edit (a node renamed) → drawn, the Path tab open', figures.rename!, 200, true));
  } finally {
    await browser.close();
    await server.close();
  }
}

await benchLimitsPanels();

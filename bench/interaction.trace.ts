/**
 * A timeline of one action's frame (issue 25, frames): a DevTools trace (devtools.timeline) of a pick, a
 * what-if, a restore, a clear or a mouse click on the 64-node 8-NIC cluster, printed as the renderer
 * main thread's tasks from the action to the painted frame and what each holds (script, style,
 * layout, paint, cytoscape's frame), so a frame's parts can be read without the DevTools UI.
 *
 *   npx vite build --minify false --outDir /tmp/prof && E2E_DIST=/tmp/prof ACTION=pick npx vite-node bench/interaction.trace.ts
 */
import type { CDPSession, Page } from 'playwright-core';
import { generateSwitchlessMesh } from '../test/generate';
import { launch, openApp } from '../test/e2e/chromium';
import { serveBuild } from '../test/e2e/server';
import { benchCluster, settle } from './interactionDesign';
import '../test/e2e/handle';

const RATE = Number(process.env.RATE ?? 1);
const MIN = Number(process.env.MIN ?? 0.3);
const DEPTH = Number(process.env.DEPTH ?? 3);
const TAIL = Number(process.env.TAIL ?? 0);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs. */
  tdur?: number;
  cat?: string;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string };
}

/** Runs `run` in the page, marks the start and the painted frame (user timing), and waits a moment. */
async function marked(page: Page, run: string): Promise<void> {
  await page.evaluate(
    (what) =>
      new Promise<void>((resolve) => {
        const { actions } = window.__lmpv.store.getState();
        performance.mark('lmpv-start');
        new Function('actions', 'lmpv', what)(actions, window.__lmpv);
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            performance.mark('lmpv-painted');
            setTimeout(resolve, 400);
          };
          ch.port2.postMessage(null);
        });
      }),
    run,
  );
}

async function main(): Promise<void> {
  const what = process.env.ACTION ?? 'pick';
  const [src, dst] = ['a03', 'b07'];
  const doc = benchCluster();
  const small = generateSwitchlessMesh(2, 'Small');
  const { server, url } = await serveBuild(process.env.E2E_DIST ?? 'dist');
  const browser = await launch();
  try {
    const page = await openApp(browser, url);
    const cdp: CDPSession = await page.context().newCDPSession(page);
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    // A first round warms the code paths up.
    for (let round = 0; round < 2; round++) {
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), small);
      await settle(page, 300);
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
      await settle(page, 500);
      await page.evaluate((id) => window.__lmpv.store.getState().actions.pickNode(id, [id]), src);
      await settle(page, 300);
      const pick = `actions.pickNode(${JSON.stringify(dst)}, [${JSON.stringify(dst)}])`;
      let run: string | null = null;
      if (what === 'pick') run = pick;
      else if (what === 'clear') {
        await marked(page, pick);
        await settle(page, 300);
        run = 'actions.setDestination(null); actions.setSource(null)';
      } else if (what === 'whatif' || what === 'restore') {
        await marked(page, pick);
        await settle(page, 300);
        const net = await page.evaluate(() => window.__lmpv.overlay?.nodes('.network.chosen').first().id() || window.__lmpv.cy.nodes('.network.chosen').first().id());
        run = `actions.toggleFailed(${JSON.stringify(net)})`;
        if (what === 'restore') {
          await marked(page, run);
          await settle(page, 300);
          run = 'actions.restoreAll()';
        }
      }
      // PRE: script run in the page before the traced action (an experiment).
      if (process.env.PRE) await page.evaluate(process.env.PRE);
      const events: TraceEvent[] = [];
      const last = round === 1;
      if (last) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
        cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
        await cdp.send('Tracing.start', {
          categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame,blink.user_timing,v8.execute,toplevel' + (process.env.CATS ? `,${process.env.CATS}` : ''),
          transferMode: 'ReportEvents',
        } as never);
      }
      if (run) await marked(page, run);
      else {
        const p = await page.evaluate((target) => {
          const bb = window.__lmpv.cy.getElementById(target).renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
          return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
        }, dst);
        await page.evaluate(() => {
          addEventListener('mousedown', () => performance.mark('lmpv-start'), { capture: true, once: true });
          const unsubscribe = window.__lmpv.store.subscribe((s) => {
            if (!s.ui.destinationNodeId) return;
            unsubscribe();
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => performance.mark('lmpv-painted');
              ch.port2.postMessage(null);
            });
          });
        });
        await page.mouse.click(box.x + p.x, box.y + p.y, { delay: 90 });
        await page.waitForTimeout(400);
      }
      if (!last) continue;
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const mark = (n: string): TraceEvent | undefined => events.find((e) => e.name === n && e.cat !== undefined);
      const start = events.find((e) => e.name === 'lmpv-start');
      const end = events.find((e) => e.name === 'lmpv-painted');
      if (!start || !end) throw new Error('marks missing');
      void mark;
      const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start.pid)!;
      const t0 = start.ts;
      const t1 = end.ts + TAIL * 1000;
      const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts + (e.dur ?? 0) >= t0 - 2000 && e.ts <= t1).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      console.log(`# ${what} at ${RATE}×: start → painted ${((end.ts - t0) / 1000).toFixed(1)} ms`);
      const stack: TraceEvent[] = [];
      for (const e of mine) {
        while (stack.length && stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0) <= e.ts) stack.pop();
        const ms = (e.dur ?? 0) / 1000;
        if (stack.length < DEPTH && ms >= MIN) {
          const d = e.args?.data ?? {};
          const info = [d.functionName, d.url && String(d.url).split('/').pop(), d.lineNumber, d.type, d.frame === undefined ? undefined : '', d.nodeName].filter((x) => x !== undefined && x !== '').join(' ');
          console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} ${'  '.repeat(stack.length)}${e.name} ${ms.toFixed(1)} ms (cpu ${((e.tdur ?? 0) / 1000).toFixed(1)}) ${info}`);
        }
        stack.push(e);
      }
      if (process.env.WHILE) {
        const c = mine.find((e) => e.name === process.env.WHILE && e.ts >= t0);
        if (c) {
          console.log(`\n# other threads during ${c.name} (${((c.ts - t0) / 1000).toFixed(1)} ms, ${((c.dur ?? 0) / 1000).toFixed(1)} ms)`);
          const tn = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
          for (const e of events) if (e.ph === 'X' && e.ts < c.ts + (c.dur ?? 0) && e.ts + (e.dur ?? 0) > c.ts && (e.dur ?? 0) > 100 && !(e.pid === main.pid && e.tid === main.tid))
            console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} ${tn.get(`${e.pid}:${e.tid}`)} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms`);
        }
      }
      // The main thread's CPU time from the action to the painted frame, by kind (top-level tasks' parts).
      const sum = new Map<string, [number, number]>();
      const within = mine.filter((e) => e.ts + (e.dur ?? 0) >= t0 && e.ts <= end.ts);
      let cpu = 0;
      for (const e of within) {
        if (e.name === 'ThreadControllerImpl::RunTask') cpu += (e.tdur ?? 0) / 1000;
        if (!['FireAnimationFrame', 'Commit', 'Paint', 'Layout', 'UpdateLayoutTree', 'PrePaint', 'EventDispatch', 'Receive mojo message', 'SimpleWatcher::OnHandleReady', 'TimerFire'].includes(e.name)) continue;
        const [w, c] = sum.get(e.name) ?? [0, 0];
        sum.set(e.name, [w + (e.dur ?? 0) / 1000, c + (e.tdur ?? 0) / 1000]);
      }
      console.log(`\nCPU ${cpu.toFixed(1)} ms in tasks; ${[...sum].map(([k, [w, c]]) => `${k} ${w.toFixed(1)}/${c.toFixed(1)}`).join(' · ')} (wall/cpu ms)`);
      // Other threads' painting (compositor, raster) in the window.
      const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
      const other = new Map<string, number>();
      for (const e of events) if (e.ph === 'X' && e.ts >= t0 && e.ts <= t1 && !(e.pid === main.pid && e.tid === main.tid) && /Raster|Paint|Draw|Composite|Gpu/i.test(e.name)) {
        const k = `${names.get(`${e.pid}:${e.tid}`)} ${e.name}`;
        other.set(k, (other.get(k) ?? 0) + (e.dur ?? 0) / 1000);
      }
      console.log('\n# other threads (ms, summed, may nest)');
      for (const [k, v] of [...other].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${v.toFixed(1).padStart(7)} ${k}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

/**
 * The speed a person feels (issue 25), in Chromium on the built app: a 64-node two-site cluster
 * with 8 NICs per node (512 NICs), each action timed from the store action — called through
 * `window.__lmpv` as a click calls it — to the next painted frame (the frame's callback, then a
 * task queued from it: it runs once that frame is painted). At 1× and at 4× CPU throttling
 * (DevTools' `Emulation.setCPUThrottlingRate`), `ROUNDS` rounds each (default 5): median and
 * range, beside the budgets. Then where the time goes (medians of the rounds):
 *   - store: the action and the store's subscribers, less the canvas's own spans (the panels'
 *     selectors, autosave, …);
 *   - canvas: deriving the view, restyling the diagram (src/canvas/timing.ts spans);
 *   - React: its render and commit of the panels (from the action's return to a microtask queued
 *     after React's);
 *   - wait: until the frame begins; draw: the frame itself (cytoscape's drawing, the browser's
 *     layout and paint) until it is painted.
 * Also: a real mouse click picking the destination (its release to the painted frame), and a node
 * dragged with the mouse (frames per second from the frames' time stamps). Prints figures; never fails.
 *
 *   npx vite build --outDir dist && npx vite-node bench/interaction.bench.ts
 */
import type { CDPSession, Page } from 'playwright-core';
import { generateSwitchlessMesh } from '../test/generate';
import { launch, openApp } from '../test/e2e/chromium';
import { serveBuild } from '../test/e2e/server';
import { median } from './util';
import { benchCluster, settle } from './interactionDesign';
import '../test/e2e/handle';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const RATES = (process.env.RATES ?? '1,4').split(',').map(Number);
const PAIRS: [string, string][] = [['a03', 'b07'], ['b12', 'a21'], ['a09', 'a26'], ['b30', 'a05'], ['a17', 'b02']];

/** Budgets (ms) at 1× and 4×. */
const BUDGETS: Record<Action, [number, number]> = {
  open: [250, 1000],
  pick: [33, 100],
  whatif: [33, 100],
  restore: [33, 100],
  clear: [33, 100],
  click: [33, 100],
};
const LABELS: Record<Action, string> = {
  open: 'open the design (load → drawn)',
  pick: 'pick the destination (the pair lit on the diagram)',
  whatif: 'fail a network on the path (what-if)',
  restore: 'restore all',
  clear: 'clear the pair (both selects to — choose —)',
  click: 'pick the destination with a mouse click on its name',
};
const DRAG_FPS_BUDGET = 50;

type Action = 'open' | 'pick' | 'whatif' | 'restore' | 'clear' | 'click';

interface Sample {
  total: number;
  store: number;
  canvas: Record<string, number>;
  react: number;
  wait: number;
  draw: number;
  /** Canvas spans after the frame (the diagram catching up with the overlay). */
  later: number;
  /** To the frame painted after the side panel and the legend last changed (they may follow the diagram). */
  panels: number;
}

type Step = { kind: 'load'; doc: unknown } | { kind: 'pick'; id: string } | { kind: 'fail'; id: string } | { kind: 'restore' } | { kind: 'clear' };

/** Runs one step in the page and times it to the next painted frame. */
async function timeStep(page: Page, step: Step): Promise<Sample> {
  return page.evaluate(
    (st) =>
      new Promise<Sample>((resolve) => {
        const { store, timing, cy } = window.__lmpv;
        const { actions } = store.getState();
        timing.spans.length = 0;
        timing.on = true;
        let drawn = st.kind !== 'load'; // a load ends with cytoscape's first drawing of the new elements
        if (!drawn) cy.one('render', () => (drawn = true));
        // The side panel and the legend: the frame painted after their last change.
        let changed = 0;
        const watched = [document.querySelector('.side-panel'), document.querySelector('.graph-view')].filter((x): x is Element => x !== null);
        const observer = new MutationObserver((records) => {
          if (records.some((r) => !(r.target instanceof Element && r.target.closest('.graph-canvas')))) changed = performance.now();
        });
        for (const w of watched) observer.observe(w, { subtree: true, childList: true, characterData: true, attributes: true });
        const painted: number[] = [];
        let stopAt = Infinity;
        const watch = (): void => {
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              painted.push(performance.now());
              if (performance.now() < stopAt) watch();
            };
            channel.port2.postMessage(null);
          });
        };
        watch();
        const t0 = performance.now();
        if (st.kind === 'load') actions.load(st.doc as Parameters<typeof actions.load>[0], null);
        else if (st.kind === 'pick') actions.pickNode(st.id, [st.id]);
        else if (st.kind === 'fail') actions.toggleFailed(st.id);
        else if (st.kind === 'restore') actions.restoreAll();
        else {
          actions.setDestination(null);
          actions.setSource(null);
        }
        const t1 = performance.now();
        queueMicrotask(() => {
          const t2 = performance.now();
          const frame = (): void => {
            requestAnimationFrame((frameStart) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                if (!drawn) return frame();
                const t3 = performance.now();
                stopAt = t3 + 600;
                const before = timing.spans.filter((s) => s.start < t3);
                const canvas: Record<string, number> = {};
                for (const s of before) canvas[s.name] = (canvas[s.name] ?? 0) + s.ms;
                // Spans nest (the restyle holds the classes, the names, the fit): their union is the canvas's part.
                const union = (spans: { start: number; ms: number }[]): number => {
                  let sum = 0;
                  let end = -Infinity;
                  for (const x of [...spans].sort((a, b) => a.start - b.start)) {
                    const e = x.start + x.ms;
                    if (e > end) sum += e - Math.max(x.start, end);
                    end = Math.max(end, e);
                  }
                  return sum;
                };
                const inAction = union(before.filter((s) => s.start < t1));
                // The diagram's catching up after the frame, given a moment to happen.
                setTimeout(() => {
                  timing.on = false;
                  observer.disconnect();
                  const later = union(timing.spans.filter((s) => s.start >= t3));
                  const panelsAt = changed ? (painted.find((p) => p > changed) ?? painted[painted.length - 1]!) : t3;
                  resolve({ total: t3 - t0, store: t1 - t0 - inAction, canvas, react: t2 - t1, wait: Math.max(0, frameStart - t2), draw: t3 - Math.max(frameStart, t2), later, panels: Math.max(t3, panelsAt) - t0 });
                }, 700);
              };
              channel.port2.postMessage(null);
            });
          };
          frame();
        });
      }),
    step,
  );
}

/** A real click on a node's name, from the button's release to the frame painted after the store changed. */
async function clickPick(page: Page, id: string, origin: { x: number; y: number }): Promise<number> {
  const p = await page.evaluate((target) => {
    const bb = window.__lmpv.cy.getElementById(target).renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2, w: bb.w, h: bb.h };
  }, id);
  if (!(p.w > 0 && p.h > 0)) throw new Error(`${id} has no drawn name to click.`);
  await page.evaluate(() => {
    const w = window as Window & { __benchClick?: Promise<number> };
    w.__benchClick = new Promise<number>((resolve) => {
      let released = 0;
      window.addEventListener('mouseup', (e) => (released = e.timeStamp), { capture: true, once: true });
      const unsubscribe = window.__lmpv.store.subscribe((s) => {
        if (!s.ui.destinationNodeId) return;
        unsubscribe();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - released);
          channel.port2.postMessage(null);
        });
      });
    });
  });
  await page.mouse.click(origin.x + p.x, origin.y + p.y, { delay: 90 });
  const ms = await page.evaluate(() => (window as Window & { __benchClick?: Promise<number> }).__benchClick!);
  const dst = await page.evaluate(() => window.__lmpv.store.getState().ui.destinationNodeId);
  if (dst !== id) throw new Error(`The click on ${id} picked ${dst}: the benchmark did not reach the node.`);
  return ms;
}

/** Drags a node by its name with the mouse, move after move; frames per second from the frames' time stamps. */
async function drag(page: Page, id: string, origin: { x: number; y: number }): Promise<{ fps: number; worst: number; moves: number }> {
  const p = await page.evaluate((target) => {
    const bb = window.__lmpv.cy.getElementById(target).renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
  }, id);
  const x = origin.x + p.x;
  const y = origin.y + p.y;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 4, y + 2);
  await page.waitForTimeout(100);
  const before = await page.evaluate((target) => ({ ...window.__lmpv.cy.getElementById(target).position() }), id);
  await page.evaluate(() => {
    const w = window as Window & { __frames?: number[]; __framesOn?: boolean };
    w.__frames = [];
    w.__framesOn = true;
    const tick = (t: number): void => {
      if (!w.__framesOn) return;
      w.__frames!.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  let moves = 0;
  const end = Date.now() + 1500;
  while (Date.now() < end) {
    moves++;
    const dx = 40 * Math.sin(moves / 6);
    await page.mouse.move(x + 4 + dx, y + 2 + moves * 0.5);
  }
  const frames = await page.evaluate(() => {
    const w = window as Window & { __frames?: number[]; __framesOn?: boolean };
    w.__framesOn = false;
    return w.__frames!;
  });
  const after = await page.evaluate((target) => ({ ...window.__lmpv.cy.getElementById(target).position() }), id);
  await page.mouse.up();
  if (Math.abs(after.y - before.y) < 1) throw new Error(`Dragging ${id} did not move it: the benchmark did not grab the node.`);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  return { fps: ((frames.length - 1) * 1000) / (frames[frames.length - 1]! - frames[0]!), worst: Math.max(...gaps), moves };
}

const fmt = (xs: number[], digits = 0): string => `median ${median(xs).toFixed(digits)} ms (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

async function main(): Promise<void> {
  const doc = benchCluster();
  const small = generateSwitchlessMesh(2, 'Small');
  const { server, url } = await serveBuild(process.env.E2E_DIST ?? 'dist');
  const browser = await launch();
  const os = await import('node:os');
  try {
    const page = await openApp(browser, url);
    const cdp: CDPSession = await page.context().newCDPSession(page);
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    console.log(`# What a person feels (Chromium, 64 nodes × 8 NICs, two sites; ${ROUNDS} rounds per rate; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    console.log("(canvas spans nest: 'restyle the diagram' holds 'classes and labels', 'names grown for the zoom' and 'fit'; 'store' is the action less the canvas)");
    for (const rate of RATES) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const samples = new Map<Action, Sample[]>();
      const clicks: number[] = [];
      const push = (a: Action, s: Sample): void => void samples.set(a, [...(samples.get(a) ?? []), s]);
      // Round 0 warms the code paths up (not counted).
      for (let round = 0; round <= ROUNDS; round++) {
        const [src, dst] = PAIRS[round % PAIRS.length]!;
        await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), small);
        await settle(page, 300);
        const open = await timeStep(page, { kind: 'load', doc });
        await settle(page, 400);
        await page.evaluate((id) => window.__lmpv.store.getState().actions.pickNode(id, [id]), src);
        await settle(page, 250);
        const pick = await timeStep(page, { kind: 'pick', id: dst });
        await settle(page, 250);
        // A network the chosen path crosses (its first network): the path moves elsewhere.
        // (Read on the highlight layer, where the lit path is drawn; a build before the layer lit the diagram itself.)
        const net = await page.evaluate(() => window.__lmpv.overlay?.nodes('.network.chosen').first().id() || window.__lmpv.cy.nodes('.network.chosen').first().id());
        if (!net) throw new Error('No network is lit on the chosen path.');
        const whatif = await timeStep(page, { kind: 'fail', id: net });
        await settle(page, 250);
        const restore = await timeStep(page, { kind: 'restore' });
        await settle(page, 250);
        const clear = await timeStep(page, { kind: 'clear' });
        await settle(page, 250);
        // The same pick with the mouse, at Fit (the names read there on this cluster).
        await page.evaluate((id) => window.__lmpv.store.getState().actions.pickNode(id, [id]), src);
        await settle(page, 250);
        const click = await clickPick(page, dst, box);
        await settle(page, 250);
        if (round === 0) continue;
        push('open', open);
        push('pick', pick);
        push('whatif', whatif);
        push('restore', restore);
        push('clear', clear);
        clicks.push(click);
      }
      console.log(`\n## ${rate}× CPU${rate > 1 ? ' (DevTools throttling)' : ''}`);
      const i = rate > 1 ? 1 : 0;
      for (const a of ['open', 'pick', 'whatif', 'restore', 'clear'] as const) {
        const xs = samples.get(a)!;
        const totals = xs.map((s) => s.total);
        const budget = BUDGETS[a][i];
        const med = median(totals);
        const panels = xs.map((s) => s.panels);
        console.log(`${LABELS[a]}: ${fmt(totals)}  budget ${budget} ms: ${med <= budget ? 'within' : 'OVER'}; panels and legend painted: ${fmt(panels)}`);
        const names = [...new Set(xs.flatMap((s) => Object.keys(s.canvas)))];
        const parts = [
          `store ${median(xs.map((s) => s.store)).toFixed(1)}`,
          ...names.map((n) => `${n} ${median(xs.map((s) => s.canvas[n] ?? 0)).toFixed(1)}`),
          `React ${median(xs.map((s) => s.react)).toFixed(1)}`,
          `wait for the frame ${median(xs.map((s) => s.wait)).toFixed(1)}`,
          `frame (cytoscape draws, browser paints) ${median(xs.map((s) => s.draw)).toFixed(1)}`,
        ];
        const later = median(xs.map((s) => s.later));
        console.log(`  where: ${parts.join(' · ')} ms${later > 0.5 ? `; after the frame, the diagram catches up: ${later.toFixed(1)} ms` : ''}`);
      }
      const clickBudget = BUDGETS.click[i];
      console.log(`${LABELS.click}, at Fit (release → painted frame): ${fmt(clicks)}  budget ${clickBudget} ms: ${median(clicks) <= clickBudget ? 'within' : 'OVER'}`);
      // A node dragged by its name, at Fit.
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
      await settle(page, 400);
      const drags: { fps: number; worst: number; moves: number }[] = [];
      for (const [id] of PAIRS.slice(0, 3)) {
        drags.push(await drag(page, id, box));
        await settle(page, 400);
      }
      const fps = drags.map((d) => d.fps);
      const medFps = median(fps);
      console.log(`drag a node with the mouse (${drags.map((d) => d.moves).join('/')} moves in 1.5 s): median ${medFps.toFixed(1)} frames/s (${Math.min(...fps).toFixed(1)}–${Math.max(...fps).toFixed(1)}), longest frame ${Math.max(...drags.map((d) => d.worst)).toFixed(0)} ms${rate === 1 ? `  budget ≥ ${DRAG_FPS_BUDGET} frames/s: ${medFps >= DRAG_FPS_BUDGET ? 'within' : 'UNDER'}` : ''}`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

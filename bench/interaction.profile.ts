/**
 * Where a pick's, a what-if's and a click's time goes (issue 25, frames): CPU profiles (DevTools'
 * Profiler, 100 µs sampling) of each action on the 64-node 8-NIC cluster, from the action to the
 * painted frame, summed over ROUNDS rounds; prints the functions with the most self time and the
 * inclusive time of the top-level phases. ACTION=pick|whatif|restore|clear|click, `press` (a click's
 * press alone: the button held 150 ms) or `drag` (1.5 s); RATE (CPU throttling); TREE=<function>
 * prints the call tree under it (MIN ms, DEPTH levels). Build without minifying to read names:
 *
 *   npx vite build --minify false --outDir /tmp/prof && E2E_DIST=/tmp/prof npx vite-node bench/interaction.profile.ts
 */
import type { CDPSession, Page } from 'playwright-core';
import { generateSwitchlessMesh } from '../test/generate';
import { launch, openApp } from '../test/e2e/chromium';
import { serveBuild } from '../test/e2e/server';
import { benchCluster, settle } from './interactionDesign';
import '../test/e2e/handle';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const RATE = Number(process.env.RATE ?? 1);
const TOP = Number(process.env.TOP ?? 30);
const PAIRS: [string, string][] = [['a03', 'b07'], ['b12', 'a21'], ['a09', 'a26'], ['b30', 'a05'], ['a17', 'b02']];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const self = new Map<string, number>();
/** TREE=<function name>: the call tree under it (inclusive ms, summed over rounds). */
const TREE = process.env.TREE ?? '';
interface Tree { ms: number; kids: Map<string, Tree> }
const tree: Tree = { ms: 0, kids: new Map() };
const inclusive = new Map<string, number>();
let totalMs = 0;

function add(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode): string => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(profile.samples[i]!)!;
    if (n.callFrame.functionName === '(idle)') continue;
    totalMs += ms;
    self.set(key(n), (self.get(key(n)) ?? 0) + ms);
    if (TREE) {
      const path: string[] = [];
      for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) path.push(key(byId.get(id)!));
      const at = path.findIndex((k) => k.startsWith(`${TREE} `));
      if (at >= 0) {
        let t = tree;
        t.ms += ms;
        for (const k of path.slice(0, at).reverse()) {
          let c = t.kids.get(k);
          if (!c) t.kids.set(k, (c = { ms: 0, kids: new Map() }));
          c.ms += ms;
          t = c;
        }
      }
    }
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const k = key(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
}

async function painted(page: Page, run: string): Promise<number> {
  return page.evaluate(
    (what) =>
      new Promise<number>((resolve) => {
        const { actions } = window.__lmpv.store.getState();
        const t0 = performance.now();
        new Function('actions', 'lmpv', what)(actions, window.__lmpv);
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - t0);
          ch.port2.postMessage(null);
        });
      }),
    run,
  );
}

async function main(): Promise<void> {
  const what = process.env.ACTION ?? 'pick';
  const doc = benchCluster();
  const small = generateSwitchlessMesh(2, 'Small');
  const { server, url } = await serveBuild(process.env.E2E_DIST ?? 'dist');
  const browser = await launch();
  try {
    const page = await openApp(browser, url);
    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    const times: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const [src, dst] = PAIRS[round % PAIRS.length]!;
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), small);
      await settle(page, 300);
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
      await settle(page, 500);
      await page.evaluate((id) => window.__lmpv.store.getState().actions.pickNode(id, [id]), src);
      await settle(page, 300);
      let run: () => Promise<number>;
      if (what === 'pick') run = () => painted(page, `actions.pickNode(${JSON.stringify(dst)}, [${JSON.stringify(dst)}])`);
      else if (what === 'clear') {
        await painted(page, `actions.pickNode(${JSON.stringify(dst)}, [${JSON.stringify(dst)}])`);
        await settle(page, 300);
        run = () => painted(page, 'actions.setDestination(null); actions.setSource(null)');
      } else if (what === 'whatif' || what === 'restore') {
        await painted(page, `actions.pickNode(${JSON.stringify(dst)}, [${JSON.stringify(dst)}])`);
        await settle(page, 300);
        const net = await page.evaluate(() => window.__lmpv.overlay?.nodes('.network.chosen').first().id() || window.__lmpv.cy.nodes('.network.chosen').first().id());
        const fail = `actions.toggleFailed(${JSON.stringify(net)})`;
        if (what === 'restore') {
          await painted(page, fail);
          await settle(page, 300);
          run = () => painted(page, 'actions.restoreAll()');
        } else run = () => painted(page, fail);
      } else if (what === 'click') {
        const p = await page.evaluate((target) => {
          const bb = window.__lmpv.cy.getElementById(target).renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
          return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
        }, dst);
        run = async () => {
          const t = Date.now();
          await page.mouse.click(box.x + p.x, box.y + p.y, { delay: 90 });
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
          return Date.now() - t - 90;
        };
      } else if (what === 'press') {
        // The press of a click alone: the button held 150 ms on the destination's name, not released while profiled.
        const p = await page.evaluate((target) => {
          const bb = window.__lmpv.cy.getElementById(target).renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
          return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
        }, dst);
        await page.mouse.move(box.x + p.x, box.y + p.y);
        run = async () => {
          await page.mouse.down();
          await page.waitForTimeout(150);
          return 150;
        };
      } else if (what === 'drag') {
        await page.evaluate(() => window.__lmpv.store.getState().actions.setSource(null));
        await settle(page, 300);
        const p = await page.evaluate((target) => {
          const bb = window.__lmpv.cy.getElementById(target).renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
          return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
        }, src);
        const [x, y] = [box.x + p.x, box.y + p.y];
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.mouse.move(x + 4, y + 2);
        await page.waitForTimeout(100);
        run = async () => {
          let moves = 0;
          const end = Date.now() + 1500;
          while (Date.now() < end) {
            moves++;
            await page.mouse.move(x + 4 + 40 * Math.sin(moves / 6), y + 2 + moves * 0.5);
          }
          return moves;
        };
      } else throw new Error(`ACTION ${what}?`);
      await cdp.send('Profiler.start');
      const ms = await run();
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      if (what === 'drag' || what === 'press') await page.mouse.up();
      await settle(page, 300);
      if (round === 0) continue;
      times.push(ms);
      add(profile);
    }
    console.log(`# ${what} at ${RATE}×: ${times.map((t) => t.toFixed(0)).join(', ')} ms; profiled CPU ${(totalMs / ROUNDS).toFixed(1)} ms a round`);
    const show = (m: Map<string, number>, title: string): void => {
      console.log(`\n## ${title} (ms a round)`);
      for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${(v / ROUNDS).toFixed(2).padStart(7)}  ${k}`);
    };
    if (TREE) {
      console.log(`\n## under ${TREE}: ${(tree.ms / ROUNDS).toFixed(2)} ms a round`);
      const walk = (t: Tree, depth: number): void => {
        for (const [k, c] of [...t.kids].sort((a, b) => b[1].ms - a[1].ms)) {
          if (c.ms / ROUNDS < Number(process.env.MIN ?? 0.3) || depth > Number(process.env.DEPTH ?? 12)) continue;
          console.log(`${(c.ms / ROUNDS).toFixed(2).padStart(7)} ${'  '.repeat(depth)}${k}`);
          walk(c, depth + 1);
        }
      };
      walk(tree, 0);
    }
    show(self, 'self');
    show(inclusive, 'inclusive');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

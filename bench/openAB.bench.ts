/**
 * The open of two builds side by side (issue 25): the 64-node cluster of 8 NICs a node (or, with
 * WHICH=largest, the largest accepted design with 10,000 VMs) opened N times in each build, the
 * builds alternating open by open in one browser so that the machine's load falls on both alike.
 * Each open runs from the store's load to the first painted frame after the diagram is drawn (the
 * drawing in steps included); printed: the median and range, the fit's and the restyle's spans
 * (src/canvas/timing.ts) and the longest task. Prints figures; never fails.
 *
 *   npx vite build --outDir dist && (git stash; npx vite build --outDir dist-before; git stash pop)
 *   BUILDS=before=dist-before,after=dist N=20 RATE=1 npx vite-node bench/openAB.bench.ts
 */
import type { CDPSession, Page } from 'playwright-core';
import { generateLargestDesign, generateSwitchlessMesh } from '../test/generate';
import { launch, openApp } from '../test/e2e/chromium';
import { serveBuild } from '../test/e2e/server';
import { benchCluster } from './interactionDesign';
import '../test/e2e/handle';
const which = process.env.WHICH ?? '64';
const rate = Number(process.env.RATE ?? 1);
const N = Number(process.env.N ?? 6);
const doc = which === 'largest' ? generateLargestDesign({ vms: true }) : benchCluster();
const small = generateSwitchlessMesh(2, 'Small');
const builds = (process.env.BUILDS ?? 'before=dist-before,after=dist').split(',').map((b) => b.split('=') as [string, string]);
const browser = await launch();
const os = await import('node:os');
const pages: Record<string, Page> = {};
const servers: { close(): Promise<void> }[] = [];
const res: Record<string, { total: number[]; fit: number[]; restyle: number[]; frame: number[]; longest: number[] }> = {};
try {
  for (const [name, dist] of builds) {
    const { server, url } = await serveBuild(dist);
    servers.push(server);
    pages[name] = await openApp(browser, url);
    const cdp: CDPSession = await pages[name].context().newCDPSession(pages[name]);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    res[name] = { total: [], fit: [], restyle: [], frame: [], longest: [] };
  }
  console.log(`# ${which} open at ${rate}×, ${N} opens per build alternating; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (let r = 0; r <= N; r++) {
    for (const [name] of r % 2 ? builds : [...builds].reverse()) {
      const page = pages[name]!;
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), small);
      await page.waitForTimeout(400);
      const t = await page.evaluate((d) => new Promise<{ ms: number; spans: Record<string, number>; longest: number; frame: number }>((res) => {
        const long: number[] = [];
        const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); });
        obs.observe({ type: 'longtask' });
        const { timing, cy } = window.__lmpv; timing.spans.length = 0; timing.on = true;
        let drawnAt = 0; cy.one('render', () => (drawnAt = performance.now()));
        const t0 = performance.now();
        window.__lmpv.store.getState().actions.load(d, null);
        const done = () => { const el = document.querySelector<HTMLElement>('[data-testid=graph-drawing]'); if (el && !el.hidden) return void setTimeout(done, 20);
          requestAnimationFrame((fs) => { const ch = new MessageChannel(); ch.port1.onmessage = () => { if (!drawnAt) return void setTimeout(done, 20); const t3 = performance.now(); setTimeout(() => { obs.disconnect(); const spans: Record<string, number> = {}; for (const s of timing.spans) spans[s.name] = (spans[s.name] ?? 0) + s.ms; res({ ms: t3 - t0, spans, longest: Math.max(0, ...long), frame: t3 - fs }); }, 300); }; ch.port2.postMessage(null); }); };
        setTimeout(done, 0);
      }), doc);
      if (r === 0) continue;
      const x = res[name]!;
      x.total.push(t.ms); x.fit.push(t.spans['canvas: fit'] ?? 0); x.restyle.push(t.spans['canvas: restyle the diagram'] ?? 0); x.frame.push(t.frame); x.longest.push(t.longest);
    }
  }
  const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
  for (const [name] of builds) { const x = res[name]!; console.log(`${name}: open median ${med(x.total).toFixed(0)} ms (${Math.min(...x.total).toFixed(0)}–${Math.max(...x.total).toFixed(0)}); fit ${med(x.fit).toFixed(1)}; restyle ${med(x.restyle).toFixed(1)}; longest task ${med(x.longest).toFixed(0)}`); }
  console.log(`load after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally { await browser.close(); for (const s of servers) await s.close(); }

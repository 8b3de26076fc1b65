/**
 * Issue 27, in Chromium: a name grown for the zoom is measured at its new size. A site's name
 * grown after another design was open kept the label box of its old size, and cytoscape cut its
 * texture to that box: on the imported stretched cluster opened after the two-site example, at
 * *Fit* in a 1440 × 900 window, "Seattle" read ",eattle" and "Portland" "Portlanc" (label box 81
 * model px, the text 92). Every grown name's label box must hold its text as the browser measures
 * it (cyWorkarounds 11, render.ts `grow`).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXAMPLES } from '../../src/examples';
import { launch, openApp, pageErrors } from './chromium';
import { importedStretched } from './readableDesigns';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('names grown for the zoom', () => {
  it('the imported stretched cluster after the two-site example: every site and host name box holds its text', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    for (const doc of [EXAMPLES.find((e) => e.id === 'two-site-16-node')!.document, importedStretched()]) {
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
      await page.waitForFunction((n) => window.__lmpv.cy.$('node.host').length === n, doc.nodes!.length);
      await page.getByRole('button', { name: 'Fit' }).click();
      await page.waitForTimeout(300);
    }
    const short = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const out: string[] = [];
      window.__lmpv.cy.$('node.site, node.host').forEach((n) => {
        const label = String(n.style('label') ?? '');
        if (!label) return;
        ctx.font = `${n.style('font-weight')} ${n.style('font-size')} ${n.style('font-family')}`;
        const text = Math.max(...label.split('\n').map((l) => ctx.measureText(l).width));
        const box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }).w;
        if (box + 0.5 < text) out.push(`${n.id()} "${label}": box ${box.toFixed(1)} < text ${text.toFixed(1)}`);
      });
      return out;
    });
    expect(short).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });
});

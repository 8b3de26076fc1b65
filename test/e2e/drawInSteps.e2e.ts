/**
 * A large design is drawn in steps (issue 24; src/canvas/render.ts `STEPPED_FROM`): the store's
 * load returns before the diagram is built, the design's name and "Drawing…" cover the canvas
 * meanwhile (no click reaches the previous diagram), and the finished drawing is fitted exactly as
 * the one-task drawing before it was. A 64-node cluster of 16 NICs a node (1,024 NICs, 2,316
 * drawn elements) stands for the largest designs; the examples (under 1,500 elements) are still
 * drawn at once, and zoom.e2e.ts / graph.e2e.ts cover their fit.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIT_PADDING } from '../../src/canvas/render';
import { fitViewport } from '../../src/canvas/viewport';
import { launch, openApp, pageErrors } from './chromium';
import { drawn, sixtyFourBySixteen } from './largeDesign';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const design = sixtyFourBySixteen;

/** The app in a page of this size from the start (a resize just before the load races the fit). */
async function openSized(width: number, height: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  page.on('pageerror', (e) => ((page as Page & { errors?: string[] }).errors ??= []).push(e.message));
  await page.goto(inject('baseUrl'));
  await page.waitForFunction(() => Boolean(window.__lmpv?.cy));
  return page;
}

/** What `fitPass` (src/canvas/render.ts) computes from the drawing as it is now. */
async function oneTaskFit(page: Page): Promise<ReturnType<typeof fitViewport>> {
  const seen = await page.evaluate(() => {
    const { cy } = window.__lmpv;
    const bb = cy.elements().boundingBox({ includeLabels: true, includeOverlays: false });
    // The palette's box in canvas pixels, as the app's fit avoids it.
    return { bb: { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 }, w: cy.width(), h: cy.height(), box: window.__lmpv.floating() };
  });
  return fitViewport(seen.bb, seen.w, seen.h, seen.box, FIT_PADDING);
}

const viewport = (page: Page) =>
  page.evaluate(() => {
    const { cy } = window.__lmpv;
    return { zoom: cy.zoom(), x: cy.pan().x, y: cy.pan().y };
  });

describe('a design of 1,024 NICs', () => {
  it('opens in steps: the load returns before the diagram is built, its name and "Drawing…" showing, then every element is drawn', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const doc = design();
    const before = await page.evaluate(() => window.__lmpv.cy.$('node.host').length);
    // In the load's own task: the previous diagram is still there, the note covers the canvas.
    const atLoad = await page.evaluate((d) => {
      window.__lmpv.store.getState().actions.load(d, null);
      const note = document.querySelector<HTMLElement>('[data-testid=graph-drawing]')!;
      const canvas = document.querySelector('[data-testid=graph-canvas]')!.getBoundingClientRect();
      const hit = document.elementFromPoint(canvas.left + canvas.width / 2, canvas.top + canvas.height / 2);
      return { hosts: window.__lmpv.cy.$('node.host').length, hidden: note.hidden, text: note.textContent, covered: hit === note };
    }, doc);
    expect(before).toBeLessThan(64);
    expect(atLoad).toEqual({ hosts: before, hidden: false, text: 'Drawing 64 nodes, 16 NICs each…', covered: true });
    await drawn(page);
    const after = await page.evaluate(() => ({ hosts: window.__lmpv.cy.$('node.host').length, nics: window.__lmpv.cy.$('node.nic').length, drawing: window.__lmpv.cy.elements().length }));
    expect(after).toEqual({ hosts: 64, nics: 1024, drawing: 2316 });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    // The fit a one-task drawing makes: `fitViewport` on cytoscape's own measurement of every element
    // (labels included, names grown at that zoom) and the palette's box, as render.ts's `fitPass`.
    it(`is fitted at ${width}×${height} as when it was drawn in one task, after the open and after Auto layout`, async () => {
      const page = await openSized(width, height);
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), design());
      await drawn(page);
      const open = await viewport(page);
      const openFit = await oneTaskFit(page);
      await page.getByRole('button', { name: 'Auto layout' }).click();
      await drawn(page);
      const auto = await viewport(page);
      const autoFit = await oneTaskFit(page);
      for (const [v, fitted] of [[open, openFit], [auto, autoFit]] as const) {
        expect(v.zoom).toBeCloseTo(fitted.zoom, 3);
        expect(Math.abs(v.x - fitted.pan.x)).toBeLessThan(2);
        expect(Math.abs(v.y - fitted.pan.y)).toBeLessThan(2);
      }
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('gives what needs the view at once: Auto layout asked for in the load\'s task lays out the new design', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const doc = design();
    const saved = await page.evaluate((d) => {
      window.__lmpv.store.getState().actions.load(d, null);
      window.__lmpv.canvas.autoLayout();
      return Object.keys(window.__lmpv.store.getState().document.layout ?? {});
    }, doc);
    // Every node of the new design has a saved position (the layout of the previous, empty one would have none).
    expect(doc.nodes!.every((n) => saved.some((id) => id.startsWith(n.id)))).toBe(true);
    expect(saved.length).toBeGreaterThan(1024);
    await drawn(page);
    expect(await page.evaluate(() => window.__lmpv.cy.$('node.nic').length)).toBe(1024);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

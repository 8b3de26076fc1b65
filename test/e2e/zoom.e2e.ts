/**
 * Zoom like a map (issue 15, decisions 180–184): the wheel zooms around the pointer, eased over a
 * few frames instead of one step per event; small trackpad steps and a Ctrl+wheel pinch do the
 * same; with reduced motion a notch is one step; a view whose zooming is turned off is left
 * alone. And at Fit the floating palette covers nothing the diagram draws.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openApp, pageErrors } from './chromium';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByLabel('Example').selectOption(id);
  await page.waitForFunction(() => window.__lmpv.cy && window.__lmpv.cy.nodes().length > 0 && window.__lmpv.store.getState().design.name.length > 0);
}

interface Probe {
  zoom: number;
  pan: { x: number; y: number };
}

/** Starts recording every zoom value the diagram's cytoscape announces (its 'zoom' event). */
async function record(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __zooms: { z: number; t: number }[]; __recording?: boolean };
    w.__zooms = [];
    if (w.__recording) return;
    w.__recording = true;
    window.__lmpv.cy.on('zoom', () => w.__zooms.push({ z: window.__lmpv.cy.zoom(), t: performance.now() }));
  });
}
const zooms = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { __zooms: { z: number }[] }).__zooms.map((x) => x.z));

/**
 * Waits until the animation has settled: three animation frames in a row without a zoom event (a
 * running animation zooms in every frame), so a slow machine only makes it wait longer.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const count = () => (window as unknown as { __zooms: unknown[] }).__zooms.length;
        let seen = count();
        let quiet = 0;
        const check = (): void => {
          if (count() === seen) quiet++;
          else [seen, quiet] = [count(), 0];
          if (quiet >= 3) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

const view = (page: Page): Promise<Probe> => page.evaluate(() => ({ zoom: window.__lmpv.cy.zoom(), pan: { ...window.__lmpv.cy.pan() } }));
const modelAt = (v: Probe, p: { x: number; y: number }) => ({ x: (p.x - v.pan.x) / v.zoom, y: (p.y - v.pan.y) / v.zoom });
const renderedOf = (v: Probe, m: { x: number; y: number }) => ({ x: m.x * v.zoom + v.pan.x, y: m.y * v.zoom + v.pan.y });

/** Fits, then puts the pointer over the diagram at `at` (canvas pixels); returns the page point. */
async function pointAt(page: Page, at: { x: number; y: number }): Promise<{ x: number; y: number }> {
  await page.getByRole('button', { name: 'Fit' }).click();
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const p = { x: box.x + at.x, y: box.y + at.y };
  await page.mouse.move(p.x, p.y);
  return p;
}

describe('wheel zoom', () => {
  it('zooms in and out around the pointer: one notch is ×1.25, the point under the pointer stays within 1 px', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-16-node');
    const local = { x: 620, y: 300 };
    await pointAt(page, local);
    await record(page);
    for (const [deltaY, factor] of [
      [-100, 1.25],
      [100, 0.8],
      [100, 0.8],
    ] as const) {
      const before = await view(page);
      const anchor = modelAt(before, local);
      await page.mouse.wheel(0, deltaY);
      await page.waitForFunction(() => (window as unknown as { __zooms: unknown[] }).__zooms.length > 0);
      await settle(page);
      const after = await view(page);
      expect(after.zoom / before.zoom).toBeCloseTo(factor, 3);
      const back = renderedOf(after, anchor);
      expect(Math.abs(back.x - local.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(back.y - local.y)).toBeLessThanOrEqual(1);
      await record(page);
    }
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('small trackpad-like steps each animate through several zoom values and add up', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-routed');
    const local = { x: 500, y: 420 };
    await pointAt(page, local);
    const start = await view(page);
    const anchor = modelAt(start, local);
    for (let i = 0; i < 5; i++) {
      await record(page);
      await page.mouse.wheel(0, -20);
      await page.waitForFunction(() => (window as unknown as { __zooms: unknown[] }).__zooms.length > 0);
      await settle(page);
      const seen = new Set(await zooms(page));
      // cytoscape's own wheel zoom jumps in one step; eased, a step passes through intermediate values.
      expect(seen.size).toBeGreaterThan(1);
    }
    const end = await view(page);
    expect(end.zoom / start.zoom).toBeCloseTo(1.25, 3);
    const back = renderedOf(end, anchor);
    expect(Math.abs(back.x - local.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(back.y - local.y)).toBeLessThanOrEqual(1);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('a trackpad pinch (Ctrl+wheel) follows the fingers: exp(-deltaY/100); the page itself does not zoom', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'switchless-3-node');
    const local = { x: 700, y: 350 };
    await pointAt(page, local);
    await record(page);
    const before = await view(page);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -10);
    await page.keyboard.up('Control');
    await page.waitForFunction(() => (window as unknown as { __zooms: unknown[] }).__zooms.length > 0);
    await settle(page);
    const after = await view(page);
    expect(after.zoom / before.zoom).toBeCloseTo(Math.exp(0.1), 3);
    const back = renderedOf(after, modelAt(before, local));
    expect(Math.abs(back.x - local.x)).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
    await page.close();
  });

  it('with reduced motion asked for, a notch is one step', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-routed');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const local = { x: 640, y: 380 };
    await pointAt(page, local);
    await record(page);
    const before = await view(page);
    await page.mouse.wheel(0, -100);
    await page.waitForFunction(() => (window as unknown as { __zooms: unknown[] }).__zooms.length > 0);
    await settle(page);
    expect(await zooms(page)).toHaveLength(1);
    const after = await view(page);
    expect(after.zoom / before.zoom).toBeCloseTo(1.25, 3);
    const back = renderedOf(after, modelAt(before, local));
    expect(Math.abs(back.x - local.x)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('leaves the view alone while user zooming is turned off', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-routed');
    await pointAt(page, { x: 600, y: 400 });
    await page.evaluate(() => {
      window.__lmpv.cy.userZoomingEnabled(false);
    });
    const before = await view(page);
    await page.mouse.wheel(0, -100);
    // Two frames later an animation would have moved the zoom.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
    expect(await view(page)).toEqual(before);
    // Turned back on, the same wheel zooms.
    await page.evaluate(() => {
      window.__lmpv.cy.userZoomingEnabled(true);
    });
    await record(page);
    await page.mouse.wheel(0, -100);
    await page.waitForFunction(() => (window as unknown as { __zooms: unknown[] }).__zooms.length > 0);
    await settle(page);
    expect((await view(page)).zoom / before.zoom).toBeCloseTo(1.25, 3);
    await page.close();
  });
});

describe('Fit keeps the floating palette off the diagram', () => {
  it.each([['switchless-3-node'], ['two-site-routed'], ['two-site-16-node']])('%s at 1440×900: the palette covers no element', async (id) => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, id);
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const palette = (await page.getByRole('toolbar', { name: 'Palette' }).boundingBox())!;
    expect(palette.width).toBeGreaterThan(0);
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    const boxes = await page.evaluate(() =>
      window.__lmpv.cy.elements().map((e) => {
        const b = e.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
        return { id: e.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
      }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    const p = { x1: palette.x - canvas.x, y1: palette.y - canvas.y, x2: palette.x + palette.width - canvas.x, y2: palette.y + palette.height - canvas.y };
    const covered = boxes.filter((b) => b.x1 < p.x2 && p.x1 < b.x2 && b.y1 < p.y2 && p.y1 < b.y2).map((b) => b.id);
    expect(covered).toEqual([]);
    await page.close();
  });
});

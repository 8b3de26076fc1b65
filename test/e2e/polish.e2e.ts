/**
 * Issue 17 in a real browser, where layout and the keyboard are the point: an axe-core scan of
 * every tab, dialog and the empty and loaded states (no serious or critical violation); the
 * keyboard's first stops and the focus ring on the dark header; clicking a NIC keeps the pair
 * and a node's name picks it; the diagram re-fits after Undo, and a notice floats over it without moving it;
 * 1024×700 keeps the toolbar to two rows and the diagram to half the window or more; the
 * matrix's difference cells are not cut at 16 nodes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openApp, pageErrors } from './chromium';
import './handle';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Win = { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };

/** Serious and critical axe violations on the page as it is now: "rule-id: selector, …". */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const r = await (window as unknown as Win).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
  });
}

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByLabel('Example').selectOption(id);
  await page.waitForFunction((exampleId) => window.__lmpv.store.getState().design.nodes.length > 0 && exampleId !== '', id);
}

/** Every drawn element inside the canvas (a fitted diagram), with a pixel of slack. */
async function wholeOnScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const cy = window.__lmpv.cy;
    const b = cy.elements().renderedBoundingBox({ includeLabels: true, includeOverlays: false });
    return b.x1 >= -1 && b.y1 >= -1 && b.x2 <= cy.width() + 1 && b.y2 <= cy.height() + 1;
  });
}

/** Where an element is on the page: the canvas's box plus cytoscape's rendered position (or a point of its label). */
async function pointOf(page: Page, id: string, at: 'centre' | 'label' = 'centre'): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const p = await page.evaluate(
    ([elId, where]) => {
      const el = window.__lmpv.cy.getElementById(elId);
      if (where === 'centre') return el.renderedPosition();
      const lb = el.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
      return { x: (lb.x1 + lb.x2) / 2, y: (lb.y1 + lb.y2) / 2 };
    },
    [id, at] as const,
  );
  return { x: box.x + p.x, y: box.y + p.y };
}

/** WCAG contrast of two CSS colours (rgb()/rgba(), alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('accessibility, measured with axe-core', () => {
  it('reports no serious or critical violation on each tab, each dialog, and the empty and loaded states', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const problems: Record<string, string[]> = {};
    const scan = async (state: string): Promise<void> => {
      const p = await axeProblems(page);
      if (p.length) problems[state] = p;
    };
    await scan('loaded, Path tab');
    for (const tab of ['Details', 'Validation', 'All pairs']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await scan(`${tab} tab`);
    }
    await page.evaluate(() => window.__lmpv.store.getState().actions.select(['n1-s1']));
    await page.getByRole('tab', { name: 'Details' }).click();
    await scan('Details of a NIC');
    await page.getByRole('tab', { name: 'Path' }).click();
    for (const [button, dialog] of [
      ['Keyboard shortcuts', 'Keyboard shortcuts'],
      ['Live migration settings…', 'Live migration settings'],
      ['Export…', 'Export'],
      ['Import cluster…', 'Import a cluster'],
      ['PowerShell…', undefined],
    ] as const) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('dialog', dialog ? { name: dialog } : {}).waitFor();
      await scan(`${button} dialog`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    // Unsaved work: the Example menu asks first (a dialog too).
    await page.evaluate(() => {
      const s = window.__lmpv.store.getState();
      s.actions.edit({ type: 'update-topology', patch: { name: 'Edited' } });
    });
    await page.getByLabel('Example').selectOption('two-site-routed');
    await page.getByRole('dialog', { name: 'Open the example?' }).waitFor();
    await scan('Open the example? dialog');
    await page.getByRole('button', { name: 'Open the example' }).click();
    await page.getByRole('button', { name: 'New topology' }).click();
    await page.getByRole('note', { name: 'Empty topology' }).waitFor();
    await scan('empty topology');
    expect(problems).toEqual({});
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('keyboard', () => {
  it('starts with Skip to path, and the focus ring on the dark header has a contrast of 3:1 or more', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 10_000 }).toBe('Skip to path');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tabpanel-path');
    // The first toolbar button, focused from the keyboard: its outline against the header.
    await page.getByRole('button', { name: 'Open…' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const header = document.querySelector('.app-header')!;
      return { outline: getComputedStyle(el).outlineColor, width: getComputedStyle(el).outlineWidth, style: getComputedStyle(el).outlineStyle, header: getComputedStyle(header).backgroundColor, text: el.textContent };
    });
    expect(ring.text).toBe('Open…');
    expect(ring.style).toBe('solid');
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.outline, ring.header)).toBeGreaterThanOrEqual(3);
  });
});

describe('the diagram', () => {
  it('a click on a NIC selects it and keeps the pair; a click on a node name picks that node', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-routed'); // opens on HV01 → HV03
    const nic = await pointOf(page, 'n1-lm');
    await page.mouse.click(nic.x, nic.y);
    await expect.poll(() => page.evaluate(() => window.__lmpv.store.getState().ui.selectedIds)).toEqual(['n1-lm']);
    await expect.poll(() => page.getByLabel('Source node').inputValue(), { timeout: 10_000 }).toBe('n1');
    await expect.poll(() => page.getByLabel('Destination node').inputValue(), { timeout: 10_000 }).toBe('n3');
    // The name above HV04's box picks HV04 as a new source (the pair was complete).
    const name = await pointOf(page, 'n4', 'label');
    await page.mouse.click(name.x, name.y);
    await expect.poll(() => page.getByLabel('Source node').inputValue()).toBe('n4');
    expect(pageErrors(page)).toEqual([]);
  });

  it('re-fits after Undo brings the previous topology back; a notice floats over the diagram without moving it', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-16-node');
    await page.waitForTimeout(150);
    expect(await wholeOnScreen(page)).toBe(true);
    await page.keyboard.press('Control+z'); // back to the 3-node example
    await expect.poll(() => page.getByTestId('topology-name').textContent()).toBe('Switchless 3-node cluster');
    await expect.poll(() => wholeOnScreen(page)).toBe(true);
    // A long notice floats over the diagram (issue 27): the canvas does not move under the pointer,
    // the diagram stays whole, and the notice leaves the side panel clear.
    const canvasBox = () => page.getByTestId('canvas-area').boundingBox();
    const before = await canvasBox();
    await page.evaluate(() => window.__lmpv.store.getState().actions.notify({ kind: 'error', text: 'x', errors: Array.from({ length: 12 }, (_, i) => ({ path: `nodes[${i}]`, message: `Problem ${i}` })) }));
    await page.getByRole('alert').waitFor();
    expect(await canvasBox()).toEqual(before);
    const alert = (await page.getByRole('alert').boundingBox())!;
    expect(alert.x + alert.width).toBeLessThanOrEqual(before!.x + before!.width);
    await expect.poll(() => wholeOnScreen(page)).toBe(true);
    // From an empty topology (its hint over the canvas) to an example: fitted to the whole room.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.evaluate(() => window.__lmpv.store.getState().actions.newTopology());
    await page.getByRole('note', { name: 'Empty topology' }).waitFor();
    await openExample(page, 'switched-4-node');
    await page.waitForTimeout(150);
    const zoom = () => page.evaluate(() => window.__lmpv.cy.zoom());
    const opened = await zoom();
    await page.getByRole('button', { name: 'Fit' }).click(); // the fit of the room as it is now
    expect(Math.abs(opened / (await zoom()) - 1)).toBeLessThan(0.01); // not squeezed beside the hint
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('1024×700', () => {
  it('the toolbar takes two rows at most, the legend starts folded and the diagram keeps half the window', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.getByTestId('topology-name').waitFor();
    const rows = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('.toolbar button, .toolbar select')].filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => Math.round(el.getBoundingClientRect().top));
      return new Set(tops.map((t) => Math.round(t / 10))).size;
    });
    expect(rows).toBeLessThanOrEqual(2);
    await page.getByTestId('graph-canvas').waitFor(); // the diagram (and its legend) is a chunk of its own
    await expect.poll(() => page.getByRole('button', { name: 'Legend ▸' }).count(), { timeout: 10_000 }).toBe(1);
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    expect(canvas.height).toBeGreaterThanOrEqual(350);
    await context.close();
  });

  it('the side panel matrix shows whole difference cells at 16 nodes', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-16-node');
    await page.getByRole('tab', { name: 'All pairs' }).click();
    await page.getByRole('radio', { name: 'Difference' }).click();
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('.mx-compact .mx-cell .mx-main')].filter((el) => (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 0.5).map((el) => el.textContent),
    );
    expect(cut).toEqual([]);
    const texts = await page.evaluate(() => [...document.querySelectorAll('.mx-compact .mx-cell .mx-main')].map((el) => el.textContent).filter((t) => /\d/.test(t ?? '')));
    expect(texts.length).toBeGreaterThan(0); // some pairs save time: the check looked at numbers
  });
});

/**
 * The designer in Chromium: build the two-site routed example from an empty canvas by dragging
 * from the palette and connecting, click two nodes and get the routed path; undo walks it all back
 * and redo replays it; a reload restores the work.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { launch, openApp, pageErrors } from './chromium';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Point {
  x: number;
  y: number;
}

/** The designer seen through the page: the canvas box, the store and cy behind the test hook. */
function designer(page: Page) {
  const canvas = page.getByTestId('graph-canvas');
  const box = async () => (await canvas.boundingBox())!;
  /** Where an element is drawn, relative to the canvas. */
  const at = (id: string): Promise<Point> =>
    page.evaluate((id) => {
      const cy = window.__lmpv.cy;
      const el = cy.getElementById(id);
      if (el.empty()) throw new Error(`${id} is not drawn`);
      return el.renderedPosition();
    }, id);
  const doc = (): Promise<TopologyDocument> => page.evaluate(() => window.__lmpv.store.getState().document);
  const past = (): Promise<number> => page.evaluate(() => window.__lmpv.store.getState().past.length);
  return {
    doc,
    past,
    at,
    /** HTML5 drag from a palette item onto the canvas. */
    async drop(label: string, p: Point) {
      await page.getByRole('button', { name: `Insert ${label}` }).dragTo(canvas, { targetPosition: p });
    },
    /** Press on one element, drag, release on another (in the Connect tool). */
    async connect(from: string, to: string) {
      const b = await box();
      const p = await at(from);
      const q = await at(to);
      await page.mouse.move(b.x + p.x, b.y + p.y);
      await page.mouse.down();
      await page.mouse.move(b.x + (p.x + q.x) / 2, b.y + (p.y + q.y) / 2, { steps: 4 });
      await page.mouse.move(b.x + q.x, b.y + q.y, { steps: 4 });
      await page.mouse.up();
    },
    /** Pans the view (not the design) so that nothing drawn is under the palette overlay. */
    async clearPalette() {
      const palette = (await page.getByRole('toolbar', { name: 'Palette' }).boundingBox())!;
      const b = await box();
      await page.evaluate((right) => {
        const cy = window.__lmpv.cy;
        const left = cy.elements().renderedBoundingBox().x1;
        if (left < right) cy.panBy({ x: right - left + 10, y: 0 });
      }, palette.x + palette.width - b.x);
    },
    async click(id: string) {
      const b = await box();
      const p = await at(id);
      await page.mouse.click(b.x + p.x, b.y + p.y);
    },
    /** Picks a node for the pair: a click on its name (its centre is one of its NICs, which a click selects for Details). */
    async pick(id: string) {
      const b = await box();
      const p = await page.evaluate((id) => {
        const cy = window.__lmpv.cy;
        const lb = cy.getElementById(id).renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
        return { x: (lb.x1 + lb.x2) / 2, y: (lb.y1 + lb.y2) / 2 };
      }, id);
      await page.mouse.click(b.x + p.x, b.y + p.y);
    },
    /** Selects an element on the canvas and sets fields of its property editor. */
    async edit(id: string, fields: Record<string, string>) {
      await this.click(id);
      await page.getByRole('tab', { name: 'Details' }).click();
      const editor = page.getByRole('region', { name: 'Edit properties' });
      for (const [label, value] of Object.entries(fields)) {
        const input = editor.getByLabel(label, { exact: true });
        await input.fill(value);
        await input.press('Enter');
        await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 10_000 }).toBeNull();
      }
    },
  };
}

const ROUTED = "'Live Migration A' → 'Live Migration B' via Router A → Router B";

describe('designer', () => {
  it('builds the two-site routed example by dragging and connecting, finds the routed path, undoes, redoes and survives a reload', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const d = designer(page);
    await page.getByRole('button', { name: 'New topology' }).click();
    await expect.poll(() => page.getByTestId('topology-name').textContent(), { timeout: 10_000 }).toBe('New topology');
    const start = await d.past();

    // Two sites, two nodes and a router in each, a live migration network per site.
    await d.drop('Site', { x: 260, y: 220 });
    await d.drop('Site', { x: 760, y: 220 });
    for (const site of ['site-a', 'site-a', 'site-b', 'site-b']) await d.drop('Node', await d.at(site));
    for (const site of ['site-a', 'site-b']) await d.drop('Router', await d.at(site));
    for (const site of ['site-a', 'site-b']) {
      const p = await d.at(site);
      await d.drop('Network', { x: p.x, y: p.y + 230 });
    }
    // Everything in view, clear of the palette on the left.
    await page.getByRole('button', { name: 'Fit' }).click();
    await d.clearPalette();
    let doc = await d.doc();
    expect(doc.nodes!.map((n) => `${n.id}@${n.site}`)).toEqual(['n1@site-a', 'n2@site-a', 'n3@site-b', 'n4@site-b']);
    expect(doc.routers!.map((r) => `${r.id}@${r.site}`)).toEqual(['r1@site-a', 'r2@site-b']);

    // Named and numbered as in the example (through the property editor).
    await d.edit('net1', { Name: 'Live Migration A', Prefixes: '10.1.10.0/24' });
    await d.edit('net2', { Name: 'Live Migration B', Prefixes: '10.2.10.0/24' });
    await d.edit('r1', { Name: 'Router A' });
    await d.edit('r2', { Name: 'Router B' });

    // Connect tool: nodes to their site's network (each gets a NIC), routers as gateways, and the WAN link.
    await page.getByRole('toolbar', { name: 'Palette' }).getByRole('button', { name: /^Connect/ }).click();
    for (const [from, to] of [['n1', 'net1'], ['n2', 'net1'], ['n3', 'net2'], ['n4', 'net2'], ['r1', 'net1'], ['r2', 'net2'], ['r1', 'r2']] as const) await d.connect(from, to);
    doc = await d.doc();
    expect(doc.nics!.map((n) => `${n.node} ${n.addresses.join()}`)).toEqual(['n1 10.1.10.11/24', 'n2 10.1.10.12/24', 'n3 10.2.10.11/24', 'n4 10.2.10.12/24']);
    expect(doc.routers!.map((r) => r.interfaces.join())).toEqual(['10.1.10.1/24,172.16.0.1/30', '10.2.10.1/24,172.16.0.2/30']);

    // The route out of site A, with the next hop picked from the routers on the NIC's subnet…
    await page.keyboard.press('v');
    await d.edit('n1-nic1', {});
    const editor = page.getByRole('region', { name: 'Edit properties' });
    await editor.getByLabel('Destination').fill('10.2.10.0/24');
    await expect.poll(() => editor.getByLabel('Next hop').inputValue(), { timeout: 10_000 }).toBe('10.1.10.1');
    await editor.getByRole('button', { name: 'Add route' }).click();
    // …and the return route as the validation panel's one-click fix.
    await page.getByRole('tab', { name: /Validation/ }).click();
    await page.getByRole('button', { name: "Fix: Add the return route to 10.1.10.0/24 via 10.2.10.1 on HV03 'Live Migration B'" }).first().click();
    doc = await d.doc();
    expect(doc.nics!.find((n) => n.id === 'n3-nic1')!.routes).toEqual([{ prefix: '10.1.10.0/24', via: '10.2.10.1' }]);

    // Click HV01, then HV03: the routed path.
    await page.getByRole('tab', { name: 'Path' }).click();
    await d.pick('n1');
    await d.pick('n3');
    const region = page.getByRole('region', { name: 'Migration path' });
    await expect.poll(() => region.textContent(), { timeout: 10_000 }).toContain(ROUTED);
    const built = await d.doc();
    const steps = (await d.past()) - start;
    expect(steps).toBeGreaterThanOrEqual(25);

    // Undo walks it back, step by step, to the empty canvas; redo replays it.
    await page.keyboard.press('Control+z'); // the return route
    await expect.poll(() => region.textContent(), { timeout: 10_000 }).not.toContain(ROUTED);
    for (let i = 1; i < steps; i++) await page.keyboard.press('Control+z');
    await expect.poll(() => d.doc(), { timeout: 10_000 }).toEqual({ format: 'lm-topology', version: 1, name: 'New topology' });
    await expect.poll(() => page.evaluate(() => window.__lmpv.cy.nodes().length), { timeout: 10_000 }).toBe(0);
    for (let i = 0; i < steps; i++) await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => d.doc(), { timeout: 10_000 }).toEqual(built);
    await page.getByLabel('Source node').selectOption({ label: 'HV01' });
    await page.getByLabel('Destination node').selectOption({ label: 'HV03' });
    await expect.poll(() => region.textContent(), { timeout: 10_000 }).toContain(ROUTED);

    // A reload restores the work and the pair.
    await page.reload();
    await page.getByTestId('topology-name').waitFor();
    await expect.poll(() => d.doc(), { timeout: 10_000 }).toEqual(built);
    await expect.poll(() => page.getByRole('region', { name: 'Migration path' }).textContent(), { timeout: 10_000 }).toContain(ROUTED);
    await page.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp'}/designer-two-site.png` });
    expect(pageErrors(page)).toEqual([]);
  });

  it('re-parents a node dragged into another site and a NIC dragged onto another node, each as one undo step with its move', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const d = designer(page);
    await page.getByRole('button', { name: 'New topology' }).click();
    await d.drop('Site', { x: 220, y: 220 });
    await d.drop('Site', { x: 720, y: 220 });
    await d.drop('Node', await d.at('site-a'));
    await d.drop('Node', await d.at('site-b'));
    await d.drop('NIC', await d.at('n1'));
    const before = await d.past();
    const b = (await page.getByTestId('graph-canvas').boundingBox())!;
    const drag = async (id: string, to: Point) => {
      const p = await d.at(id);
      await page.mouse.move(b.x + p.x, b.y + p.y);
      await page.mouse.down();
      await page.mouse.move(b.x + (p.x + to.x) / 2, b.y + (p.y + to.y) / 2, { steps: 5 });
      await page.mouse.move(b.x + to.x, b.y + to.y, { steps: 5 });
      await page.mouse.up();
    };
    // The NIC onto HV02.
    await drag('n1-nic1', await d.at('n2'));
    await expect.poll(() => d.doc().then((x) => x.nics![0]!.node), { timeout: 10_000 }).toBe('n2');
    await expect.poll(() => d.past(), { timeout: 10_000 }).toBe(before + 1);
    // HV01 (now without NICs) into site B, beside HV02.
    const target = await d.at('site-b');
    await drag('n1', { x: target.x + 40, y: target.y + 10 });
    await expect.poll(() => d.doc().then((x) => x.nodes![0]!.site), { timeout: 10_000 }).toBe('site-b');
    await expect.poll(() => d.past(), { timeout: 10_000 }).toBe(before + 2);
    await page.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp'}/designer-node-moved.png` });
    await page.keyboard.press('Control+z');
    await expect.poll(() => d.doc().then((x) => x.nodes![0]!.site), { timeout: 10_000 }).toBe('site-a');
    expect(pageErrors(page)).toEqual([]);
  });
});

/**
 * Router links between three sites or more, as Chromium draws them (issue 27): each router's line
 * to its WAN subnet runs along the gaps between sites — cytoscape's own segment points, every
 * piece a right angle — and no piece passes through a node, bar, router, pill or site it does not
 * join (cytoscape's own boxes). The highlight layer copies such a line with its bends (a lit
 * cross-site pair), a click on such a line far from its ends selects its router, and after a
 * router is dragged the lines are routed again, still clear.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateSitesCluster } from '../generate';
import { launch, openApp, pageErrors } from './chromium';
import type { TopologyDocument } from '../../src/engine';

type Win = { __lmpv: { cy: import('cytoscape').Core; overlay?: import('cytoscape').Core | null; store: import('../../src/store/appStore').AppStore } };

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await openApp(browser, inject('baseUrl'));
});
afterAll(async () => {
  await browser?.close();
});

async function open(doc: TopologyDocument): Promise<void> {
  await page.evaluate((d) => (window as unknown as Win).__lmpv.store.getState().actions.load(d, null), doc);
  await page.waitForFunction((n) => (window as unknown as Win).__lmpv.cy.$('node.host').length === n, doc.nodes!.length);
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.waitForTimeout(300);
}

/** Every WAN line as drawn: its points (ends and bends), the pieces that are not right angles, and what it passes through. */
const drawnLines = (p: Page) =>
  p.evaluate(() => {
    const { cy } = (window as unknown as Win).__lmpv;
    const boxes = cy.nodes().map((n) => ({ id: n.id(), box: n.boundingBox({ includeLabels: false, includeOverlays: false }) }));
    return cy.edges('.wan-link').map((e) => {
      const pts = [e.sourceEndpoint(), ...(e.segmentPoints() ?? []), e.targetEndpoint()];
      const slanted = pts.filter((q, i) => i > 0 && Math.abs(q.x - pts[i - 1]!.x) > 0.5 && Math.abs(q.y - pts[i - 1]!.y) > 0.5).length;
      const skip = new Set([e.source().id(), e.target().id(), ...e.source().ancestors().map((a) => a.id())]);
      const through: string[] = [];
      for (const { id, box } of boxes) {
        if (skip.has(id)) continue;
        for (let i = 1; i < pts.length; i++) {
          const a = pts[i - 1]!;
          const b = pts[i]!;
          // Axis-aligned pieces: inside the box, 1 px in from its border.
          if (Math.max(a.x, b.x) > box.x1 + 1 && Math.min(a.x, b.x) < box.x2 - 1 && Math.max(a.y, b.y) > box.y1 + 1 && Math.min(a.y, b.y) < box.y2 - 1) {
            through.push(`${e.source().data('label').split('\n')[0]} through ${String(cy.getElementById(id).data('label')).split('\n')[0]}`);
            break;
          }
        }
      }
      return { id: e.id(), bends: pts.length - 2, slanted, through, pts };
    });
  });

describe('router links between three sites or more on the canvas', () => {
  const doc = generateSitesCluster({ sites: 4, nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 });

  it('run along the gaps with right angles, through nothing they do not join', async () => {
    await open(doc);
    const lines = await drawnLines(page);
    expect(lines.length).toBe(4);
    for (const l of lines) {
      expect(l.bends).toBeGreaterThan(0);
      expect(l.slanted).toBe(0);
      expect(l.through).toEqual([]);
    }
    expect(pageErrors(page)).toEqual([]);
  });

  it('a click on a line where it runs in a gap, outside the box around its router and pill, selects a router of that link', async () => {
    const target = await page.evaluate(() => {
      const { cy } = (window as unknown as Win).__lmpv;
      // The longest piece between two bends of any WAN line that runs outside the box around its
      // router and its pill (where a straight line's hit box would end): its middle, on screen.
      let best: { x: number; y: number; len: number; transit: string } | null = null;
      cy.edges('.wan-link').forEach((e) => {
        const pts = e.renderedSegmentPoints() ?? [];
        const a = e.source().renderedBoundingBox({});
        const b = e.target().renderedBoundingBox({});
        const around = { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
        for (let i = 1; i < pts.length; i++) {
          const len = Math.hypot(pts[i]!.x - pts[i - 1]!.x, pts[i]!.y - pts[i - 1]!.y);
          const mid = { x: (pts[i]!.x + pts[i - 1]!.x) / 2, y: (pts[i]!.y + pts[i - 1]!.y) / 2 };
          const outside = mid.x < around.x1 - 5 || mid.x > around.x2 + 5 || mid.y < around.y1 - 5 || mid.y > around.y2 + 5;
          if (outside && (!best || len > best.len)) best = { ...mid, len, transit: e.target().id() };
        }
      });
      const b = best!;
      return { ...b, routers: cy.getElementById(b.transit).connectedEdges().map((x) => x.source().id()) };
    });
    expect(target.len).toBeGreaterThan(20);
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    await page.mouse.click(canvas.x + target.x, canvas.y + target.y);
    await page.waitForTimeout(300);
    const selected = await page.evaluate(() => (window as unknown as Win).__lmpv.store.getState().ui.selectedIds);
    expect(selected.length).toBe(1);
    expect(target.routers).toContain(selected[0]);
    await page.evaluate(() => (window as unknown as Win).__lmpv.store.getState().actions.select([]));
  });

  it('a lit cross-site pair: the highlight layer copies the line with its bends', async () => {
    await page.evaluate(() => {
      const a = (window as unknown as Win).__lmpv.store.getState().actions;
      a.setSource('a01');
      a.setDestination('c02');
    });
    await page.waitForTimeout(600);
    const copies = await page.evaluate(() => {
      const { cy, overlay } = (window as unknown as Win).__lmpv;
      return cy.edges('.wan-link').map((e) => {
        const copy = overlay?.getElementById(e.id());
        const lit = copy && copy.nonempty() && !copy.hasClass('ghost');
        return { lit: Boolean(lit), chosen: Boolean(lit && copy!.hasClass('chosen')), base: e.segmentPoints(), copy: lit ? copy!.segmentPoints() : null };
      });
    });
    // Router A1's and router C1's lines are on the path: lit, and drawn where the diagram draws them.
    expect(copies.filter((c) => c.chosen).length).toBe(2);
    for (const c of copies.filter((x) => x.lit)) {
      expect(c.copy?.length).toBe(c.base.length);
      c.base.forEach((q, i) => {
        expect(c.copy![i]!.x).toBeCloseTo(q.x, 0);
        expect(c.copy![i]!.y).toBeCloseTo(q.y, 0);
      });
    }
  });

  it('a dragged router: its lines are routed again, still right angles and clear', async () => {
    const before = await drawnLines(page);
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    const at = await page.evaluate(() => (window as unknown as Win).__lmpv.cy.getElementById('ra1').renderedPosition());
    const from = { x: canvas.x + at.x, y: canvas.y + at.y };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    // Right, into the gap beside its site (the site grows with it).
    await page.mouse.move(from.x + 20, from.y, { steps: 5 });
    await page.mouse.move(from.x + 40, from.y, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(600);
    const after = await drawnLines(page);
    const moved = after.find((l) => l.id.includes('ra1'))!;
    expect(moved.pts).not.toEqual(before.find((l) => l.id.includes('ra1'))!.pts);
    for (const l of after) {
      expect(l.slanted).toBe(0);
      expect(l.through).toEqual([]);
    }
    expect(pageErrors(page)).toEqual([]);
  });
});

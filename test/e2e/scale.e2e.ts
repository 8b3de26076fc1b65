/**
 * Large clusters at *Fit* in a 1440 × 900 window (issue 15): the 16-node example is drawn compact,
 * every node's name at least 11 px on screen, the chosen path thick and its fallbacks' numbers
 * readable; NIC names appear as you zoom in; a 64-node cluster opens compact too, its text larger
 * so that names (≥ 8 px) and sites read at Fit. Sizes are read
 * from cytoscape (font size × zoom, as drawn), not from pixels.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateLargestDesign, generateTwoSiteCluster } from '../generate';
import { launch, openApp, pageErrors } from './chromium';
import { importedStretched, largeEightNic, readableDesigns } from './readableDesigns';
import { EXAMPLES } from '../../src/examples';
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

/** On-screen sizes (px) of what is drawn, as cytoscape draws it now. */
const measure = (p: Page) =>
  p.evaluate(() => {
    const { cy, overlay } = (window as unknown as Win).__lmpv;
    const z = cy.zoom();
    // Each element as seen: its copy on the highlight layer when it is lit (src/canvas/overlay.ts), else the diagram's.
    const seen = cy.elements().map((e) => {
      const copy = overlay?.getElementById(e.id());
      return copy && copy.nonempty() && !copy.hasClass('ghost') ? copy : e;
    });
    const $ = (sel: string) => seen.filter((e) => e.is(sel));
    const px = (sel: string, prop: string) => $(sel).map((e) => Number(e.numericStyle(prop)) * z);
    const shown = (sel: string) => $(sel).filter((e) => Number(e.numericStyle('font-size')) * z >= Number(e.numericStyle('min-zoomed-font-size'))).length;
    return {
      hosts: $('node.host').length,
      compactHosts: $('node.host.compact').length,
      names: px('node.host', 'font-size'),
      namesShown: shown('node.host'),
      nicsShown: shown('node.nic'),
      nics: $('node.nic').length,
      chosenWidths: px('edge.chosen', 'width'),
      fallbackNumbers: px('edge.fallback[label != ""]', 'font-size'),
      labels: $('node.host.source, node.host.destination').map((n) => String(n.data('label'))),
    };
  });

describe('a 16-node cluster at Fit on 1440 × 900', () => {
  it('names every node at 11 px or more, keeps the path thick and its numbers readable', async () => {
    await page.getByLabel('Example').selectOption('two-site-16-node');
    await page.waitForFunction(() => (window as unknown as Win).__lmpv.store.getState().design.nodes.length === 16);
    await page.evaluate(() => {
      const { actions } = (window as unknown as Win).__lmpv.store.getState();
      actions.setSource('a01');
      actions.setDestination('b01');
    });
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.waitForTimeout(300);
    const m = await measure(page);
    expect(m.hosts).toBe(16);
    expect(m.compactHosts).toBe(16);
    expect(Math.min(...m.names)).toBeGreaterThanOrEqual(11);
    expect(m.namesShown).toBe(16);
    // The path: thick enough to follow, its ends named, its fallbacks numbered legibly.
    expect(Math.min(...m.chosenWidths)).toBeGreaterThanOrEqual(3);
    expect(m.fallbackNumbers.length).toBeGreaterThan(0);
    expect(Math.min(...m.fallbackNumbers)).toBeGreaterThanOrEqual(8);
    // Each end's tag on a line of its own, on the side away from the box: above the name of a node
    // whose label is above its box (site B's row), under it where the label is under the box (site
    // A's row, its bars above it).
    expect(m.labels.sort()).toEqual(['HV-A01\nFROM', 'TO\nHV-B01']);
    // NIC tiles carry no text at this zoom…
    expect(m.nicsShown).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it("tells a NIC tile's facts when pointed at (the browser's tooltip), and nothing once the pointer leaves", async () => {
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    const title = () => page.evaluate(() => (window as unknown as Win).__lmpv.cy.container()!.getAttribute('title'));
    const p = await page.evaluate(() => (window as unknown as Win).__lmpv.cy.getElementById('a03-lm2').renderedPosition());
    await page.mouse.move(canvas.x + p.x, canvas.y + p.y);
    await expect.poll(title).toBe('HV-A03 · NIC LM 2\n10.1.12.13/24\n25 Gb/s\nOn Live Migration A2');
    await page.mouse.move(canvas.x + 5, canvas.y + canvas.height - 5);
    await expect.poll(title).toBeNull();
  });

  it('shows the NIC names as you zoom in', async () => {
    await page.evaluate(() => {
      const { cy } = (window as unknown as Win).__lmpv;
      cy.zoom({ level: 2, renderedPosition: cy.getElementById('a01').renderedPosition() });
    });
    const m = await measure(page);
    expect(m.nicsShown).toBe(m.nics);
  });
});

describe('working on a compact diagram', () => {
  it('picks the pair by clicking two names, takes a dropped NIC as a tile and moves a node by its name', async () => {
    await page.getByLabel('Example').selectOption('switched-4-node');
    await page.getByLabel('Example').selectOption('two-site-16-node');
    await page.waitForFunction(() => (window as unknown as Win).__lmpv.cy.$('node.host.compact').length === 16);
    await page.getByRole('button', { name: 'Fit' }).click();
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    const nameAt = (id: string) =>
      page.evaluate((id) => {
        const { cy } = (window as unknown as Win).__lmpv;
        const lb = cy.getElementById(id).renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
        return { x: (lb.x1 + lb.x2) / 2, y: (lb.y1 + lb.y2) / 2 };
      }, id);
    const state = () => page.evaluate(() => (window as unknown as Win).__lmpv.store.getState());
    for (const id of ['a03', 'b06']) {
      const p = await nameAt(id);
      await page.mouse.click(canvas.x + p.x, canvas.y + p.y);
    }
    await expect.poll(() => state().then((s) => [s.ui.sourceNodeId, s.ui.destinationNodeId]), { timeout: 10_000 }).toEqual(['a03', 'b06']);

    // A NIC from the palette onto HV-A02: a tile like its siblings, in HV-A02's row.
    const a02 = await page.evaluate(() => (window as unknown as Win).__lmpv.cy.getElementById('a02').renderedPosition());
    await page.getByRole('button', { name: 'Insert NIC' }).dragTo(page.getByTestId('graph-canvas'), { targetPosition: a02 });
    await page.waitForFunction(() => (window as unknown as Win).__lmpv.store.getState().document.nics!.filter((n) => n.node === 'a02').length === 6);
    const tile = await page.evaluate(() => {
      const { cy } = (window as unknown as Win).__lmpv;
      const kids = cy.getElementById('a02').children();
      return { compact: kids.filter((k) => k.hasClass('compact')).length, sizes: [...new Set(kids.map((k) => `${k.width()}×${k.height()}`))] };
    });
    expect(tile).toEqual({ compact: 6, sizes: ['26×16'] });

    // HV-A04 dragged by its name, 60 px down-right on screen: its NICs move with it, one undo step.
    const before = (await state()).past.length;
    const nicBefore = await page.evaluate(() => ({ ...(window as unknown as Win).__lmpv.cy.getElementById('a04-lm1').position() }));
    const zoom = await page.evaluate(() => (window as unknown as Win).__lmpv.cy.zoom());
    const p = await nameAt('a04');
    await page.mouse.move(canvas.x + p.x, canvas.y + p.y);
    await page.mouse.down();
    await page.mouse.move(canvas.x + p.x + 30, canvas.y + p.y + 30, { steps: 5 });
    await page.mouse.move(canvas.x + p.x + 60, canvas.y + p.y + 60, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => state().then((s) => s.past.length), { timeout: 10_000 }).toBe(before + 1);
    const saved = (await state()).document.layout!['a04-lm1']!;
    expect(saved.x - nicBefore.x).toBeCloseTo(60 / zoom, -1);
    expect(saved.y - nicBefore.y).toBeCloseTo(60 / zoom, -1);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('a 64-node cluster', () => {
  it('opens compact, every node and site in view at Fit', async () => {
    const doc = generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2, name: 'Two-site 64-node cluster' });
    await page.evaluate((d) => (window as unknown as Win).__lmpv.store.getState().actions.load(d, null), doc);
    await page.waitForFunction(() => (window as unknown as Win).__lmpv.cy.$('node.host').length === 64);
    await page.waitForTimeout(300);
    const inView = await page.evaluate(() => {
      const { cy } = (window as unknown as Win).__lmpv;
      const ext = cy.extent();
      const inside = (b: { x1: number; y1: number; x2: number; y2: number }) => b.x1 >= ext.x1 - 1 && b.y1 >= ext.y1 - 1 && b.x2 <= ext.x2 + 1 && b.y2 <= ext.y2 + 1;
      const z = cy.zoom();
      return { compact: cy.$('node.host.compact').length, smallestName: Math.min(...cy.$('node.host').map((n) => Math.round(Number(n.numericStyle('font-size')) * z))), smallestSite: Math.min(...cy.$('node.site').map((n) => Math.round(Number(n.numericStyle('font-size')) * z))), smallestNetwork: Math.min(...cy.$('node.network').map((n) => Math.round(Number(n.numericStyle('font-size')) * z))), out: cy.$('node.host, node.site').filter((n) => !inside(n.boundingBox({ includeLabels: true, includeOverlays: false }))).map((n) => n.id()) };
    });
    // Names, sites and networks identifiable: text grows with the cluster (metrics.ts TEXT_STEPS).
    expect(inView.smallestName).toBeGreaterThanOrEqual(8);
    expect(inView.smallestSite).toBeGreaterThanOrEqual(10);
    expect(inView.smallestNetwork).toBeGreaterThanOrEqual(9);
    expect({ ...inView, smallestName: 0, smallestSite: 0, smallestNetwork: 0 }).toEqual({ compact: 64, smallestName: 0, smallestSite: 0, smallestNetwork: 0, out: [] });
  });
});


/**
 * Loads `doc`, fits it and expects node names ≥ 11 px and network names ≥ 9 px, every name inside
 * the canvas, no node's name over another's or a NIC tile.
 */
async function expectReadable(p: Page, doc: TopologyDocument, timeout: number): Promise<void> {
  await p.evaluate((d) => (window as unknown as Win).__lmpv.store.getState().actions.load(d, null), doc);
  await p.waitForFunction((n) => (window as unknown as Win).__lmpv.cy.$('node.host').length === n, doc.nodes?.length ?? 0);
  await p.getByRole('button', { name: 'Fit' }).click();
  const sizes = () =>
    p.evaluate(() => {
      const { cy } = (window as unknown as Win).__lmpv;
      const z = cy.zoom();
      const min = (sel: string) => Math.min(...cy.$(sel).map((n) => Number(n.numericStyle('font-size')) * z));
      return { node: Math.round(min('node.host') * 10) / 10, network: Math.round(min('node.network') * 10) / 10 };
    });
  // Each size, or 'ok' once it reads (a failure shows the size measured).
  const verdict = async () => {
    const m = await sizes();
    return { node: m.node >= 11 ? 'ok' : m.node, network: m.network >= 9 ? 'ok' : m.network };
  };
  await expect.poll(verdict, { timeout }).toEqual({ node: 'ok', network: 'ok' });
  // Every name inside the canvas at Fit (a grown label is not cut at the edge).
  const out = await p.evaluate(() => {
    const { cy } = (window as unknown as Win).__lmpv;
    const ext = cy.extent();
    return cy.$('node.host, node.network, node.site').filter((n) => {
      const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
      return b.x1 < ext.x1 - 1 || b.y1 < ext.y1 - 1 || b.x2 > ext.x2 + 1 || b.y2 > ext.y2 + 1;
    }).map((n) => n.id());
  });
  expect(out).toEqual([]);
  // No node's name, as cytoscape draws it, overlaps another's or a NIC tile (issue 27: names use the
  // gap beside their box, not more).
  const overlaps = await p.evaluate(() => {
    const { cy } = (window as unknown as Win).__lmpv;
    type B = { x1: number; y1: number; x2: number; y2: number };
    const hit = (a: B, b: B) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const names = cy.$('node.host').map((n) => [n.id(), n.boundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false })] as const);
    const tiles = cy.$('node.nic').map((n) => [n.id(), n.boundingBox({ includeLabels: false, includeOverlays: false })] as const);
    const out: string[] = [];
    names.forEach(([id, a], i) => {
      for (const [other, b] of names.slice(i + 1)) if (hit(a, b)) out.push(`${id} × ${other}`);
      for (const [other, b] of tiles) if (hit(a, b)) out.push(`${id} × ${other}`);
    });
    return out;
  });
  expect(overlaps).toEqual([]);
}

/**
 * Readable at Fit on the screens people have (issue 27): node names ≥ 11 px and network names ≥ 9 px
 * on screen, in a 1440 × 900 and a 1024 × 700 window, for every built-in example, an imported
 * 4-node stretched cluster and a 64-node two-site cluster with 8 NICs per node. Names grow as the
 * fitted zoom shrinks (src/canvas/textGrowth.ts), a compact drawing's text is chosen for both
 * windows (src/canvas/scale.ts); a 1024 × 700 window opens with the side panel hidden (*Show panel*
 * brings it back), so that the diagram has the window's width. Zoomed in, every name is back at its
 * base size, in proportion with the NICs' text.
 */
describe.each([
  [1440, 900, false],
  [1024, 700, true],
])('readable at Fit in a %i × %i window (side panel hidden: %s)', (width, height, hidePanel) => {
  let small: Page;
  beforeAll(async () => {
    // A window of that size from the start (the legend strip starts collapsed on a small window).
    const context = await browser.newContext({ viewport: { width, height } });
    small = await context.newPage();
    await small.goto(inject('baseUrl'));
    await small.waitForFunction(() => Boolean((window as unknown as Partial<Win>).__lmpv?.cy));
    // A window narrower than 1200 px opens with the side panel hidden (src/ui/App.tsx): beside it,
    // the 16-node example's network names read 6.8 px at *Fit* in 1024 × 700. A wider one shows it.
    await small.getByRole('button', { name: hidePanel ? 'Show panel' : 'Hide panel' }).waitFor();
    expect(await small.getByRole('complementary', { name: 'Side panel' }).isVisible()).toBe(!hidePanel);
  });

  // The 64-node cluster with 8 NICs per node reads too (issue 27, round 3; 8.8 px at 1440 × 900 and
  // 8.3 px at 1024 × 700 before): its names use the gap beside their box, its routers take a row's
  // last hosts' room, and the palette over a compact drawing is narrow.
  for (const [name, doc] of readableDesigns())
    it(`${name}: node names ≥ 11 px, network names ≥ 9 px, no name over another or a NIC tile`, async () => {
      await expectReadable(small, doc, 8000);
    }, 40_000);

  it("a grown name keeps the pair's tags (SOURCE, DESTINATION) when the pair is picked at Fit", async () => {
    const doc = EXAMPLES.find((e) => e.id === 'two-site-routed')!.document;
    await small.evaluate((d) => (window as unknown as Win).__lmpv.store.getState().actions.load(d, null), doc);
    await small.getByRole('button', { name: 'Fit' }).click();
    await small.evaluate(() => {
      const { actions } = (window as unknown as Win).__lmpv.store.getState();
      actions.setSource('n1');
      actions.setDestination('n3');
    });
    // As seen: the lit hosts are drawn by their copies on the highlight layer (src/canvas/overlay.ts).
    const drawn = () => small.evaluate(() => ['n1', 'n3'].map((id) => String((window as unknown as Win).__lmpv.overlay!.getElementById(id).style('label'))));
    await expect.poll(drawn).toEqual([expect.stringMatching(/^HV01.*SOURCE$/), expect.stringMatching(/^HV03.*DESTINATION$/)]);
  });

  it('zoomed in, names are back at their base sizes, in proportion with the NICs', async () => {
    await small.evaluate((d) => (window as unknown as Win).__lmpv.store.getState().actions.load(d, null), importedStretched());
    await small.getByRole('button', { name: 'Fit' }).click();
    await small.evaluate(() => {
      const { cy } = (window as unknown as Win).__lmpv;
      cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    const ratio = () =>
      small.evaluate(() => {
        const { cy } = (window as unknown as Win).__lmpv;
        const font = (sel: string) => Number(cy.$(sel).first().numericStyle('font-size'));
        return [font('node.network'), font('node.nic'), cy.$('node[fs > 0]').length];
      });
    // The full drawing's base sizes: networks and NICs both 11 (src/canvas/metrics.ts FONT).
    await expect.poll(ratio).toEqual([11, 11, 0]);
  });
});

describe('the largest accepted design (32 sites in a grid)', () => {
  it('fits whole at Fit, as a grid, and below the usual zoom bound on a small window; then a small design fits at its own zoom again', async () => {
    // Its 32 sites in rows of 4 (placement/auto.ts grid) fit at ≈ 0.084 on a 1440 × 900 window;
    // as one column of 32 they fitted at ≈ 0.026.
    const page = await openApp(browser, inject('baseUrl'));
    await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), generateLargestDesign());
    await page.waitForFunction(() => window.__lmpv.cy.$('node.host').length === 128 && document.querySelector<HTMLElement>('[data-testid="graph-drawing"]')!.hidden, null, { timeout: 60_000 });
    const inView = () =>
      page.evaluate(() => {
        const { cy } = window.__lmpv;
        const b = cy.elements().renderedBoundingBox({ includeLabels: true, includeOverlays: false });
        return { inside: b.x1 >= -1 && b.y1 >= -1 && b.x2 <= cy.width() + 1 && b.y2 <= cy.height() + 1, zoom: cy.zoom() };
      });
    await expect.poll(async () => (await inView()).inside, { timeout: 20_000 }).toBe(true);
    expect((await inView()).zoom).toBeGreaterThan(3 * 0.026);
    // On a small window it fits under the zoom's usual lower bound (0.08): cytoscape refused that
    // zoom and kept the previous one, one corner in view (src/canvas/viewport.ts MIN_ZOOM).
    await page.setViewportSize({ width: 700, height: 500 });
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(async () => { const v = await inView(); return v.inside && v.zoom < 0.08; }, { timeout: 20_000 }).toBe(true);
    // Back to an example: its fit (≈ 0.9) and the usual lower bound.
    await page.setViewportSize({ width: 1440, height: 900 });
    const doc = EXAMPLES.find((e) => e.id === 'two-site-routed')!.document;
    await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
    await expect.poll(() => page.evaluate(() => [window.__lmpv.cy.zoom() > 0.5, window.__lmpv.cy.minZoom()])).toEqual([true, 0.08]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe('a 64-node cluster with 8 NICs per node, side panel hidden, 1440 × 900', () => {
  it('reads at Fit: node names ≥ 11 px, network names ≥ 9 px, on narrower NIC tiles', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const p = await context.newPage();
    await p.goto(inject('baseUrl'));
    await p.waitForFunction(() => Boolean((window as unknown as Partial<Win>).__lmpv?.cy));
    await p.getByRole('button', { name: 'Hide panel' }).click();
    await expectReadable(p, largeEightNic(), 8000);
    // Eight NICs a node: tiles narrower than the 26 px of a node with fewer (metrics.ts COMPACT_NARROW_NIC).
    const widths = await p.evaluate(() => [...new Set((window as unknown as Win).__lmpv.cy.$('node.nic').map((n) => n.width()))]);
    expect(widths).toEqual([18]);
    // Shown again: the panel is back as it was.
    await p.getByRole('button', { name: 'Show panel' }).click();
    await expect.poll(() => p.getByRole('tab', { name: 'Path' }).isVisible()).toBe(true);
    await context.close();
  }, 40_000);
});

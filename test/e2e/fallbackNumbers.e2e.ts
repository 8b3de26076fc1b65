/**
 * Issue 27, in Chromium: the lit lines' fallback numbers never overlap one another. On the
 * 64-node two-site cluster with 8 NICs per node, HV-A01 → HV-B32 lit, the numbers of neighbouring
 * NIC drops and of one router's drops sat on top of each other ("3,6,7" over "1,2": a jumble of
 * digits) and "1,2,6,7,8" covered the name of the router link next to it. Read from cytoscape's
 * own label boxes on the highlight layer (src/canvas/numberPlaces.ts places them). The 16-node
 * example had the same at *Fit*: "12,3" at HV-A01 ("1" over "2,3"), "23" under Router B2.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXAMPLES } from '../../src/examples';
import { launch, openApp, pageErrors } from './chromium';
import { largeEightNic } from './readableDesigns';
import './handle';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Seen = { numbers: { id: string; label: string; box: [number, number, number, number] }[]; names: { id: string; box: [number, number, number, number] }[]; crowded: number };

describe('fallback numbers on the diagram', () => {
  const designs = [
    ['two-site-64-node-8-nic', largeEightNic(), 'a01', 'b32'] as const,
    ['two-site-16-node', EXAMPLES.find((e) => e.id === 'two-site-16-node')!.document, null, null] as const,
  ];
  for (const [name, doc, from, to] of designs) {
    it(`${name}: no number overlaps another or a router link's name`, async () => {
      const page = await openApp(browser, inject('baseUrl'));
      await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
      await page.waitForFunction((n) => window.__lmpv.cy.$('node.host').length === n, doc.nodes!.length);
      await page.getByRole('button', { name: 'Fit' }).click();
      const ids = await page.evaluate(() => window.__lmpv.store.getState().design.nodes.map((n) => n.id));
      const [a, b] = [from ?? ids[0]!, to ?? ids[ids.length - 1]!];
      await page.evaluate(([s, d]) => {
        const { actions } = window.__lmpv.store.getState();
        actions.setSource(s!);
        actions.setDestination(d!);
      }, [a, b]);
      await expect.poll(() => page.evaluate(() => window.__lmpv.overlay.edges('.fallback').length), { timeout: 10_000 }).toBeGreaterThan(0);
      const seen = await page.evaluate((): Seen => {
        const cy = window.__lmpv.overlay;
        const box = (b: { x1: number; y1: number; x2: number; y2: number }): [number, number, number, number] => [b.x1, b.y1, b.x2, b.y2];
        const numbered = cy.edges().filter((e) => Boolean(e.data('label')));
        const shown = numbered.filter((e) => !e.hasClass('crowded'));
        const only = { includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: false, includeSourceLabels: true, includeTargetLabels: false };
        return {
          numbers: shown.map((e) => ({ id: e.id(), label: String(e.data('label')), box: box(e.boundingBox(only)) })),
          names: window.__lmpv.cy.$('node.transit').map((n) => ({ id: n.id(), box: box(n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true })) })),
          crowded: numbered.length - shown.length,
        };
      });
      await page.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp'}/fallback-numbers-${name}.png` });
      const meets = (p: [number, number, number, number], q: [number, number, number, number]): boolean => p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];
      const overlaps: string[] = [];
      seen.numbers.forEach((n, i) =>
        seen.numbers.slice(i + 1).forEach((m) => {
          if (meets(n.box, m.box)) overlaps.push(`"${n.label}" (${n.id}) over "${m.label}" (${m.id})`);
        }),
      );
      for (const n of seen.numbers) for (const t of seen.names) if (meets(n.box, t.box)) overlaps.push(`"${n.label}" (${n.id}) over the name of ${t.id}`);
      expect(overlaps).toEqual([]);
      // A number with no room is left out (`crowded`), never drawn over another: on the 16-node
      // example HV-A01's "2,3" beside its "1" (before: "12,3"); most stay.
      expect(seen.numbers.length).toBeGreaterThan(seen.crowded);
      expect(pageErrors(page)).toEqual([]);
    });
  }
});

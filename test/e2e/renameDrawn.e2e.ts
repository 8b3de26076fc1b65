/**
 * A rename of a large design is drawn as what it is: one label changed (issue 24; src/canvas/
 * render.ts `apply`, src/canvas/applyView.ts `sameElements`). When the drawing keeps its layout
 * (scale.ts `drawingOf`, the name within its row of NIC tiles), the new model draws the very
 * elements of the last: the canvas applies the renamed element's label alone — no element measured
 * again, no drawing in steps (its bounds in slices, the frames held, the "Drawing…" note), no
 * restyle of the others — so cytoscape's next frame draws from its cached textures. A name too long
 * for its row lays the design out again and is drawn as a new structure, as before. The 64-node
 * cluster of 16 NICs a node (2,316 drawn elements, drawn in steps) stands for the largest designs.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

interface Seen {
  /** The "Drawing…" note shown right after the edit's task. */
  note: boolean;
  /**
   * Elements measured in collections (`boundingBox` of more than one element, summed over calls):
   * the canvas's slices and fits. cytoscape's own measurements are not counted, in either build:
   * its renderer measures one element at a time (its layers' boxes), and a compound's bounds are
   * brought up to date from its children (`updateCompoundBounds`: the renamed host's NICs, its
   * site's hosts).
   */
  measured: number;
  /** Elements whose style cytoscape marked out of date (its `updateStyle`, summed over calls). */
  restyled: number;
  /** The canvas's timing spans recorded from the edit until the main thread settled. */
  spans: string[];
  /** Elements whose data changed, by id. */
  data: string[];
  label: string;
  positions: boolean;
}

/** Renames `id` to `name` through the store and records what the canvas did until it settled (three frames). */
async function rename(page: Page, id: string, name: string): Promise<Seen> {
  return page.evaluate(
    ([id, name]) =>
      new Promise<Seen>((resolve) => {
        const { cy, store, timing } = window.__lmpv;
        const proto = Object.getPrototypeOf(cy.collection()) as Record<string, (...a: unknown[]) => unknown>;
        const { boundingBox, updateStyle, updateCompoundBounds } = proto;
        let measured = 0;
        let restyled = 0;
        let compound = 0;
        proto.boundingBox = function (this: { length: number }, ...a: unknown[]) {
          if (this.length > 1 && compound === 0) measured += this.length;
          return boundingBox!.apply(this, a);
        };
        proto.updateCompoundBounds = function (...a: unknown[]) {
          compound++;
          try {
            return updateCompoundBounds!.apply(this, a);
          } finally {
            compound--;
          }
        };
        proto.updateStyle = function (this: { length: number }, ...a: unknown[]) {
          restyled += this.length;
          return updateStyle!.apply(this, a);
        };
        const data = new Set<string>();
        const onData = (e: { target: { id(): string } }): void => void data.add(e.target.id());
        cy.on('data', onData);
        const before = new Map(cy.nodes(':childless').map((n) => [n.id(), { ...n.position() }]));
        timing.on = true;
        timing.spans = [];
        store.getState().actions.edit({ type: 'update-node', id, patch: { name } });
        const note = document.querySelector<HTMLElement>('[data-testid=graph-drawing]')!.hidden === false;
        let frames = 0;
        const done = (): void => {
          // While a drawing in steps is under way, wait for it (the old build's rename was one).
          if (document.querySelector<HTMLElement>('[data-testid=graph-drawing]')!.hidden === false || ++frames < 3) return void requestAnimationFrame(() => setTimeout(done, 0));
          proto.boundingBox = boundingBox!;
          proto.updateStyle = updateStyle!;
          proto.updateCompoundBounds = updateCompoundBounds!;
          cy.off('data', onData);
          timing.on = false;
          const positions = cy.nodes(':childless').map((n) => {
            const p = before.get(n.id());
            return p !== undefined && p.x === n.position('x') && p.y === n.position('y');
          }).every(Boolean);
          resolve({ note, measured, restyled, spans: [...new Set(timing.spans.map((s) => s.name))].sort(), data: [...data].sort(), label: String(cy.getElementById(id).data('label')), positions });
        };
        requestAnimationFrame(() => setTimeout(done, 0));
      }),
    [id, name] as const,
  );
}

describe('a node renamed on a design of 1,024 NICs', () => {
  it('applies its label alone: nothing measured again, no drawing in steps, no other element restyled', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const doc = design();
    await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
    await drawn(page);
    const node = doc.nodes![0]!;
    const seen = await rename(page, node.id, 'HV-R0');
    expect(seen.label).toContain('HV-R0');
    expect(seen.note).toBe(false);
    expect(seen.positions).toBe(true);
    // The renamed host alone (its label); the old build measured every element again (2,316 and more).
    expect(seen.data).toEqual([node.id]);
    expect(seen.measured).toBe(0);
    // The host and what cytoscape restyles with a compound's data: its NICs (16) — not the design.
    expect(seen.restyled).toBeLessThan(40);
    expect(seen.spans).not.toContain('canvas: bounds, a slice');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('lays the design out again for a name too long for its row, drawn as a new structure', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const doc = design();
    await page.evaluate((d) => window.__lmpv.store.getState().actions.load(d, null), doc);
    await drawn(page);
    const node = doc.nodes![0]!;
    const seen = await rename(page, node.id, 'A name far too long for the row of its NIC tiles');
    expect(seen.label).toContain('A name far too long');
    expect(seen.spans).toContain('canvas: bounds, a slice');
    expect(seen.measured).toBeGreaterThan(2000);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

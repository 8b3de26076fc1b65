/**
 * What the user sees of the highlight (issue 25, round 3): the diagram draws every element plain
 * and the highlight layer (src/canvas/overlay.ts) draws over it — a veil that fades everything
 * under it, and copies of what is lit. Read from the running page through `window.__lmpv`: an
 * element is seen as its copy on the layer when it has a visible one, else as the diagram draws it,
 * faded ('dimmed') when the veil is on. Tests read this instead of the diagram's classes.
 */
import type { Page } from 'playwright-core';
import './handle';

export interface Seen {
  /** The classes it is drawn with (the layer's own bookkeeping classes left out). */
  classes: string[];
  label: string;
  /** Drawn by a copy on the layer. */
  layer: boolean;
}

/** Every element of the diagram as the user sees it, by id (runs in the page: self-contained). */
export function seenInPage(): Record<string, Seen> {
  const { cy, overlay } = window.__lmpv;
  const layer = document.querySelector<HTMLElement>('[data-testid="graph-overlay"]');
  const veil = layer?.dataset.veil === 'on';
  const out: Record<string, Seen> = {};
  cy.elements().forEach((el) => {
    const copy = overlay ? overlay.getElementById(el.id()) : null;
    if (copy && copy.nonempty() && !copy.hasClass('ghost')) {
      out[el.id()] = { classes: copy.classes().filter((c) => c !== 'copy' && c !== 'veiled' && c !== 'compound'), label: String(copy.data('label') ?? ''), layer: true };
      return;
    }
    const classes = el.classes();
    const faded = veil && !classes.includes('dimmed') && !el.hasClass('site');
    out[el.id()] = { classes: faded ? [...classes, 'dimmed'] : classes, label: String(el.data('label') ?? ''), layer: false };
  });
  return out;
}

/** Once the layer is up to date: every element as seen. */
export async function seen(page: Page): Promise<Record<string, Seen>> {
  await page.waitForFunction(() => window.__lmpv.settled());
  return page.evaluate(seenInPage);
}

/** Ids of the elements seen with `cls` (e.g. 'chosen', 'dimmed'), sorted. */
export async function seenWith(page: Page, cls: string): Promise<string[]> {
  const all = await seen(page);
  return Object.keys(all)
    .filter((id) => all[id]!.classes.includes(cls))
    .sort();
}

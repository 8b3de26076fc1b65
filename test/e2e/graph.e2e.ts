/**
 * The diagram in a real browser: clicking two nodes on the canvas picks the pair and lights the
 * path, a right-click fails a network and the fallback takes over, a drag is saved and undone,
 * the mode switch changes the highlight, and the exported picture carries the legend.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chosenPairIdle, networkName, parseTopology, selectMigrationPath, streamsOf } from '../../src/engine';
import { pathElements } from '../../src/canvas/highlight';
import { EXAMPLES } from '../../src/examples';
import { launch, openApp, pageErrors } from './chromium';
import './handle';
import { edgeId } from '../../src/canvas/elements';
import { seen, seenWith } from './seen';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByLabel('Example').selectOption(id);
  await page.waitForFunction((exampleId) => {
    const w = window;
    const name = w.__lmpv.store.getState().design.name;
    return w.__lmpv.cy && w.__lmpv.cy.nodes().length > 0 && name.length > 0 && exampleId.length > 0;
  }, id);
}

/** Where an element is on the page: the canvas's box plus cytoscape's rendered position. */
async function pointOf(page: Page, id: string, where: 'centre' | 'top-edge' | 'label' = 'centre'): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const p = await page.evaluate(
    ([elementId, at]) => {
      const el = window.__lmpv.cy.getElementById(elementId);
      if (at === 'label') {
        // A node's name picks it (its centre is one of its NICs, which a click selects for Details).
        const lb = el.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
        return { x: (lb.x1 + lb.x2) / 2, y: (lb.y1 + lb.y2) / 2 };
      }
      if (at === 'top-edge') {
        // Inside the host's own padding, above its NICs: grabs the host, not a NIC.
        const bb = el.renderedBoundingBox({ includeLabels: false });
        return { x: (bb.x1 + bb.x2) / 2, y: bb.y1 + 6 * window.__lmpv.cy.zoom() + 1 };
      }
      return el.renderedPosition();
    },
    [id, where] as const,
  );
  return { x: box.x + p.x, y: box.y + p.y };
}

/** Ids of the elements seen with a class ('.chosen'): on the highlight layer, or faded under its veil (./seen.ts). */
async function classesIn(page: Page, selector: string): Promise<string[]> {
  return seenWith(page, selector.replace(/^\./, ''));
}

const region = (page: Page) => page.getByRole('region', { name: 'Migration path' });

describe('the diagram', () => {
  it.each(EXAMPLES.map((e) => [e.id]))('picks the pair of %s with two clicks and lights its path', async (exampleId) => {
    const ex = EXAMPLES.find((e) => e.id === exampleId)!;
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, exampleId);
    await page.evaluate(() => {
      const { actions } = window.__lmpv.store.getState();
      actions.setSource(null);
      actions.setDestination(null);
    });
    await expect.poll(() => region(page).textContent(), { timeout: 10_000 }).toContain('Pick a source and a destination');
    const [src, dst] = ex.pair;
    const a = await pointOf(page, src, 'label');
    await page.mouse.click(a.x, a.y);
    const b = await pointOf(page, dst, 'label');
    await page.mouse.click(b.x, b.y);
    const ui = await page.evaluate(() => window.__lmpv.store.getState().ui);
    expect([ui.sourceNodeId, ui.destinationNodeId]).toEqual([src, dst]);

    const parsed = parseTopology(ex.document);
    if (!parsed.ok) throw new Error('example does not parse');
    const t = parsed.topology;
    const selection = selectMigrationPath(t, src, dst);
    const chosen = selection.chosen!;
    await expect.poll(() => region(page).textContent(), { timeout: 10_000 }).toContain(`Chosen '${networkName(t, chosen.sourceNetworkId)}'`);
    const lit = await classesIn(page, '.chosen');
    // Lit: the chosen path, and with SMB every stream SMB Multichannel adds (format 1.2); a chosen
    // pair SMB leaves idle is drawn as such, not lit.
    const streams = streamsOf(t, selection);
    const idle = chosenPairIdle(selection, streams);
    const streamIds = streams.flatMap((x) => [x.sourceNicId, edgeId(x.sourceNicId, x.networkId), x.networkId, edgeId(x.destinationNicId, x.networkId), x.destinationNicId]);
    const expectedLit = new Set([...(idle ? [] : pathElements(t, chosen)), ...(streams.length > 1 || idle ? streamIds : [])]);
    expect(lit).toEqual([...expectedLit].sort());
    expect(await classesIn(page, '.idle')).toEqual(idle ? [...new Set(pathElements(t, chosen))].filter((id) => !expectedLit.has(id)).sort() : []);
    const fallbacks = await classesIn(page, '.fallback');
    const expectedFallbacks = new Set(selection.fallbacks.flatMap((f) => pathElements(t, f)).filter((id) => !lit.includes(id)));
    expect(fallbacks).toEqual([...expectedFallbacks].sort());
    expect(await classesIn(page, '.source')).toEqual([src]);
    expect(await classesIn(page, '.destination')).toEqual([dst]);
    expect((await classesIn(page, '.dimmed')).length).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('draws the source, then the completed pair, on the highlight layer in the click itself; the diagram itself is never restyled', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-16-node');
    const ex = EXAMPLES.find((e) => e.id === 'two-site-16-node')!;
    const [src, dst] = ex.pair;
    await page.evaluate(() => {
      const { actions } = window.__lmpv.store.getState();
      actions.setDestination(null);
      actions.setSource(null);
    });
    await page.waitForFunction(() => window.__lmpv.settled());
    const diagramClasses = () => page.evaluate(() => Object.fromEntries(window.__lmpv.cy.elements().map((e) => [e.id(), `${e.classes().join(' ')}|${String(e.data('label') ?? '')}`])));
    const plain = await diagramClasses();
    expect(Object.values(plain).some((c) => /\b(dimmed|chosen|source)\b/.test(c))).toBe(false);
    expect(await page.evaluate(() => window.__lmpv.overlay.elements().length)).toBe(0);

    // The first click: the source on the layer and the veil on, read before the next frame.
    await page.evaluate(() => {
      const w = window as Window & { first?: { overlay: string[]; source: string; veil: string } };
      const un = w.__lmpv.store.subscribe((st) => {
        if (!st.ui.sourceNodeId) return;
        un();
        // Once every subscriber has seen the change (whatever their order), before the next frame.
        queueMicrotask(() => {
          const layer = document.querySelector<HTMLElement>('[data-testid="graph-overlay"]')!;
          w.first = { overlay: w.__lmpv.overlay.nodes('.host').map((e) => e.id()), source: w.__lmpv.overlay.getElementById(st.ui.sourceNodeId!).classes().join(' '), veil: layer.dataset.veil ?? '' };
        });
      });
    });
    const a = await pointOf(page, src, 'label');
    await page.mouse.click(a.x, a.y, { delay: 60 });
    await page.waitForFunction(() => !!(window as Window & { first?: unknown }).first);
    const first = await page.evaluate(() => (window as Window & { first?: { overlay: string[]; source: string; veil: string } }).first!);
    expect(first).toEqual({ overlay: [src], source: expect.stringContaining('source'), veil: 'on' });
    expect((await classesIn(page, '.dimmed')).length).toBeGreaterThan(100);

    await page.evaluate(() => {
      const w = window as Window & { painted?: { overlay: Record<string, string>; frames: number[][] } };
      const un = w.__lmpv.store.subscribe((st) => {
        if (!st.ui.destinationNodeId) return;
        un();
        queueMicrotask(() => read(st.ui.destinationNodeId!));
      });
      const read = (destination: string): void => {
        const frame = (n: import('cytoscape').NodeSingular) => {
          const border = Number(n.numericStyle('border-width'));
          return [n.position('x'), n.position('y'), n.outerWidth() - border, n.outerHeight() - border].map(Math.round);
        };
        w.painted = {
          overlay: Object.fromEntries(w.__lmpv.overlay.elements().map((e) => [e.id(), e.classes().join(' ')])),
          frames: [frame(w.__lmpv.overlay.getElementById(destination)), frame(w.__lmpv.cy.getElementById(destination))],
        };
      };
    });
    const b = await pointOf(page, dst, 'label');
    await page.mouse.click(b.x, b.y, { delay: 60 });
    await page.waitForFunction(() => !!(window as Window & { painted?: unknown }).painted);
    const painted = await page.evaluate(() => (window as Window & { painted?: { overlay: Record<string, string>; frames: number[][] } }).painted!);
    const parsed = parseTopology(ex.document);
    if (!parsed.ok) throw new Error('example does not parse');
    const path = [...new Set(pathElements(parsed.topology, selectMigrationPath(parsed.topology, src, dst).chosen!))];
    for (const id of path) expect(painted.overlay[id], id).toContain('chosen');
    expect(painted.overlay[dst]).toContain('destination');
    expect(await classesIn(page, '.chosen')).toEqual([...path].sort());
    // The layer draws the destination host (a compound in the diagram) at the same place and size.
    const [over, under] = painted.frames;
    over!.forEach((v, i) => expect(Math.abs(v - under![i]!), `frame ${i}`).toBeLessThanOrEqual(1));
    // A moment later, and after a what-if and a restore: the diagram's classes and labels are as they were.
    await page.waitForTimeout(300);
    expect(await diagramClasses()).toEqual(plain);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('a what-if, a restore and a cleared pair leave every element of the diagram as it was; the cleared pair empties the layer', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-routed');
    await page.waitForFunction(() => window.__lmpv.settled());
    const diagram = () => page.evaluate(() => Object.fromEntries(window.__lmpv.cy.elements().map((e) => [e.id(), `${e.classes().join(' ')}|${String(e.data('label') ?? '')}`])));
    const restyles: string[] = [];
    await page.exposeFunction('__restyled', (id: string) => void restyles.push(id));
    await page.evaluate(() => {
      window.__lmpv.cy.on('style', (e) => (window as unknown as { __restyled(id: string): void }).__restyled(e.target.id()));
    });
    const before = await diagram();
    const actions = (fn: string, arg: string | null = null) => page.evaluate(([f, x]) => (window.__lmpv.store.getState().actions as unknown as Record<string, (a: string | null) => void>)[f!]!(x), [fn, arg] as const);
    const net = (await seenWith(page, 'chosen')).find((id) => id.startsWith('lm'))!;
    expect(net).toBeTruthy();
    await actions('toggleFailed', net);
    expect(await seenWith(page, 'failed')).toContain(net);
    expect((await seen(page))[net]!.label).toMatch(/^✕ FAILED/);
    expect(await diagram()).toEqual(before);
    await actions('restoreAll');
    expect(await seenWith(page, 'failed')).toEqual([]);
    expect(await diagram()).toEqual(before);
    await actions('setDestination');
    await actions('setSource');
    await page.waitForFunction(() => window.__lmpv.settled());
    expect(await page.evaluate(() => window.__lmpv.overlay.elements().length)).toBe(0);
    expect(await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="graph-overlay"]')!.dataset.veil)).toBe('off');
    expect(await seenWith(page, 'dimmed')).toEqual([]);
    expect(await diagram()).toEqual(before);
    await page.waitForTimeout(300);
    expect(restyles).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("finds the same element under the pointer as cytoscape's own hit test, everywhere on the 16-node diagram", async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-16-node');
    await page.waitForFunction(() => window.__lmpv.settled());
    const result = await page.evaluate(() => {
      type R = { findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): { id(): string }[] };
      const { cy } = window.__lmpv;
      const r = (cy as unknown as { renderer(): R }).renderer();
      const own = Object.getPrototypeOf(r) as R; // cytoscape's, unpatched
      const bb = cy.elements().boundingBox();
      // A coarse grid, and the places where elements are: node centres and corners, points on
      // and just beside every edge (within and beyond cytoscape's tolerance for lines).
      const at: [number, number][] = [];
      for (let x = bb.x1 - 20; x <= bb.x2 + 20; x += 40) for (let y = bb.y1 - 20; y <= bb.y2 + 20; y += 40) at.push([x, y]);
      cy.nodes().forEach((n) => {
        const b = n.boundingBox({ includeLabels: false });
        at.push([n.position('x'), n.position('y')], [b.x1 + 2, b.y1 + 2], [b.x2 - 2, b.y2 - 2], [b.x1 - 6, b.y1 - 6]);
      });
      cy.edges().forEach((e) => {
        const m = e.midpoint();
        for (const dx of [0, 5, 12, 30]) at.push([m.x + dx, m.y]);
      });
      let points = 0;
      let hits = 0;
      const differ: string[] = [];
      for (const [x, y] of at) {
        points++;
        const ours = r.findNearestElements(x, y, true, false).map((e) => e.id()).join(',');
        const theirs = own.findNearestElements.call(r, x, y, true, false).map((e) => e.id()).join(',');
        if (theirs) hits++;
        if (ours !== theirs && differ.length < 5) differ.push(`(${x},${y}): ${ours} vs ${theirs}`);
      }
      return { points, hits, differ };
    });
    expect(result.differ).toEqual([]);
    expect(result.points).toBeGreaterThan(1000);
    expect(result.hits).toBeGreaterThan(result.points / 3);
    await page.context().close();
  });

  it('fails a network of the chosen path from its context menu; the fallback takes over; Restore all undoes it', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'switched-4-node');
    await expect.poll(() => region(page).textContent(), { timeout: 10_000 }).toContain("Chosen 'Storage 1'");
    const p = await pointOf(page, 'storage-1');
    await page.mouse.click(p.x, p.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions for Storage 1' });
    await menu.getByRole('menuitem', { name: 'Fail' }).click();
    await expect.poll(() => region(page).textContent(), { timeout: 10_000 }).toContain("Chosen 'Storage 2'");
    expect(await classesIn(page, '.failed')).toContain('storage-1');
    expect(await classesIn(page, '.chosen')).toEqual([edgeId('n1-s2', 'storage-2'), edgeId('n3-s2', 'storage-2'), 'n1-s2', 'n3-s2', 'storage-2']);
    const label = (await seen(page))['storage-1']!.label;
    expect(label.startsWith('✕ FAILED')).toBe(true);

    const restoreAll = page.getByRole('group', { name: 'What-if', exact: true }).getByRole('button', { name: 'Restore all' });
    await restoreAll.click();
    await expect.poll(() => region(page).textContent(), { timeout: 10_000 }).toContain("Chosen 'Storage 1'");
    expect(await classesIn(page, '.failed')).toEqual([]);
    expect(await restoreAll.isDisabled()).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('grows the names a what-if, a restore and a cleared pair retag as a full regrow would (the layer grows its copies as the diagram grows its names)', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    // The full drawing zoomed out: a grown network shows its first line, which a what-if retags.
    await openExample(page, 'two-site-routed');
    await page.evaluate(() => {
      window.__lmpv.cy.zoom({ level: 0.25, renderedPosition: { x: 0, y: 0 } });
    });
    // The names as seen: a copy's on the highlight layer, else the diagram's.
    const grown = () =>
      page.evaluate(() => {
        const { cy, overlay } = window.__lmpv;
        return cy
          .nodes('.host, .network, .site')
          .map((d) => {
            const c = overlay.getElementById(d.id());
            const n = c.nonempty() && !c.hasClass('ghost') ? c : d;
            return { id: n.id(), label: String(n.data('label')), fs: Number(n.data('fs') ?? 0), short: String(n.data('short') ?? '') };
          })
          .sort((a, b) => a.id.localeCompare(b.id));
      });
    /** The names as they are, then as a full regrow at the same zoom leaves them (a viewport event regrows all at the next frame). */
    const sameAsFullRegrow = async (): Promise<{ id: string; label: string; fs: number; short: string }[]> => {
      await page.waitForFunction(() => window.__lmpv.settled());
      await page.waitForTimeout(100);
      const now = await grown();
      await page.evaluate(() => new Promise<void>((resolve) => {
        window.__lmpv.cy.emit('viewport');
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }));
      expect(await grown()).toEqual(now);
      return now;
    };
    await page.evaluate(() => window.__lmpv.store.getState().actions.pickNode('n1', ['n1']));
    await page.evaluate(() => window.__lmpv.store.getState().actions.pickNode('n3', ['n3']));
    const lit = await sameAsFullRegrow();
    const net = (await seenWith(page, 'chosen')).find((id) => id.startsWith('lm'))!;
    expect(lit.find((n) => n.id === net)!.label).toContain('✔ CHOSEN');
    await page.evaluate((id) => window.__lmpv.store.getState().actions.toggleFailed(id), net);
    const failed = await sameAsFullRegrow();
    expect(failed.find((n) => n.id === net)!.label).toContain('✕ FAILED');
    // The failed network's grown name changed: the check compares names grown for a new label.
    expect(failed.find((n) => n.id === net)!.short).not.toBe(lit.find((n) => n.id === net)!.short);
    expect(failed.find((n) => n.id === net)!.short.startsWith('✕ FAILED')).toBe(true);
    await page.evaluate(() => window.__lmpv.store.getState().actions.restoreAll());
    await sameAsFullRegrow();
    await page.evaluate(() => {
      const { actions } = window.__lmpv.store.getState();
      actions.setDestination(null);
      actions.setSource(null);
    });
    const cleared = await sameAsFullRegrow();
    expect(cleared.find((n) => n.id === net)!.label).not.toContain('CHOSEN');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("after a zoom, the lit hosts' names on the layer still cover the diagram's own names (which grow with the zoom)", async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-routed');
    await page.waitForFunction(() => window.__lmpv.settled());
    const covered = () =>
      page.evaluate(() => {
        const { cy, overlay } = window.__lmpv;
        return ['n1', 'n3'].map((id) => {
          const own = cy.getElementById(id).boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
          const cover = overlay.nodes('.cover').filter((n) => n.data('of') === id).first() as import('cytoscape').NodeSingular;
          if (cover.empty()) return `${id}: no cover`;
          const c = { x1: cover.position('x') - cover.data('w') / 2, x2: cover.position('x') + cover.data('w') / 2, y1: cover.position('y') - cover.data('h') / 2, y2: cover.position('y') + cover.data('h') / 2 };
          return c.x1 <= own.x1 && own.x2 <= c.x2 && c.y1 <= own.y1 && own.y2 <= c.y2 ? `${id}: covered` : `${id}: ${JSON.stringify({ own, c })}`;
        });
      });
    expect(await covered()).toEqual(['n1: covered', 'n3: covered']);
    // Zoomed far out the diagram's names grow (src/canvas/textGrowth.ts): the covers follow.
    await page.evaluate(() => window.__lmpv.cy.zoom({ level: 0.2, renderedPosition: { x: 200, y: 200 } }));
    await page.waitForFunction(() => window.__lmpv.settled());
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    await page.waitForFunction(() => window.__lmpv.settled());
    expect(await page.evaluate(() => Number(window.__lmpv.cy.getElementById('n1').data('fs') ?? 0))).toBeGreaterThan(0);
    expect(await covered()).toEqual(['n1: covered', 'n3: covered']);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("a lit host's longer name (· DESTINATION) stays inside its site's frame on the layer", async () => {
    // The layer never regrows the diagram's site for the tag, as the restyled diagram did: the copy's
    // name moves sideways instead when it would run past the frame (HV03 stands at site B's left edge).
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-routed');
    await page.evaluate(() => {
      const { actions } = window.__lmpv.store.getState();
      actions.setSource('n1');
      actions.setDestination('n3');
    });
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.waitForFunction(() => window.__lmpv.settled());
    const inside = () =>
      page.evaluate(() => {
        const { cy, overlay } = window.__lmpv;
        return ['n1', 'n3'].map((id) => {
          const copy = overlay.getElementById(id);
          if (copy.empty()) return `${id}: no copy`;
          const name = copy.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
          const site = cy.getElementById(id).parent().boundingBox({ includeLabels: false, includeOverlays: false });
          return site.x1 <= name.x1 && name.x2 <= site.x2 ? `${id}: inside` : `${id}: name ${Math.round(name.x1)}–${Math.round(name.x2)}, site ${Math.round(site.x1)}–${Math.round(site.x2)}`;
        });
      });
    await expect.poll(inside, { timeout: 10_000 }).toEqual(['n1: inside', 'n3: inside']);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('saves a dragged node with its NICs in the layout, as one undo step', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'switched-4-node');
    const read = () =>
      page.evaluate(() => {
        const { cy, store } = window.__lmpv;
        const s = store.getState();
        return { nic: { ...cy.getElementById('n2-s1').position() }, zoom: cy.zoom(), layout: s.document.layout, past: s.past.length };
      });
    const before = await read();
    const start = await pointOf(page, 'n2', 'top-edge');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 60, start.y - 50, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction((past) => window.__lmpv.store.getState().past.length > past, before.past);
    const after = await read();
    expect(after.past).toBe(before.past + 1);
    expect(after.layout!['n2-s1']!.x - before.nic.x).toBeCloseTo(60 / before.zoom, -0.5);
    expect(after.layout!['n2-s1']!.y - before.nic.y).toBeCloseTo(-50 / before.zoom, -0.5);
    expect(after.layout!['n2-mgmt']).toBeDefined();

    await page.getByRole('button', { name: 'Undo' }).click();
    const undone = await read();
    expect(undone.layout).toBeUndefined();
    expect(undone.nic).toEqual(before.nic);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('changes the highlight with the mode on the switchless example', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'switchless-3-node');
    expect(await classesIn(page, '.attempt')).toEqual([]);
    await page.getByRole('radio', { name: 'Legacy (2022 and earlier)' }).click();
    expect(await classesIn(page, '.attempt')).toEqual(['link-12', 'link-13']);
    await expect.poll(() => region(page).textContent(), { timeout: 10_000 }).toContain('starts after 40 s');
    const tag = (await seen(page))['link-13']!.label;
    expect(tag.startsWith('TRY 2 · 20 s TIMEOUT')).toBe(true);
    await page.getByRole('radio', { name: 'Windows Server 2025' }).click();
    expect(await classesIn(page, '.attempt')).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('exports the whole diagram as PNG with the legend around it, and as SVG', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'two-site-routed');
    const out = await page.evaluate(async () => {
      const { canvas, cy } = window.__lmpv;
      const [{ data: blob }] = (await canvas.exportPng({ scale: 2, background: 'white', pair: true, page: 'whole' })) as unknown as [{ data: Blob }];
      const bitmap = await createImageBitmap(blob);
      const bb = cy.elements().boundingBox({ includeLabels: true });
      const head = Array.from(new Uint8Array(await blob.slice(0, 8).arrayBuffer()));
      const [{ data: svg }] = (await canvas.exportSvg({ pair: true, page: 'whole' })) as unknown as [{ data: string }];
      return { head, w: bitmap.width, h: bitmap.height, diagram: { w: bb.w * 2, h: bb.h * 2 }, svg };
    });
    expect(out.head).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(out.w).toBeGreaterThanOrEqual(Math.floor(out.diagram.w));
    // Caption above and legend below the drawing.
    expect(out.h).toBeGreaterThan(out.diagram.h + 2 * 150);
    expect(out.svg).toContain('✔ CHOSEN · Live Migration A');
    expect(out.svg).toContain('Link between two routers');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

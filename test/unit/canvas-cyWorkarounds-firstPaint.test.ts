/**
 * Workarounds 5 and 6 (src/canvas/cyWorkarounds.ts), for the first paint. `cheapStyleDirtying`: the walk that replaces
 * cytoscape's `dirtyStyleCache` nulls exactly the caches the original nulls, and the diagram's
 * styles come out the same. `skipUnheardBoundsEvents`: every listener hears what it heard before;
 * the canvas renderer's own listener (bound on the core when cytoscape is created) is called
 * directly, with the same targets, without an emitter built for each element.
 */
import { readFileSync } from 'node:fs';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { cheapStyleDirtying, skipUnheardBoundsEvents } from '../../src/canvas/cyWorkarounds';
import { stylesheet } from '../../src/canvas/style';

// site ⊃ host1 ⊃ {n1, n2}, site ⊃ host2 ⊃ n3, bar (no parent), empty host3; drops n1–bar, n3–bar, n2–n3.
const ELEMENTS: ElementDefinition[] = [
  { data: { id: 'site', w: 10, h: 10, label: 'Site' }, classes: 'site' },
  { data: { id: 'host1', parent: 'site', w: 10, h: 10, label: 'H1' }, classes: 'host' },
  { data: { id: 'host2', parent: 'site', w: 10, h: 10, label: 'H2' }, classes: 'host' },
  { data: { id: 'host3', w: 40, h: 20, label: 'H3' }, classes: 'host' },
  { data: { id: 'n1', parent: 'host1', w: 30, h: 12, label: 'nic 1' }, classes: 'nic', position: { x: 0, y: 0 } },
  { data: { id: 'n2', parent: 'host1', w: 30, h: 12, label: 'nic 2' }, classes: 'nic', position: { x: 40, y: 0 } },
  { data: { id: 'n3', parent: 'host2', w: 30, h: 12, label: 'nic 3' }, classes: 'nic', position: { x: 100, y: 0 } },
  { data: { id: 'bar', w: 200, h: 14, label: 'LM' }, classes: 'network', position: { x: 50, y: 80 } },
  { data: { id: 'e1', source: 'n1', target: 'bar', label: '', sourceEnd: 'outside-to-node', targetEnd: 'outside-to-node' } },
  { data: { id: 'e2', source: 'n3', target: 'bar', label: '', sourceEnd: 'outside-to-node', targetEnd: 'outside-to-node' } },
  { data: { id: 'e3', source: 'n2', target: 'n3', label: '', sourceEnd: 'outside-to-node', targetEnd: 'outside-to-node' } },
];

type Dirty = (this: unknown) => unknown;
const proto = (cy: Core): Record<string, unknown> => Object.getPrototypeOf(cy.collection()) as Record<string, unknown>;
const make = (): Core => cytoscape({ headless: true, styleEnabled: true, style: stylesheet, elements: structuredClone(ELEMENTS) });
// cytoscape's own methods, read before any test installs a workaround (the prototype is shared, and keeps no originals).
const ORIGINAL = { dirtyStyleCache: proto(make()).dirtyStyleCache as Dirty, emitAndNotify: proto(make()).emitAndNotify };
const privateOf = (cy: Core, id: string) => (cy.getElementById(id) as unknown as { _private: { styleCache: unknown } })._private;

/** The ids whose style cache `dirty` nulls when called on `ids`. */
function nulledBy(cy: Core, dirty: Dirty, ids: string[]): string[] {
  cy.elements().forEach((e) => void (privateOf(cy, e.id()).styleCache = { sentinel: true }));
  dirty.call(ids.reduce((c, id) => c.union(cy.getElementById(id)), cy.collection()));
  return cy
    .elements()
    .filter((e) => privateOf(cy, e.id()).styleCache === null)
    .map((e) => e.id())
    .sort();
}

// Runs first: each workaround is installed here for the first time in this file.
describe.each([
  ['cheapStyleDirtying', cheapStyleDirtying, 'dirtyStyleCache', 'lmpvCheapStyleDirtying'],
  ['skipUnheardBoundsEvents', skipUnheardBoundsEvents, 'emitAndNotify', 'lmpvSkipUnheardBounds'],
] as const)('%s', (_name, install, method, flag) => {
  it('is installed once, and leaves nothing on the prototype but its flag (no originals for a bench)', () => {
    const cy = make();
    const before = new Set(Object.keys(proto(cy)));
    install(cy);
    const installed = proto(cy)[method];
    install(make());
    expect(installed).not.toBe(ORIGINAL[method]);
    expect(proto(cy)[method]).toBe(installed);
    expect(Object.keys(proto(cy)).filter((k) => !before.has(k))).toEqual([flag]);
  });
});

describe('cheapStyleDirtying', () => {
  const original = ORIGINAL.dirtyStyleCache;

  // Hand-checked: the element, its ancestors, its descendants and every edge of those nodes.
  it.each([
    [['n1'], ['e1', 'host1', 'n1', 'site']], // n1's one drop e1; ancestors host1, site have none
    [['site'], ['e1', 'e2', 'e3', 'host1', 'host2', 'n1', 'n2', 'n3', 'site']],
    [['host2'], ['e2', 'e3', 'host2', 'n3', 'site']],
    [['bar'], ['bar', 'e1', 'e2']],
    [['host3'], ['host3']],
    [['e3'], ['e3']],
    [['n2', 'bar'], ['bar', 'e1', 'e2', 'e3', 'host1', 'n2', 'site']],
  ])('on %j nulls the caches of %j, as the original does', (ids, expected) => {
    const cy = make();
    cheapStyleDirtying(cy);
    const cheap = proto(cy).dirtyStyleCache as Dirty;
    expect(nulledBy(cy, original, ids)).toEqual(expected);
    expect(nulledBy(cy, cheap, ids)).toEqual(expected);
  });

  // Without compounds (the highlight layer's copies: boxes, no parents): the element and, for a node, its edges.
  it.each([
    [['n1'], ['e1', 'n1']],
    [['n3'], ['e2', 'e3', 'n3']],
    [['bar', 'e3'], ['bar', 'e1', 'e2', 'e3']],
    [['host1'], ['host1']],
  ])('without compounds, on %j nulls the caches of %j, as the original does', (ids, expected) => {
    const flat = structuredClone(ELEMENTS).map((e) => ({ ...e, data: { ...e.data, parent: undefined } }));
    const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet, elements: flat });
    expect(cy.nodes(':parent').length).toBe(0);
    cheapStyleDirtying(cy);
    expect(nulledBy(cy, original, ids)).toEqual(expected);
    expect(nulledBy(cy, proto(cy).dirtyStyleCache as Dirty, ids)).toEqual(expected);
  });

  it('leaves every element of the diagram with the same style', () => {
    const props = ['width', 'height', 'border-width', 'text-valign', 'text-margin-y', 'font-size', 'label', 'shape', 'padding'];
    const styles = (): Record<string, string[]> => {
      const cy = make();
      cy.getElementById('n1').addClass('chosen');
      cy.getElementById('host3').addClass('dimmed');
      const out: Record<string, string[]> = {};
      cy.elements().forEach((e) => void (out[e.id()] = props.map((p) => String(e.style(p)))));
      cy.destroy();
      return out;
    };
    const p = proto(make());
    const installed = p.dirtyStyleCache;
    p.dirtyStyleCache = original;
    const before = styles();
    p.dirtyStyleCache = installed;
    cheapStyleDirtying(make());
    expect(styles()).toEqual(before);
  });
});

describe('skipUnheardBoundsEvents', () => {
  /** How often each listener hears 'bounds' while n1 is restyled (label, font size: both move its bounds). */
  const heard = (listen: (cy: Core, count: (who: string) => () => void) => void): { counts: Record<string, number>; notified: number } => {
    const cy = make();
    skipUnheardBoundsEvents(cy);
    const counts: Record<string, number> = {};
    const count = (who: string) => () => void (counts[who] = (counts[who] ?? 0) + 1);
    listen(cy, count);
    let notified = 0;
    const core = cy as unknown as { notify(e: string, eles: unknown): void };
    const notify = core.notify.bind(cy);
    core.notify = (e, eles) => {
      if (e === 'bounds') notified++;
      notify(e, eles);
    };
    cy.getElementById('n1').style({ 'font-size': 20 });
    cy.destroy();
    return { counts, notified };
  };

  it('still notifies the renderer when nobody listens', () => {
    expect(heard(() => {}).notified).toBeGreaterThan(0);
  });

  it.each([
    ['the core', (cy: Core, c: (w: string) => () => void) => void cy.on('bounds', c('core'))],
    ['the element', (cy: Core, c: (w: string) => () => void) => void cy.getElementById('n1').on('bounds', c('n1'))],
    ['an ancestor', (cy: Core, c: (w: string) => () => void) => void cy.getElementById('site').on('bounds', c('site'))],
  ])('delivers every event when %s listens, as the original does', (_who, listen) => {
    const p = proto(make());
    const installed = p.emitAndNotify;
    const withPatch = heard(listen);
    p.emitAndNotify = ORIGINAL.emitAndNotify;
    const without = heard(listen);
    p.emitAndNotify = installed;
    expect(Object.values(withPatch.counts)[0]).toBeGreaterThan(0);
    expect(withPatch).toEqual(without);
  });
});

describe("skipUnheardBoundsEvents with the canvas renderer's own listener", () => {
  // The canvas renderer binds this on the core in cytoscape's constructor (headless: none). Its
  // listener reads the event's target only; the stand-in records exactly that.
  const rendererListener = (cy: Core, seen: string[]): void =>
    void cy.on('bounds.* dirty.*', (e) => void seen.push((e.type as string) === 'bounds' ? (e.target as { id(): string }).id() : `dirty ${(e.target as { id(): string }).id()}`));
  /** The targets the renderer's listener hears while n1 and the site are restyled, and how many 'bounds' events went through an emitter. */
  const run = (patched: boolean): { seen: string[]; emitted: number } => {
    const p = proto(make());
    const installed = p.emitAndNotify;
    if (!patched) p.emitAndNotify = ORIGINAL.emitAndNotify;
    // cytoscape's Emitter (src/emitter.mjs), shared by elements and the core: its emits of 'bounds' counted.
    const emitterProto = Object.getPrototypeOf((make() as unknown as { emitter(): object }).emitter()) as { emit(this: unknown, events: unknown, ...rest: unknown[]): unknown };
    const emit = emitterProto.emit;
    let emitted = 0;
    emitterProto.emit = function (this: unknown, events: unknown, ...rest: unknown[]) {
      if (events === 'bounds') emitted++;
      return emit.call(this, events, ...rest);
    };
    try {
      const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet });
      const seen: string[] = [];
      rendererListener(cy, seen);
      skipUnheardBoundsEvents(cy);
      cy.add(structuredClone(ELEMENTS));
      cy.elements().boundingBox({ includeLabels: true, includeOverlays: false });
      seen.length = 0;
      cy.getElementById('n1').style({ 'font-size': 20 });
      cy.getElementById('site').data('label', 'A longer site name');
      cy.elements().boundingBox({ includeLabels: true, includeOverlays: false });
      cy.destroy();
      return { seen, emitted };
    } finally {
      p.emitAndNotify = installed;
      emitterProto.emit = emit;
    }
  };

  it('hears every target it heard through the emitter, in the same order, with no event emitted', () => {
    const before = run(false);
    const after = run(true);
    expect(before.seen.filter((s) => !s.startsWith('dirty')).length).toBeGreaterThan(0);
    expect(after.seen).toEqual(before.seen);
    expect(before.emitted).toBeGreaterThan(0);
    expect(after.emitted).toBe(0);
  });

  it("matches cytoscape's renderer: its 'bounds' listener on the core reads the event's target only", () => {
    const source = readFileSync(new URL('../../node_modules/cytoscape/src/extensions/renderer/base/coord-ele-math/rendered-style.mjs', import.meta.url), 'utf8');
    const listener = /\.on\(\s*'bounds\.\* dirty\.\*',\s*function onDirtyBounds\(\s*e\s*\)\{([\s\S]*?)\}\)/.exec(source);
    expect(listener?.[1]?.replace(/\s+/g, ' ').trim()).toBe('let ele = e.target; enqueue( ele );');
  });
});

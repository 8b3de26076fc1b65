/**
 * Exports drawn from the store: the design alone or with the pair, never the selection; paper
 * layouts whose smallest text, measured on the output SVG, prints at 8 pt or more; the legend of
 * what is drawn only. The SVG is parsed with the (jsdom) DOMParser as XML.
 */
import { describe, expect, it } from 'vitest';
import { exportScene, pageSvgs, wholeSvg, PAGE_SIZES, type PageSizeId } from '../../src/canvas/export';
import { cuts, planPages } from '../../src/canvas/export/pages';
import { generateTwoSiteCluster } from '../generate';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { importedStretched } from '../e2e/readableDesigns';
import { svgFiles } from '../../src/canvas/exportFiles';

const example = (id: string): TopologyDocument => EXAMPLES.find((e) => e.id === id)!.document;
const big = generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2, name: '64 nodes' });

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

/** The product of every `scale(k)` on the way from the root to `el` (translations do not scale). */
function scaleOf(el: Element): number {
  let k = 1;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const m = /scale\(([\d.]+)\)/.exec(e.getAttribute('transform') ?? '');
    if (m) k *= Number(m[1]);
  }
  return k;
}

/** Smallest text on a page, in points: font size × the scales above it × points per viewBox unit. */
function smallestPt(svg: string): number {
  const doc = parse(svg);
  const root = doc.documentElement;
  const [, , vw] = root.getAttribute('viewBox')!.split(' ').map(Number);
  const width = root.getAttribute('width')!;
  const pagePt = width.endsWith('mm') ? (parseFloat(width) / 25.4) * 72 : width.endsWith('in') ? parseFloat(width) * 72 : NaN;
  const ptPerUnit = pagePt / vw!;
  let min = Infinity;
  for (const t of doc.querySelectorAll('text')) {
    if (!t.textContent?.trim()) continue;
    min = Math.min(min, Number(t.getAttribute('font-size')) * scaleOf(t) * ptPerUnit);
  }
  return min;
}

describe('paper layouts', () => {
  const cases: [string, TopologyDocument, [string, string] | null][] = [
    ['switchless-3-node', example('switchless-3-node'), ['n2', 'n3']],
    ['two-site-routed', example('two-site-routed'), ['n1', 'n3']],
    ['two-site-16-node', example('two-site-16-node'), null],
    ['64 nodes', big, null],
    ['imported 4-node stretched cluster', importedStretched(), ['hv01', 'hv03']],
  ];
  it.each(cases.flatMap(([name, doc, pair]) => (Object.keys(PAGE_SIZES) as PageSizeId[]).map((size) => [name, size, doc, pair] as const)))(
    '%s on %s: no text under 8 pt, every page the paper size',
    (_name, size, doc, pair) => {
      const store = createAppStore({ document: doc, pair });
      const { scene, caption } = exportScene(store.getState(), { pair: true });
      const pages = pageSvgs(scene, caption, size);
      expect(pages.length).toBeGreaterThan(0);
      for (const p of pages) {
        expect(smallestPt(p.svg)).toBeGreaterThanOrEqual(8);
        const root = parse(p.svg).documentElement;
        expect(root.getAttribute('viewBox')).toBe(`0 0 ${PAGE_SIZES[size].w} ${PAGE_SIZES[size].h}`);
      }
      if (pages.length > 1) expect(pages[0]!.title).toBe('Overview');
    },
  );

  it('fits the 3-node example on one A4 page, the (compact) 16-node one on an overview and a page per site, and splits 64 nodes into an overview and parts of each site', () => {
    const small = exportScene(createAppStore({ document: example('switchless-3-node'), pair: ['n2', 'n3'] }).getState(), { pair: true });
    expect(pageSvgs(small.scene, small.caption, 'a4').map((p) => p.title)).toEqual(['']);
    const s16 = exportScene(createAppStore({ document: example('two-site-16-node') }).getState(), { pair: false });
    // The compact 16-node drawing: an overview and one page per site (11 pages before it was compact).
    expect(pageSvgs(s16.scene, s16.caption, 'a4').map((p) => p.title)).toEqual(['Overview', 'Site A', 'Site B']);
    const s64 = exportScene(createAppStore({ document: big }).getState(), { pair: false });
    const titles = pageSvgs(s64.scene, s64.caption, 'a4').map((p) => p.title);
    expect(titles[0]).toBe('Overview');
    expect(titles.filter((t) => t.startsWith('Site A')).length).toBeGreaterThanOrEqual(2);
    expect(titles.filter((t) => t.startsWith('Site B')).length).toBeGreaterThanOrEqual(2);
    // A3 holds more of a site than A4.
    expect(pageSvgs(s64.scene, s64.caption, 'a3').length).toBeLessThan(titles.length);
  });

  it('keeps the two-site example to an overview and a page per site on Letter, and gives the parts of one site one scale', () => {
    // A site of 938 + 12 px at 8 pt for its smallest text (11 px) is 691 pt wide: within Letter's 736.
    const two = exportScene(createAppStore({ document: example('two-site-routed'), pair: ['n1', 'n3'] }).getState(), { pair: true });
    expect(pageSvgs(two.scene, two.caption, 'letter').map((p) => p.title)).toEqual(['Overview', 'Site A', 'Site B']);
    const s64 = exportScene(createAppStore({ document: big }).getState(), { pair: false });
    const plan = planPages(s64.scene, 'a4', 0);
    const siteA = plan.filter((p) => p.title.startsWith('Site A · part'));
    expect(siteA.length).toBeGreaterThan(1);
    expect(new Set(siteA.map((p) => p.scale)).size).toBe(1);
  });

  it('gives an imported 4-node stretched cluster an overview and one page per site on A4: a 2-node site is never split, its NICs named', () => {
    // Seattle (2 nodes, 2 gateways) is 1315 px wide: too wide for A4 at 8 pt, so it is cut between
    // its nodes and its gateways — the two bands on one page, not two half-empty pages.
    const { scene, caption } = exportScene(createAppStore({ document: importedStretched(), pair: ['hv01', 'hv03'] }).getState(), { pair: true });
    const pages = pageSvgs(scene, caption, 'a4');
    expect(pages.map((p) => p.title)).toEqual(['Overview', 'Seattle', 'Portland']);
    const seattle = parse(pages[1]!.svg).documentElement.textContent ?? '';
    for (const name of ['HV01', 'HV02', 'vEthernet (Management)', 'vEthernet (Live Migration)', 'Gateway 10.1.0.1']) expect(seattle).toContain(name);
    expect(smallestPt(pages[1]!.svg)).toBeGreaterThanOrEqual(8);
  });

  it('cuts between items when a gap is in reach, else at the limit', () => {
    // Items 0–90, 100–190, 200–290: spans of at most 150 → cut in the gap at 195? No: 95 and 195 are the gaps; from 0 the last within 150 is 95, then 195, then the rest (290−195 = 95 ≤ 150).
    expect(cuts(0, 290, [[0, 90], [100, 190], [200, 290]], 150)).toEqual([95, 195]);
    // One item wider than the limit: cut through it at the limit.
    expect(cuts(0, 500, [[0, 500]], 200)).toEqual([200, 400]);
  });
});

describe('the overview page names every node', () => {
  const texts = (svg: string): string[] => [...parse(svg).querySelectorAll('text')].map((t) => t.textContent ?? '');
  it.each([
    // [design, pair, paper, texts the page must have] — hand-checked on the pictures: the full
    // drawing's ends keep their tag and lose their VMs; the compact one's names lose the tag (too
    // wide at 8 pt) and keep the name, never the FROM / TO line alone.
    ['two-site-routed, full drawing, a pair', example('two-site-routed'), ['n1', 'n3'] as [string, string], 'a4' as PageSizeId, ['HV01 · SOURCE', 'HV02 (7 VMs · 120 GB)', 'HV03 · DESTINATION']],
    ['64 nodes, compact drawing, a pair', big, ['a01', 'b01'] as [string, string], 'a4' as PageSizeId, ['HV-A01', 'HV-B01']],
    ['64 nodes, compact drawing, no pair', big, null, 'letter' as PageSizeId, ['HV-A01', 'HV-B32']],
  ])('%s', (_name, doc, pair, paper, expected) => {
    const store = createAppStore({ document: doc, ...(pair ? { pair } : {}) });
    const { scene, caption } = exportScene(store.getState(), { pair: pair !== null });
    const [overview] = pageSvgs(scene, caption, paper);
    expect(overview!.title).toBe('Overview');
    const shown = texts(overview!.svg);
    for (const t of expected) expect(shown).toContain(t);
    // Every node by its name (with its VMs or its tag when they fit); never a name cut inside its
    // VM summary ("HV01 (10 VMs"), never a FROM / TO line without its name.
    for (const n of doc.nodes ?? []) expect(shown.some((t) => t === n.name || t.startsWith(`${n.name} (`) || t.startsWith(`${n.name} · `)), n.name).toBe(true);
    expect(shown.filter((t) => /\(\d+ VMs$/.test(t) || ['FROM', 'TO', '\u00a0', ''].includes(t.trim()))).toEqual([]);
  });
});

describe('what an export shows', () => {
  const doc = example('switched-4-node');
  it('never draws the selection, and the design alone has no highlight, no pair in its caption and no path in its legend', () => {
    const store = createAppStore({ document: doc, pair: ['n1', 'n3'] });
    store.getState().actions.select(['n2']);
    const alone = exportScene(store.getState(), { pair: false });
    const withPair = exportScene(store.getState(), { pair: true });
    for (const { scene } of [alone, withPair]) for (const s of [...scene.shapes, ...scene.edges]) expect(s.classes).not.toContain('selected');
    const aloneSvg = wholeSvg(alone.scene, alone.caption).svg;
    expect(aloneSvg).not.toContain('CHOSEN');
    expect(aloneSvg).not.toContain('SOURCE');
    expect(aloneSvg).not.toContain('MIGRATION PATH');
    expect(alone.caption.subtitle).toContain('No pair');
    const pairSvg = wholeSvg(withPair.scene, withPair.caption).svg;
    expect(pairSvg).toContain('✔ CHOSEN · Storage 1');
    expect(pairSvg).toMatch(/HV01 \(\d+ VMs · \d+ GB\) · SOURCE/);
    expect(pairSvg).toContain('Chosen path (✔ CHOSEN)');
  });

  it('lists in the legend only what the diagram shows', () => {
    const store = createAppStore({ document: example('switchless-3-node'), pair: ['n2', 'n3'] });
    const { scene, caption } = exportScene(store.getState(), { pair: true });
    const text = parse(wholeSvg(scene, caption).svg).documentElement.textContent!;
    expect(text).toContain('Switchless cable (two NICs)');
    expect(text).toContain('Chosen path');
    // No router link, no failure, no legacy try, nothing down in this design and mode.
    for (const absent of ['Router link (transit subnet)', 'Failed (what-if)', 'Legacy try that times out', 'Down in the design']) expect(text).not.toContain(absent);
  });

  it('draws a router the same way on every page (one outline, from the scene)', () => {
    const store = createAppStore({ document: example('two-site-routed'), pair: ['n1', 'n3'] });
    const { scene, caption } = exportScene(store.getState(), { pair: true });
    const router = scene.shapes.find((s) => s.kind === 'router')!;
    expect(router.shape).toBe('barrel');
    const whole = parse(wholeSvg(scene, caption).svg);
    const paged = parse(pageSvgs(scene, caption, 'a3')[0]!.svg);
    const d = (doc: Document) => doc.querySelector(`g[data-id="${router.id}"] path`)?.getAttribute('d');
    expect(d(whole)).toBeTruthy();
    expect(d(paged)).toBe(d(whole));
  });
});

describe('a network cut by the edge of a page', () => {
  it("keeps as many of its label's parts as fit the part of the bar on the page, on every part of a site", () => {
    const s64 = exportScene(createAppStore({ document: big, pair: ['a01', 'b01'] }).getState(), { pair: true });
    const pages = pageSvgs(s64.scene, s64.caption, 'a4').filter((p) => p.title.startsWith('Site A · part'));
    expect(pages.length).toBeGreaterThan(1);
    const bar = s64.scene.shapes.find((x) => x.id === 'lm-a1')!;
    const full = bar.label!.lines[0]!;
    expect(full).toBe('✔ CHOSEN · Live Migration A1 · 10.1.11.0/24 · cluster only · live migration #1');
    for (const page of pages) {
      const doc = parse(page.svg);
      const g = doc.querySelector('g[data-id="lm-a1"]');
      if (!g) continue;
      const text = g.querySelector('text')?.textContent ?? '';
      // The label cut between its parts, never inside one, or the name with the tag's mark.
      const parts = full.split(' · ');
      const allowed = [...parts.map((_, n) => parts.slice(0, n + 1).join(' · ')), '✔ Live Migration A1', 'Live Migration A1'];
      expect(allowed, `${page.title}`).toContain(text);
    }
    // The last part holds the routers' end of the bar, too short for the whole label: it keeps its
    // first parts (since issue 27 round 3 the site is two parts, the last about half the bar: "✔
    // CHOSEN · Live Migration A1 · 10.1.11.0/24 · cluster only").
    const last = parse(pages.at(-1)!.svg).querySelector('g[data-id="lm-a1"] text')?.textContent ?? '';
    // (The loop above checked it is cut between parts.)
    expect(last).not.toBe('');
    expect(last).not.toBe(full);
  });
});

describe('per-site pages of a compact design (issue 27)', () => {
  it("the 16-node example's site pages on A4 name every NIC, with its address, at 8 pt or more", () => {
    const doc = example('two-site-16-node');
    const nics = doc.nics ?? [];
    expect(nics.length).toBe(80);
    const pages = svgFiles(createAppStore({ document: doc }).getState(), { pair: false, page: 'a4' });
    expect(pages[0]!.title).toBe('Overview');
    const sitePages = pages.slice(1);
    expect(sitePages.length).toBeGreaterThan(0);
    // Each NIC's address is its own text; its name is on the line above it in the same label.
    const named = new Set<string>(); // NICs whose name and address are one label on a site page
    for (const p of sitePages) {
      expect(smallestPt(p.data)).toBeGreaterThanOrEqual(8);
      const svg = parse(p.data);
      for (const t of svg.querySelectorAll('text')) {
        const lines = [...t.querySelectorAll('tspan')].map((x) => x.textContent ?? '');
        const all = lines.length ? lines : [t.textContent ?? ''];
        for (const nic of nics) if (all.includes(nic.name) && nic.addresses.some((a) => all.includes(a))) named.add(nic.id);
      }
    }
    expect(nics.filter((n) => !named.has(n.id)).map((n) => n.id)).toEqual([]);
    // With a pair, the full drawing's site pages carry its highlight and keep the 8 pt rule.
    const store = createAppStore({ document: doc });
    store.getState().actions.setSource('a01');
    store.getState().actions.setDestination('b01');
    const lit = svgFiles(store.getState(), { pair: true, page: 'a4' });
    expect(lit.length).toBe(pages.length);
    for (const p of lit) expect(smallestPt(p.data)).toBeGreaterThanOrEqual(8);
    expect(lit.slice(1).some((p) => p.data.includes('CHOSEN'))).toBe(true);
  });
});


/**
 * Files in and out in Chromium: save and reopen byte for byte, refused files, a cluster inventory,
 * share links, and every export downloaded and read back.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeShareLink, serializeTopology } from '../../src/engine/io';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { launch, openApp, pageErrors } from './chromium';
import './handle';

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'lmpv-files-e2e-'));
});
afterAll(async () => {
  await browser?.close();
});

const XSS = '<img src=x onerror=alert(1)>';
const routed = EXAMPLES.find((e) => e.id === 'two-site-routed')!.document;
const fixtures = join(__dirname, '..', 'fixtures');

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** Clicks and returns the file the page downloads. */
async function download(page: Page, click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

/** Alerts a hostile name might raise: there must be none. */
function collectDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

/** Opens a file through the app's file input (what the Open button and Ctrl+O show). */
async function openFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Open topology file').setInputFiles(path);
}

/** Opens a file the way a user does with the keyboard: Ctrl+O, then the file chooser. */
async function openWithShortcut(page: Page, path: string): Promise<void> {
  // Waiting for a file chooser switches on its interception in the browser asynchronously; a key
  // pressed before that lands opens an uncaught chooser (seen once on a loaded machine). A round
  // trip to the page after subscribing lets the interception arrive first.
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => 0);
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(path);
}

const topologyName = (page: Page) => page.getByTestId('topology-name').textContent();

describe('open and save', () => {
  it('saves, reopens and saves again byte for byte, layout and unknown fields included (Ctrl+O, Ctrl+S)', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const doc = { ...routed, 'x-owner': { team: 'Infra', tags: ['lm', 'wan'] }, layout: { n1: { x: 120.5, y: -80 }, 'site-a': { x: 10, y: 20 } } } as TopologyDocument;
    const original = serializeTopology(doc);
    await openFile(page, await tempFile('original.lm-topology.json', original));
    await expect.poll(() => topologyName(page)).toBe('Two-site stretched cluster');

    const saved = await download(page, () => page.keyboard.press('Control+s'));
    expect(saved.name).toBe('Two-site-stretched-cluster.lm-topology.json');
    expect(saved.bytes.toString('utf8')).toBe(original);

    // Something else on screen, then the saved file back.
    await page.getByRole('combobox').first().selectOption({ label: 'Switched 4-node' });
    await expect.poll(() => topologyName(page)).not.toBe('Two-site stretched cluster');
    await openWithShortcut(page, await tempFile('saved.lm-topology.json', saved.bytes));
    await expect.poll(() => topologyName(page)).toBe('Two-site stretched cluster');
    const again = await download(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());
    expect(again.bytes.equals(saved.bytes)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('refuses an invalid file, lists its errors and keeps the topology on screen', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const before = await topologyName(page);
    const bad = { ...routed, version: 1, nics: [{ ...routed.nics![0]!, addresses: ['10.1.10.999/24'] }, ...routed.nics!.slice(1)] };
    await openFile(page, await tempFile('bad.json', JSON.stringify(bad)));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain("'bad.json' was not opened: the topology on screen is unchanged.");
    await expect.poll(() => alert.locator('code').first().textContent(), { timeout: 10_000 }).toBe('nics[0].addresses[0]');
    await expect.poll(() => topologyName(page), { timeout: 10_000 }).toBe(before);

    await openFile(page, await tempFile('notes.json', '{"format": "lm-topology", "version": 1,'));
    await expect.poll(() => alert.textContent()).toContain('The file is not valid JSON');
    await expect.poll(() => topologyName(page), { timeout: 10_000 }).toBe(before);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('cluster inventory', () => {
  it('imports the file the collection script writes (UTF-8 with BOM, PowerShell 5.1 style) and lists what it found', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.getByRole('button', { name: 'Import cluster…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a cluster' });
    await expect.poll(() => dialog.getByLabel('Inventory script').textContent(), { timeout: 10_000 }).toContain("Get-ClusterResourceType -Name 'Virtual Machine'");
    await dialog.getByLabel('Inventory file').setInputFiles(join(fixtures, 'inventory-e2e.json'));
    await expect.poll(() => dialog.getByRole('status').last().textContent()).toMatch(/Imported cluster 'CLU-E2E' from 'inventory-e2e.json': 2 nodes, 3 networks\./);
    await expect.poll(() => dialog.getByRole('list', { name: 'Import diagnostics' }).textContent(), { timeout: 10_000 }).toContain("Network 'Management' is in the live migration order but also excluded");
    await page.keyboard.press('Escape');
    await expect.poll(() => topologyName(page), { timeout: 10_000 }).toBe('CLU-E2E');
    await page.getByLabel('Source node').selectOption({ label: 'HV-E2E-01' });
    await page.getByLabel('Destination node').selectOption({ label: 'HV-E2E-02' });
    await expect.poll(() => page.getByRole('region', { name: 'Migration path' }).textContent(), { timeout: 10_000 }).toContain("'Live Migration'");
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('share links', () => {
  it('opens a topology from a link, and Copy link makes a link that opens the same topology', async () => {
    const base = inject('baseUrl');
    const page = await openApp(browser, base, `#${encodeShareLink(routed)}`);
    await expect.poll(() => topologyName(page)).toBe('Two-site stretched cluster');
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 10_000 }).toBe('');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('combobox').first().selectOption({ label: 'Switched 4-node' });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Link copied \(\d+ characters\)/);
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/#share=1\.\d+\.[0-9a-f]{8}\.[\w-]+&pair=n1,n3&mode=ws2025$/);
    const other = await openApp(browser, url.slice(0, url.indexOf('#')), url.slice(url.indexOf('#')));
    await expect.poll(() => topologyName(other)).toBe('Switched 4-node cluster');
    await expect.poll(() => other.getByLabel('Destination node').inputValue(), { timeout: 10_000 }).toBe('n3');
    expect([...pageErrors(page), ...pageErrors(other)]).toEqual([]);
  });

  it('says a truncated link is incomplete and keeps the topology', async () => {
    const link = encodeShareLink(routed);
    const page = await openApp(browser, inject('baseUrl'), `#${link.slice(0, link.length - 25)}`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/This share link is incomplete: it was cut off after \d+ of its \d+ characters of data/);
    await expect.poll(() => topologyName(page), { timeout: 10_000 }).toBe('Switchless 3-node cluster');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('exports', () => {
  it('downloads the report in HTML and Markdown with the path table, and the PowerShell script', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.getByRole('combobox').first().selectOption({ label: 'Two-site routed' });
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });

    const html = await download(page, () => dialog.getByRole('button', { name: 'Download HTML (printable)' }).click());
    expect(html.name).toBe('Two-site-stretched-cluster.report.html');
    const report = await browser.newPage();
    await report.setContent(html.bytes.toString('utf8'));
    const rows = await report.$$eval('table:last-of-type tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toHaveLength(12);
    expect(rows).toContainEqual(['HV01', 'HV03', 'Live Migration A → Live Migration B', 'routed via Router A → Router B', 'none', 'no path', 'no enabled network connects the pair', '—', 'never (gives up after 40 s)']);
    await report.close();
    await page.bringToFront(); // a background page gets no animation frames, which clicks wait for

    const md = await download(page, () => dialog.getByRole('button', { name: 'Download Markdown' }).click());
    expect(md.name).toBe('Two-site-stretched-cluster.report.md');
    const text = md.bytes.toString('utf8');
    expect(text).toContain('| Source | Destination | 2025 network | 2025 kind | 2025 fallbacks | Legacy network | Legacy kind | Legacy fallbacks | Legacy delay |');
    expect(text).toContain('| HV03 | HV04 | Live Migration B | direct | none | Live Migration B | direct | none | 20 s |');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'PowerShell…' }).click();
    const ps = await download(page, () => page.getByRole('button', { name: 'Download apply-Two-site-stretched-cluster.ps1' }).click());
    expect([...ps.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const script = ps.bytes.subarray(3).toString('utf8');
    expect(script).toContain('[CmdletBinding(SupportsShouldProcess = $true)]');
    expect(script).toContain("DestinationPrefix = '10.2.10.0/24'; NextHop = '10.1.10.1'");
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps a hostile node name as text in the app and in every export', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    const alerts = collectDialogs(page);
    const doc = structuredClone(routed);
    doc.name = `${XSS} design`;
    doc.nodes![0]!.name = XSS;
    doc.networks![2]!.name = `${XSS}'net`;
    await openFile(page, await tempFile('hostile.json', serializeTopology(doc)));
    await expect.poll(() => topologyName(page)).toBe(`${XSS} design`);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const html = await download(page, () => dialog.getByRole('button', { name: 'Download HTML (printable)' }).click());
    expect(html.name).toBe('img-src-x-onerror-alert-1-design.report.html');
    const report = await browser.newPage();
    const reportAlerts = collectDialogs(report);
    await report.setContent(html.bytes.toString('utf8'));
    // The diagram's A4 pages (an overview, then the parts of Site A and Site B), and no injected image.
    const sources = await report.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src') ?? ''));
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const src of sources) expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect.poll(() => report.locator('h1').textContent(), { timeout: 10_000 }).toBe(`Live migration design: ${XSS} design`);
    await report.close();
    await page.bringToFront(); // a background page gets no animation frames, which clicks wait for
    // The diagram exports carry the name as text too.
    const png = await download(page, () => dialog.getByRole('button', { name: 'Download PNG' }).click());
    expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const svg = (await download(page, () => dialog.getByRole('button', { name: 'Download SVG' }).click())).bytes.toString('utf8');
    const svgInfo = await page.evaluate((text) => {
      const d = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: d.querySelector('parsererror') !== null,
        active: d.querySelectorAll('script, foreignObject, img, iframe').length,
        handlers: [...d.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))),
        text: d.documentElement.textContent,
      };
    }, svg);
    expect(svgInfo).toMatchObject({ error: false, active: 0, handlers: false });
    expect(svgInfo.text).toContain(XSS);
    const md = (await download(page, () => dialog.getByRole('button', { name: 'Download Markdown' }).click())).bytes.toString('utf8');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'PowerShell…' }).click();
    await expect.poll(() => page.getByLabel('PowerShell script').textContent(), { timeout: 10_000 }).toContain(`[pscustomobject]@{ Name = '${XSS}''net'`);
    expect(alerts).toEqual([]);
    expect(reportAlerts).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('downloads the whole diagram as PNG at 1×, 2× and 4× (white or transparent) and as SVG', async () => {
    const page = await openApp(browser, inject('baseUrl'));
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect.poll(() => dialog.getByRole('button', { name: 'Download PNG' }).isEnabled(), { timeout: 10_000 }).toBe(true);

    const sizes: { w: number; h: number }[] = [];
    for (const scale of [1, 2, 4]) {
      await dialog.getByLabel(`${scale}×`).check();
      const png = await download(page, () => dialog.getByRole('button', { name: 'Download PNG' }).click());
      expect(png.name).toBe('Switchless-3-node-cluster.diagram.png');
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
      sizes.push({ w: png.bytes.readUInt32BE(16), h: png.bytes.readUInt32BE(20) });
      // It decodes, to the size its header announces.
      const decoded = await page.evaluate(async (b64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        return { w: bitmap.width, h: bitmap.height };
      }, png.bytes.toString('base64'));
      expect(decoded).toEqual(sizes.at(-1));
    }
    expect(sizes[0]!.w).toBeGreaterThan(100);
    for (const [i, k] of [[1, 2], [2, 4]] as const) {
      expect(Math.abs(sizes[i]!.w - k * sizes[0]!.w)).toBeLessThanOrEqual(k);
      expect(Math.abs(sizes[i]!.h - k * sizes[0]!.h)).toBeLessThanOrEqual(k);
    }

    // The whole diagram, not the viewport: zooming in does not change the 1× picture.
    await page.evaluate(() => {
      const canvas = window.__lmpv.canvas;
      for (let i = 0; i < 3; i++) canvas.zoomIn();
    });
    await dialog.getByLabel('1×').check();
    const zoomed = await download(page, () => dialog.getByRole('button', { name: 'Download PNG' }).click());
    expect({ w: zoomed.bytes.readUInt32BE(16), h: zoomed.bytes.readUInt32BE(20) }).toEqual(sizes[0]);

    // Transparent background: the corner pixel has no alpha; white: it is opaque white.
    const corner = async (background: string) => {
      await dialog.getByLabel(background).check();
      const png = await download(page, () => dialog.getByRole('button', { name: 'Download PNG' }).click());
      return page.evaluate(async (b64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        c.drawImage(bitmap, 0, 0);
        return [...c.getImageData(0, 0, 1, 1).data];
      }, png.bytes.toString('base64'));
    };
    await expect.poll(() => corner('Transparent'), { timeout: 10_000 }).toEqual([0, 0, 0, 0]);
    await expect.poll(() => corner('White'), { timeout: 10_000 }).toEqual([255, 255, 255, 255]);

    // On an A4 page at 1×: 96 dpi, the page's size in pixels, and the resolution in the file (pHYs).
    await page.getByLabel('Page').selectOption({ label: 'A4 landscape' });
    const a4 = await download(page, () => dialog.getByRole('button', { name: 'Download PNG' }).click());
    expect(a4.name).toBe('Switchless-3-node-cluster.diagram.png');
    expect({ w: a4.bytes.readUInt32BE(16), h: a4.bytes.readUInt32BE(20) }).toEqual({ w: 1123, h: 794 }); // 841.89 × 595.28 pt × 96/72
    expect(a4.bytes.subarray(37, 41).toString('latin1')).toBe('pHYs');
    expect(a4.bytes.readUInt32BE(41)).toBe(3780); // 96 dpi in pixels per metre
    await page.getByLabel('Page').selectOption({ label: 'Whole diagram (no page)' });

    const svg = await download(page, () => dialog.getByRole('button', { name: 'Download SVG' }).click());
    expect(svg.name).toBe('Switchless-3-node-cluster.diagram.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, text: doc.documentElement.textContent };
    }, svg.bytes.toString('utf8'));
    expect(parsed.root).toBe('svg');
    expect(parsed.error).toBe(false);
    for (const name of ['HV01', 'HV02', 'HV03']) expect(parsed.text).toContain(name);
    expect(pageErrors(page)).toEqual([]);
  });
});

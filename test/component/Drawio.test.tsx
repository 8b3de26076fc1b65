/**
 * The draw.io file, parsed as XML (the DOMParser of the test environment): every element an
 * editable cell with its geometry (children relative to their container), edges glued to their
 * ends, the pair's path styled on the cells it lights, names escaped.
 */
import { describe, expect, it } from 'vitest';
import { exportScene } from '../../src/canvas/export';
import { buildDrawio, hexColour } from '../../src/engine/io/drawio';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';

const example = (id: string): TopologyDocument => EXAMPLES.find((e) => e.id === id)!.document;

function drawio(doc: TopologyDocument, pair: [string, string] | null): { xml: Document; scene: ReturnType<typeof exportScene>['scene'] } {
  const s = createAppStore({ document: doc, pair }).getState();
  const design = exportScene(s, { pair: false });
  const path = pair ? exportScene(s, { pair: true }).scene : null;
  const text = buildDrawio({ title: design.caption.title, design: design.scene, path });
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  expect(xml.querySelector('parsererror')).toBeNull();
  return { xml, scene: design.scene };
}

const cell = (xml: Document, id: string): Element => {
  const c = [...xml.querySelectorAll('mxCell')].find((x) => x.getAttribute('id') === id);
  if (!c) throw new Error(`no cell ${id}`);
  return c;
};
const geo = (c: Element) => {
  const g = c.querySelector('mxGeometry')!;
  return { x: Number(g.getAttribute('x')), y: Number(g.getAttribute('y')), w: Number(g.getAttribute('width')), h: Number(g.getAttribute('height')) };
};
const style = (c: Element): Map<string, string> => new Map((c.getAttribute('style') ?? '').split(';').filter(Boolean).map((kv) => kv.split('=') as [string, string]));

describe('draw.io export', () => {
  it('has the mxfile structure and a cell per site, node, NIC, network, router and link of the two-site design', () => {
    const { xml, scene } = drawio(example('two-site-routed'), null);
    expect(xml.documentElement.nodeName).toBe('mxfile');
    expect(xml.querySelectorAll('mxfile > diagram > mxGraphModel > root').length).toBe(1);
    const cells = [...xml.querySelectorAll('root > mxCell')];
    const kinds = (k: string) => cells.filter((c) => style(c).get('lmpv') === k).length;
    const count = (k: string) => scene.shapes.filter((s) => s.kind === k).length;
    for (const k of ['site', 'host', 'nic', 'network', 'router', 'transit']) expect(kinds(k)).toBe(count(k));
    expect(count('site')).toBe(2);
    expect(kinds('link')).toBe(scene.edges.length);
    // One layer (no pair): cell "1", its parent the root "0".
    expect(cell(xml, '1').getAttribute('parent')).toBe('0');
    expect(cells.filter((c) => c.getAttribute('parent') === '0').length).toBe(1);
  });

  it('places children relative to their container, with the label and colours of the drawing', () => {
    const { xml, scene } = drawio(example('two-site-routed'), null);
    const nic = scene.shapes.find((s) => s.kind === 'nic')!;
    const host = scene.shapes.find((s) => s.id === nic.parent)!;
    const site = scene.shapes.find((s) => s.id === host.parent)!;
    const h = cell(xml, `d:${host.id}`);
    expect(h.getAttribute('parent')).toBe(`d:${site.id}`);
    expect(style(h).get('container')).toBe('1');
    expect(geo(h)).toEqual({ x: Math.round((host.x - site.x) * 10) / 10, y: Math.round((host.y - site.y) * 10) / 10, w: Math.round(host.w * 10) / 10, h: Math.round(host.h * 10) / 10 });
    const n = cell(xml, `d:${nic.id}`);
    expect(n.getAttribute('parent')).toBe(`d:${host.id}`);
    expect(geo(n).x).toBeCloseTo(nic.x - host.x, 0);
    expect(n.getAttribute('value')).toBe(nic.label!.lines.join('\n'));
    expect(style(n).get('fillColor')).toBe(hexColour(nic.fill));
    expect(style(n).get('fillColor')).toMatch(/^#[0-9a-f]{6}$/);
    // A link is glued to its NIC and network.
    const link = scene.edges.find((e) => e.source === nic.id)!;
    const l = cell(xml, `d:${link.id}`);
    expect(l.getAttribute('edge')).toBe('1');
    expect([l.getAttribute('source'), l.getAttribute('target')]).toEqual([`d:${nic.id}`, `d:${link.target}`]);
    // Leaves the NIC where the drop leaves it: exitX is its offset across the NIC.
    expect(Number(style(l).get('exitX'))).toBeCloseTo((link.x1 - nic.x) / nic.w, 2);
  });

  it('styles the cells the path lights, in place, with the tags: moving a node in draw.io keeps its highlight', () => {
    const { xml } = drawio(example('switched-4-node'), ['n1', 'n3']);
    const cells = [...xml.querySelectorAll('mxCell')];
    // One layer: no copy of the path on a layer of its own.
    expect(cells.filter((c) => c.getAttribute('parent') === '0').map((c) => c.getAttribute('id'))).toEqual(['1']);
    expect(cells.some((c) => c.getAttribute('id')!.startsWith('p:'))).toBe(false);
    // The design's own cells carry the highlight and its tags.
    expect(cell(xml, 'd:storage-1').getAttribute('value')).toMatch(/^✔ CHOSEN · Storage 1/);
    expect(style(cell(xml, 'd:storage-1')).get('strokeColor')).toBe('#0b7a3b');
    expect(cell(xml, 'd:storage-2').getAttribute('value')).toMatch(/^FALLBACK 1 · Storage 2/);
    // The node's tag follows its name and VM summary (the example has VMs); it is still the container of its NICs.
    expect(cell(xml, 'd:n1').getAttribute('value')).toMatch(/^HV01 \(\d+ VMs · \d+ GB\) · SOURCE$/);
    expect(style(cell(xml, 'd:n1')).get('container')).toBe('1');
    const chosenLinks = cells.filter((c) => c.getAttribute('edge') === '1' && style(c).get('strokeColor') === '#0b7a3b');
    expect(chosenLinks.length).toBe(2); // NIC → network at each end
    for (const l of chosenLinks) {
      // Glued to the NIC, a child of its node: draw.io moves the lit NIC and its line with the node.
      const nic = cell(xml, l.getAttribute('source')!);
      expect(['d:n1', 'd:n3']).toContain(nic.getAttribute('parent'));
      expect(style(nic).get('strokeColor')).toBe('#0b7a3b');
    }
    // What the path does not light is as designed (not faded).
    expect(style(cell(xml, 'd:n2')).get('opacity')).toBeUndefined();
  });

  it('labels a compact node with its name and its FROM / TO line, no blank line', () => {
    const { xml } = drawio(example('two-site-16-node'), ['a01', 'b01']);
    const values = [...xml.querySelectorAll('mxCell')].map((c) => c.getAttribute('value') ?? '');
    expect(values).toContain('HV-A02');
    // The tag beyond the name, away from the box: under it for site A's row (its bars above it, issue 27's one-row drawing).
    expect(values).toContain('HV-A01\nFROM');
    expect(values).toContain('TO\nHV-B01');
    expect(values.filter((v) => v.split('\n').some((line) => line.trim() === '' && v !== ''))).toEqual([]);
  });

  it('keeps a hostile name as text', () => {
    const doc = structuredClone(example('switched-4-node'));
    doc.nodes![0]!.name = '<img src=x onerror=alert(1)> & "q"';
    const { xml } = drawio(doc, null);
    expect(xml.querySelectorAll('img').length).toBe(0);
    expect([...xml.querySelectorAll('mxCell')].some((c) => (c.getAttribute('value') ?? '').startsWith('<img src=x onerror=alert(1)> & "q"'))).toBe(true);
  });
});

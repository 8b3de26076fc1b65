/**
 * Issue 27: the exports draw a router link between three sites or more as the canvas does — along
 * the gaps, with its bends: the scene's line carries them (ends clipped at the router and the
 * pill), the SVG draws a polyline through them, draw.io gets them as waypoints (`<Array
 * as="points">`), the pair's lit lines included. Before this work every such line was one
 * straight segment (no points), through the sites between.
 */
import { describe, expect, it } from 'vitest';
import { exportScene } from '../../src/canvas/export';
import { bodySvg } from '../../src/canvas/export/svg';
import { buildDrawio } from '../../src/engine/io/drawio';
import type { SceneEdge } from '../../src/engine/io';
import { createAppStore } from '../../src/store/appStore';
import { generateSitesCluster } from '../generate';

const doc = generateSitesCluster({ sites: 3, nodesPerSite: 2, lmNetworksPerSite: 1, storageNetworksPerSite: 1, routersPerSite: 1 });
const wan = (e: SceneEdge): boolean => e.classes.includes('wan-link');
const n1 = (v: number): number => Math.round(v * 10) / 10;

describe('router links between three sites or more in the exports', () => {
  const s = createAppStore({ document: doc, pair: ['a01', 'c02'] }).getState();
  const design = exportScene(s, { pair: false }).scene;
  const lit = exportScene(s, { pair: true }).scene;
  const lines = design.edges.filter(wan);

  it('each line of the WAN subnet has bends, all of them right angles (along the gaps)', () => {
    expect(lines.length).toBe(3);
    for (const e of lines) {
      expect(e.points?.length ?? 0).toBeGreaterThan(0);
      const pts = [{ x: e.x1, y: e.y1 }, ...e.points!, { x: e.x2, y: e.y2 }];
      for (let i = 1; i < pts.length; i++) expect(Math.min(Math.abs(pts[i]!.x - pts[i - 1]!.x), Math.abs(pts[i]!.y - pts[i - 1]!.y))).toBeLessThan(0.01);
    }
  });

  it('the SVG draws each as a polyline through its bends', () => {
    const svg = bodySvg(design);
    for (const e of lines) {
      const pts = [{ x: e.x1, y: e.y1 }, ...e.points!, { x: e.x2, y: e.y2 }].map((q) => `${n1(q.x)},${n1(q.y)}`).join(' ');
      expect(svg).toContain(`<polyline points="${pts}"`);
    }
  });

  it('draw.io gets the bends as waypoints, the lit lines (the pair path) as well', () => {
    const xml = new DOMParser().parseFromString(buildDrawio({ title: 't', design, path: lit }), 'application/xml');
    expect(xml.querySelector('parsererror')).toBeNull();
    const litIds = new Set(lit.edges.filter((e) => wan(e) && (e.classes.includes('chosen') || e.classes.includes('fallback'))).map((e) => e.id));
    expect(litIds.size).toBe(2);
    for (const e of lines) {
      const cells = [...xml.querySelectorAll('mxCell')].filter((c) => c.getAttribute('id')?.endsWith(e.id));
      // The lit path styles the design's cells (it copies none): one cell a line, lit or not.
      expect(cells.length).toBe(1);
      for (const c of cells) {
        const pts = [...c.querySelectorAll('mxGeometry > Array[as="points"] > mxPoint')].map((p) => ({ x: Number(p.getAttribute('x')), y: Number(p.getAttribute('y')) }));
        expect(pts).toEqual(e.points!.map((q) => ({ x: n1(q.x), y: n1(q.y) })));
      }
    }
  });
});

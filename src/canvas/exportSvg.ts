/**
 * SVG export, written from cytoscape's computed styles and our own geometry rather than through
 * cytoscape-svg (whose canvas2svg shim rotates rounded shapes and has no types). The whole
 * diagram, with the highlight as on screen, a caption above and the legend below. Every text is
 * escaped: names come from users.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Caption } from './caption';
import { escapeXml as esc, legendSvg } from './legend';
import { FONT_FAMILY } from './metrics';

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
const MARGIN = 24;
const HEADER = 64;
const n1 = (v: number): string => String(Math.round(v * 10) / 10);
type Ele = NodeSingular | EdgeSingular;
const num = (e: Ele, name: string): number => Number(e.numericStyle(name));
const str = (e: Ele, name: string): string => String(e.style(name));

function bodyRect(n: NodeSingular): Rect {
  const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
  const b = num(n, 'border-width') / 2;
  return { x1: bb.x1 + b, y1: bb.y1 + b, x2: bb.x2 - b, y2: bb.y2 - b };
}

function dashOf(style: string, width: number): string {
  if (style === 'dashed') return ` stroke-dasharray="${n1(width * 2.5)} ${n1(width * 1.8)}"`;
  if (style === 'dotted') return ` stroke-dasharray="0.1 ${n1(width * 1.8)}" stroke-linecap="round"`;
  return '';
}

function shapePath(n: NodeSingular, r: Rect, inset: number): string {
  const x = r.x1 + inset;
  const y = r.y1 + inset;
  const w = r.x2 - r.x1 - 2 * inset;
  const h = r.y2 - r.y1 - 2 * inset;
  const shape = str(n, 'shape');
  if (shape === 'barrel') {
    const k = Math.min(w * 0.12, 14);
    return `<path d="M${n1(x + k)},${n1(y)} L${n1(x + w - k)},${n1(y)} Q${n1(x + w)},${n1(y + h / 2)} ${n1(x + w - k)},${n1(y + h)} L${n1(x + k)},${n1(y + h)} Q${n1(x)},${n1(y + h / 2)} ${n1(x + k)},${n1(y)} Z"`;
  }
  const cr = str(n, 'corner-radius') === 'auto' ? 8 : num(n, 'corner-radius');
  const radius = shape === 'round-rectangle' ? Math.min(cr, h / 2, w / 2) : 0;
  return `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(w)}" height="${n1(h)}" rx="${n1(Math.max(0, radius - inset))}"`;
}

/** cytoscape's `background-blacken`: towards black (> 0) or white (< 0). */
function blacken(color: string, amount: number): string {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(color);
  if (!m || amount === 0) return color;
  const to = amount > 0 ? 0 : 255;
  const k = Math.abs(amount);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => Math.round(Number(v) * (1 - k) + to * k));
  return `rgb(${r},${g},${b})`;
}

function nodeSvg(n: NodeSingular): string {
  const r = bodyRect(n);
  const opacity = n.effectiveOpacity();
  const fill = blacken(str(n, 'background-color'), num(n, 'background-blacken'));
  const fillOpacity = num(n, 'background-opacity');
  const stroke = str(n, 'border-color');
  const width = num(n, 'border-width');
  const style = str(n, 'border-style');
  const strokeOpacity = num(n, 'border-opacity');
  const parts: string[] = [];
  const underlay = num(n, 'underlay-opacity');
  if (underlay > 0) {
    const pad = num(n, 'underlay-padding');
    parts.push(`${shapePath(n, r, -pad)} fill="${str(n, 'underlay-color')}" fill-opacity="${underlay}"/>`);
  }
  if (style === 'double') {
    const line = Math.max(1, width / 3);
    parts.push(`${shapePath(n, r, -width / 2 + line / 2)} fill="${fill}" fill-opacity="${fillOpacity}" stroke="${stroke}" stroke-opacity="${strokeOpacity}" stroke-width="${n1(line)}"/>`);
    parts.push(`${shapePath(n, r, width / 2 - line / 2)} fill="none" stroke="${stroke}" stroke-opacity="${strokeOpacity}" stroke-width="${n1(line)}"/>`);
  } else {
    parts.push(`${shapePath(n, r, 0)} fill="${fill}" fill-opacity="${fillOpacity}" stroke="${stroke}" stroke-opacity="${strokeOpacity}" stroke-width="${n1(width)}"${dashOf(style, width)}/>`);
  }
  parts.push(labelSvg(n, r));
  return `<g opacity="${n1(opacity)}">${parts.join('')}</g>`;
}

function labelSvg(n: NodeSingular, r: Rect): string {
  const text = String(n.data('label') ?? '');
  if (!text) return '';
  const lines = text.split('\n');
  const size = num(n, 'font-size');
  const lh = size * num(n, 'line-height');
  const valign = str(n, 'text-valign');
  const margin = num(n, 'text-margin-y');
  const block = lines.length * lh;
  const top = valign === 'top' ? r.y1 + margin - block : valign === 'bottom' ? r.y2 + margin : (r.y1 + r.y2) / 2 - block / 2;
  const x = (r.x1 + r.x2) / 2;
  const weight = str(n, 'font-weight');
  const color = str(n, 'color');
  const tspans = lines.map((l, i) => `<tspan x="${n1(x)}" y="${n1(top + lh * i + size * 0.95)}">${esc(l)}</tspan>`).join('');
  return `<text font-size="${size}" font-weight="${weight}" fill="${color}" fill-opacity="${num(n, 'text-opacity')}" text-anchor="middle">${tspans}</text>`;
}

/** Where an edge leaves a node: the manual end point (`"dx dy"` from the centre) or the box border. */
function endpoint(node: NodeSingular, value: string, toward: { x: number; y: number }): { x: number; y: number } {
  const p = node.position();
  const m = /^(-?[\d.]+)px (-?[\d.]+)px$/.exec(value);
  if (m) return { x: p.x + Number(m[1]), y: p.y + Number(m[2]) };
  const r = bodyRect(node);
  const dx = toward.x - p.x;
  const dy = toward.y - p.y;
  const sx = dx === 0 ? Infinity : (r.x2 - r.x1) / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (r.y2 - r.y1) / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: p.x + dx * s, y: p.y + dy * s };
}

function edgeSvg(e: EdgeSingular): string {
  const s = endpoint(e.source(), String(e.data('sourceEnd')), e.target().position());
  const t = endpoint(e.target(), String(e.data('targetEnd')), e.source().position());
  const color = str(e, 'line-color');
  const width = num(e, 'width');
  const style = str(e, 'line-style');
  const parts = [`<line x1="${n1(s.x)}" y1="${n1(s.y)}" x2="${n1(t.x)}" y2="${n1(t.y)}" stroke="${color}" stroke-width="${n1(width)}"${dashOf(style, width)}/>`];
  if (str(e, 'target-arrow-shape') === 'circle') parts.push(`<circle cx="${n1(t.x)}" cy="${n1(t.y)}" r="${n1(2.5 + width * 0.45)}" fill="${str(e, 'target-arrow-color')}"/>`);
  const label = String(e.data('label') ?? '');
  if (label) {
    const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;
    const off = Math.min(num(e, 'source-text-offset'), len / 2);
    const x = s.x + ((t.x - s.x) * off) / len;
    const y = s.y + ((t.y - s.y) * off) / len;
    const size = num(e, 'font-size');
    const w = label.length * size * 0.7 + 6;
    const stroke = str(e, 'text-border-color');
    parts.push(
      `<rect x="${n1(x - w / 2)}" y="${n1(y - size * 0.75)}" width="${n1(w)}" height="${n1(size * 1.5)}" rx="3" fill="#fff" stroke="${stroke}"/>`,
      `<text x="${n1(x)}" y="${n1(y + size * 0.38)}" font-size="${size}" font-weight="bold" text-anchor="middle" fill="${str(e, 'color')}">${esc(label)}</text>`,
    );
  }
  return `<g opacity="${n1(e.effectiveOpacity())}">${parts.join('')}</g>`;
}

/** The drawing itself, in model coordinates, with its bounds. */
export function diagramBody(cy: Core): { svg: string; bounds: Rect } {
  const bb = cy.elements().boundingBox({ includeLabels: true, includeOverlays: false });
  const depth = (n: NodeSingular): number => n.parents().length;
  const parents = cy.nodes(':parent').sort((a, b) => depth(a) - depth(b));
  const leaves = cy.nodes(':childless');
  const edges = cy.edges().sort((a, b) => num(a, 'z-index') - num(b, 'z-index'));
  const svg = [...parents.map((n) => nodeSvg(n as NodeSingular)), ...edges.map((e) => edgeSvg(e as EdgeSingular)), ...leaves.map((n) => nodeSvg(n as NodeSingular))].join('\n');
  const bounds = Number.isFinite(bb.x1) ? { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 } : { x1: 0, y1: 0, x2: 0, y2: 0 };
  return { svg, bounds };
}

export interface Frame {
  width: number;
  height: number;
  /** Where the drawing (its bounds' top-left corner) goes. */
  diagram: { x: number; y: number; w: number; h: number };
  header: string;
  legend: string;
}

/** Caption above, legend below: the parts of an exported picture around the drawing. */
export function frame(diagramW: number, diagramH: number, cap: Caption): Frame {
  const width = Math.max(diagramW + 2 * MARGIN, 820);
  const legendTop = HEADER + diagramH + MARGIN;
  const legend = legendSvg(MARGIN, legendTop, width - 2 * MARGIN);
  const header = [
    `<text x="${MARGIN}" y="30" font-size="19" font-weight="bold" fill="#1d2733">${esc(cap.title)}</text>`,
    `<text x="${MARGIN}" y="52" font-size="13" fill="#4a5563">${esc(cap.subtitle)}</text>`,
  ].join('');
  return {
    width,
    height: legendTop + legend.height + MARGIN,
    diagram: { x: (width - diagramW) / 2, y: HEADER, w: diagramW, h: diagramH },
    header: `<g font-family="${esc(FONT_FAMILY)}">${header}</g>`,
    legend: legend.svg,
  };
}

export function exportSvg(cy: Core, cap: Caption, background: string | null = '#ffffff'): string {
  const body = diagramBody(cy);
  const w = body.bounds.x2 - body.bounds.x1;
  const h = body.bounds.y2 - body.bounds.y1;
  const f = frame(w, h, cap);
  const bg = background ? `<rect width="100%" height="100%" fill="${background}"/>` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n1(f.width)}" height="${n1(f.height)}" viewBox="0 0 ${n1(f.width)} ${n1(f.height)}">`,
    `<title>${esc(cap.title)}</title>`,
    bg,
    f.header,
    `<g font-family="${esc(FONT_FAMILY)}" transform="translate(${n1(f.diagram.x - body.bounds.x1)} ${n1(f.diagram.y - body.bounds.y1)})">`,
    body.svg,
    '</g>',
    f.legend,
    '</svg>',
  ].join('\n');
}

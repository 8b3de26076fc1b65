/**
 * A scene as SVG markup (pure strings, no DOM): the drawing of the exported pictures. The PNG is
 * this SVG rasterised, so both draw every shape the same way. Every text is escaped: names come
 * from users.
 */
import type { Scene, SceneEdge, SceneShape } from '../../engine/io';
import { COMPACT_END_TAGS } from '../elements';
import { escapeXml as esc, legendIdsOfElements } from '../legend';
import { textWidth } from '../textWidth';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface BodyOptions {
  /** Only what meets this box is drawn, and labels of shapes it cuts are centred on their visible part. */
  clip?: Box;
  /**
   * The overview of a cluster too large for the page: labels other than sites' and nodes' are
   * left out, and those are drawn at least `minSize` (diagram units) tall when they fit their box.
   */
  overview?: { minSize: number };
}

export const n1 = (v: number): string => String(Math.round(v * 10) / 10);
/** Font sizes round up, so that a size chosen for 8 pt never prints at 7.99. */
const up1 = (v: number): string => String(Math.ceil(v * 10 - 1e-9) / 10);

function dashOf(style: string, width: number): string {
  if (style === 'dashed') return ` stroke-dasharray="${n1(width * 2.5)} ${n1(width * 1.8)}"`;
  if (style === 'dotted') return ` stroke-dasharray="0.1 ${n1(width * 1.8)}" stroke-linecap="round"`;
  return '';
}

function outline(s: SceneShape, inset: number): string {
  const x = s.x + inset;
  const y = s.y + inset;
  const w = s.w - 2 * inset;
  const h = s.h - 2 * inset;
  if (s.shape === 'barrel') {
    const k = Math.min(w * 0.12, 14);
    return `<path d="M${n1(x + k)},${n1(y)} L${n1(x + w - k)},${n1(y)} Q${n1(x + w)},${n1(y + h / 2)} ${n1(x + w - k)},${n1(y + h)} L${n1(x + k)},${n1(y + h)} Q${n1(x)},${n1(y + h / 2)} ${n1(x + k)},${n1(y)} Z"`;
  }
  return `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(w)}" height="${n1(h)}" rx="${n1(Math.max(0, s.radius - inset))}"`;
}

const meets = (a: Box, b: Box): boolean => a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
const boxOfShape = (s: SceneShape): Box => ({ x1: s.x, y1: s.y, x2: s.x + s.w, y2: s.y + s.h });

/** A shape's box with its label when the label sits outside (above or below). */
function extent(s: SceneShape): Box {
  const b = boxOfShape(s);
  const l = s.label;
  if (!l || l.place === 'center') return b;
  const h = l.lines.length * l.size * l.lineHeight + l.gap;
  return l.place === 'above' ? { ...b, y1: b.y1 - h } : { ...b, y2: b.y2 + h };
}

function labelSvg(s: SceneShape, o: BodyOptions): string {
  const l = s.label;
  if (!l) return '';
  let size = l.size;
  let lines = l.lines;
  // A label is centred on the part of its shape that is on the page.
  const x1 = o.clip ? Math.max(s.x, o.clip.x1) : s.x;
  const x2 = o.clip ? Math.min(s.x + s.w, o.clip.x2) : s.x + s.w;
  if (o.overview) {
    // Only the first line, at the page's smallest size, and only where it fits its shape; NICs
    // none (some would fit and others not).
    if (s.kind === 'nic') return '';
    size = Math.max(size, o.overview.minSize);
    const room = s.w + (l.place === 'center' ? -4 : 8);
    // A node's label too wide for its node loses its VMs, then its tag (the border says the rest):
    // "HV01 (10 VMs · 148 GB) · SOURCE", "HV01 · SOURCE", "HV01". A compact node's two lines (its
    // name and its FROM / TO line) become one.
    if (s.kind === 'host' && l.name) {
      const words = lines.map((t) => t.trim()).filter(Boolean);
      const tag = words.find((t) => (Object.values(COMPACT_END_TAGS) as string[]).includes(t)) ?? / · (SOURCE|DESTINATION)$/.exec(words[0] ?? '')?.[1];
      const name = l.name;
      const candidates = [...(words.length === 1 ? [words[0]!] : []), ...(tag ? [`${name} · ${tag}`] : []), name];
      lines = [candidates.find((c) => textWidth(c, size, l.bold) <= room) ?? name];
    } else lines = lines.slice(0, 1);
    if (textWidth(lines[0]!, size, l.bold) > room) return '';
    if (l.place === 'center' && size * 1.15 > s.h) return '';
  }
  const lh = size * l.lineHeight;
  const block = lines.length * lh;
  const fill = `fill="${l.color}"${l.opacity < 1 ? ` fill-opacity="${n1(l.opacity)}"` : ''}`;
  if (o.overview && s.kind === 'site') {
    // On the overview the nodes' names grow into the room between sites: a site's name goes
    // up its left side instead, like a swim lane's.
    if (textWidth(lines[0]!, size, l.bold) > s.h) return '';
    const x = s.x - l.gap - size * 0.25;
    const y = s.y + s.h / 2;
    return `<text font-size="${up1(size)}"${l.bold ? ' font-weight="bold"' : ''} ${fill} text-anchor="middle" transform="rotate(-90 ${n1(x)} ${n1(y)})" x="${n1(x)}" y="${n1(y)}">${esc(lines[0]!)}</text>`;
  }
  const top = l.place === 'above' ? s.y - l.gap - block : l.place === 'below' ? s.y + s.h + l.gap : s.y + s.h / 2 - block / 2;
  // A network's bar cut by the page's edge: each line keeps as many of its " · " parts as fit the
  // part of the bar on this page ("Live Migration A1 · 10.1.11.0/24 · cluster only" →
  // "Live Migration A1 · 10.1.11.0/24"), at least its first (the tag, or the name).
  if (o.clip && s.kind === 'network' && (x1 > s.x + 0.5 || x2 < s.x + s.w - 0.5)) {
    const room = x2 - x1 - 8;
    const fits = (t: string): boolean => textWidth(t, size, l.bold) <= room;
    lines = lines.map((line, i) => {
      const parts = line.split(' · ');
      for (let n = parts.length; n > 1; n--) {
        const head = parts.slice(0, n).join(' · ');
        if (fits(head)) return head;
      }
      // Too short for its tag and name: the name, with the tag's mark ("✔ Live Migration A1").
      const name = i === 0 && l.name && line.includes(l.name) ? l.name : null;
      const mark = /^[✔✕]/.exec(line)?.[0];
      if (!name) return parts[0]!;
      return mark && fits(`${mark} ${name}`) ? `${mark} ${name}` : name;
    });
  }
  // Centred on the visible part, but kept whole on the page when that part is narrower than the text.
  const tw = Math.max(...lines.map((line) => textWidth(line, size, l.bold)));
  let x = (x1 + x2) / 2;
  if (o.clip && tw < o.clip.x2 - o.clip.x1) x = Math.min(Math.max(x, o.clip.x1 + tw / 2 + 2), o.clip.x2 - tw / 2 - 2);
  const tspans = lines.map((line, i) => `<tspan x="${n1(x)}" y="${n1(top + lh * i + size * 0.95)}">${esc(line)}</tspan>`).join('');
  return `<text font-size="${up1(size)}"${l.bold ? ' font-weight="bold"' : ''} ${fill} text-anchor="middle">${tspans}</text>`;
}

function shapeSvg(s: SceneShape, o: BodyOptions): string {
  const parts: string[] = [];
  const common = `stroke="${s.stroke}"${s.strokeOpacity < 1 ? ` stroke-opacity="${n1(s.strokeOpacity)}"` : ''}`;
  const fill = `fill="${s.fill}"${s.fillOpacity < 1 ? ` fill-opacity="${n1(s.fillOpacity)}"` : ''}`;
  if (s.strokeStyle === 'double') {
    const line = Math.max(1, s.strokeWidth / 3);
    parts.push(`${outline(s, -s.strokeWidth / 2 + line / 2)} ${fill} ${common} stroke-width="${n1(line)}"/>`);
    parts.push(`${outline(s, s.strokeWidth / 2 - line / 2)} fill="none" ${common} stroke-width="${n1(line)}"/>`);
  } else parts.push(`${outline(s, 0)} ${fill} ${common} stroke-width="${n1(s.strokeWidth)}"${dashOf(s.strokeStyle, s.strokeWidth)}/>`);
  parts.push(labelSvg(s, o));
  return `<g${s.opacity < 1 ? ` opacity="${n1(s.opacity)}"` : ''} data-id="${esc(s.id)}">${parts.join('')}</g>`;
}

/** A line's extent, its bends included. */
function edgeBox(e: SceneEdge): Box {
  const xs = [e.x1, e.x2, ...(e.points ?? []).map((q) => q.x)];
  const ys = [e.y1, e.y2, ...(e.points ?? []).map((q) => q.y)];
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

function edgeSvg(e: SceneEdge, o: BodyOptions): string {
  // A routed router link (bends) is a polyline; every other line a straight one.
  const stroke = `stroke="${e.color}" stroke-width="${n1(e.width)}"${dashOf(e.strokeStyle, e.width)}`;
  const pts = [{ x: e.x1, y: e.y1 }, ...(e.points ?? []), { x: e.x2, y: e.y2 }];
  const parts = [
    e.points?.length
      ? `<polyline points="${pts.map((q) => `${n1(q.x)},${n1(q.y)}`).join(' ')}" fill="none" ${stroke}/>`
      : `<line x1="${n1(e.x1)}" y1="${n1(e.y1)}" x2="${n1(e.x2)}" y2="${n1(e.y2)}" ${stroke}/>`,
  ];
  if (e.dot) parts.push(`<circle cx="${n1(e.x2)}" cy="${n1(e.y2)}" r="${n1(2.5 + e.width * 0.45)}" fill="${e.dot}"/>`);
  const b = e.badge;
  if (b && !o.overview) {
    const w = textWidth(b.text, b.size, true) + 8;
    parts.push(
      `<rect x="${n1(b.x - w / 2)}" y="${n1(b.y - b.size * 0.75)}" width="${n1(w)}" height="${n1(b.size * 1.5)}" rx="3" fill="#fff" stroke="${b.border}"/>`,
      `<text x="${n1(b.x)}" y="${n1(b.y + b.size * 0.38)}" font-size="${up1(b.size)}" font-weight="bold" text-anchor="middle" fill="${b.color}">${esc(b.text)}</text>`,
    );
  }
  return `<g${e.opacity < 1 ? ` opacity="${n1(e.opacity)}"` : ''} data-id="${esc(e.id)}">${parts.join('')}</g>`;
}

/** The drawing in diagram units: compounds, then lines, then the other shapes. */
export function bodySvg(scene: Scene, o: BodyOptions = {}): string {
  const clip = o.clip;
  const compounds = new Set(scene.shapes.map((s) => s.parent).filter((p): p is string => p !== null));
  const shapes = clip ? scene.shapes.filter((s) => meets(extent(s), clip)) : scene.shapes;
  const edges = clip ? scene.edges.filter((e) => meets(edgeBox(e), clip)) : scene.edges;
  const outer = shapes.filter((s) => compounds.has(s.id));
  const inner = shapes.filter((s) => !compounds.has(s.id));
  return [...outer.map((s) => shapeSvg(s, o)), ...edges.map((e) => edgeSvg(e, o)), ...inner.map((s) => shapeSvg(s, o))].join('\n');
}

/** The smallest text the drawing has (diagram units): what a page's scale must keep at 8 pt. */
export function smallestText(scene: Scene): number {
  let min = Infinity;
  for (const s of scene.shapes) if (s.label) min = Math.min(min, s.label.size);
  for (const e of scene.edges) if (e.badge) min = Math.min(min, e.badge.size);
  return Number.isFinite(min) ? min : 12;
}

/** What the legend should explain on a drawing: the ids of LEGEND items its elements (within `clip`) show. */
export function legendIdsOf(scene: Scene, clip?: Box): Set<string> {
  const shapes = clip ? scene.shapes.filter((s) => meets(boxOfShape(s), clip)) : scene.shapes;
  const edges = clip ? scene.edges.filter((e) => meets(edgeBox(e), clip)) : scene.edges;
  return legendIdsOfElements([...shapes, ...edges.map((e) => ({ kind: 'link', classes: e.classes }))]);
}

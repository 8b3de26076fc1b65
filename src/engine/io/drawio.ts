/**
 * The diagram as a draw.io file (`.drawio`: uncompressed mxGraph XML), so that a consultant can
 * restyle it in the tool their customers use. Every site, node, NIC, network, router and router
 * link is an editable cell with its position, size, label and colours; sites and nodes are
 * containers (their children's geometry is relative to them, so moving a node moves its NICs);
 * lines are edges glued to the points they leave and reach. One layer, the design; with a
 * highlighted pair, the cells the path lights (its NICs, networks, routers and links, the two
 * nodes, what-if failures) carry the highlight's look and tags themselves (issue 27: a copy on a
 * layer of its own stayed behind when a node was moved in draw.io), the rest as designed. The
 * plain design is the export without the pair. Pure: written from scenes, no DOM.
 */
import type { Scene, SceneEdge, SceneShape } from './scene';
import { onPath } from './scene';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#xa;');
const r1 = (v: number): number => Math.round(v * 10) / 10;

/** `rgb(r,g,b)` (cytoscape's computed colours) or `#rrggbb` → `#rrggbb`. */
export function hexColour(c: string): string {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(c);
  if (!m) return c;
  return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
}

const DASH = { dashed: 'dashed=1;dashPattern=6 4;', dotted: 'dashed=1;dashPattern=1 3;', double: '', solid: '' } as const;

function shapeStyle(s: SceneShape, container: boolean): string {
  const l = s.label;
  const parts = [
    `lmpv=${s.kind}`,
    s.shape === 'barrel' ? 'shape=hexagon;perimeter=hexagonPerimeter2;size=0.1;fixedSize=0' : `rounded=${s.radius > 0 ? 1 : 0};absoluteArcSize=1;arcSize=${r1(s.radius * 2)}`,
    'whiteSpace=wrap;html=0',
    `fillColor=${hexColour(s.fill)}`,
    `strokeColor=${hexColour(s.stroke)}`,
    `strokeWidth=${r1(s.strokeStyle === 'double' ? s.strokeWidth / 2 : s.strokeWidth)}`,
    DASH[s.strokeStyle].replace(/;$/, ''),
    s.opacity < 1 ? `opacity=${Math.round(s.opacity * 100)}` : '',
    s.fillOpacity < 1 ? `fillOpacity=${Math.round(s.fillOpacity * 100)}` : '',
    s.strokeOpacity < 1 ? `strokeOpacity=${Math.round(s.strokeOpacity * 100)}` : '',
    container ? 'container=1;collapsible=0;recursiveResize=0' : '',
    l ? `fontSize=${r1(l.size)};fontColor=${hexColour(l.color)};fontStyle=${l.bold ? 1 : 0};fontFamily=Segoe UI` : '',
    l && l.opacity < 1 ? `textOpacity=${Math.round(l.opacity * 100)}` : '',
    l?.place === 'above' ? 'verticalLabelPosition=top;verticalAlign=bottom' : l?.place === 'below' ? 'verticalLabelPosition=bottom;verticalAlign=top' : 'verticalAlign=middle',
  ];
  return `${parts.filter(Boolean).join(';')};`;
}

function edgeStyle(e: SceneEdge, source: SceneShape, target: SceneShape): string {
  const rel = (x: number, y: number, s: SceneShape): [number, number] => [r1(((x - s.x) / Math.max(1, s.w)) * 1000) / 1000, r1(((y - s.y) / Math.max(1, s.h)) * 1000) / 1000];
  const [ex, ey] = rel(e.x1, e.y1, source);
  const [nx, ny] = rel(e.x2, e.y2, target);
  const parts = [
    'lmpv=link',
    'edgeStyle=none;html=0;rounded=0',
    `strokeColor=${hexColour(e.color)}`,
    `strokeWidth=${r1(e.width)}`,
    DASH[e.strokeStyle].replace(/;$/, ''),
    e.dot ? 'endArrow=oval;endFill=1;endSize=6' : 'endArrow=none',
    'startArrow=none',
    // Glued where the drawing leaves and reaches its shapes (a drop is a vertical line).
    `exitX=${ex};exitY=${ey};exitPerimeter=0;entryX=${nx};entryY=${ny};entryPerimeter=0`,
    e.opacity < 1 ? `opacity=${Math.round(e.opacity * 100)}` : '',
    e.badge ? `fontSize=${r1(e.badge.size)};fontStyle=1;fontColor=${hexColour(e.badge.color)};labelBackgroundColor=#ffffff;labelBorderColor=${hexColour(e.badge.border)}` : '',
  ];
  return `${parts.filter(Boolean).join(';')};`;
}

export interface DrawioInput {
  title: string;
  /** The design, drawn without a highlight. */
  design: Scene;
  /** The same diagram with the pair highlighted: its path goes on a layer of its own. */
  path?: Scene | null;
}

/** Cell ids: a prefix keeps them clear of the root cells' "0" and "1". */
const cellId = (layer: 'd', id: string): string => `${layer}:${id}`;

function cellsOf(scene: Scene, layer: 'd', layerId: string): string[] {
  const byId = new Map(scene.shapes.map((s) => [s.id, s]));
  const kept = new Set(scene.shapes.map((s) => s.id));
  const out: string[] = [];
  const containers = new Set(scene.shapes.map((s) => s.parent).filter((p): p is string => p !== null));
  for (const s of scene.shapes) {
    if (!kept.has(s.id)) continue;
    const parent = s.parent && kept.has(s.parent) ? byId.get(s.parent)! : null;
    const x = s.x - (parent?.x ?? 0);
    const y = s.y - (parent?.y ?? 0);
    const container = containers.has(s.id);
    const style = shapeStyle(s, container);
    out.push(
      `<mxCell id="${esc(cellId(layer, s.id))}" value="${esc(s.label?.lines.filter((t) => t.trim() !== '').join('\n') ?? '')}" style="${esc(style)}" vertex="1" parent="${esc(parent ? cellId(layer, parent.id) : layerId)}"><mxGeometry x="${r1(x)}" y="${r1(y)}" width="${r1(s.w)}" height="${r1(s.h)}" as="geometry"/></mxCell>`,
    );
  }
  for (const e of scene.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) continue;
    const glued = kept.has(e.source) && kept.has(e.target);
    const ends = glued ? ` source="${esc(cellId(layer, e.source))}" target="${esc(cellId(layer, e.target))}"` : '';
    out.push(
      `<mxCell id="${esc(cellId(layer, e.id))}" value="${esc(e.badge?.text ?? '')}" style="${esc(edgeStyle(e, source, target))}" edge="1" parent="${layerId}"${ends}><mxGeometry relative="1" as="geometry"><mxPoint x="${r1(e.x1)}" y="${r1(e.y1)}" as="sourcePoint"/><mxPoint x="${r1(e.x2)}" y="${r1(e.y2)}" as="targetPoint"/>${e.points?.length ? `<Array as="points">${e.points.map((q) => `<mxPoint x="${r1(q.x)}" y="${r1(q.y)}"/>`).join('')}</Array>` : ''}</mxGeometry></mxCell>`,
    );
  }
  return out;
}

/** What the pair's highlight lights: the path's elements, the two nodes, what-if failures. */
const lit = (x: SceneShape | SceneEdge): boolean => onPath(x.classes) || x.classes.includes('source') || x.classes.includes('destination') || x.classes.includes('failed');

/** The design with each lit element in its highlight (the path scene's look, the design's place). */
function litDesign(design: Scene, path: Scene): Scene {
  const shapes = new Map(path.shapes.map((s) => [s.id, s]));
  const edges = new Map(path.edges.map((e) => [e.id, e]));
  return {
    ...design,
    shapes: design.shapes.map((s) => {
      const p = shapes.get(s.id);
      return p && lit(p) ? { ...p, parent: s.parent, x: s.x, y: s.y, w: s.w, h: s.h } : s;
    }),
    edges: design.edges.map((e) => {
      const p = edges.get(e.id);
      return p && lit(p) ? { ...p, source: e.source, target: e.target, x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2, points: e.points } : e;
    }),
  };
}

export function buildDrawio(input: DrawioInput): string {
  const { design, path } = input;
  const cells = ['<mxCell id="0"/>', '<mxCell id="1" value="Design" parent="0"/>', ...cellsOf(path ? litDesign(design, path) : design, 'd', '1')];
  const b = design.bounds;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mxfile host="LM Path Visualizer" type="device">`,
    `<diagram id="lmpv" name="${esc(input.title)}">`,
    `<mxGraphModel dx="${r1(b.x2 - b.x1)}" dy="${r1(b.y2 - b.y1)}" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" math="0" shadow="0">`,
    '<root>',
    ...cells,
    '</root>',
    '</mxGraphModel>',
    '</diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}

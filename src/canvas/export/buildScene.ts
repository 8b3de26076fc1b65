/**
 * The scene every export is written from: the diagram's shapes and lines with their positions
 * (our geometry, not the on-screen cytoscape's) and their looks resolved by the stylesheet on a
 * headless cytoscape. Nothing of the live diagram is read, so the selection halo, hover and press
 * states and the pair overlay can never reach a file; the decorations say what is highlighted.
 */
import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import type { Scene, SceneEdge, SceneShape, StrokeStyle } from '../../engine/io';
import { lookOf } from '../applyView';
import type { DiagramModel } from '../elements';
import { estimateBoxes, leafBox, type Box, type Pos } from '../geometry';
import { drawnGeometry } from '../placement/wanRoutes';
import type { Decoration } from '../highlight';
import { stylesheet } from '../style';

type Ele = NodeSingular | EdgeSingular;
const num = (e: Ele, name: string): number => Number(e.numericStyle(name));
const str = (e: Ele, name: string): string => String(e.style(name));

/** cytoscape's `background-blacken`: towards black (> 0) or white (< 0). */
export function blacken(color: string, amount: number): string {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(color);
  if (!m || amount === 0) return color;
  const to = amount > 0 ? 0 : 255;
  const k = Math.abs(amount);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => Math.round(Number(v) * (1 - k) + to * k));
  return `rgb(${r},${g},${b})`;
}

const strokeStyle = (s: string): StrokeStyle => (s === 'dashed' || s === 'dotted' || s === 'double' ? s : 'solid');

/**
 * The stylesheet's answer for each distinct look. Styles here follow from an element's classes
 * and whether it is a compound (`:parent` / `:childless` rules), never from its data (sizes and
 * labels come from the model) — so one stand-in element per distinct look is styled instead of
 * the whole diagram (a few dozen instead of 700+ on 64 nodes, where styling them all took seconds).
 */
function styleResolver(): { node(classes: string, compound: boolean): NodeSingular; edge(classes: string): EdgeSingular; destroy(): void } {
  const cy: Core = cytoscape({ headless: true, styleEnabled: true, style: stylesheet });
  const nodes = new Map<string, NodeSingular>();
  const edges = new Map<string, EdgeSingular>();
  cy.add([
    { group: 'nodes', data: { id: 'end-a' } },
    { group: 'nodes', data: { id: 'end-b' } },
  ]);
  return {
    node(classes, compound) {
      const key = `${compound ? 'c' : 'l'}|${classes}`;
      let n = nodes.get(key);
      if (!n) {
        const id = `n${nodes.size}`;
        n = cy.add({ group: 'nodes', data: { id, label: 'x', w: 10, h: 10 }, classes }) as NodeSingular;
        if (compound) cy.add({ group: 'nodes', data: { id: `${id}-child`, parent: id } });
        nodes.set(key, n);
      }
      return n;
    },
    edge(classes) {
      let e = edges.get(classes);
      if (!e) {
        e = cy.add({ group: 'edges', data: { id: `e${edges.size}`, source: 'end-a', target: 'end-b', label: 'x', sourceEnd: 'outside-to-node', targetEnd: 'outside-to-node', segW: '0.5', segD: '0' }, classes }) as EdgeSingular;
        edges.set(classes, e);
      }
      return e;
    },
    destroy: () => cy.destroy(),
  };
}

/** Where a line leaving `b` towards `toward` crosses its border. */
function clipToBox(b: Box, toward: Pos): Pos {
  const c = { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 };
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  const sx = dx === 0 ? Infinity : (b.x2 - b.x1) / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (b.y2 - b.y1) / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

export function buildScene(model: DiagramModel, positions: ReadonlyMap<string, Pos>, decorations: ReadonlyMap<string, Decoration>): Scene {
  const geometry = drawnGeometry(model, positions);
  const boxes = estimateBoxes(model, positions, geometry);
  const styles = styleResolver();
  try {
    const shapes = new Map<string, SceneShape>();
    const depth = (id: string): number => {
      let d = 0;
      for (let p = model.byId.get(id)?.parent; p; p = model.byId.get(p)?.parent) d++;
      return d;
    };
    for (const n of model.nodes) {
      const compound = model.children.has(n.id);
      const look = lookOf(model, n.id, decorations, geometry);
      const el = styles.node(look.classes, compound);
      const p = positions.get(n.id);
      const drawn = compound ? boxes.get(n.id)?.box : p ? leafBox(model, n.id, p, geometry) : undefined;
      if (!drawn) continue;
      const border = num(el, 'border-width');
      // A compound's box reaches the border's outer edge; a leaf's is its outline.
      const r = compound ? { x1: drawn.x1 + border / 2, y1: drawn.y1 + border / 2, x2: drawn.x2 - border / 2, y2: drawn.y2 - border / 2 } : drawn;
      const w = r.x2 - r.x1;
      const h = r.y2 - r.y1;
      const cr = str(el, 'corner-radius') === 'auto' ? 8 : num(el, 'corner-radius');
      const barrel = str(el, 'shape') === 'barrel';
      // A compact NIC's name is drawn on screen only when zoomed in: on paper it would be the smallest text.
      const text = n.kind === 'nic' && model.metrics.kind === 'compact' ? '' : look.label;
      const valign = str(el, 'text-valign');
      shapes.set(n.id, {
        id: n.id,
        kind: n.kind,
        parent: n.parent,
        x: r.x1,
        y: r.y1,
        w,
        h,
        shape: barrel ? 'barrel' : 'rect',
        radius: barrel ? 0 : Math.min(cr, h / 2, w / 2),
        fill: blacken(str(el, 'background-color'), num(el, 'background-blacken')),
        fillOpacity: num(el, 'background-opacity'),
        stroke: str(el, 'border-color'),
        strokeOpacity: num(el, 'border-opacity'),
        strokeWidth: border,
        strokeStyle: strokeStyle(str(el, 'border-style')),
        // No rule sets `opacity` (fading whitens instead), so a compound passes none on.
        opacity: num(el, 'opacity'),
        label: text
          ? {
              lines: text.split('\n'),
              size: num(el, 'font-size'),
              bold: str(el, 'font-weight') === 'bold',
              color: str(el, 'color'),
              opacity: num(el, 'text-opacity'),
              place: compound ? (valign === 'bottom' ? 'below' : 'above') : 'center',
              gap: Math.abs(num(el, 'text-margin-y')),
              lineHeight: num(el, 'line-height'),
              ...(n.name ? { name: n.name } : {}),
            }
          : null,
        classes: look.classes.split(' ').filter(Boolean),
      });
    }
    const order = [...shapes.values()];
    const parents = order.filter((s) => model.children.has(s.id)).sort((a, b) => depth(a.id) - depth(b.id));
    const leaves = order.filter((s) => !model.children.has(s.id));

    const edges: SceneEdge[] = [];
    const zIndex = new Map<string, number>();
    for (const e of model.edges) {
      const look = lookOf(model, e.id, decorations, geometry);
      const el = styles.edge(look.classes);
      zIndex.set(e.id, num(el, 'z-index'));
      const s = shapes.get(e.source);
      const t = shapes.get(e.target);
      if (!s || !t) continue;
      const line = geometry.ends.get(e.id)?.line;
      // A router link between three sites or more: its routed line (the canvas's bends).
      const path = geometry.ends.get(e.id)?.path;
      const bends = path ? path.slice(1, -1) : [];
      const sb = { x1: s.x, y1: s.y, x2: s.x + s.w, y2: s.y + s.h };
      const tb = { x1: t.x, y1: t.y, x2: t.x + t.w, y2: t.y + t.h };
      const a = path?.[0] ?? line?.source ?? clipToBox(sb, { x: t.x + t.w / 2, y: t.y + t.h / 2 });
      const b = path?.[path.length - 1] ?? line?.target ?? clipToBox(tb, { x: s.x + s.w / 2, y: s.y + s.h / 2 });
      const label = look.label;
      // The badge sits along the line's first piece.
      const first = bends[0] ?? b;
      const len = Math.hypot(first.x - a.x, first.y - a.y) || 1;
      const off = Math.min(num(el, 'source-text-offset'), len / 2);
      const style = str(el, 'line-style');
      edges.push({
        id: e.id,
        source: e.source,
        target: e.target,
        x1: a.x,
        y1: a.y,
        x2: b.x,
        y2: b.y,
        color: str(el, 'line-color'),
        width: num(el, 'width'),
        strokeStyle: style === 'dashed' || style === 'dotted' ? style : 'solid',
        dot: str(el, 'target-arrow-shape') === 'circle' ? str(el, 'target-arrow-color') : null,
        ...(bends.length ? { points: bends.map((q) => ({ x: q.x, y: q.y })) } : {}),
        badge: label ? { text: label, x: a.x + ((first.x - a.x) * off) / len, y: a.y + ((first.y - a.y) * off) / len, size: num(el, 'font-size'), color: str(el, 'color'), border: str(el, 'text-border-color') } : null,
        opacity: num(el, 'opacity'),
        classes: look.classes.split(' ').filter(Boolean),
      });
    }
    edges.sort((x, y) => zIndex.get(x.id)! - zIndex.get(y.id)!);

    let bounds: Box | null = null;
    const add = (b: Box): void => {
      bounds = bounds ? { x1: Math.min(bounds.x1, b.x1), y1: Math.min(bounds.y1, b.y1), x2: Math.max(bounds.x2, b.x2), y2: Math.max(bounds.y2, b.y2) } : { ...b };
    };
    for (const [, b] of boxes) add(b.outer);
    for (const e of edges) for (const q of e.points ?? []) add({ x1: q.x, y1: q.y, x2: q.x, y2: q.y });
    return { shapes: [...parents, ...leaves], edges, bounds: bounds ?? { x1: 0, y1: 0, x2: 0, y2: 0 } };
  } finally {
    styles.destroy();
  }
}

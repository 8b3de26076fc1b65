/**
 * A drawn diagram as plain data: every shape and line with its final position, size, colours and
 * label, in diagram units. The canvas builds it (from the layout and the stylesheet); the SVG
 * pages, the PNG (the SVG rasterised) and the draw.io file are all written from it, so every
 * export draws every element the same way. No DOM, no cytoscape.
 */

export type SceneKind = 'site' | 'host' | 'nic' | 'network' | 'router' | 'transit';
export type StrokeStyle = 'solid' | 'dashed' | 'dotted' | 'double';

export interface SceneLabel {
  lines: string[];
  size: number;
  bold: boolean;
  color: string;
  opacity: number;
  /** Where the text block sits: inside the box (centre), or above / below it (compounds). */
  place: 'center' | 'above' | 'below';
  /** Gap between the box and a label above or below it. */
  gap: number;
  lineHeight: number;
  /** A node's or network's own name, without VMs, tags or prefixes: what a page too small for the label keeps. */
  name?: string;
}

export interface SceneShape {
  id: string;
  kind: SceneKind;
  /** The shape it is drawn in (a site for hosts, a host for NICs), null at the top level. */
  parent: string | null;
  /** The outline's centre line (a stroke is centred on it). */
  x: number;
  y: number;
  w: number;
  h: number;
  shape: 'rect' | 'barrel';
  radius: number;
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeOpacity: number;
  strokeWidth: number;
  strokeStyle: StrokeStyle;
  opacity: number;
  label: SceneLabel | null;
  /** The element's classes (kind, role, state, highlight): what the legend is chosen from. */
  classes: string[];
}

export interface SceneEdge {
  id: string;
  source: string;
  target: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Bends between (x1, y1) and (x2, y2), in order: a router link between three sites or more runs along the gaps. */
  points?: { x: number; y: number }[];
  color: string;
  width: number;
  strokeStyle: Exclude<StrokeStyle, 'double'>;
  /** A dot where the line meets its network. */
  dot: string | null;
  /** A fallback's numbers, in a small box near the source. */
  badge: { text: string; x: number; y: number; size: number; color: string; border: string } | null;
  opacity: number;
  classes: string[];
}

export interface Scene {
  /** Drawing order: compounds outermost first, then lines, then the other shapes. */
  shapes: SceneShape[];
  edges: SceneEdge[];
  bounds: { x1: number; y1: number; x2: number; y2: number };
}

/** Ids on the highlighted path (chosen, idle, fallbacks, legacy tries): draw.io styles their cells with the highlight. */
export const onPath = (classes: readonly string[]): boolean => classes.includes('chosen') || classes.includes('idle') || classes.includes('fallback') || classes.includes('attempt');

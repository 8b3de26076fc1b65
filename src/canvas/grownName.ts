/**
 * The size a name is drawn at for the zoom (./textGrowth.ts's rule applied to one name): shared by
 * the diagram (render.ts, for its own labels) and the highlight layer (./overlay.ts, for the
 * copies' labels, which carry the highlight's tags), so that a copy's name is the size the
 * diagram would draw that label at.
 */
import type { DiagramNode } from './elements';
import type { Metrics } from './metrics';
import { baseFont, firstLine, growthCap, growthStep, READABLE_PX, type GrowKind } from './textGrowth';

export interface GrownName {
  /** The font size (0: the stylesheet's). */
  fs: number;
  /** The label drawn instead ('' : the label itself). */
  short: string;
}

/** Whether a node's name grows with the zoom. */
export const grows = (n: DiagramNode): n is DiagramNode & { kind: GrowKind } => n.kind === 'host' || n.kind === 'network' || n.kind === 'site';

/**
 * `boxW`: a host's drawn outer width, a bar's width (sites: unused). A node's name too long for
 * its room at a readable size keeps its name alone (its VMs show zoomed in); a grown full-drawing
 * network shows its first line.
 */
export function grownName(m: Metrics, n: DiagramNode & { kind: GrowKind }, label: string, boxW: number, zoom: number): GrownName {
  const kind = n.kind;
  const base = baseFont(m, kind);
  const box = kind === 'host' ? { w: boxW, h: 0 } : { w: boxW, h: m.bus.h };
  let step = growthStep(zoom, base, READABLE_PX[kind], growthCap(m, kind, label, box));
  let short: string | undefined;
  if (kind === 'host' && n.name && n.lines[0] && n.name !== n.lines[0] && base * step * zoom < READABLE_PX.host) {
    const named = label.replace(n.lines[0], n.name);
    const better = growthStep(zoom, base, READABLE_PX.host, growthCap(m, kind, named, box));
    if (better > step) [step, short] = [better, named];
  }
  if (step > 1 && kind === 'network' && m.kind === 'full') short = firstLine(label);
  // 0 and '' for none: cytoscape's `[fs]` would still match a removed datum's null.
  return { fs: step > 1 ? Math.round(base * step * 10) / 10 : 0, short: short ?? '' };
}

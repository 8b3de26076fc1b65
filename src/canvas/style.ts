/**
 * The diagram's stylesheet, as data. Meaning never rests on colour alone: the chosen path is
 * thick and solid, fallbacks dotted and numbered, legacy timeouts double-bordered and tagged,
 * failures dashed with "✕", source and destination double-bordered and named in the label.
 * The same palette feeds the legend and the exports.
 */
import type { StylesheetJson } from 'cytoscape';
import { BUS, COMPACT, COMPACT_NARROW_NIC, COMPACT_NIC_READABLE, compactAt, FONT, FONT_FAMILY, HOST, LINE, SITE, TEXT_STEPS, textClass } from './metrics';

export const PALETTE = {
  text: '#1d2733',
  muted: '#4a5563',
  siteFill: '#f1f4f8',
  siteBorder: '#9aa8b8',
  hostFill: '#ffffff',
  hostBorder: '#5b6878',
  nicFill: '#eef3f9',
  nicBorder: '#7d8fa3',
  busFill: '#d9e8f8',
  busBorder: '#1f5fa8',
  busText: '#0f2f55',
  cableFill: '#e4f0f2',
  cableBorder: '#2a6f7d',
  offFill: '#eceff3',
  offBorder: '#8a96a3',
  routerFill: '#fff4e0',
  routerBorder: '#8a5a00',
  transitFill: '#f6f6f6',
  link: '#7d8fa3',
  dimmedLink: '#dbe1e8',
  chosen: '#0b7a3b',
  chosenFill: '#dcf3e4',
  fallback: '#b86e00',
  fallbackFill: '#fdf0d9',
  attempt: '#6b3fa0',
  attemptFill: '#efe6f8',
  failed: '#b3261e',
  failedFill: '#fdecea',
  down: '#6f7b88',
  source: '#1f3b5c',
  selected: '#1f5fa8',
} as const;

export const DIM = 0.3;

/**
 * The veil (issue 25, round 3): while a pair or a source is focused, the highlight layer covers the
 * diagram with the canvas's background (`.canvas-area` in the app's CSS) at this opacity, and draws
 * what is lit over it; the diagram itself keeps its plain look. Chosen by eye against the faded
 * classes below (which the exports still draw): a faded bar or NIC comes out about as pale.
 */
export const VEIL = 0.62;
export const VEIL_COLOUR = '#ffffff';

export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'font-family': FONT_FAMILY,
      color: PALETTE.text,
      'text-wrap': 'wrap',
      'text-max-width': '1000px',
      'line-height': LINE,
      'text-valign': 'center',
      'text-halign': 'center',
      label: 'data(label)',
      'border-width': 1.5,
      'min-zoomed-font-size': 6,
    },
  },
  {
    selector: 'node.site',
    style: {
      shape: 'round-rectangle',
      'corner-radius': '10px',
      'background-color': PALETTE.siteFill,
      'border-color': PALETTE.siteBorder,
      'border-width': SITE.border,
      padding: `${SITE.pad}px`,
      'font-size': FONT.site,
      'min-zoomed-font-size': 0,
      'font-weight': 'bold',
      color: '#3b4a5c',
      'text-valign': 'top',
      'text-margin-y': -SITE.labelGap,
      width: 'data(w)',
      height: 'data(h)',
    },
  },
  { selector: 'node.site:childless', style: { 'text-valign': 'center', 'text-margin-y': 0 } },
  {
    selector: 'node.host',
    style: {
      shape: 'round-rectangle',
      'corner-radius': '6px',
      'background-color': PALETTE.hostFill,
      'border-color': PALETTE.hostBorder,
      'border-width': HOST.border,
      padding: `${HOST.pad}px`,
      'font-size': FONT.node,
      'font-weight': 'bold',
      // The node's name picks it like its box does (a new user clicks the name).
      'text-events': 'yes',
      'text-valign': 'top',
      'text-margin-y': -HOST.labelGap,
      width: 'data(w)',
      height: 'data(h)',
    },
  },
  { selector: 'node.host.label-below', style: { 'text-valign': 'bottom', 'text-margin-y': HOST.labelGap } },
  { selector: 'node.host:childless', style: { 'text-valign': 'center', 'text-margin-y': 0 } },
  {
    selector: 'node.nic',
    style: {
      shape: 'round-rectangle',
      'corner-radius': '4px',
      width: 'data(w)',
      height: 'data(h)',
      'background-color': PALETTE.nicFill,
      'border-color': PALETTE.nicBorder,
      'font-size': FONT.nic,
    },
  },
  {
    selector: 'node.network',
    style: {
      shape: 'round-rectangle',
      'corner-radius': '4px',
      width: 'data(w)',
      height: BUS.h,
      'background-color': PALETTE.busFill,
      'border-color': PALETTE.busBorder,
      'border-width': 2,
      'font-size': FONT.network,
      'font-weight': 'bold',
      color: PALETTE.busText,
    },
  },
  { selector: 'node.network.cable', style: { 'corner-radius': `${BUS.h / 2}px`, 'background-color': PALETTE.cableFill, 'border-color': PALETTE.cableBorder } },
  { selector: 'node.network.lm-ineligible', style: { 'background-color': PALETTE.offFill, 'border-color': PALETTE.offBorder, color: PALETTE.muted } },
  {
    selector: 'node.router',
    style: {
      shape: 'barrel',
      width: 'data(w)',
      height: 'data(h)',
      'background-color': PALETTE.routerFill,
      'border-color': PALETTE.routerBorder,
      'border-width': 2,
      'font-size': FONT.router,
    },
  },
  {
    selector: 'node.transit',
    style: {
      shape: 'round-rectangle',
      'corner-radius': '11px',
      width: 'data(w)',
      height: 'data(h)',
      'background-color': PALETTE.transitFill,
      'border-color': PALETTE.routerBorder,
      'font-size': FONT.transit,
      color: PALETTE.muted,
    },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'straight',
      width: 2,
      'line-color': PALETTE.link,
      'target-arrow-shape': 'circle',
      'target-arrow-color': PALETTE.link,
      'arrow-scale': 0.7,
      'source-endpoint': 'data(sourceEnd)',
      'target-endpoint': 'data(targetEnd)',
      'font-family': FONT_FAMILY,
      'font-size': FONT.edge,
      'font-weight': 'bold',
      'source-label': 'data(label)',
      'source-text-offset': 18,
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'text-border-width': 1,
      'text-border-opacity': 1,
      'text-border-color': PALETTE.fallback,
      color: PALETTE.fallback,
      'min-zoomed-font-size': 6,
    },
  },
  { selector: 'edge.transit-link', style: { 'target-arrow-shape': 'none', 'line-color': PALETTE.routerBorder } },
  // A router link between three sites or more runs along the gaps between sites: its bends from
  // the placement (placement/wanRoutes.ts), measured from the line between the two centres.
  { selector: 'edge.wan-link', style: { 'curve-style': 'segments', 'segment-weights': 'data(segW)', 'segment-distances': 'data(segD)', 'edge-distances': 'node-position' } },
  { selector: 'node.down', style: { 'border-style': 'dashed', 'border-color': PALETTE.down } },

  // The highlight. Later rules win: chosen over fallback, failure over both.
  { selector: 'node.nic.chosen, node.router.chosen, node.transit.chosen', style: { 'border-color': PALETTE.chosen, 'border-width': 4, 'background-color': PALETTE.chosenFill } },
  { selector: 'node.network.chosen', style: { 'border-color': PALETTE.chosen, 'border-width': 5, 'background-color': PALETTE.chosenFill, color: '#064d25' } },
  { selector: 'edge.chosen', style: { width: 6, 'line-color': PALETTE.chosen, 'target-arrow-color': PALETTE.chosen, 'arrow-scale': 0.55 } },
  { selector: 'node.nic.fallback, node.router.fallback, node.transit.fallback', style: { 'border-color': PALETTE.fallback, 'border-width': 3, 'border-style': 'dotted', 'background-color': PALETTE.fallbackFill } },
  { selector: 'node.network.fallback', style: { 'border-color': PALETTE.fallback, 'border-width': 4, 'border-style': 'dotted', 'background-color': PALETTE.fallbackFill, color: '#5c3700' } },
  { selector: 'edge.fallback', style: { width: 4, 'line-style': 'dotted', 'line-color': PALETTE.fallback, 'target-arrow-color': PALETTE.fallback } },
  // SMB leaves the chosen path's own pair idle (1.2): where the migration connects, thin and dashed in the chosen colour.
  { selector: 'node.nic.idle, node.router.idle, node.transit.idle', style: { 'border-color': PALETTE.chosen, 'border-width': 2, 'border-style': 'dashed' } },
  { selector: 'node.network.idle', style: { 'border-color': PALETTE.chosen, 'border-width': 3, 'border-style': 'dashed', color: '#064d25' } },
  { selector: 'edge.idle', style: { width: 3, 'line-style': 'dashed', 'line-color': PALETTE.chosen, 'target-arrow-color': PALETTE.chosen } },
  { selector: 'node.network.attempt', style: { 'border-color': PALETTE.attempt, 'border-width': 6, 'border-style': 'double', 'background-color': PALETTE.attemptFill, color: '#3d1f63' } },
  { selector: 'node.host.source, node.host.destination', style: { 'border-width': 6, 'border-style': 'double', 'border-color': PALETTE.source, 'font-size': FONT.node + 1 } },
  // Faded but opaque (the fill whitened, not made transparent), so drops behind a faded bar stay
  // hidden; and no property that moves bounds, so dimming hundreds of elements stays cheap.
  { selector: 'node.dimmed:childless', style: { 'background-blacken': -0.75, 'border-opacity': DIM + 0.1, 'text-opacity': DIM + 0.15 } },
  // Compounds pass their opacity on to their children, so a dimmed host fades its own paint only.
  { selector: 'node.dimmed:parent', style: { 'border-opacity': 0.45, 'text-opacity': 0.55, 'background-opacity': 0.6 } },
  // A paler line rather than `opacity`: opacity changes make cytoscape re-sort every element's z-order.
  { selector: 'edge.dimmed', style: { 'line-color': PALETTE.dimmedLink, 'target-arrow-color': PALETTE.dimmedLink } },
  { selector: 'node.failed', style: { 'border-color': PALETTE.failed, 'border-style': 'dashed', 'border-width': 3, 'background-color': PALETTE.failedFill, color: PALETTE.failed } },
  { selector: 'node.failed:parent', style: { 'border-width': 4, 'background-opacity': 1 } },
  { selector: 'edge.failed', style: { 'line-color': PALETTE.failed, 'line-style': 'dashed', 'target-arrow-color': PALETTE.failed, width: 3 } },
  { selector: 'node.selected', style: { 'underlay-color': PALETTE.selected, 'underlay-opacity': 0.22, 'underlay-padding': 7, 'underlay-shape': 'round-rectangle' } },
  { selector: 'edge.selected', style: { 'underlay-color': PALETTE.selected, 'underlay-opacity': 0.25, 'underlay-padding': 6 } },

  // The compact drawing of large clusters (metrics.ts): larger names, NIC tiles whose names show
  // from the zoom at which they are readable, one-line rails. Sizes only: every look above holds.
  { selector: 'node.site.compact', style: { 'font-size': COMPACT.font.site, padding: `${COMPACT.site.pad}px`, 'text-margin-y': -COMPACT.site.labelGap } },
  { selector: 'node.site.compact:childless', style: { 'text-margin-y': 0 } },
  { selector: 'node.host.compact', style: { 'font-size': COMPACT.font.node, padding: `${COMPACT.host.pad}px`, 'text-margin-y': -COMPACT.host.labelGap, 'corner-radius': '5px' } },
  { selector: 'node.host.compact.label-below', style: { 'text-margin-y': COMPACT.host.labelGap } },
  { selector: 'node.host.compact:childless', style: { 'text-margin-y': 0 } },
  {
    selector: 'node.nic.compact',
    style: { 'font-size': COMPACT.font.nic, 'min-zoomed-font-size': COMPACT_NIC_READABLE, 'text-wrap': 'ellipsis', 'text-max-width': `${COMPACT.nic.minW - 3}px`, 'corner-radius': '3px' },
  },
  { selector: 'node.nic.compact.narrow', style: { 'text-max-width': `${COMPACT_NARROW_NIC.w - 3}px` } },
  // One line, however long (a rail is as wide as the label the model measured, or wider).
  { selector: 'node.network.compact', style: { height: COMPACT.bus.h, 'font-size': COMPACT.font.network, 'text-wrap': 'none' } },
  { selector: 'node.network.cable.compact', style: { 'corner-radius': `${COMPACT.bus.h / 2}px` } },
  { selector: 'node.router.compact', style: { 'font-size': COMPACT.font.router } },
  { selector: 'node.transit.compact', style: { 'font-size': COMPACT.font.transit } },
  { selector: 'edge.compact', style: { 'font-size': COMPACT.font.edge, 'source-text-offset': 16 } },
  // Larger text for the largest clusters (metrics.ts TEXT_STEPS, chosen in scale.ts).
  ...TEXT_STEPS.filter((k) => k > 1).flatMap((k) => {
    const m = compactAt(k);
    const c = `.compact.${textClass(m)}`;
    return [
      { selector: `node.site${c}`, style: { 'font-size': m.font.site } },
      { selector: `node.host${c}`, style: { 'font-size': m.font.node } },
      { selector: `node.network${c}`, style: { 'font-size': m.font.network, height: m.bus.h } },
      { selector: `node.network.cable${c}`, style: { 'corner-radius': `${m.bus.h / 2}px` } },
      { selector: `node.router${c}`, style: { 'font-size': m.font.router } },
      { selector: `node.transit${c}`, style: { 'font-size': m.font.transit } },
      { selector: `edge${c}`, style: { 'font-size': m.font.edge, 'source-text-offset': Math.round(16 * k) } },
      // The path's lines thicken with the text (issue 27: the larger text a drawing takes, the smaller its fit).
      { selector: `edge.chosen${c}`, style: { width: Math.round(6 * k) } },
      { selector: `edge.fallback${c}`, style: { width: Math.round(4 * k) } },
    ];
  }),
  // Names grown while zoomed out (textGrowth.ts, set by render.ts): last, so they win over every size above.
  { selector: 'node[fs > 0]', style: { 'font-size': 'data(fs)' } },
  { selector: 'node[?short]', style: { label: 'data(short)' } },
];

/**
 * The export files (PNG, SVG, draw.io), drawn from the store's state: loaded when the first export
 * is asked for (canvasApi.ts), not with the diagram — a first visit never needs them.
 */
import type { AppState } from '../store/appStore';
import type { ExportOptions, PngOptions } from './api';
import { detailScene, exportScene, pageSvgs, wholeSvg } from './export';
import { svgToPng } from './exportPng';
import { buildDrawio } from '../engine/io';

interface SvgPage {
  title: string;
  svg: string;
  width: number;
  height: number;
  /** Pixels per SVG unit at 1×. */
  perUnit: number;
  dpi: number | undefined;
}

function svgPages(state: AppState, o: ExportOptions, background: string | null): SvgPage[] {
  const { scene, caption } = exportScene(state, o);
  if (o.page === 'whole') {
    const whole = wholeSvg(scene, caption, background);
    return [{ title: '', svg: whole.svg, width: whole.width, height: whole.height, perUnit: 1, dpi: undefined }];
  }
  // Pages are in points: 96/72 pixels a point at 1×.
  return pageSvgs(scene, caption, o.page, background, detailScene(state, o)).map((p) => ({ ...p, perUnit: 96 / 72, dpi: 96 }));
}

export async function pngFiles(state: AppState, o: PngOptions): Promise<{ title: string; data: Blob }[]> {
  const out = [];
  for (const p of svgPages(state, o, o.background === 'white' ? '#ffffff' : null))
    out.push({ title: p.title, data: await svgToPng(p.svg, p.width, p.height, p.perUnit * o.scale, o, p.dpi && p.dpi * o.scale) });
  return out;
}

export function svgFiles(state: AppState, o: ExportOptions): { title: string; data: string }[] {
  return svgPages(state, o, '#ffffff').map((p) => ({ title: p.title, data: p.svg }));
}

export function drawioFile(state: AppState, pair: boolean): string {
  const design = exportScene(state, { pair: false });
  const path = pair && state.ui.sourceNodeId && state.ui.destinationNodeId ? exportScene(state, { pair: true }).scene : null;
  return buildDrawio({ title: design.caption.title, design: design.scene, path });
}

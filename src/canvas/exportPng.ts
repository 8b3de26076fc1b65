/**
 * PNG export: cytoscape renders the whole diagram (not the viewport) at the chosen scale; the
 * caption and the legend, drawn as vector SVG (no foreignObject, so the canvas stays readable),
 * are composed around it on an offscreen canvas. Browser only.
 */
import type { Core } from 'cytoscape';
import type { PngOptions } from './api';
import type { Caption } from './caption';
import { frame } from './exportSvg';

function loadSvg(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('The legend could not be drawn.'));
    };
    img.src = url;
  });
}

/** Browsers refuse canvases much beyond this many pixels a side. */
const MAX_SIDE = 16000;

export async function exportPng(cy: Core, cap: Caption, options: PngOptions): Promise<Blob> {
  const bb = cy.elements().boundingBox({ includeLabels: true });
  // A huge diagram at 4× is drawn at the largest scale the browser can hold.
  const scale = Math.max(0.1, Math.min(options.scale, MAX_SIDE / Math.max(1, bb.w + 100), MAX_SIDE / Math.max(1, bb.h + 600)));
  const white = options.background === 'white';
  const diagram = await cy.png({ full: true, scale, output: 'blob-promise', ...(white ? { bg: '#ffffff' } : {}) });
  const bitmap = await createImageBitmap(diagram);
  const f = frame(bitmap.width / scale, bitmap.height / scale, cap);
  const width = Math.ceil(f.width * scale);
  const height = Math.ceil(f.height * scale);
  const overlay = await loadSvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${f.width} ${f.height}">${f.header}${f.legend}</svg>`);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the picture (no 2D canvas).');
  if (white) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
  }
  ctx.drawImage(overlay, 0, 0, width, height);
  ctx.drawImage(bitmap, Math.round(f.diagram.x * scale), Math.round(f.diagram.y * scale));
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be encoded.'))), 'image/png'));
}

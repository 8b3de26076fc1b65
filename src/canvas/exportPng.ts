/**
 * PNG export: the SVG export rasterised by the browser, so that the PNG and the SVG draw every
 * shape the same way. A page is drawn at `scale` × 96 dpi and says so in its pHYs chunk, so that
 * a word processor places it at its paper size. Browser only.
 */
import type { PngOptions } from './api';

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
      reject(new Error('The picture could not be drawn.'));
    };
    img.src = url;
  });
}

/** Browsers refuse canvases much beyond this many pixels a side. */
const MAX_SIDE = 16000;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The PNG with a pHYs chunk (pixels per metre) after its header. */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // pHYs
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const at = 8 + 25; // signature, IHDR
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, at));
  out.set(chunk, at);
  out.set(png.subarray(at), at + chunk.length);
  return out;
}

/** Rasterises an SVG of `width` × `height` units at `perUnit` pixels per unit. */
export async function svgToPng(svg: string, width: number, height: number, perUnit: number, options: Pick<PngOptions, 'background'>, dpi?: number): Promise<Blob> {
  const k = Math.max(0.1, Math.min(perUnit, MAX_SIDE / Math.max(1, width), MAX_SIDE / Math.max(1, height)));
  const w = Math.ceil(width * k);
  const h = Math.ceil(height * k);
  const img = await loadSvg(svg);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the picture (no 2D canvas).');
  if (options.background === 'white') {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
  }
  ctx.drawImage(img, 0, 0, w, h);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be encoded.'))), 'image/png'));
  if (!dpi) return blob;
  return new Blob([withDpi(new Uint8Array(await blob.arrayBuffer()), dpi * (k / perUnit)) as BlobPart], { type: 'image/png' });
}

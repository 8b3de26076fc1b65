/**
 * Map-like wheel zoom, the arithmetic (decision 180): a wheel event becomes a zoom factor
 * (exponential in the wheel's distance, so two half steps make one whole step), the factors of
 * successive events accumulate into one target clamped to the diagram's zoom range, and each
 * animation frame moves the zoom part of the way there while the point under the pointer stays
 * where it is. Pure: no DOM, no cytoscape (./gestures/wheel.ts listens and draws).
 */

export interface Point {
  x: number;
  y: number;
}

export interface ZoomView {
  zoom: number;
  pan: Point;
}

/** What of a DOM `WheelEvent` the zoom reads. */
export interface WheelInput {
  deltaY: number;
  /** 0 pixels, 1 lines, 2 pages (`WheelEvent.DOM_DELTA_*`). */
  deltaMode: number;
  /** Chromium and Firefox report a trackpad pinch as a wheel event with ctrlKey set. */
  ctrlKey: boolean;
}

export const WHEEL_ZOOM = {
  /** A line of a line-mode wheel (Firefox on Linux and Windows: 3 lines a notch) — a notch is 100 px, as in Chromium. */
  pxPerLine: 100 / 3,
  /** A page of a page-mode wheel when the canvas height is not known. */
  pxPerPage: 800,
  /** A wheel notch (100 px) zooms by 1.25. */
  rate: Math.log(1.25) / 100,
  /** A pinch: Chromium sends deltaY = -100·ln(scale), so exp(-deltaY/100) is the fingers' own scale. */
  pinchRate: 1 / 100,
  /** One event moves at most this far (a fling, a page-mode wheel): ×1.95 by the wheel, ×2.3 by a pinch. */
  maxPx: 300,
  maxPinchPx: 85,
  /** Time constant of the ease (ms): a notch settles in ≈ 135 ms. */
  tauMs: 30,
  /** Closer than this (relative) to the target, the zoom snaps to it and the animation ends. */
  settle: 0.002,
} as const;

/** The wheel's vertical distance in pixels (line and page modes converted). */
export function wheelPixels(deltaY: number, deltaMode: number, pageHeight: number = WHEEL_ZOOM.pxPerPage): number {
  if (!Number.isFinite(deltaY)) return 0;
  if (deltaMode === 1) return deltaY * WHEEL_ZOOM.pxPerLine;
  if (deltaMode === 2) return deltaY * (pageHeight > 0 ? pageHeight : WHEEL_ZOOM.pxPerPage);
  return deltaY;
}

/** The factor one wheel event multiplies the zoom by: above 1 zooms in (wheel away from the user, fingers apart). */
export function wheelFactor(e: WheelInput, pageHeight?: number): number {
  const px = wheelPixels(e.deltaY, e.deltaMode, pageHeight);
  const max = e.ctrlKey ? WHEEL_ZOOM.maxPinchPx : WHEEL_ZOOM.maxPx;
  const d = Math.max(-max, Math.min(max, px));
  return Math.exp(-d * (e.ctrlKey ? WHEEL_ZOOM.pinchRate : WHEEL_ZOOM.rate));
}

export const clampZoom = (zoom: number, min: number, max: number): number => Math.max(min, Math.min(max, zoom));

/** The next target: the current one (the zoom itself when nothing is animating) times the event's factor, clamped. */
export function retarget(target: number, factor: number, min: number, max: number): number {
  return clampZoom(target * factor, min, max);
}

/** The pan that keeps the model point under `pointer` (container pixels) in place when the zoom goes from `zoom` to `next`. */
export function panAbout(pan: Point, zoom: number, next: number, pointer: Point): Point {
  const k = next / zoom;
  return { x: pointer.x - (pointer.x - pan.x) * k, y: pointer.y - (pointer.y - pan.y) * k };
}

/** The zoom `dtMs` later, easing (exponentially, in log space) from `current` towards `target`; done once it is there. */
export function approach(current: number, target: number, dtMs: number): { zoom: number; done: boolean } {
  const gap = Math.log(target / current);
  const left = gap * Math.exp(-Math.max(0, dtMs) / WHEEL_ZOOM.tauMs);
  if (Math.abs(left) < WHEEL_ZOOM.settle) return { zoom: target, done: true };
  return { zoom: target * Math.exp(-left), done: false };
}

/** One animation frame: the zoom eases towards `target`, the point under `pointer` stays put. */
export function stepView(view: ZoomView, target: number, pointer: Point, dtMs: number): { view: ZoomView; done: boolean } {
  const { zoom, done } = approach(view.zoom, target, dtMs);
  return { view: { zoom, pan: panAbout(view.pan, view.zoom, zoom, pointer) }, done };
}

/** The model point shown at `pointer` (container pixels). */
export const modelAt = (view: ZoomView, pointer: Point): Point => ({ x: (pointer.x - view.pan.x) / view.zoom, y: (pointer.y - view.pan.y) / view.zoom });

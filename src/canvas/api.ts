/**
 * What the rest of the app may ask of the diagram. GraphView registers an implementation in the
 * CanvasApiContext holder; commands (toolbar, shortcuts, export) call through it. The canvas is a
 * view: none of these change the topology except autoLayout, which commits positions to the store.
 */
import type { TopologyDocument } from '../engine';

export interface PngOptions {
  scale: 1 | 2 | 4;
  background: 'white' | 'transparent';
}

export interface CanvasApi {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Lays out the whole diagram and commits the positions as one undo step. */
  autoLayout(): void;
  /**
   * Saves where everything is drawn now (for elements without a saved position), so that an
   * insertion (paste, duplicate) does not move them: returns the document committed, or null
   * when everything already had its position.
   */
  pinLayout(): TopologyDocument | null;
  /** The whole diagram (not the viewport), with the current highlight and the legend. */
  exportPng(options: PngOptions): Promise<Blob>;
  exportSvg(): Promise<string>;
}

export interface CanvasApiHolder {
  current: CanvasApi | null;
}

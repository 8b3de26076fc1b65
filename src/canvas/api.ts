/**
 * What the rest of the app may ask of the diagram. GraphView registers an implementation in the
 * CanvasApiContext holder; commands (toolbar, shortcuts, export) call through it. The canvas is a
 * view: none of these change the topology except autoLayout, which saves positions with one edit.
 */
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
  /** The whole diagram (not the viewport), with the current highlight and the legend. */
  exportPng(options: PngOptions): Promise<Blob>;
  exportSvg(): Promise<string>;
}

export interface CanvasApiHolder {
  current: CanvasApi | null;
}

/**
 * What the rest of the app may ask of the diagram. GraphView registers an implementation in the
 * CanvasApiContext holder; commands (toolbar, shortcuts, export) call through it. The canvas is a
 * view: none of these change the topology except autoLayout, which saves positions with one edit.
 */
import type { Edit } from '../engine/edit';
import type { PageSizeId } from './export/pages';

export interface ExportOptions {
  /** Highlight the current pair (and its mode); false: the design alone. */
  pair: boolean;
  /** The whole diagram at its own size, or laid out on pages of a paper size (8 pt text at least). */
  page: 'whole' | PageSizeId;
}

export interface PngOptions extends ExportOptions {
  /** Pixels per diagram unit (whole) or per 1/96 in (pages): 1×, 2×, 4×. */
  scale: 1 | 2 | 4;
  background: 'white' | 'transparent';
}

/** One exported page (a whole diagram is one page with an empty title). */
export interface ExportedPage<T> {
  title: string;
  data: T;
}

export interface CanvasApi {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Lays out the whole diagram and commits the positions as one undo step. */
  autoLayout(): void;
  /**
   * Saves where everything is drawn now (for elements without a saved position), so that an
   * insertion (paste, duplicate) does not move them: the `set-positions` edit to send in the same
   * batch as the insertion, or null when everything already has its position.
   */
  pinLayout(): Edit | null;
  /** The whole diagram (not the viewport) or its pages, with the legend of what it shows. */
  exportPng(options: PngOptions): Promise<ExportedPage<Blob>[]>;
  exportSvg(options: ExportOptions): Promise<ExportedPage<string>[]>;
  /** The diagram as a draw.io file: the design, and the pair's path on a layer of its own when `pair`. */
  exportDrawio(options: Pick<ExportOptions, 'pair'>): Promise<string>;
}

export interface CanvasApiHolder {
  current: CanvasApi | null;
}

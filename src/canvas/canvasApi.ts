/** The CanvasApi the rest of the app calls (toolbar, shortcuts, exports), over one adapter. */
import type { AppStore } from '../store/appStore';
import type { CanvasAdapter } from './adapter';
import type { CanvasApi } from './api';
import { autoOf } from './viewDeriver';
import type { Pos } from './geometry';
import { savedPositions } from './diagramLayout';
import type { Position } from '../engine';
import type { Edit } from '../engine/edit';
import { ownValue, setOwn } from '../engine';
import type { DiagramModel } from './elements';

const ZOOM_STEP = 1.25;

/** The export code: fetched with the first export, not with the diagram. */
const exportFiles = () => import('./exportFiles');

/** The saved form of the automatic layout: leaves, bars at their derived x, compounds' centres. */
export function autoLayoutDocument(model: DiagramModel): Record<string, Position> {
  return savedPositions(model, autoOf(model));
}

/** The positions to save so that nothing drawn moves: the saved ones plus where every element without one is drawn now (null: all saved already). */
export function pinnedLayout(model: DiagramModel, positions: ReadonlyMap<string, Pos>, saved: Readonly<Record<string, Position>>): Record<string, Position> | null {
  const out: Record<string, Position> = { ...saved };
  let added = false;
  for (const [id, p] of Object.entries(savedPositions(model, positions))) {
    if (ownValue(saved, id)) continue;
    setOwn(out, id, p);
    added = true;
  }
  return added ? out : null;
}

const sameLayout = (a: Record<string, Position> | undefined, b: Record<string, Position>): boolean =>
  !!a && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([id, p]) => ownValue(a, id)?.x === p.x && ownValue(a, id)?.y === p.y);

export function createCanvasApi(adapter: CanvasAdapter, store: AppStore): CanvasApi {
  const { cy } = adapter;
  const zoomBy = (k: number): void => {
    cy.zoom({ level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * k)), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  return {
    fit: () => adapter.fit(),
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    autoLayout() {
      const s = store.getState();
      const layout = autoLayoutDocument(adapter.view().model);
      if (!sameLayout(s.document.layout, layout)) {
        // One undo step: the automatic positions, and saved ones of elements no longer drawn forgotten.
        const stale = Object.keys(s.document.layout ?? {}).filter((id) => !(id in layout));
        const place: Edit = { type: 'set-positions', positions: layout };
        s.actions.edit(stale.length === 0 ? place : { type: 'batch', edits: [{ type: 'remove-positions', ids: stale }, place] });
      }
      adapter.fit();
    },
    pinLayout() {
      const s = store.getState();
      const v = adapter.view();
      const layout = pinnedLayout(v.model, v.positions, s.document.layout ?? {});
      return layout ? { type: 'set-positions', positions: layout } : null;
    },
    // Exports are drawn from the store, not from the diagram: no selection, hover or overlay reaches them.
    // The state is read when the export is asked for, before its code is fetched.
    exportPng: async (o) => {
      const s = store.getState();
      return (await exportFiles()).pngFiles(s, o);
    },
    exportSvg: async (o) => {
      const s = store.getState();
      return (await exportFiles()).svgFiles(s, o);
    },
    exportDrawio: async (o) => {
      const s = store.getState();
      return (await exportFiles()).drawioFile(s, o.pair);
    },
  };
}

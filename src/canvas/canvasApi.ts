/** The CanvasApi the rest of the app calls (toolbar, shortcuts, exports), over one adapter. */
import type { AppStore } from '../store/appStore';
import type { CanvasAdapter } from './adapter';
import type { CanvasApi } from './api';
import { caption } from './caption';
import { autoOf } from './derive';
import { computeGeometry, estimateBoxes, centre, type Pos } from './geometry';
import { exportPng } from './exportPng';
import { exportSvg } from './exportSvg';
import type { Position } from '../engine';
import type { DiagramModel } from './elements';

const ZOOM_STEP = 1.25;

/** The saved form of the automatic layout: leaves, bars at their derived x, compounds' centres. */
export function autoLayoutDocument(model: DiagramModel): Record<string, Position> {
  const auto = autoOf(model);
  const geo = computeGeometry(model, auto);
  const out: Record<string, Position> = {};
  const put = (id: string, p: Pos): void => {
    out[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  };
  for (const [id, p] of auto) {
    const kind = model.byId.get(id)?.kind;
    if (kind === 'transit') continue;
    const bus = geo.buses.get(id);
    put(id, bus ? { x: bus.x, y: p.y } : p);
  }
  for (const [id, b] of estimateBoxes(model, auto, geo)) if (model.children.has(id)) put(id, centre(b.box));
  return out;
}

/** The saved layout plus where every element without a saved position is drawn now. */
export function pinnedLayout(model: DiagramModel, positions: ReadonlyMap<string, Pos>, saved: Readonly<Record<string, Position>>): Record<string, Position> | null {
  const geo = computeGeometry(model, positions);
  const out: Record<string, Position> = { ...saved };
  let added = false;
  const put = (id: string, p: Pos): void => {
    if (saved[id]) return;
    out[id] = { x: Math.round(p.x), y: Math.round(p.y) };
    added = true;
  };
  for (const [id, p] of positions) {
    if (model.byId.get(id)?.kind === 'transit') continue;
    const bus = geo.buses.get(id);
    put(id, bus ? { x: bus.x, y: p.y } : p);
  }
  for (const [id, b] of estimateBoxes(model, positions, geo)) if (model.children.has(id)) put(id, centre(b.box));
  return added ? out : null;
}

const sameLayout = (a: Record<string, Position> | undefined, b: Record<string, Position>): boolean =>
  !!a && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([id, p]) => a[id]?.x === p.x && a[id]?.y === p.y);

export function createCanvasApi(adapter: CanvasAdapter, store: AppStore): CanvasApi {
  const { cy } = adapter;
  const zoomBy = (k: number): void => {
    cy.zoom({ level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * k)), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const currentCaption = () => {
    const s = store.getState();
    return caption(s.design, adapter.view().selection, s.ui.failed);
  };
  return {
    fit: () => adapter.fit(),
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    autoLayout() {
      const s = store.getState();
      const layout = autoLayoutDocument(adapter.view().model);
      if (!sameLayout(s.document.layout, layout)) s.actions.commit({ ...s.document, layout });
      adapter.fit();
    },
    pinLayout() {
      const s = store.getState();
      const v = adapter.view();
      const layout = pinnedLayout(v.model, v.positions, s.document.layout ?? {});
      if (!layout) return null;
      const r = s.actions.commit({ ...s.document, layout });
      return r.ok ? store.getState().document : null;
    },
    exportPng: (options) => {
      adapter.flush();
      return exportPng(cy, currentCaption(), options);
    },
    exportSvg: async () => {
      adapter.flush();
      return exportSvg(cy, currentCaption());
    },
  };
}

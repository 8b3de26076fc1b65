/**
 * What an export draws, from the store's state alone (never from the live diagram): the design
 * with or without the current pair, laid out whole or on pages.
 */
import type { Scene } from '../../engine/io';
import type { AppState } from '../../store/appStore';
import { activeSelection } from '../../store/derived';
import { caption, type Caption } from '../caption';
import { autoOf, modelOf } from '../viewDeriver';
import { decorate } from '../highlight';
import { autoLayout, viewPositions } from '../diagramLayout';
import { buildDiagram } from '../elements';
import { FULL } from '../metrics';
import { buildScene } from './buildScene';

export { wholeSvg, pageSvgs, type PageDocument } from './document';
export { PAGE_SIZES, MIN_PT, type PageSizeId } from './pages';

export interface SceneOptions {
  /** Highlight the current pair (in its mode, with the what-if failures); false: the design alone. */
  pair: boolean;
}

export function exportScene(s: AppState, o: SceneOptions): { scene: Scene; caption: Caption } {
  const model = modelOf(s.design);
  const positions = viewPositions(model, autoOf(model), s.document.layout ?? {});
  return { scene: sceneOf(s, o, model, positions), caption: caption(s.design, activeOrNone(s, o), o.pair ? s.ui.failed : []) };
}

/**
 * The per-site pages' scene of a compact design (issue 27): the full drawing (every NIC a named box
 * with its addresses) in its automatic layout, so that a site's page names its NICs at 8 pt or
 * more — a compact tile is ≈ 13 pt wide on such a page, too narrow for its name. Null for a design
 * drawn full, whose pages are cut from the scene itself. The saved layout is the compact drawing's
 * and does not apply to the full one's boxes, so the automatic layout is used.
 */
export function detailScene(s: AppState, o: SceneOptions): Scene | null {
  if (modelOf(s.design).metrics.kind !== 'compact') return null;
  const model = buildDiagram(s.design, FULL);
  return sceneOf(s, o, model, viewPositions(model, autoLayout(model).positions, {}));
}

const activeOrNone = (s: AppState, o: SceneOptions) => (o.pair ? activeSelection(s) : null); // the very selection the screen shows

function sceneOf(s: AppState, o: SceneOptions, model: ReturnType<typeof modelOf>, positions: ReturnType<typeof viewPositions>): Scene {
  const { ui } = s;
  const pair = o.pair && ui.sourceNodeId !== null && ui.destinationNodeId !== null;
  const selection = activeOrNone(s, o);
  const failed = o.pair ? ui.failed : [];
  const decorations = decorate({
    model,
    topology: o.pair ? s.effective : s.design,
    selection,
    sourceNodeId: pair ? ui.sourceNodeId : null,
    destinationNodeId: pair ? ui.destinationNodeId : null,
    failed,
    selectedIds: [],
  });
  return buildScene(model, positions, decorations);
}

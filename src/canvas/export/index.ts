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
import { viewPositions } from '../diagramLayout';
import { buildScene } from './buildScene';

export { wholeSvg, pageSvgs, type PageDocument } from './document';
export { PAGE_SIZES, MIN_PT, type PageSizeId } from './pages';

export interface SceneOptions {
  /** Highlight the current pair (in its mode, with the what-if failures); false: the design alone. */
  pair: boolean;
}

export function exportScene(s: AppState, o: SceneOptions): { scene: Scene; caption: Caption } {
  const { ui } = s;
  const model = modelOf(s.design);
  const positions = viewPositions(model, autoOf(model), s.document.layout ?? {});
  const pair = o.pair && ui.sourceNodeId !== null && ui.destinationNodeId !== null;
  const selection = o.pair ? activeSelection(s) : null; // the very selection the screen shows
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
  return { scene: buildScene(model, positions, decorations), caption: caption(s.design, selection, failed) };
}

/**
 * What the canvas shows, derived from the store's state and memoised on its inputs, so that a
 * pair change recomputes the selection and the highlight only — never the model or the layout.
 */
import type { Selection, Topology } from '../engine';
import type { AppState } from '../store/appStore';
import { activeSelection } from '../store/selectors';
import type { DiagramModel } from './elements';
import { drawingOf } from './scale';
import { decorate, type Decoration } from './highlight';
import { autoLayout, viewPositions } from './layout';
import type { Pos } from './geometry';

export interface View {
  model: DiagramModel;
  /** The automatic layout of the model (unsaved positions and transit subnets derive from it). */
  auto: Map<string, Pos>;
  /** Where each leaf is drawn. */
  positions: Map<string, Pos>;
  selection: Selection | null;
  decorations: Map<string, Decoration>;
}

const models = new WeakMap<Topology, DiagramModel>();
const autos = new WeakMap<DiagramModel, Map<string, Pos>>();

export function modelOf(t: Topology): DiagramModel {
  let m = models.get(t);
  if (!m) {
    const drawing = drawingOf(t);
    models.set(t, (m = drawing.model));
    autos.set(m, drawing.auto);
  }
  return m;
}

export function autoOf(model: DiagramModel): Map<string, Pos> {
  let a = autos.get(model);
  if (!a) autos.set(model, (a = autoLayout(model).positions));
  return a;
}

/** One memo slot: recomputes when any input changed identity. */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | null = null;
  let value: R;
  return (...args: A) => {
    if (!last || args.length !== last.length || args.some((a, i) => a !== last![i])) {
      value = fn(...args);
      last = args;
    }
    return value;
  };
}

export function createViewDeriver(): (s: AppState) => View {
  const positionsOf = memo((model: DiagramModel, saved: AppState['document']['layout']) => viewPositions(model, autoOf(model), saved ?? {}));
  const decorationsOf = memo(
    (model: DiagramModel, t: Topology, selection: Selection | null, src: string | null, dst: string | null, failed: string[], selectedIds: string[]) =>
      decorate({ model, topology: t, selection, sourceNodeId: src, destinationNodeId: dst, failed, selectedIds }),
  );
  return (s) => {
    const model = modelOf(s.design);
    const { ui } = s;
    const selection = activeSelection(s); // shared with the panels (src/store/selectors.ts)
    return {
      model,
      auto: autoOf(model),
      positions: positionsOf(model, s.document.layout),
      selection,
      decorations: decorationsOf(model, s.effective, selection, ui.sourceNodeId, ui.destinationNodeId, ui.failed, ui.selectedIds),
    };
  };
}

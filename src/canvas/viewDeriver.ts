/**
 * What the canvas shows, derived from the store's state and memoised on its inputs, so that a
 * pair change recomputes the selection and the highlight only — never the model or the layout.
 */
import type { Selection, Topology } from '../engine';
import type { AppState } from '../store/appStore';
import { activeSelection } from '../store/derived';
import type { DiagramModel } from './elements';
import { drawingOf } from './scale';
import { decorate, type Decoration } from './highlight';
import { autoLayout, viewPositions } from './diagramLayout';
import { diagramElements, legendIdsOfElements, legendSections, type LegendSection } from './legend';
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

/** One memo slot: recomputes when any input changed identity (of the first `keys` inputs, when given). */
function memo<A extends unknown[], R>(fn: (...args: A) => R, keys?: number): (...args: A) => R {
  let last: A | null = null;
  let value: R;
  return (...args: A) => {
    if (!last || args.length !== last.length || args.some((a, i) => (keys === undefined || i < keys) && a !== last![i])) {
      value = fn(...args);
      last = args;
    }
    return value;
  };
}

/** True when both give every element the same classes and label. */
export function sameDecorations(a: ReadonlyMap<string, Decoration>, b: ReadonlyMap<string, Decoration>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, d] of b) {
    const o = a.get(id);
    if (!o || o.classes !== d.classes || o.label !== d.label) return false;
  }
  return true;
}

export function createViewDeriver(): (s: AppState) => View {
  // Kept while the automatic layout and the saved positions stay: a model whose drawing kept the
  // last one's layout (a rename, scale.ts `drawingOf`) reads the same for the positions (issue 24:
  // ≈ 150 ms on the largest design).
  const positionsAt = memo((auto: Map<string, Pos>, saved: AppState['document']['layout'], model: DiagramModel) => viewPositions(model, auto, saved ?? {}), 2);
  const positionsOf = (model: DiagramModel, saved: AppState['document']['layout']): Map<string, Pos> => positionsAt(autoOf(model), saved, model);
  // An edit makes a new topology, so the highlight is derived again; when it gives every element
  // what it had (a VM's memory, the planning), the previous map is kept, and the canvas, seeing
  // the same decorations, model and positions, applies nothing (issue 24: 10,000 elements restyled).
  let lastDecorations: Map<string, Decoration> | null = null;
  const decorationsOf = memo((model: DiagramModel, t: Topology, selection: Selection | null, src: string | null, dst: string | null, failed: string[], selectedIds: string[]) => {
    const next = decorate({ model, topology: t, selection, sourceNodeId: src, destinationNodeId: dst, failed, selectedIds });
    if (lastDecorations && sameDecorations(lastDecorations, next)) return lastDecorations;
    return (lastDecorations = next);
  });
  return (s) => {
    const model = modelOf(s.design);
    const { ui } = s;
    const selection = activeSelection(s); // shared with the panels (src/store/derived.ts)
    return {
      model,
      auto: autoOf(model),
      positions: positionsOf(model, s.document.layout),
      selection,
      decorations: decorationsOf(model, s.effective, selection, ui.sourceNodeId, ui.destinationNodeId, ui.failed, ui.selectedIds),
    };
  };
}

const derivers = new WeakMap<object, (s: AppState) => View>();

/**
 * The view deriver of one store, shared by the canvas and what else shows the view (the legend),
 * so the model, layout and highlight of a state are derived once whoever asks first.
 */
export function viewDeriverOf(store: object): (s: AppState) => View {
  let d = derivers.get(store);
  if (!d) derivers.set(store, (d = createViewDeriver()));
  return d;
}

const legends = new WeakMap<object, (s: AppState) => LegendSection[]>();

/**
 * The legend of what the diagram shows (the items its elements' kinds and states need, in the
 * exports' rule: ./legend.ts), recomputed only when the model or the highlight changes identity:
 * the same array otherwise, so a subscribed component does not re-render.
 */
export function legendSelectorOf(store: object): (s: AppState) => LegendSection[] {
  let sel = legends.get(store);
  if (!sel) {
    const derive = viewDeriverOf(store);
    // The same array while the items stay (an edit makes a new model: a rename, a VM on the full
    // scale), so the legend is not rendered again for nothing.
    let last: LegendSection[] = [];
    const key = (sections: readonly LegendSection[]): string => sections.map((x) => x.items.map((i) => i.id).join(' ')).join('|');
    const sections = memo((model: DiagramModel, decorations: ReadonlyMap<string, Decoration>) => {
      const next = legendSections(legendIdsOfElements(diagramElements(model, decorations)));
      return key(next) === key(last) && last.length > 0 ? last : (last = next);
    });
    legends.set(store, (sel = (s) => {
      const view = derive(s);
      return sections(view.model, view.decorations);
    }));
  }
  return sel;
}

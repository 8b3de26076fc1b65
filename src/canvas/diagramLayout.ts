/**
 * The diagram's layout, as the rest of the canvas sees it: the automatic layout (./placement) and
 * the positions drawn once the saved ones are taken into account. Pure.
 */
import type { Position } from '../engine';
import type { DiagramModel } from './elements';
import type { Pos } from './geometry';
import { autoLayout, type AutoLayoutOptions } from './placement/auto';
import { viewPositions } from './placement/positions';

export { autoLayout, type AutoLayout, type Arrangement } from './placement/auto';
export { drawnGeometry } from './placement/wanRoutes';
export { viewPositions, followRouters, positionsAfterMove, changedPositions, barsAtDrops, savedPositions } from './placement/positions';

export interface Layout {
  /** The automatic layout, whatever is saved (transit subnets and unsaved elements derive from it). */
  auto: Map<string, Pos>;
  /** Where each leaf is drawn. */
  positions: Map<string, Pos>;
}

export function computeLayout(model: DiagramModel, saved: Readonly<Record<string, Position>>, options?: AutoLayoutOptions): Layout {
  const auto = autoLayout(model, options).positions;
  return { auto, positions: viewPositions(model, auto, saved) };
}

/**
 * The canvas's gesture state machine: a pure transition function from (state, input event) to
 * (next state, outputs). Every pointer event cytoscape reports on the diagram goes through it
 * (./interaction.ts translates cytoscape's events into `GestureEvent`s and carries out the
 * outputs); a gesture ends with at most ONE store intent — a tap, a connection or a move — which
 * becomes one store action, so one undo step at most.
 *
 *   idle ──press──▶ pressing ──drag──▶ dragging ──dragfree──▶ idle   (intent: move)
 *     │               │  └────pan───▶ panning  ──release───▶ idle
 *     │               └──────tap─────────────────────────────▶ idle   (intent: tap)
 *     └──press on an element in Connect mode (tool, or Shift held)──▶ connecting
 *                                    connecting ──release──▶ idle     (intent: connect, over another element;
 *                                                                      else, once dragged, a notice saying why not)
 *
 * cytoscape's order on release is tapend → tap (only when nothing moved) → free → dragfree
 * (once per dragged element), all in one handler; `release` therefore leaves `pressing` and
 * `dragging` as they are, and the tap or the first dragfree that follows ends the gesture. A new
 * press always starts over, whatever an interrupted gesture left behind.
 */
import type { Tap } from '../store/appStore';
import type { Pos } from './geometry';

export type GestureState =
  | { kind: 'idle' }
  /** Button down. `target`: the drawn element pressed (null: the background); `grabbed`: cytoscape grabbed it to drag. */
  | { kind: 'pressing'; target: string | null; grabbed: boolean; measured: boolean }
  /** Nodes being moved by cytoscape (ids of every drawn node it moved). */
  | { kind: 'dragging'; dragged: ReadonlySet<string> }
  /** A connection being drawn from `source` (a topology element); `moved`: the pointer has moved since the press. */
  | { kind: 'connecting'; source: string; moved?: boolean }
  | { kind: 'panning' };

export type GestureEvent =
  /** Button pressed (cytoscape's tapstart). `connectFrom`: the element a connection starts from, when connecting. */
  | { type: 'press'; target: string | null; grabbed: boolean; connectFrom: string | null }
  /** The pointer moved (tapdrag; also without a button, then ignored). `at`: container pixels. */
  | { type: 'move'; at: Pos }
  /** cytoscape moved a grabbed node (one event per node it moves). */
  | { type: 'drag'; id: string }
  /** cytoscape panned the view with the pointer. */
  | { type: 'pan' }
  /** Button released (tapend). `over`: the element a connection would end on. */
  | { type: 'release'; over: string | null }
  /** cytoscape's click: press and release without a drag or a pan (`tap` null: on nothing the store knows). */
  | { type: 'tap'; tap: Tap | null }
  /** cytoscape freed the nodes it moved (once per node). */
  | { type: 'dragfree' }
  /** Right click on an element (`id`: the topology element) or on the background (null). */
  | { type: 'context'; id: string | null; at: Pos }
  /** The view was zoomed or panned by any means. */
  | { type: 'viewport' }
  /** The tool changed or the diagram goes away: drop the gesture. */
  | { type: 'cancel' };

export type GestureOutput =
  // View effects: the diagram and its chrome, never the store.
  /** Apply a highlight still pending on the overlay before cytoscape moves anything. */
  | { type: 'flush' }
  /** Take the site and node boxes now, before cytoscape shifts anything (they decide re-parenting). */
  | { type: 'measure' }
  /** A connection starts: no panning, a dashed line follows the pointer. */
  | { type: 'connect-start'; source: string }
  | { type: 'connect-line'; source: string; at: Pos }
  | { type: 'connect-end' }
  /** A connection dragged and released on nothing or on its own source: say why nothing was connected (issue 27). */
  | { type: 'connect-none'; source: string; on: 'nothing' | 'itself' }
  /** Open the context menu (null: close it). */
  | { type: 'menu'; request: { id: string; x: number; y: number } | null }
  // Store intents: at most one per gesture.
  | { type: 'tap'; tap: Tap }
  | { type: 'connect'; from: string; to: string }
  | { type: 'move'; dragged: string[] };

export const IDLE: GestureState = { kind: 'idle' };

export interface Transition {
  state: GestureState;
  out: GestureOutput[];
}

const NONE: GestureOutput[] = [];
const stay = (state: GestureState): Transition => ({ state, out: NONE });

/** What leaving `state` without finishing it must undo. */
const abandon = (state: GestureState): GestureOutput[] => (state.kind === 'connecting' ? [{ type: 'connect-end' }] : []);

export function transition(state: GestureState, event: GestureEvent): Transition {
  switch (event.type) {
    case 'press': {
      const out = abandon(state);
      if (event.connectFrom !== null) return { state: { kind: 'connecting', source: event.connectFrom }, out: [...out, { type: 'connect-start', source: event.connectFrom }] };
      if (event.grabbed) out.push({ type: 'flush' });
      return { state: { kind: 'pressing', target: event.target, grabbed: event.grabbed, measured: false }, out };
    }
    case 'move':
      if (state.kind === 'connecting') return { state: state.moved ? state : { ...state, moved: true }, out: [{ type: 'connect-line', source: state.source, at: event.at }] };
      if (state.kind === 'pressing' && state.grabbed && !state.measured) return { state: { ...state, measured: true }, out: [{ type: 'measure' }] };
      return stay(state);
    case 'drag':
      if (state.kind === 'pressing') return { state: { kind: 'dragging', dragged: new Set([event.id]) }, out: state.measured || !state.grabbed ? NONE : [{ type: 'measure' }] };
      if (state.kind === 'dragging' && !state.dragged.has(event.id)) return stay({ kind: 'dragging', dragged: new Set([...state.dragged, event.id]) });
      return stay(state);
    case 'pan':
      return state.kind === 'pressing' ? stay({ kind: 'panning' }) : stay(state);
    case 'release':
      if (state.kind === 'connecting') {
        const out: GestureOutput[] = [{ type: 'connect-end' }];
        if (event.over !== null && event.over !== state.source) out.push({ type: 'connect', from: state.source, to: event.over });
        // Dragged and let go where nothing connects: said, not silent. (Press and release in place is a click: the tap follows.)
        else if (state.moved) out.push({ type: 'connect-none', source: state.source, on: event.over === null ? 'nothing' : 'itself' });
        return { state: IDLE, out };
      }
      // A tap or a dragfree follows in the same release when something is to be done.
      return state.kind === 'panning' ? stay(IDLE) : stay(state);
    case 'tap':
      return { state: IDLE, out: [...abandon(state), { type: 'menu', request: null }, ...(event.tap ? [{ type: 'tap', tap: event.tap } as const] : [])] };
    case 'dragfree':
      return state.kind === 'dragging' ? { state: IDLE, out: [{ type: 'move', dragged: [...state.dragged] }] } : stay(state);
    case 'context':
      return { state, out: [{ type: 'menu', request: event.id === null ? null : { id: event.id, x: event.at.x, y: event.at.y } }] };
    case 'viewport':
      return { state, out: [{ type: 'menu', request: null }] };
    case 'cancel':
      return { state: IDLE, out: abandon(state) };
  }
}

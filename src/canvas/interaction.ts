/**
 * Interaction: cytoscape's pointer events → the gesture machine (./gestureMachine.ts) → store
 * actions. This is the only place that listens to cytoscape's input events. It translates each
 * event into a `GestureEvent`, runs the pure transition, and carries out the outputs: view
 * effects on the diagram (flush the highlight, the connect line, the context menu) and at most
 * one store intent per gesture:
 *   tap     → actions.tapElement (the store decides what a click means)
 *   connect → actions.edit({ type: 'connect' })
 *   move    → actions.edit(one set-positions edit, or a batch with the re-parenting moves)
 * Palette drops (HTML5 drag and drop from outside the diagram) are one edit too (./gestures/drop.ts).
 * Wheel and trackpad-pinch zoom is a view effect only: ./gestures/wheel.ts eases it around the pointer;
 * so is the tooltip of the element under the pointer (./gestures/hoverTitle.ts).
 */
import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import type { Edit } from '../engine/edit';
import { networkName, nicLabel, nodeName, routerName, type Topology } from '../engine';
import { contains, nodeBox } from './gestures/hit';
import type { AppStore, Tap } from '../store/appStore';
import { IDLE, transition, type GestureEvent, type GestureOutput, type GestureState } from './gestureMachine';
import { connectable, connectSource, ghostLine } from './gestures/connectLine';
import { installDrop } from './gestures/drop';
import { measureParents, reparentEdits } from './gestures/reparent';
import { installHoverTitle } from './gestures/hoverTitle';
import { installWheelZoom } from './gestures/wheel';
import type { Box, Pos } from './geometry';
import { barsAtDrops, changedPositions, positionsAfterMove } from './diagramLayout';
import type { Renderer } from './render';
import { grabAtFirstMove, newDragList, pastDragThreshold, wouldGrab } from './cyWorkarounds';

export interface ContextMenuRequest {
  /** The topology element the menu is about (an edge's NIC or router, a transit's first router). */
  id: string;
  /** Where to open it, relative to the canvas container. */
  x: number;
  y: number;
}

/** The topology element a tap or right-click on a drawn element is about. */
export function topologyTarget(cy: Core, id: string): string | null {
  const el = cy.getElementById(id);
  if (el.empty()) return null;
  if (el.group() === 'edges') return (el as EdgeSingular).source().id();
  if (el.hasClass('transit')) return (el as NodeSingular).connectedEdges()[0]?.source().id() ?? null;
  return id;
}

/** The words a notice names a topology element by. */
function nameOf(design: Topology, id: string): string {
  const { nodes, nics, networks, routers } = design.index;
  if (nodes.has(id)) return `node ${nodeName(design, id)}`;
  if (nics.has(id)) return `NIC ${nicLabel(design, id)}`;
  if (networks.has(id)) return `network '${networkName(design, id)}'`;
  if (routers.has(id)) return `router '${routerName(design, id)}'`;
  return id;
}

/** Why a connection dragged from `source` connected nothing (issue 27: a drag that does nothing says why). */
export function nothingConnected(design: Topology, source: string, on: 'nothing' | 'itself'): string {
  const what = on === 'nothing' ? 'the drag was let go over nothing it can connect to' : `the drag was let go on ${nameOf(design, source)} itself`;
  return `Nothing connected: ${what}. To connect ${nameOf(design, source)}, release the drag over a network, a NIC, a node or a router.`;
}

/**
 * A drop line clicked inside its NIC's node box (the compact drawing's box is mostly its tiles, and
 * their lines cross its padding): the click is aimed at the node (issue 27), not at the NIC.
 */
function hostUnderEdge(cy: Core, e: EventObject): string | null {
  const nic = (e.target as EdgeSingular).source();
  const host = nic.parent();
  if (host.empty() || !host.first().hasClass('host') || !e.position) return null;
  return contains(nodeBox(host.first() as NodeSingular), e.position) && !contains(nodeBox(nic), e.position) ? host.first().id() : null;
}

/** What a click on a drawn element tells the store (null: nothing to tell). */
function tapOf(cy: Core, e: EventObject): Tap | null {
  if (e.target === cy) return { id: null };
  const host = e.target.group() === 'edges' ? hostUnderEdge(cy, e) : null;
  if (host !== null) {
    const pointer = e.originalEvent as MouseEvent | undefined;
    return { id: host, additive: !!pointer && (pointer.ctrlKey || pointer.metaKey || pointer.shiftKey) };
  }
  const id = topologyTarget(cy, e.target.id());
  if (id === null) return null;
  const pointer = e.originalEvent as MouseEvent | undefined;
  const tap: Tap = { id, additive: !!pointer && (pointer.ctrlKey || pointer.metaKey || pointer.shiftKey) };
  if (e.target.group() === 'edges') tap.link = true;
  else if (e.target.hasClass('transit')) tap.group = (e.target as NodeSingular).connectedEdges().map((x) => x.source().id());
  return tap;
}

export interface InteractionOptions {
  cy: Core;
  store: AppStore;
  renderer: Renderer;
  onContextMenu?(request: ContextMenuRequest | null): void;
  /** A panel floating over the canvas (container pixels): palette drops land clear of it. */
  floating?(): Box | null;
}

export function installInteraction({ cy, store, renderer, onContextMenu, floating }: InteractionOptions): () => void {
  const container = cy.container();
  const ghost = ghostLine(container);
  let state: GestureState = IDLE;
  let panningBefore = true;
  // Site and host boxes at the start of a drag (the machine asks for them at the first move).
  let measured: Map<string, Box> | null = null;

  // Shift at the press starts a connection in the Select tool; it must be known before cytoscape grabs.
  let shiftHeld = false;
  const connecting = (): boolean => store.getState().ui.tool === 'connect' || shiftHeld;
  // A primary mouse press in the Select tool grabs nothing until the pointer has moved past the
  // drag threshold (cyWorkarounds 10): a click does not restyle the pressed node or redraw the
  // diagram. `deferring`: from the press (before cytoscape sees it) to the release or the grab;
  // `late`: the node the press would have grabbed, grabbed at the first move past the threshold.
  let deferring = false;
  let late: NodeSingular | null = null;
  const syncGrab = (): void => {
    cy.autoungrabify(deferring || connecting());
    if (container) container.style.cursor = connecting() ? 'crosshair' : '';
  };

  const endDrag = (dragged: string[]): void => {
    renderer.finishDrag();
    const view = renderer.view();
    // Network bars are saved at the x their drops give them.
    const current = barsAtDrops(view.model, renderer.currentPositions());
    const boxes = measured ?? measureParents(cy);
    measured = null;
    if (changedPositions(renderer.appliedPositions(), current).length === 0) return;
    const centres = new Map<string, Pos>();
    cy.nodes(':parent').forEach((n) => {
      centres.set(n.id(), { ...n.position() });
    });
    const { actions, design } = store.getState();
    const place: Edit = { type: 'set-positions', positions: positionsAfterMove(view.model, current, centres) };
    const moves = reparentEdits(cy, design, new Set(dragged), boxes);
    const r = actions.edit(moves.length === 0 ? place : { type: 'batch', edits: [place, ...moves] });
    if (r.ok) return;
    // The re-parenting was refused: the elements stay where they were dropped, and the user is told why.
    if (moves.length > 0) actions.edit(place);
    actions.notify({ kind: 'error', text: r.errors.map((x) => x.message).join(' ') });
  };

  const run = (o: GestureOutput): void => {
    switch (o.type) {
      case 'flush':
        return renderer.flush();
      case 'measure':
        measured = measureParents(cy);
        return;
      case 'connect-start':
        panningBefore = cy.userPanningEnabled();
        cy.userPanningEnabled(false);
        return;
      case 'connect-line': {
        const from = cy.getElementById(o.source).renderedPosition();
        return ghost.show(from.x, from.y, o.at.x, o.at.y);
      }
      case 'connect-end':
        cy.userPanningEnabled(panningBefore);
        return ghost.hide();
      case 'menu':
        return onContextMenu?.(o.request);
      case 'tap':
        return store.getState().actions.tapElement(o.tap);
      case 'connect-none':
        return store.getState().actions.notify({ kind: 'info', text: nothingConnected(store.getState().design, o.source, o.on) });
      case 'connect': {
        const { actions } = store.getState();
        const from = connectSource(store.getState().design, renderer.view().model.metrics.kind === 'compact', o.from, o.to);
        const r = actions.edit({ type: 'connect', from, to: o.to });
        if (!r.ok) actions.notify({ kind: 'error', text: r.errors.map((x) => x.message).join(' ') });
        return;
      }
      case 'move':
        return endDrag(o.dragged);
    }
  };
  const send = (event: GestureEvent): void => {
    const t = transition(state, event);
    state = t.state;
    for (const o of t.out) run(o);
  };

  const at = (e: EventObject): Pos => e.renderedPosition ?? { x: 0, y: 0 };
  const design = () => store.getState().design;
  cy.on('tapstart', (e) => {
    const node = e.target !== cy && e.target.isNode() ? (e.target as NodeSingular) : null;
    late = deferring && node && !connecting() && wouldGrab(cy, node) ? node : null;
    const grabbed = late !== null || (node !== null && node.grabbable());
    send({ type: 'press', target: e.target === cy ? null : e.target.id(), grabbed, connectFrom: connecting() ? connectable(design(), e) : null });
  });
  cy.on('tapdrag', (e) => {
    send({ type: 'move', at: at(e) });
    // Past the threshold: grab now (after the machine has measured), and cytoscape's same move drags.
    if (late === null || !pastDragThreshold(cy)) return;
    const node = late;
    late = null;
    deferring = false;
    syncGrab();
    grabAtFirstMove(cy, node, e.originalEvent);
  });
  cy.on('drag', 'node', (e) => {
    renderer.previewDrag();
    send({ type: 'drag', id: (e.target as NodeSingular).id() });
  });
  cy.on('dragpan', () => send({ type: 'pan' }));
  cy.on('tapend', (e) => send({ type: 'release', over: state.kind === 'connecting' ? connectable(design(), e) : null }));
  cy.on('tap', (e) => send({ type: 'tap', tap: tapOf(cy, e) }));
  cy.on('dragfree', 'node', () => send({ type: 'dragfree' }));
  cy.on('cxttap', (e) => send({ type: 'context', id: e.target === cy ? null : topologyTarget(cy, e.target.id()), at: at(e) }));
  cy.on('viewport', () => send({ type: 'viewport' }));

  const onDown = (e: MouseEvent): void => {
    shiftHeld = e.shiftKey && e.button === 0;
    deferring = e.button === 0 && !connecting();
    late = null;
    if (deferring) newDragList(cy);
    syncGrab();
  };
  const onUp = (): void => {
    if (deferring) {
      // The press ended without a move past the threshold: nothing was grabbed (cytoscape's release
      // does not ask whether a node may be grabbed, so the order of the two listeners does not matter).
      deferring = false;
      late = null;
      syncGrab();
    }
    if (!shiftHeld) return;
    shiftHeld = false;
    // After cytoscape has seen the release (its tapend ends the gesture).
    setTimeout(syncGrab, 0);
  };
  // Headless (tests): no container, no pointer.
  container?.addEventListener('mousedown', onDown, true);
  if (container) window.addEventListener('mouseup', onUp);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.ui.tool === prev.ui.tool) return;
    send({ type: 'cancel' });
    syncGrab();
  });
  syncGrab();
  const uninstallDrop = installDrop(cy, store, floating);
  // A press that will grab at its first move holds the wheel as a grab does.
  const uninstallWheel = installWheelZoom(cy, () => late !== null);
  const uninstallTitle = installHoverTitle(cy, store, (id) => topologyTarget(cy, id));

  return () => {
    unsubscribe();
    uninstallDrop();
    uninstallWheel();
    uninstallTitle();
    container?.removeEventListener('mousedown', onDown, true);
    if (container) window.removeEventListener('mouseup', onUp);
    ghost.remove();
  };
}

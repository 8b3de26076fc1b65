/**
 * Connecting by dragging from one element to another: in the Connect tool, or with Shift held
 * in the Select tool. While connecting, elements are not moved and the view does not pan; a
 * dashed line follows the pointer. Releasing over another element applies the connect edit (one
 * undo step); the engine says what the connection means or why it has none.
 */
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import { kindOf } from '../../engine/edit';
import type { AppStore } from '../../store/appStore';

const SVG = 'http://www.w3.org/2000/svg';

interface Gesture {
  source: string;
  panning: boolean;
}

/** The topology element a drawn node stands for (transit subnets stand for nothing to connect). */
function elementOf(store: AppStore, e: EventObject): string | null {
  if (e.target === e.cy || !e.target.isNode?.()) return null;
  const id = (e.target as NodeSingular).id();
  return kindOf(store.getState().design, id) === null ? null : id;
}

function ghostLine(container: HTMLElement | null): { show(x1: number, y1: number, x2: number, y2: number): void; hide(): void; remove(): void } {
  if (!container || typeof document === 'undefined') return { show() {}, hide() {}, remove() {} };
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'connect-ghost');
  svg.setAttribute('aria-hidden', 'true');
  Object.assign(svg.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', pointerEvents: 'none', display: 'none', zIndex: '4' });
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('stroke', '#1f5fa8');
  line.setAttribute('stroke-width', '2.5');
  line.setAttribute('stroke-dasharray', '6 4');
  svg.appendChild(line);
  container.appendChild(svg);
  return {
    show(x1, y1, x2, y2) {
      line.setAttribute('x1', String(x1));
      line.setAttribute('y1', String(y1));
      line.setAttribute('x2', String(x2));
      line.setAttribute('y2', String(y2));
      svg.style.display = 'block';
    },
    hide() {
      svg.style.display = 'none';
    },
    remove() {
      svg.remove();
    },
  };
}

export function installConnect(cy: Core, store: AppStore): () => void {
  const container = cy.container();
  const ghost = ghostLine(container);
  let gesture: Gesture | null = null;
  let shiftHeld = false;
  const connecting = (): boolean => store.getState().ui.tool === 'connect' || shiftHeld;
  const syncGrab = (): void => {
    cy.autoungrabify(connecting());
    if (container) container.style.cursor = connecting() ? 'crosshair' : '';
  };

  const end = (): void => {
    if (gesture) cy.userPanningEnabled(gesture.panning);
    gesture = null;
    ghost.hide();
  };

  cy.on('tapstart', 'node', (e) => {
    if (!connecting()) return;
    const source = elementOf(store, e);
    if (!source) return;
    gesture = { source, panning: cy.userPanningEnabled() };
    cy.userPanningEnabled(false);
  });
  cy.on('tapdrag', (e) => {
    if (!gesture || !e.renderedPosition) return;
    const from = cy.getElementById(gesture.source).renderedPosition();
    ghost.show(from.x, from.y, e.renderedPosition.x, e.renderedPosition.y);
  });
  cy.on('tapend', (e) => {
    if (!gesture) return;
    const { source } = gesture;
    const target = elementOf(store, e);
    end();
    if (!target || target === source) return;
    const { actions } = store.getState();
    const r = actions.edit({ type: 'connect', from: source, to: target });
    if (!r.ok) actions.notify({ kind: 'error', text: r.errors.map((x) => x.message).join(' ') });
  });

  // Shift at the press starts a connection in the Select tool; it must be known before cytoscape grabs.
  const onDown = (e: MouseEvent): void => {
    shiftHeld = e.shiftKey && e.button === 0;
    syncGrab();
  };
  const onUp = (): void => {
    if (!shiftHeld) return;
    shiftHeld = false;
    // After cytoscape has seen the release (its tapend ends the gesture).
    setTimeout(syncGrab, 0);
  };
  // Headless (tests): no container, no pointer.
  container?.addEventListener('mousedown', onDown, true);
  if (container) window.addEventListener('mouseup', onUp);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.ui.tool !== prev.ui.tool) {
      end();
      syncGrab();
    }
  });
  syncGrab();
  return () => {
    unsubscribe();
    container?.removeEventListener('mousedown', onDown, true);
    if (container) window.removeEventListener('mouseup', onUp);
    ghost.remove();
  };
}

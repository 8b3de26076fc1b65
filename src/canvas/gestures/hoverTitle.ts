/**
 * The browser's tooltip over the diagram: pointing at a node, NIC, network, router or site (or a
 * line, for its NIC or router) shows its facts (engine `elementTitle`) — what the compact drawing
 * of a large cluster leaves out, without zooming in. The container's `title` is set on entering
 * an element and removed on leaving it; nothing reaches the store.
 */
import type { Core, EventObject } from 'cytoscape';
import { elementTitle } from '../../engine';
import type { AppStore } from '../../store/appStore';

export function installHoverTitle(cy: Core, store: AppStore, target: (id: string) => string | null): () => void {
  const container = cy.container();
  if (!container) return () => {};
  const over = (e: EventObject): void => {
    const id = target(e.target.id());
    const text = id === null ? null : elementTitle(store.getState().effective, id);
    if (text) container.setAttribute('title', text);
    else container.removeAttribute('title');
  };
  const out = (): void => container.removeAttribute('title');
  cy.on('mouseover', 'node, edge', over);
  cy.on('mouseout', 'node, edge', out);
  return () => {
    if (!cy.destroyed()) {
      cy.off('mouseover', 'node, edge', over);
      cy.off('mouseout', 'node, edge', out);
    }
    container.removeAttribute('title');
  };
}

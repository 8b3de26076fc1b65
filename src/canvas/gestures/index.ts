/**
 * The designer's canvas gestures, installed on the adapter's cy: dropping palette items,
 * connecting by dragging, re-parenting by moving. Every gesture ends in one store edit; cy stays
 * a view. Removed with cy.
 */
import type { Core } from 'cytoscape';
import type { AppStore } from '../../store/appStore';
import { installConnect } from './connect';
import { installDrop } from './drop';
import { installReparent } from './reparent';

export function installGestures(cy: Core, store: AppStore): () => void {
  const uninstall = [installDrop(cy, store), installConnect(cy, store), installReparent(cy, store)];
  const remove = (): void => uninstall.forEach((u) => u());
  cy.one('destroy', remove);
  return remove;
}

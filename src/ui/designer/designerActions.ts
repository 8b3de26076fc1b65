/** Designer actions shared by the palette, the commands and the dialogs (they see only the store). */
import { elementKind, type ElementKind } from '../../engine';
import type { Edit } from '../../engine/edit';
import type { CanvasApiHolder } from '../../canvas/api';
import type { AppStore } from '../../store/appStore';
import { insertEdit } from './insert';
import { hasUnsavedWork } from '../frame/unsavedWork';

/** Inserts a palette element at a free position, where the selection says; tells the user when it cannot. */
export function insertFromPalette(store: AppStore, kind: ElementKind): void {
  const s = store.getState();
  const edit = insertEdit(kind, s.design, s.ui.selectedIds);
  if ('error' in edit) {
    s.actions.notify({ kind: 'info', text: edit.error });
    return;
  }
  const r = s.actions.edit(edit);
  if (!r.ok) s.actions.notify({ kind: 'error', text: `Could not insert the ${kind}.`, errors: r.errors });
}

export function deleteSelection(store: AppStore): void {
  const s = store.getState();
  if (s.ui.selectedIds.length === 0) return;
  const r = s.actions.edit({ type: 'delete', ids: s.ui.selectedIds });
  if (!r.ok) s.actions.notify({ kind: 'error', text: 'Could not delete the selection.', errors: r.errors });
}

export function selectAll(store: AppStore): void {
  const { design, actions } = store.getState();
  actions.select([...design.sites, ...design.nodes, ...design.nics, ...design.networks, ...design.routers].map((e) => e.id));
}

/**
 * Before an insertion that places things automatically: what is drawn stays where it is (its
 * positions are saved in the same batch, one undo step, as the insertion).
 */
const pin = (canvas?: CanvasApiHolder): Edit | null => canvas?.current?.pinLayout() ?? null;

export function duplicateSelection(store: AppStore, canvas?: CanvasApiHolder): void {
  const s = store.getState();
  const nodes = s.ui.selectedIds.filter((id) => elementKind(s.design, id) === 'node');
  if (nodes.length === 0) {
    s.actions.notify({ kind: 'info', text: 'Select one or more nodes to duplicate them with their NICs.' });
    return;
  }
  const positions = pin(canvas);
  const duplicate: Edit = { type: 'duplicate', ids: nodes };
  store.getState().actions.edit(positions ? { type: 'batch', edits: [positions, duplicate] } : duplicate);
}

export function copySelection(store: AppStore): void {
  const s = store.getState();
  if (!s.actions.copy()) s.actions.notify({ kind: 'info', text: 'Select one or more nodes to copy them with their NICs.' });
}

export function pasteClipboard(store: AppStore, canvas?: CanvasApiHolder): void {
  if (!store.getState().ui.clipboard) {
    store.getState().actions.notify({ kind: 'info', text: 'There is nothing to paste: copy one or more nodes first.' });
    return;
  }
  // One batch: if the paste is refused, the positions are not saved either.
  const r = store.getState().actions.paste(pin(canvas));
  if (r.ok) return;
  // Refused: an error that stays until read, not an info that fades.
  store.getState().actions.notify({ kind: 'error', text: r.errors[0]!.message });
}

/** "New topology": asks first when the current one has unsaved changes. */
export function requestNewTopology(store: AppStore): void {
  const s = store.getState();
  if (hasUnsavedWork(s)) s.actions.openDialog('new-topology');
  else s.actions.newTopology();
}

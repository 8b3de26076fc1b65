/**
 * What the file commands do to the store. A refused file, link or import changes nothing and
 * says why (with each error's path); an accepted one replaces the topology through
 * actions.load, so Undo brings the previous one back.
 */
import type { Diagnostic, ParseError } from '../../engine';
import { parseClusterInventory } from '../../engine';
import {
  encodeShareLink, exportFileNames, MAX_FILE_BYTES, MAX_SHARE_DATA_CHARS, readTopologyFile, serializeTopology, SHARE_LINK_WARN_CHARS, tooLargeMessage,
} from '../../engine/io';
import type { AppStore } from '../../store/appStore';
import { markInFile } from '../frame/unsavedWork';
import { copyText, downloadText } from './browser';

import { hasUnsavedWork as unsavedIn } from '../frame/unsavedWork';
export { splitShareFragment, type SharedView } from './shareFragment';

export function saveTopology(store: AppStore): string {
  const { document, actions } = store.getState();
  const filename = exportFileNames(document).topology;
  downloadText(serializeTopology(document), filename, 'application/json');
  markInFile(document);
  actions.markSaved();
  actions.notify({ kind: 'info', text: `Saved '${filename}' to your downloads.` });
  return filename;
}

export type ImportOutcome =
  | { ok: true; fileName: string; name: string; nodeCount: number; networkCount: number; vmCount: number; diagnostics: Diagnostic[] }
  | { ok: false; fileName: string; errors: ParseError[] };

export type OpenOutcome = { kind: 'opened' } | { kind: 'kept' } | { kind: 'refused'; errors: ParseError[] } | { kind: 'inventory'; result: ImportOutcome };

/** Asked before an opened or imported file replaces work that is not saved to a file: true replaces it. */
export type ConfirmReplace = (fileName: string, topologyName: string, action?: 'open' | 'import') => Promise<boolean>;

/** The store's document has changes not saved to a file (an autosave restored with unsaved changes included). */
export function hasUnsavedWork(store: AppStore): boolean {
  return unsavedIn(store.getState());
}

/** A file's bytes, or null when the browser cannot read it (a folder, a file moved or deleted after it was picked). */
export async function readBytes(file: File): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return null;
  }
}

export const unreadableMessage = (name: string): string =>
  `'${name}' could not be read: the browser could not open it. Is it a folder, or was the file moved, renamed or deleted after it was picked? Pick the file itself again.`;

function refuse(store: AppStore, text: string, errors: ParseError[]): void {
  store.getState().actions.notify({ kind: 'error', text, errors });
}

const unchanged = 'the topology on screen is unchanged.';

/**
 * Reads a file the user picked or dropped. The size is checked before a byte is read. With
 * `confirm`, a valid file that would replace unsaved work is opened only when the user agrees.
 */
export async function openTopologyFile(file: File, store: AppStore, confirm?: ConfirmReplace): Promise<OpenOutcome> {
  if (file.size > MAX_FILE_BYTES) {
    const errors = [{ path: '', message: tooLargeMessage(file.size) }];
    refuse(store, `'${file.name}' was not opened: ${unchanged}`, errors);
    return { kind: 'refused', errors };
  }
  const bytes = await readBytes(file);
  if (bytes === null) {
    const errors = [{ path: '', message: unreadableMessage(file.name) }];
    refuse(store, `'${file.name}' was not opened: ${unchanged}`, errors);
    return { kind: 'refused', errors };
  }
  const read = readTopologyFile(bytes);
  if (!read.ok) {
    // An inventory opened or dropped by mistake is what the user meant to import.
    if (read.detected === 'inventory') {
      const result = await importInventory(bytes, file.name, store, confirm);
      return result === null ? { kind: 'kept' } : { kind: 'inventory', result };
    }
    refuse(store, `'${file.name}' was not opened: ${unchanged}`, read.errors);
    return { kind: 'refused', errors: read.errors };
  }
  if (confirm && hasUnsavedWork(store) && !(await confirm(file.name, read.topology.name))) {
    store.getState().actions.notify({ kind: 'info', text: `'${file.name}' was not opened; your work is as it was.` });
    return { kind: 'kept' };
  }
  markInFile(read.document);
  const loaded = store.getState().actions.load(read.document);
  if (!loaded.ok) {
    refuse(store, `'${file.name}' was not opened: ${unchanged}`, loaded.errors);
    return { kind: 'refused', errors: loaded.errors };
  }
  const notes = read.diagnostics.length;
  store.getState().actions.notify({
    kind: 'info',
    text: `Opened '${file.name}'.${notes ? ` ${notes} diagnostic${notes === 1 ? '' : 's'}: see the Validation tab.` : ''} Undo brings back the previous topology.`,
  });
  return { kind: 'opened' };
}

/** `3 nodes, 3 networks, 4 VMs` (VMs only when the inventory had them: version 1 files have none). */
export const importCounts = (nodes: number, networks: number, vms: number): string => `${nodes} nodes, ${networks} networks${vms > 0 ? `, ${vms} VM${vms === 1 ? '' : 's'}` : ''}`;

/**
 * Imports a cluster inventory. With `confirm`, an inventory that would replace unsaved work is
 * imported only when the user agrees (as *Open…* and the examples ask); null when they keep it.
 */
export async function importInventory(input: Uint8Array, fileName: string, store: AppStore, confirm?: ConfirmReplace): Promise<ImportOutcome | null> {
  if (input.length > MAX_FILE_BYTES) {
    const errors = [{ path: '', message: tooLargeMessage(input.length) }];
    refuse(store, `'${fileName}' was not imported: ${unchanged}`, errors);
    return { ok: false, fileName, errors };
  }
  const r = parseClusterInventory(input);
  if (!r.ok) {
    refuse(store, `'${fileName}' was not imported: ${unchanged}`, r.errors);
    return { ok: false, fileName, errors: r.errors };
  }
  if (confirm && hasUnsavedWork(store) && !(await confirm(fileName, r.topology.name, 'import'))) {
    store.getState().actions.notify({ kind: 'info', text: `'${fileName}' was not imported; your work is as it was.` });
    return null;
  }
  const loaded = store.getState().actions.load(r.topology.document);
  if (!loaded.ok) {
    refuse(store, `'${fileName}' was not imported: ${unchanged}`, loaded.errors);
    return { ok: false, fileName, errors: loaded.errors };
  }
  const t = r.topology;
  store.getState().actions.notify({
    kind: 'info',
    text: `Imported cluster '${t.name}' from '${fileName}': ${importCounts(t.nodes.length, t.networks.length, t.vms.length)}. Check what the import assumed (Import cluster inventory lists it). Undo brings back the previous topology.`,
  });
  return { ok: true, fileName, name: t.name, nodeCount: t.nodes.length, networkCount: t.networks.length, vmCount: t.vms.length, diagnostics: r.diagnostics };
}

/**
 * The app's address with the topology in the fragment (which browsers never send to a server),
 * followed by the view: `&pair=<source>,<destination>&mode=legacy`, so that the recipient sees
 * the same path. The view stays outside the share data (its format is the file's).
 */
export function shareUrl(store: AppStore, href: string): string {
  const { document, ui } = store.getState();
  const pair = ui.sourceNodeId && ui.destinationNodeId ? `&pair=${encodeURIComponent(ui.sourceNodeId)},${encodeURIComponent(ui.destinationNodeId)}` : '';
  return `${href.split('#')[0]}#${encodeShareLink(document)}${pair}&mode=${ui.mode}`;
}

export async function copyShareLink(store: AppStore): Promise<void> {
  const { actions } = store.getState();
  const url = shareUrl(store, window.location.href);
  if (url.length > MAX_SHARE_DATA_CHARS) {
    actions.notify({ kind: 'error', text: `This topology is too large for a link (${url.length} characters; browsers accept ${MAX_SHARE_DATA_CHARS}). Save it to a file and send the file instead.` });
    return;
  }
  if (!(await copyText(url))) {
    actions.notify({ kind: 'error', text: 'The browser did not allow copying to the clipboard. Save the topology to a file and send the file instead.' });
    return;
  }
  const long = url.length > SHARE_LINK_WARN_CHARS ? ' Some mail and chat tools cut links this long: if it arrives incomplete, send the file instead.' : '';
  actions.notify({ kind: 'info', text: `Link copied (${url.length} characters). It holds the whole topology: whoever opens it sees your design.${long}` });
}

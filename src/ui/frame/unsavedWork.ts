/** Whether the work on screen is saved: one rule for the header, the tab title and the "replace?" questions. */
import type { AppState } from '../../store/appStore';

/** The document differs from the one last saved, opened or loaded (an example, a link, a new topology). */
export const hasUnsavedWork = (s: Pick<AppState, 'document' | 'savedDocument'>): boolean => s.document !== s.savedDocument;

/**
 * Documents written to or read from a file in this session (Save, Open, a dropped file). A new
 * topology, an example or a link is kept by autosave in this browser, but is in no file: the
 * header must not call it "Saved" (issue 27). Keyed by the document object, which each load or
 * edit replaces, so one set serves every store.
 */
const inFile = new WeakSet<object>();
export const markInFile = (doc: object): void => void inFile.add(doc);

export interface SaveLabel {
  kind: 'unsaved' | 'saved' | 'browser';
  text: string;
  title: string;
}

const UNSAVED: SaveLabel = { kind: 'unsaved', text: '• Unsaved changes', title: 'Changes not saved to a file yet: Save (Ctrl+S) keeps them' };
const SAVED: SaveLabel = { kind: 'saved', text: 'Saved', title: 'Nothing changed since the file was saved or opened' };
const IN_BROWSER: SaveLabel = { kind: 'browser', text: 'Kept in this browser · no file yet', title: 'Autosave keeps this topology in this browser, but it is not saved to a file yet: Save (Ctrl+S) writes one.' };
const NOWHERE: SaveLabel = { kind: 'browser', text: 'Not saved to a file', title: 'This topology is in no file yet, and autosave is not keeping it in this browser: Save (Ctrl+S) writes a file.' };

/** What the header says about the work: unsaved changes, saved to a file, or kept by the browser only (one object per case: a stable selector result). */
export function saveLabel(s: Pick<AppState, 'document' | 'savedDocument' | 'autosave'>): SaveLabel {
  if (hasUnsavedWork(s)) return UNSAVED;
  if (inFile.has(s.savedDocument)) return SAVED;
  return s.autosave.kind === 'on' ? IN_BROWSER : NOWHERE;
}

/** The browser tab's title: "• Two-site design — LM Path Visualizer" while there are unsaved changes. */
export const tabTitle = (name: string, unsaved: boolean): string => `${unsaved ? '• ' : ''}${name} — LM Path Visualizer`;

/** Whether the work on screen is saved: one rule for the header, the tab title and the "replace?" questions. */
import type { AppState } from '../../store/appStore';

/** The document differs from the one last saved, opened or loaded (an example, a link, a new topology). */
export const hasUnsavedWork = (s: Pick<AppState, 'document' | 'savedDocument'>): boolean => s.document !== s.savedDocument;

/** The browser tab's title: "• Two-site design — LM Path Visualizer" while there are unsaved changes. */
export const tabTitle = (name: string, unsaved: boolean): string => `${unsaved ? '• ' : ''}${name} — LM Path Visualizer`;

/** "Unsaved changes" / "Saved" beside the topology's name, and the browser tab's title kept in step. */
import { useEffect } from 'react';
import { useApp } from '../StoreContext';
import { hasUnsavedWork, tabTitle } from './unsavedWork';

export function SaveState() {
  const unsaved = useApp(hasUnsavedWork);
  const name = useApp((s) => s.design.name);
  useEffect(() => {
    document.title = tabTitle(name, unsaved);
  }, [name, unsaved]);
  return (
    <span className={`save-state ${unsaved ? 'unsaved' : 'saved'}`} data-testid="save-state" title={unsaved ? 'Changes not saved to a file yet: Save (Ctrl+S) keeps them' : 'Nothing changed since the file was saved or opened'}>
      {unsaved ? '• Unsaved changes' : 'Saved'}
    </span>
  );
}

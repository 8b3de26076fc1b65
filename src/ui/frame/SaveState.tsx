/**
 * "Unsaved changes" / "Saved" / "Kept in this browser · no file yet" beside the topology's name,
 * and the browser tab's title kept in step.
 */
import { useEffect } from 'react';
import { useApp } from '../StoreContext';
import { hasUnsavedWork, saveLabel, tabTitle } from './unsavedWork';

export function SaveState() {
  const unsaved = useApp(hasUnsavedWork);
  const label = useApp(saveLabel);
  const name = useApp((s) => s.design.name);
  useEffect(() => {
    document.title = tabTitle(name, unsaved);
  }, [name, unsaved]);
  return (
    <span className={`save-state ${label.kind}`} data-testid="save-state" title={label.title}>
      {label.text}
    </span>
  );
}

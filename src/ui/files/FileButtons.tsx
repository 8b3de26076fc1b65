/** The file commands in the header (the registry's `toolbar: true` entries of src/ui/commands/files.ts). */
import { CommandButtons } from '../commands/CommandButtons';
import { fileCommands } from '../commands/files';
import { hasUnsavedWork } from '../frame/unsavedWork';
import { useApp } from '../StoreContext';

export function FileButtons() {
  const unsaved = useApp(hasUnsavedWork);
  // "Save •" while there is something to save (its accessible name stays "Save").
  return <CommandButtons label="File" commands={fileCommands} className="file-buttons" text={(c) => (c.id === 'save' && unsaved ? 'Save •' : c.label)} />;
}

/** The file commands in the header (the registry's `toolbar: true` entries of src/ui/commands/files.ts). */
import { CommandButtons } from '../commands/CommandButtons';
import { fileCommands } from '../commands/files';

export function FileButtons() {
  return <CommandButtons label="File" commands={fileCommands} className="file-buttons" />;
}

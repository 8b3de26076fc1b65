/** The file commands in the header (the registry's `toolbar: true` entries of src/ui/commands/files.ts). */
import { useCanvasApi } from '../CanvasContext';
import { fileCommands } from '../commands/files';
import { formatShortcut } from '../commands/shortcuts';
import { useAppStore } from '../StoreContext';

export function FileButtons() {
  const store = useAppStore();
  const canvas = useCanvasApi();
  return (
    <div className="file-buttons" role="group" aria-label="File">
      {fileCommands
        .filter((c) => c.toolbar)
        .map((c) => (
          <button key={c.id} type="button" title={c.shortcuts?.length ? `${c.label} (${c.shortcuts.map(formatShortcut).join(', ')})` : c.label} onClick={() => c.run({ store, canvas })}>
            {c.label}
          </button>
        ))}
    </div>
  );
}

/** The designer's commands in the header (the registry's `toolbar: true` entries of commands/designer.ts). */
import { useCanvasApi } from '../CanvasContext';
import { designerCommands } from '../commands/designer';
import { formatShortcut } from '../commands/shortcuts';
import { useAppStore } from '../StoreContext';
import './designer.css';

export function DesignerButtons() {
  const store = useAppStore();
  const canvas = useCanvasApi();
  return (
    <div className="designer-buttons" role="group" aria-label="Design">
      {designerCommands
        .filter((c) => c.toolbar)
        .map((c) => (
          <button key={c.id} type="button" aria-label={c.label} title={c.shortcuts?.length ? `${c.label} (${c.shortcuts.map(formatShortcut).join(', ')})` : c.label} onClick={() => c.run({ store, canvas })}>
            {c.id === 'shortcuts' ? '?' : c.label}
          </button>
        ))}
    </div>
  );
}

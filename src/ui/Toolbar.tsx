/** Top toolbar: examples, mode, undo/redo. */
import { ExampleMenu } from './frame/ExampleMenu';
import { useActions, useApp } from './StoreContext';
import { FileButtons } from './files/FileButtons';
import { DesignerButtons } from './designer/DesignerButtons';
import { CommandButtons } from './commands/CommandButtons';

export function Toolbar() {
  const actions = useActions();
  const mode = useApp((s) => s.ui.mode);
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  return (
    <div className="toolbar" role="toolbar" aria-label="Main toolbar">
      <FileButtons />
      <DesignerButtons />
      <ExampleMenu />
      <div className="segmented" role="radiogroup" aria-label="Behaviour">
        <button type="button" role="radio" aria-checked={mode === 'ws2025'} className={mode === 'ws2025' ? 'on' : ''} onClick={() => actions.setMode('ws2025')}>
          Windows Server 2025
        </button>
        <button type="button" role="radio" aria-checked={mode === 'legacy'} className={mode === 'legacy' ? 'on' : ''} onClick={() => actions.setMode('legacy')}>
          Legacy (2022 and earlier)
        </button>
      </div>
      <button type="button" onClick={actions.undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={actions.redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <CommandButtons group="canvas" label="Diagram" />
      <CommandButtons group="whatif" label="What-if" />
    </div>
  );
}

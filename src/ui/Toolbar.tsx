/** Top toolbar: files, design, examples, mode, and the registry's history, diagram and what-if commands. */
import { MODE_LABEL } from '../engine';
import { ExampleMenu } from './frame/ExampleMenu';
import { useActions, useApp } from './StoreContext';
import { FileButtons } from './files/FileButtons';
import { DesignerButtons } from './designer/DesignerButtons';
import { CommandButtons } from './commands/CommandButtons';
import { commandsById } from './commands';

const HISTORY = commandsById(['undo', 'redo']);

export function Toolbar() {
  const actions = useActions();
  const mode = useApp((s) => s.ui.mode);
  return (
    <div className="toolbar" role="toolbar" aria-label="Main toolbar">
      <FileButtons />
      <DesignerButtons />
      <ExampleMenu />
      <div className="segmented" role="radiogroup" aria-label="Behaviour">
        <button type="button" role="radio" aria-checked={mode === 'ws2025'} className={mode === 'ws2025' ? 'on' : ''} onClick={() => actions.setMode('ws2025')}>
          {MODE_LABEL.ws2025}
        </button>
        <button type="button" role="radio" aria-checked={mode === 'legacy'} className={mode === 'legacy' ? 'on' : ''} onClick={() => actions.setMode('legacy')}>
          {MODE_LABEL.legacy}
        </button>
      </div>
      <CommandButtons commands={HISTORY} label="History" className="toolbar-history" />
      <CommandButtons group="canvas" label="Diagram" />
      <CommandButtons group="whatif" label="What-if" />
    </div>
  );
}

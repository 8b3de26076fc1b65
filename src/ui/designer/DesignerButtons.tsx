/** The designer's commands in the header (the registry's `toolbar: true` entries of commands/designer.ts). */
import { CommandButtons } from '../commands/CommandButtons';
import { designerCommands } from '../commands/designer';
import './designer.css';

export function DesignerButtons() {
  return <CommandButtons label="Design" commands={designerCommands} className="designer-buttons" text={(c) => (c.id === 'shortcuts' ? '?' : c.label)} />;
}

/** The "?" overlay: every command of the registry, grouped, with its keyboard shortcuts. */
import { COMMANDS } from '../commands';
import { formatShortcut } from '../commands/shortcuts';
import type { CommandGroup } from '../commands/types';
import { Modal } from '../common/Modal';
import './designer.css';

const GROUPS: Record<CommandGroup, string> = { file: 'File', edit: 'Edit', insert: 'Insert and tools', view: 'View', canvas: 'Diagram', whatif: 'What-if' };

export function ShortcutOverlay({ onClose }: { onClose: () => void }) {
  const groups = [...new Set(COMMANDS.map((c) => c.group))];
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="shortcut-groups">
        {groups.map((g) => (
          <section key={g} className="shortcut-group" aria-label={GROUPS[g]}>
            <h3>{GROUPS[g]}</h3>
            <dl className="shortcut-list">
              {COMMANDS.filter((c) => c.group === g).map((c) => (
                <div key={c.id}>
                  <dt>{c.label}</dt>
                  <dd>{c.shortcuts?.length ? c.shortcuts.map((s) => <kbd key={s}>{formatShortcut(s)}</kbd>) : <span className="files-hint">no key: use the button</span>}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}

/** The toolbar buttons of a set of commands (the registry's `toolbar: true` entries), enabled state included. */
import { useCanvasApi } from '../CanvasContext';
import { useApp, useAppStore } from '../StoreContext';
import { COMMANDS } from './index';
import { formatShortcut } from './shortcuts';
import type { Command } from './types';

export interface CommandButtonsProps {
  /** Label of the button group (for assistive technology). */
  label: string;
  /** The registry's commands of this group… */
  group?: string;
  /** …or this feature's own list (which may span groups). */
  commands?: Command[];
  className?: string;
  /** Button text when it is not the command's label (the label then names the button). */
  text?: (c: Command) => string;
}

export function CommandButtons({ label, group, commands: own, className = 'command-buttons', text }: CommandButtonsProps) {
  const store = useAppStore();
  const canvas = useCanvasApi();
  const commands = (own ?? COMMANDS.filter((c) => c.group === group)).filter((c) => c.toolbar);
  // One string per render so the selector's result compares by value.
  const enabled = useApp(() => commands.map((c) => (!c.enabled || c.enabled({ store, canvas }) ? '1' : '0')).join(''));
  return (
    <div className={className} role="group" aria-label={label}>
      {commands.map((c, i) => {
        const shown = text ? text(c) : c.label;
        return (
          <button
            key={c.id}
            type="button"
            disabled={enabled[i] === '0'}
            aria-label={shown === c.label ? undefined : c.label}
            title={c.shortcuts?.length ? `${c.label} (${c.shortcuts.map(formatShortcut).join(', ')})` : c.label}
            onClick={() => c.run({ store, canvas })}
          >
            {shown}
          </button>
        );
      })}
    </div>
  );
}

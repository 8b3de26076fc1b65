/** The toolbar buttons of one command group (the registry's `toolbar: true` entries), enabled state included. */
import { useCanvasApi } from '../CanvasContext';
import { useApp, useAppStore } from '../StoreContext';
import { COMMANDS } from './index';
import { formatShortcut } from './shortcuts';

export function CommandButtons({ group, label }: { group: string; label?: string }) {
  const store = useAppStore();
  const canvas = useCanvasApi();
  const commands = COMMANDS.filter((c) => c.group === group && c.toolbar);
  // One string per render so the selector's result compares by value.
  const enabled = useApp(() => commands.map((c) => (!c.enabled || c.enabled({ store, canvas }) ? '1' : '0')).join(''));
  return (
    <div className="command-buttons" role="group" aria-label={label ?? group}>
      {commands.map((c, i) => (
        <button
          key={c.id}
          type="button"
          disabled={enabled[i] === '0'}
          title={c.shortcuts?.length ? `${c.label} (${c.shortcuts.map(formatShortcut).join(', ')})` : c.label}
          onClick={() => c.run({ store, canvas })}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}

/** Undo, redo, mode switch: commands every topology has. */
import type { Command } from './types';

export const coreCommands: Command[] = [
  {
    id: 'undo', label: 'Undo', group: 'edit', shortcuts: ['Mod+Z'], toolbar: true,
    run: ({ store }) => store.getState().actions.undo(),
    enabled: ({ store }) => store.getState().past.length > 0,
  },
  {
    id: 'redo', label: 'Redo', group: 'edit', shortcuts: ['Mod+Shift+Z', 'Mod+Y'], toolbar: true,
    run: ({ store }) => store.getState().actions.redo(),
    enabled: ({ store }) => store.getState().future.length > 0,
  },
  {
    id: 'toggle-mode', label: 'Switch between Windows Server 2025 and legacy', group: 'view', shortcuts: ['M'],
    run: ({ store }) => {
      const { ui, actions } = store.getState();
      actions.setMode(ui.mode === 'ws2025' ? 'legacy' : 'ws2025');
    },
  },
  {
    id: 'swap-pair', label: 'Swap source and destination', group: 'view', shortcuts: ['S'],
    run: ({ store }) => store.getState().actions.swap(),
  },
];

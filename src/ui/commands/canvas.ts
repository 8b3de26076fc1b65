/** The diagram's commands: fit, zoom, auto layout, and the what-if failures of the selection. */
import { failableKind } from '../../engine/whatif';
import type { Command, CommandContext } from './types';

const failableSelection = ({ store }: CommandContext): string[] => {
  const s = store.getState();
  return s.ui.selectedIds.filter((id) => failableKind(s.document, id) !== null);
};

export const canvasCommands: Command[] = [
  { id: 'fit', label: 'Fit', group: 'canvas', shortcuts: ['F'], toolbar: true, run: ({ canvas }) => canvas.current?.fit() },
  { id: 'zoom-in', label: 'Zoom in', group: 'canvas', shortcuts: ['+', '='], run: ({ canvas }) => canvas.current?.zoomIn() },
  { id: 'zoom-out', label: 'Zoom out', group: 'canvas', shortcuts: ['-'], run: ({ canvas }) => canvas.current?.zoomOut() },
  {
    id: 'auto-layout', label: 'Auto layout', group: 'canvas', shortcuts: ['Shift+L'], toolbar: true,
    run: ({ canvas }) => canvas.current?.autoLayout(),
  },
  {
    id: 'toggle-failed', label: 'Fail or restore the selection (what-if)', group: 'whatif', shortcuts: ['Shift+F'],
    run: (ctx) => {
      for (const id of failableSelection(ctx)) ctx.store.getState().actions.toggleFailed(id);
    },
    enabled: (ctx) => failableSelection(ctx).length > 0,
  },
  {
    id: 'restore-all', label: 'Restore all', group: 'whatif', shortcuts: ['Shift+R'], toolbar: true,
    run: ({ store }) => store.getState().actions.restoreAll(), enabled: ({ store }) => store.getState().ui.failed.length > 0,
  },
];

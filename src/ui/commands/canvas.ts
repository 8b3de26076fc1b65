/** The diagram's commands: fit, zoom, auto layout, and the what-if failures of the selection. */
import { failableKind } from '../../engine';
import type { Command, CommandContext } from './types';

/** The elements a what-if failure can apply to: the context menu's target, else the selection. */
const failable = ({ store }: CommandContext, target?: string): string[] => {
  const s = store.getState();
  return (target !== undefined ? [target] : s.ui.selectedIds).filter((id) => failableKind(s.document, id) !== null);
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
    menu: { shown: (ctx, target) => failable(ctx, target).length > 0, label: ({ store }, target) => (store.getState().ui.failed.includes(target) ? 'Restore' : 'Fail') },
    run: (ctx, target) => {
      for (const id of failable(ctx, target)) ctx.store.getState().actions.toggleFailed(id);
    },
    enabled: (ctx, target) => failable(ctx, target).length > 0,
  },
  {
    id: 'restore-all', label: 'Restore all', group: 'whatif', shortcuts: ['Shift+R'], toolbar: true,
    run: ({ store }) => store.getState().actions.restoreAll(), enabled: ({ store }) => store.getState().ui.failed.length > 0,
  },
];

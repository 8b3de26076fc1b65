/** The designer's commands: delete, select all, copy/paste/duplicate, new topology, settings, palette, tools, "?". */
import type { Tool } from '../../store/appStore';
import {
  copySelection, deleteSelection, duplicateSelection, insertFromPalette, pasteClipboard, requestNewTopology, selectAll,
} from '../designer/designerActions';
import { PALETTE } from '../designer/insert';
import type { Command } from './types';

const hasSelection: Command['enabled'] = ({ store }) => store.getState().ui.selectedIds.length > 0;
/** Ctrl+C on selected page text (a message, a path) copies the text, not the nodes. */
const noTextSelected = (): boolean => typeof window === 'undefined' || window.getSelection()?.isCollapsed !== false;

const tool = (id: Tool, label: string, key: string): Command => ({
  id: `tool-${id}`, label, group: 'insert', shortcuts: [key],
  run: ({ store }) => store.getState().actions.setTool(id),
});

export const designerCommands: Command[] = [
  { id: 'delete', label: 'Delete the selection', group: 'edit', shortcuts: ['Delete', 'Backspace'], enabled: hasSelection, run: ({ store }) => deleteSelection(store) },
  { id: 'select-all', label: 'Select all', group: 'edit', shortcuts: ['Mod+A'], run: ({ store }) => selectAll(store) },
  { id: 'copy', label: 'Copy the selected nodes', group: 'edit', shortcuts: ['Mod+C'], enabled: (ctx) => hasSelection!(ctx) && noTextSelected(), run: ({ store }) => copySelection(store) },
  { id: 'paste', label: 'Paste', group: 'edit', shortcuts: ['Mod+V'], enabled: ({ store }) => store.getState().ui.clipboard !== null, run: ({ store, canvas }) => pasteClipboard(store, canvas) },
  { id: 'duplicate', label: 'Duplicate the selected nodes', group: 'edit', shortcuts: ['Mod+D'], enabled: hasSelection, run: ({ store, canvas }) => duplicateSelection(store, canvas) },
  { id: 'new-topology', label: 'New topology', group: 'file', toolbar: true, run: ({ store }) => requestNewTopology(store) },
  { id: 'live-migration-settings', label: 'Live migration settings…', group: 'edit', toolbar: true, run: ({ store }) => store.getState().actions.openDialog('live-migration') },
  { id: 'shortcuts', label: 'Keyboard shortcuts', group: 'view', shortcuts: ['?'], toolbar: true, run: ({ store }) => store.getState().actions.openDialog('shortcuts') },
  tool('select', 'Select tool', 'V'),
  tool('connect', 'Connect tool (drag from one element to another)', 'C'),
  ...PALETTE.map((p): Command => ({
    id: `insert-${p.kind}`, label: `Insert ${p.label.toLowerCase() === 'nic' ? 'a NIC' : `a ${p.label.toLowerCase()}`}`, group: 'insert', shortcuts: [p.shortcut],
    run: ({ store }) => insertFromPalette(store, p.kind),
  })),
];

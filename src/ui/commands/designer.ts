/** The designer's commands: delete, select all, copy/paste/duplicate, new topology, settings, palette, tools, "?". */
import type { ElementKind } from '../../engine';
import type { Tool } from '../../store/appStore';
import {
  copySelection, deleteSelection, duplicateSelection, insertFromPalette, pasteClipboard, requestNewTopology, selectAll,
} from '../designer/designerActions';
import type { Command, CommandContext } from './types';

const hasSelection: Command['enabled'] = ({ store }) => store.getState().ui.selectedIds.length > 0;
/** Ctrl+C on selected page text (a message, a path) copies the text, not the nodes. */
const noTextSelected = (): boolean => typeof window === 'undefined' || window.getSelection()?.isCollapsed !== false;

const tool = (id: Tool, text: string, label: string, key: string, hint: string): Command => ({
  id: `tool-${id}`, label, group: 'insert', shortcuts: [key], palette: { tool: id, text, hint },
  run: ({ store }) => store.getState().actions.setTool(id),
});

/** A palette element: inserted by click (into the selection), by its key, or dragged onto the diagram. */
const insert = (kind: ElementKind, text: string, label: string, key: string, hint: string): Command => ({
  id: `insert-${kind}`, label, group: 'insert', shortcuts: [key], palette: { insert: kind, text, hint },
  run: ({ store }) => insertFromPalette(store, kind),
});

/** The element a command acts on: the context menu's target, else the selection. */
const targets = ({ store }: CommandContext, target?: string): string[] => (target !== undefined ? [target] : store.getState().ui.selectedIds);

export const designerCommands: Command[] = [
  {
    id: 'delete', label: 'Delete the selection', group: 'edit', shortcuts: ['Delete', 'Backspace'], menu: { label: () => 'Delete' },
    enabled: (ctx, target) => targets(ctx, target).length > 0,
    run: (ctx, target) => {
      if (target !== undefined) ctx.store.getState().actions.select([target]);
      deleteSelection(ctx.store);
    },
  },
  { id: 'select-all', label: 'Select all', group: 'edit', shortcuts: ['Mod+A'], run: ({ store }) => selectAll(store) },
  { id: 'copy', label: 'Copy the selected nodes', group: 'edit', shortcuts: ['Mod+C'], enabled: (ctx) => hasSelection!(ctx) && noTextSelected(), run: ({ store }) => copySelection(store) },
  { id: 'paste', label: 'Paste', group: 'edit', shortcuts: ['Mod+V'], enabled: ({ store }) => store.getState().ui.clipboard !== null, run: ({ store, canvas }) => pasteClipboard(store, canvas) },
  { id: 'duplicate', label: 'Duplicate the selected nodes', group: 'edit', shortcuts: ['Mod+D'], enabled: hasSelection, run: ({ store, canvas }) => duplicateSelection(store, canvas) },
  { id: 'new-topology', label: 'New topology', group: 'file', toolbar: true, run: ({ store }) => requestNewTopology(store) },
  { id: 'live-migration-settings', label: 'Live migration settings…', group: 'edit', toolbar: true, run: ({ store }) => store.getState().actions.openDialog('live-migration') },
  { id: 'shortcuts', label: 'Keyboard shortcuts', group: 'view', shortcuts: ['?'], toolbar: true, run: ({ store }) => store.getState().actions.openDialog('shortcuts') },
  tool('select', 'Select', 'Select tool', 'V', 'Select and move elements'),
  tool('connect', 'Connect', 'Connect tool (drag from one element to another)', 'C', 'Drag from one element to another to connect them'),
  insert('site', 'Site', 'Insert a site', 'Shift+S', 'A site (fault domain): a box for nodes and routers'),
  insert('node', 'Node', 'Insert a node', 'N', 'A cluster node (Hyper-V host); into the selected site'),
  insert('nic', 'NIC', 'Insert a NIC', 'I', 'A network interface, onto the selected node'),
  insert('network', 'Network', 'Insert a network', 'W', 'A cluster network with a free /24'),
  insert('router', 'Router', 'Insert a router', 'R', 'A layer-3 router; into the selected site'),
];

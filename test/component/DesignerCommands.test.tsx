import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COMMANDS, ELEMENT_MENU, commandsById } from '../../src/ui/commands';
import { formatShortcut } from '../../src/ui/commands/shortcuts';
import { useShortcuts } from '../../src/ui/commands/useShortcuts';
import { DesignerButtons } from '../../src/ui/designer/DesignerButtons';
import { DesignerDialogs } from '../../src/ui/designer/DesignerDialogs';
import { renderWith } from './DesignerSupport';

function Shell() {
  useShortcuts();
  return (
    <>
      <DesignerButtons />
      <DesignerDialogs />
    </>
  );
}

const key = (k: string, extra: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(window, { key: k, ...extra });

describe('designer commands and shortcuts', () => {
  it('no two commands share a shortcut or an id', () => {
    const all = COMMANDS.flatMap((c) => c.shortcuts ?? []).map((s) => s.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
  });

  it('the palette, the context menu and the toolbar history are the registry’s commands', () => {
    // Two tools and five elements on the palette; the element menu in its order; no insert-* tool left.
    expect(COMMANDS.filter((c) => c.palette).map((c) => c.id)).toEqual(['tool-select', 'tool-connect', 'insert-site', 'insert-node', 'insert-nic', 'insert-network', 'insert-router']);
    expect(commandsById(ELEMENT_MENU).map((c) => [c.id, !!c.menu])).toEqual([
      ['toggle-failed', true], ['set-source', true], ['set-destination', true], ['drain', true], ['show-details', true], ['delete', true],
    ]);
    expect(commandsById(['undo', 'redo']).map((c) => c.shortcuts)).toEqual([['Mod+Z'], ['Mod+Shift+Z', 'Mod+Y']]);
  });

  it('"?" shows every command of the registry, grouped, with its shortcuts', () => {
    renderWith(<Shell />);
    key('?', { shiftKey: true });
    const overlay = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const c of COMMANDS) {
      const row = within(overlay).getAllByText(c.label).find((el) => el.tagName === 'DT')!.closest('div')!;
      for (const s of c.shortcuts ?? []) expect(row).toHaveTextContent(formatShortcut(s));
    }
    expect(within(overlay).getByRole('region', { name: 'Insert and tools' })).toHaveTextContent('Insert a nodeN');
  });

  it('Delete removes the selection, Ctrl+A selects all, Ctrl+D duplicates, Ctrl+C / Ctrl+V copy and paste, palette keys insert', () => {
    const store = renderWith(<Shell />, undefined, { selectedIds: ['ra'] });
    key('Delete');
    expect(store.getState().design.routers.map((r) => r.id)).toEqual(['rb']);
    key('a', { ctrlKey: true });
    expect(store.getState().ui.selectedIds).toHaveLength(2 + 4 + 8 + 4 + 1);
    act(() => store.getState().actions.select(['n1']));
    key('d', { ctrlKey: true });
    expect(store.getState().design.index.nodes.get('n5')?.name).toBe('HV05');
    act(() => store.getState().actions.select(['n2']));
    key('c', { ctrlKey: true });
    key('v', { ctrlKey: true });
    expect(store.getState().design.index.nodes.get('n6')?.name).toBe('HV06');
    key('S', { shiftKey: true });
    expect(store.getState().design.sites).toHaveLength(3);
    key('n');
    key('i');
    key('w');
    key('r');
    expect(store.getState().design.nodes.at(-1)!.site).toBe('site-c');
    expect(store.getState().design.nics.at(-1)!.node).toBe(store.getState().design.nodes.at(-1)!.id);
    expect(store.getState().design.networks.at(-1)!.id).toBe('net1');
    expect(store.getState().design.routers.at(-1)!.id).toBe('r1');
    key('c');
    expect(store.getState().ui.tool).toBe('connect');
    key('v');
    expect(store.getState().ui.tool).toBe('select');
    // Every one of those was one undo step.
    expect(store.getState().past).toHaveLength(8);
  });

  it('"New topology" asks first when there are unsaved changes, and says Undo brings it back', () => {
    const store = renderWith(<Shell />);
    store.getState().actions.edit({ type: 'add-site' });
    fireEvent.click(screen.getByRole('button', { name: 'New topology' }));
    const ask = screen.getByRole('dialog', { name: 'Start a new topology?' });
    expect(ask).toHaveTextContent('bring it back with Undo (Ctrl+Z)');
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(store.getState().design.sites).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'New topology' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start new topology' }));
    expect(store.getState().design.nodes).toEqual([]);
    key('z', { ctrlKey: true });
    expect(store.getState().design.sites).toHaveLength(3);
  });

  it('"New topology" with nothing unsaved starts at once (still undoable)', () => {
    const store = renderWith(<Shell />);
    fireEvent.click(screen.getByRole('button', { name: 'New topology' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().design.name).toBe('New topology');
  });

  it('shortcuts do not fire while typing or behind a dialog', () => {
    const store = renderWith(<><input aria-label="field" /><Shell /></>, undefined, { selectedIds: ['n1'] });
    fireEvent.keyDown(screen.getByLabelText('field'), { key: 'Delete' });
    expect(store.getState().design.index.nodes.has('n1')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Live migration settings…' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Delete' });
    expect(store.getState().design.index.nodes.has('n1')).toBe(true);
  });
});

/** `M` and `S` work while the focus is in the source / destination lists (README shortcuts; issue 27). */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useShortcuts } from '../../src/ui/commands/useShortcuts';
import { PairPicker } from '../../src/ui/path/PairPicker';
import { renderWith } from './DesignerSupport';

function Shell() {
  useShortcuts();
  return (
    <>
      <PairPicker />
      <label>
        Other list
        <select defaultValue="a">
          <option value="a">a</option>
          <option value="m">m</option>
        </select>
      </label>
    </>
  );
}

describe('M and S in the pair lists', () => {
  it.each(['Source node', 'Destination node'])('work with the focus in the %s list', (name) => {
    const store = renderWith(<Shell />, undefined, { sourceNodeId: 'n1', destinationNodeId: 'n3', mode: 'ws2025' });
    const list = screen.getByLabelText(name);
    list.focus();
    expect(fireEvent.keyDown(list, { key: 's' })).toBe(false); // handled: the list's type-ahead does not jump
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n3', destinationNodeId: 'n1' });
    fireEvent.keyDown(list, { key: 'm' });
    expect(store.getState().ui.mode).toBe('legacy');
    fireEvent.keyDown(list, { key: 'M', shiftKey: false });
    expect(store.getState().ui.mode).toBe('ws2025');
  });

  it('other lists keep their letters, and the pair lists take no other single-key shortcut', () => {
    const store = renderWith(<Shell />, undefined, { sourceNodeId: 'n1', destinationNodeId: 'n3', mode: 'ws2025', selectedIds: [] });
    const other = screen.getByLabelText('Other list');
    expect(fireEvent.keyDown(other, { key: 'm' })).toBe(true);
    expect(store.getState().ui.mode).toBe('ws2025');
    const tool = store.getState().ui.tool;
    fireEvent.keyDown(screen.getByLabelText('Source node'), { key: 'c' }); // the Connect tool's key
    expect(store.getState().ui.tool).toBe(tool);
  });
});

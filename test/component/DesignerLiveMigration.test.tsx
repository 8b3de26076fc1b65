import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DesignerDialogs } from '../../src/ui/designer/DesignerDialogs';
import { renderWith, twoSite } from './DesignerSupport';

const dialog = () => screen.getByRole('dialog', { name: 'Live migration settings' });
const rows = () => within(dialog()).getAllByRole('listitem').map((li) => within(li).getByRole('checkbox').closest('label')!.textContent!.split('10.')[0]);

describe('Live migration settings dialog', () => {
  it('lists every cluster network in order with its checkbox; Up/Down and the checkboxes write networkOrder and excludedNetworks on OK', () => {
    const store = renderWith(<DesignerDialogs />, twoSite(), { dialog: 'live-migration' });
    expect(rows()).toEqual(['Live Migration A', 'Live Migration B', 'Management A', 'Management B']);
    expect(within(dialog()).getByRole('checkbox', { name: /Management A/ })).not.toBeChecked();
    expect(within(dialog()).getByRole('checkbox', { name: /Live Migration A/ })).toBeChecked();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Move Live Migration B up' }));
    expect(rows()).toEqual(['Live Migration B', 'Live Migration A', 'Management A', 'Management B']);
    fireEvent.click(within(dialog()).getByRole('checkbox', { name: /Management A/ }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Move Management A up' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Move Live Migration A down' }));
    expect(rows()).toEqual(['Live Migration B', 'Management A', 'Management B', 'Live Migration A']);
    // Nothing is written before OK.
    expect(store.getState().document.liveMigration).toEqual(twoSite().liveMigration);
    fireEvent.click(within(dialog()).getByRole('button', { name: 'OK' }));
    expect(store.getState().document.liveMigration).toEqual({ networkOrder: ['lm-b', 'mgmt-a', 'lm-a'], excludedNetworks: ['mgmt-b'] });
    expect(store.getState().design.preferenceOrder).toEqual(['lm-b', 'mgmt-a', 'lm-a']);
    expect(store.getState().past).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('unchecking without reordering keeps the order, minus the excluded network', () => {
    const store = renderWith(<DesignerDialogs />, twoSite(), { dialog: 'live-migration' });
    fireEvent.click(within(dialog()).getByRole('checkbox', { name: /Live Migration A/ }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'OK' }));
    expect(store.getState().document.liveMigration).toEqual({ networkOrder: ['lm-b'], excludedNetworks: ['mgmt-a', 'mgmt-b', 'lm-a'] });
  });

  it('reorders by dragging a network onto another', () => {
    const store = renderWith(<DesignerDialogs />, twoSite(), { dialog: 'live-migration' });
    const items = within(dialog()).getAllByRole('listitem');
    const data = { setData: () => {}, effectAllowed: '' };
    fireEvent.dragStart(items[1]!, { dataTransfer: data });
    fireEvent.dragOver(items[0]!, { dataTransfer: data });
    fireEvent.drop(items[0]!, { dataTransfer: data });
    expect(rows()).toEqual(['Live Migration B', 'Live Migration A', 'Management A', 'Management B']);
    fireEvent.click(within(dialog()).getByRole('button', { name: 'OK' }));
    expect(store.getState().document.liveMigration!.networkOrder).toEqual(['lm-b', 'lm-a']);
  });

  it('Cancel and Escape change nothing', () => {
    const store = renderWith(<DesignerDialogs />, twoSite(), { dialog: 'live-migration' });
    const before = store.getState().document;
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Move Live Migration B up' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    expect(store.getState().document).toBe(before);
    act(() => store.getState().actions.openDialog('live-migration'));
    fireEvent.keyDown(dialog(), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().document).toBe(before);
  });
});

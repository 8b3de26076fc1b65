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

  it('on the default order says so, names the cluster network tried last; moving a network makes the order explicit', () => {
    const doc = twoSite();
    doc.liveMigration = { excludedNetworks: ['mgmt-a', 'mgmt-b'] };
    const store = renderWith(<DesignerDialogs />, doc, { dialog: 'live-migration' });
    const status = within(dialog()).getByRole('status');
    expect(status).toHaveTextContent("Order: the cluster's default (no MigrationNetworkOrder)");
    // Metrics: Live Migration A 40002 (cluster, position 2) is the lowest cluster-role metric → last.
    expect(status).toHaveTextContent("'Live Migration A' carries the cluster's own traffic, so the default order tries it last.");
    expect(rows()).toEqual(['Live Migration B', 'Management A', 'Management B', 'Live Migration A']);
    expect(within(dialog()).queryByRole('button', { name: "Reset to the cluster's default" })).toBeNull();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Move Live Migration A up' }));
    expect(status).toHaveTextContent('Order: explicit — OK writes this order');
    fireEvent.click(within(dialog()).getByRole('button', { name: 'OK' }));
    expect(store.getState().document.liveMigration).toEqual({ excludedNetworks: ['mgmt-a', 'mgmt-b'], networkOrder: ['lm-b', 'lm-a'] });
  });

  it("Reset to the cluster's default empties the order in one undoable edit", () => {
    const store = renderWith(<DesignerDialogs />, twoSite(), { dialog: 'live-migration' });
    expect(within(dialog()).getByRole('status')).toHaveTextContent('Order: explicit (MigrationNetworkOrder), as set on the cluster.');
    fireEvent.click(within(dialog()).getByRole('button', { name: "Reset to the cluster's default" }));
    expect(rows()).toEqual(['Live Migration B', 'Management A', 'Management B', 'Live Migration A']);
    expect(within(dialog()).getByRole('status')).toHaveTextContent("Order: the cluster's default");
    fireEvent.click(within(dialog()).getByRole('button', { name: 'OK' }));
    expect(store.getState().document.liveMigration).toEqual({ networkOrder: [], excludedNetworks: ['mgmt-a', 'mgmt-b'] });
    // Default order: Live Migration B (40003) first, the cluster's own network Live Migration A last.
    expect(store.getState().design.preferenceOrder).toEqual(['lm-b', 'lm-a']);
    expect(store.getState().past).toHaveLength(1);
    act(() => store.getState().actions.undo());
    expect(store.getState().document.liveMigration).toEqual(twoSite().liveMigration);
  });

  it('sets the performance option and the cluster-wide limits with the order, as one edit', () => {
    const store = renderWith(<DesignerDialogs />, twoSite(), { dialog: 'live-migration' });
    expect(within(dialog()).getByRole('radio', { name: /^Compression/ })).toBeChecked();
    fireEvent.click(within(dialog()).getByRole('radio', { name: /^SMB/ }));
    fireEvent.change(within(dialog()).getByRole('textbox', { name: /Parallel live migrations/ }), { target: { value: '4' } });
    fireEvent.change(within(dialog()).getByRole('textbox', { name: /SMB bandwidth limit/ }), { target: { value: '12.5' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'OK' }));
    // 12.5 % = 1250 hundredths of a percent.
    expect(store.getState().document.liveMigration).toEqual({ ...twoSite().liveMigration, transport: 'smb', maxParallelMigrations: 4, smbBandwidthLimitFactor: 1250 });
    expect(store.getState().past).toHaveLength(1);
  });

  it('edits the SMB Multichannel constraint with the rest, as one edit (1.2); shown only with transport SMB', () => {
    const store = renderWith(<DesignerDialogs />, twoSite(), { dialog: 'live-migration' });
    expect(within(dialog()).queryByRole('group', { name: 'SMB Multichannel constraint' })).toBeNull();
    fireEvent.click(within(dialog()).getByRole('radio', { name: /^SMB/ }));
    const group = within(dialog()).getByRole('group', { name: 'SMB Multichannel constraint' });
    expect(within(group).getAllByRole('checkbox').map((c) => [c.closest('label')!.textContent!.split('10.')[0], (c as HTMLInputElement).checked])).toEqual([
      ['Management A', false], ['Management B', false], ['Live Migration A', false], ['Live Migration B', false],
    ]);
    // Exclude Live Migration B in the same dialog: "Use the live migration networks" follows the draft.
    fireEvent.click(within(within(dialog()).getByRole('list')).getByRole('checkbox', { name: /^Live Migration B/ }));
    fireEvent.click(within(group).getByRole('button', { name: 'Use the live migration networks' }));
    expect(within(group).getByRole('checkbox', { name: 'SMB Multichannel may use Live Migration A' })).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'SMB Multichannel may use Live Migration B' })).not.toBeChecked();
    fireEvent.click(within(group).getByRole('checkbox', { name: 'SMB Multichannel may use Management B' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'OK' }));
    expect(store.getState().document.liveMigration).toEqual({
      networkOrder: ['lm-a'], excludedNetworks: ['mgmt-a', 'mgmt-b', 'lm-b'], transport: 'smb', smbMultichannelNetworks: ['mgmt-b', 'lm-a'],
    });
    expect(store.getState().past).toHaveLength(1);
    act(() => store.getState().actions.undo());
    expect(store.getState().document.liveMigration).toEqual(twoSite().liveMigration);
  });

  it('shows an invalid limit inline and applies nothing', () => {
    const store = renderWith(<DesignerDialogs />, twoSite(), { dialog: 'live-migration' });
    const before = store.getState().document;
    const parallel = within(dialog()).getByRole('textbox', { name: /Parallel live migrations/ });
    fireEvent.change(parallel, { target: { value: '0' } });
    fireEvent.blur(parallel);
    expect(within(dialog()).getByText('Parallel live migrations must be a whole number from 1 to 64.')).toBeInTheDocument();
    expect(parallel).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(within(dialog()).getByRole('textbox', { name: /SMB bandwidth limit/ }), { target: { value: '101' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'OK' }));
    expect(within(dialog()).getByText('The SMB bandwidth limit is a percentage from 0 (no limit) to 100.')).toBeInTheDocument();
    expect(store.getState().document).toBe(before);
    fireEvent.change(parallel, { target: { value: '2' } });
    expect(within(dialog()).queryByText(/whole number from 1 to 64/)).toBeNull();
  });
});

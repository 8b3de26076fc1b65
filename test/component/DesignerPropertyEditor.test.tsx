import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PropertyEditor } from '../../src/ui/designer/PropertyEditor';
import { renderWith } from './DesignerSupport';

const editor = () => screen.getByRole('region', { name: 'Edit properties' });
const type = (label: string, value: string) => {
  const input = within(editor()).getByLabelText(label);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
  return input;
};

describe('PropertyEditor', () => {
  it('shows an invalid address inline with the engine message and applies nothing', () => {
    const store = renderWith(<PropertyEditor />, undefined, { selectedIds: ['n1-lm'] });
    const before = store.getState().document;
    const input = type('Addresses', '10.1.10.300/24');
    expect(within(editor()).getByRole('alert')).toHaveTextContent("'10.1.10.300/24' is not an address with a prefix length");
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue('10.1.10.300/24'); // the draft stays for the user to fix
    expect(store.getState().document).toBe(before);
    expect(store.getState().past).toEqual([]);
    // Escape goes back to the stored value.
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input).toHaveValue('10.1.10.11/24');
    expect(within(editor()).queryByRole('alert')).toBeNull();
  });

  it('says what is wrong in names, and only the error that matters (issue 17)', () => {
    renderWith(<PropertyEditor />, undefined, { selectedIds: ['n1-lm'] });
    type('Addresses', '10.0.0.300');
    const alert = within(editor()).getByRole('alert');
    // Before: "NIC 'n1-lm': …" plus "next hop 10.1.10.1 is not on the NIC's own subnet" for the
    // route, a consequence of an address that does not even parse.
    expect(alert).toHaveTextContent(/^NIC HV01 · Live Migration: '10.0.0.300' is not an address with a prefix length \(expected e.g. 10.0.1.11\/24\)\.$/);
    expect(alert).not.toHaveTextContent('n1-lm');
    expect(alert).not.toHaveTextContent('nics[');
  });

  it('refuses an address that breaks the NIC routes, half-way never: the whole change or nothing', () => {
    const store = renderWith(<PropertyEditor />, undefined, { selectedIds: ['n1-lm'] });
    const before = store.getState().document;
    type('Addresses', '10.9.9.9/24');
    expect(within(editor()).getByRole('alert')).toHaveTextContent("next hop 10.1.10.1 is not on the NIC's own subnet");
    expect(store.getState().document).toBe(before);
  });

  it('applies a valid change as one undo step', () => {
    const store = renderWith(<PropertyEditor />, undefined, { selectedIds: ['n1-lm'] });
    type('Name', 'LM fast');
    type('Speed (Gbps)', '100');
    fireEvent.click(within(editor()).getByLabelText('RDMA-capable'));
    expect(store.getState().design.index.nics.get('n1-lm')).toMatchObject({ name: 'LM fast', speedGbps: 100, rdma: true });
    expect(store.getState().past).toHaveLength(3);
    type('Speed (Gbps)', 'fast');
    expect(within(editor()).getByRole('alert')).toHaveTextContent('must be a number');
    expect(store.getState().past).toHaveLength(3);
  });

  it('adds a static route with a next hop picked from the routers on the NIC subnet, and removes it', () => {
    const store = renderWith(<PropertyEditor />, undefined, { selectedIds: ['n1-mgmt'] });
    const nextHop = within(editor()).getByLabelText('Next hop');
    expect(within(nextHop).getAllByRole('option').map((o) => o.textContent)).toEqual(['10.1.0.1 — Router A']);
    fireEvent.change(within(editor()).getByLabelText('Destination'), { target: { value: '10.2.0.0/24' } });
    fireEvent.click(within(editor()).getByRole('button', { name: 'Add route' }));
    expect(store.getState().design.index.nics.get('n1-mgmt')!.routes).toEqual([{ prefix: '0.0.0.0/0', via: '10.1.0.1' }, { prefix: '10.2.0.0/24', via: '10.1.0.1' }]);
    // A bad destination: inline error, nothing applied.
    fireEvent.change(within(editor()).getByLabelText('Destination'), { target: { value: '10.2.0' } });
    fireEvent.click(within(editor()).getByRole('button', { name: 'Add route' }));
    expect(within(editor()).getByRole('alert')).toHaveTextContent("route destination '10.2.0' is not a prefix");
    expect(store.getState().design.index.nics.get('n1-mgmt')!.routes).toHaveLength(2);
    fireEvent.click(within(editor()).getByRole('button', { name: 'Remove the route to 0.0.0.0/0 via 10.1.0.1' }));
    expect(store.getState().design.index.nics.get('n1-mgmt')!.routes).toEqual([{ prefix: '10.2.0.0/24', via: '10.1.0.1' }]);
  });

  it('edits a network: role and metric back to automatic, prefix renumbering', () => {
    const store = renderWith(<PropertyEditor />, undefined, { selectedIds: ['lm-a'] });
    fireEvent.change(within(editor()).getByLabelText('Role'), { target: { value: 'none' } });
    expect(store.getState().design.index.networks.get('lm-a')!.role).toBe('none');
    type('Metric', '-5');
    expect(within(editor()).getByRole('alert')).toHaveTextContent('must be from 0 to 4,294,967,295, not -5.');
    type('Metric', '');
    fireEvent.change(within(editor()).getByLabelText('Role'), { target: { value: '' } });
    expect(store.getState().document.networks!.find((n) => n.id === 'lm-a')).toEqual({ id: 'lm-a', name: 'Live Migration A', prefixes: ['10.1.10.0/24'] });
    type('Prefixes', '10.60.0.0/24');
    expect(store.getState().design.index.nics.get('n1-lm')!.addresses).toEqual(['10.60.0.11/24']);
  });

  it('connects a node to a network from the keyboard, creating a NIC, and follows the selection', () => {
    const store = renderWith(<PropertyEditor />, undefined, { selectedIds: ['n1'] });
    fireEvent.change(within(editor()).getByLabelText('Connect'), { target: { value: 'lm-b' } });
    fireEvent.click(within(editor()).getByRole('button', { name: 'Connect' }));
    expect(store.getState().design.index.nics.get('n1-nic1')).toMatchObject({ node: 'n1', addresses: ['10.2.10.11/24'] });
    // The new NIC is selected, so its properties show.
    expect(within(editor()).getByLabelText('Addresses')).toHaveValue('10.2.10.11/24');
    act(() => store.getState().actions.select(['site-a']));
    expect(within(editor()).getByLabelText('Name')).toHaveValue('Site A');
    act(() => store.getState().actions.select(['n1', 'n2']));
    fireEvent.click(screen.getByRole('button', { name: 'Delete 2 elements' }));
    expect(store.getState().design.nodes.map((n) => n.id)).toEqual(['n3', 'n4']);
  });

  it('sets how a network is drawn (switch or switchless cable), back to automatic, undoably', () => {
    const store = renderWith(<PropertyEditor />, undefined, { selectedIds: ['lm-a'] });
    const drawnAs = () => within(editor()).getByLabelText('Drawn as') as HTMLSelectElement;
    // lm-a has a router interface: derived as a switch.
    expect(drawnAs().value).toBe('');
    expect(drawnAs().selectedOptions[0]!.textContent).toBe('Automatic (Switch (a bar every NIC drops onto))');
    fireEvent.change(drawnAs(), { target: { value: 'cable' } });
    expect(store.getState().document.networks!.find((n) => n.id === 'lm-a')!.medium).toBe('cable');
    expect(store.getState().design.index.networks.get('lm-a')).toMatchObject({ medium: 'cable', mediumDerived: false });
    act(() => store.getState().actions.undo());
    expect(store.getState().document.networks!.find((n) => n.id === 'lm-a')!.medium).toBeUndefined();
    expect(drawnAs().value).toBe('');
    act(() => store.getState().actions.redo());
    expect(drawnAs().value).toBe('cable');
    fireEvent.change(drawnAs(), { target: { value: '' } });
    expect('medium' in store.getState().document.networks!.find((n) => n.id === 'lm-a')!).toBe(false);
  });
});

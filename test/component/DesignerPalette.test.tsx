import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NoticeBar } from '../../src/ui/NoticeBar';
import { Palette } from '../../src/ui/designer/Palette';
import { PALETTE_MIME } from '../../src/canvas/gestures/drop';
import { renderWith } from './DesignerSupport';

const palette = () => screen.getByRole('toolbar', { name: 'Palette' });

describe('Palette', () => {
  it('inserts a node into the selected site on click, and a NIC onto the selected node on Enter', () => {
    const store = renderWith(<Palette />, undefined, { selectedIds: ['site-b'] });
    fireEvent.click(within(palette()).getByRole('button', { name: /^Insert Node/ }));
    expect(store.getState().design.index.nodes.get('n5')).toMatchObject({ site: 'site-b', name: 'HV05' });
    expect(store.getState().ui.selectedIds).toEqual(['n5']);
    const nic = within(palette()).getByRole('button', { name: /^Insert NIC/ });
    nic.focus();
    fireEvent.keyDown(nic, { key: 'Enter' });
    fireEvent.click(nic); // a button's Enter is a click
    expect(store.getState().design.index.nics.get('n5-nic1')).toMatchObject({ node: 'n5' });
    expect(store.getState().past).toHaveLength(2);
  });

  it('says what to select when a NIC has no node to go onto', () => {
    const store = renderWith(<><NoticeBar /><Palette /></>);
    fireEvent.click(within(palette()).getByRole('button', { name: /^Insert NIC/ }));
    expect(screen.getByRole('status')).toHaveTextContent('Select a node first');
    expect(store.getState().past).toEqual([]);
  });

  it('starts an HTML5 drag carrying the element kind', () => {
    renderWith(<Palette />);
    const set: Record<string, string> = {};
    const dataTransfer = { setData: (type: string, value: string) => (set[type] = value), effectAllowed: '' };
    fireEvent.dragStart(within(palette()).getByRole('button', { name: /^Insert Router/ }), { dataTransfer });
    expect(set[PALETTE_MIME]).toBe('router');
    expect(dataTransfer.effectAllowed).toBe('copy');
  });

  it('switches the interaction tool (not an undo step)', () => {
    const store = renderWith(<Palette />);
    fireEvent.click(within(palette()).getByRole('button', { name: /Connect/ }));
    expect(store.getState().ui.tool).toBe('connect');
    expect(within(palette()).getByRole('button', { name: /Connect/ })).toHaveAttribute('aria-pressed', 'true');
    expect(store.getState().past).toEqual([]);
  });
});

import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NoticeBar } from '../../src/ui/NoticeBar';
import { Palette } from '../../src/ui/designer/Palette';
import { PALETTE_MIME } from '../../src/canvas/gestures/drop';
import { renderWith } from './DesignerSupport';
import { EXAMPLES } from '../../src/examples';

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

  it('narrows over a compact drawing (icons over shortcut letters), its buttons keeping their names and tooltips, and widens again', () => {
    // Issue 27: a compact drawing's fit needs the canvas's width (scale.ts TYPICAL_CANVAS has the narrow box).
    const store = renderWith(<Palette />, EXAMPLES.find((e) => e.id === 'two-site-16-node')!.document);
    expect(palette()).toHaveClass('narrow');
    const site = within(palette()).getByRole('button', { name: 'Insert Site' });
    expect(site).toHaveAttribute('title', expect.stringMatching(/\(Shift\+S\)$/));
    // The short key under the icon, the long one hidden with the name (designer.css).
    expect(site.querySelector('kbd.palette-short')).toHaveTextContent('⇧S');
    expect(within(palette()).getByRole('button', { name: 'Select' })).toHaveAttribute('aria-pressed', 'true');
    act(() => store.getState().actions.load(EXAMPLES.find((e) => e.id === 'switched-4-node')!.document, null));
    expect(palette()).not.toHaveClass('narrow');
  });
});

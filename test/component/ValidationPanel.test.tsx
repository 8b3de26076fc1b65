import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { ValidationPanel } from '../../src/ui/validation/ValidationPanel';
import { renderWith, twoSite } from './DesignerSupport';

/** The two-site example with HV03's and HV04's return routes missing. */
function noReturnRoutes(): TopologyDocument {
  const doc = twoSite();
  return { ...doc, nics: doc.nics!.map((n) => (n.id === 'n3-lm' || n.id === 'n4-lm' ? { ...n, routes: [] } : n)) };
}

const items = () => within(screen.getByRole('region', { name: 'Validation' })).getAllByRole('listitem');

describe('ValidationPanel', () => {
  it('says so when there is nothing to report', () => {
    renderWith(<ValidationPanel />, {
      format: 'lm-topology', version: 1,
      nodes: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
      nics: [{ id: 'a1', node: 'a', name: 'x', addresses: ['10.0.0.1/24'] }, { id: 'b1', node: 'b', name: 'x', addresses: ['10.0.0.2/24'] }, { id: 'a2', node: 'a', name: 'y', addresses: ['10.0.1.1/24'] }, { id: 'b2', node: 'b', name: 'y', addresses: ['10.0.1.2/24'] }],
    });
    expect(screen.getByText('No problems found.')).toBeInTheDocument();
  });

  it('lists the diagnostics and checks; clicking one selects the elements it is about', () => {
    const store = renderWith(<ValidationPanel />, noReturnRoutes());
    const pair = items().find((li) => li.textContent!.includes('No live migration path from HV01 to HV03'))!;
    fireEvent.click(within(pair).getByRole('button', { name: /No live migration path from HV01 to HV03/ }));
    expect(store.getState().ui.selectedIds).toEqual(['n1', 'n3']);
    // Selecting is not an undo step.
    expect(store.getState().past).toEqual([]);
    const asym = items().find((li) => li.textContent!.startsWith('Missing return route'))!;
    fireEvent.click(within(asym).getAllByRole('button')[0]!);
    // The NIC, the sending network and the sending nodes (issue 27).
    expect(store.getState().ui.selectedIds).toEqual(['n3-lm', 'lm-a', 'n1', 'n2']);
  });

  it('applies the one-click fix: the missing return route is added and the pair gets its routed path', () => {
    const store = renderWith(<ValidationPanel />, noReturnRoutes());
    const before = items().length;
    const pair = items().find((li) => li.classList.contains('validation-item') && li.textContent!.includes('No live migration path from HV01 to HV03'))!;
    fireEvent.click(within(pair).getByRole('button', { name: "Fix: Add the return route to 10.1.10.0/24 via 10.2.10.1 on HV03 'Live Migration'" }));
    expect(store.getState().design.index.nics.get('n3-lm')!.routes).toEqual([{ prefix: '10.1.10.0/24', via: '10.2.10.1' }]);
    expect(store.getState().past).toHaveLength(1);
    expect(items().length).toBeLessThan(before);
    expect(screen.queryByText(/No live migration path from HV01 to HV03/)).toBeNull();
    expect(screen.getAllByText(/No live migration path from HV01 to HV04/).length).toBeGreaterThan(0);
  });

  it('offers no fix where it would be a guess', () => {
    renderWith(<ValidationPanel />, { ...twoSite(), nics: [] });
    expect(items().length).toBeGreaterThan(0);
    expect(screen.queryAllByRole('button', { name: /^Fix:/ })).toHaveLength(0);
  });

  it('groups findings of one kind, with Fix all when every fix is unambiguous (issue 17)', () => {
    const store = renderWith(<ValidationPanel />, noReturnRoutes());
    const group = items().find((li) => li.classList.contains('validation-group') && li.textContent!.includes('node pairs have no path'))!;
    // The 8 cross-site pairs lose their routed path without the return routes (4 each way).
    expect(within(group).getByText(/node pairs have no path/).closest('summary')).toHaveTextContent(/^No path\s*8 node pairs have no path$/);
    fireEvent.click(within(group).getByRole('button', { name: 'Fix all 8' }));
    expect(store.getState().past).toHaveLength(1); // one undo step
    expect(screen.queryByText(/No live migration path from/)).toBeNull();
    expect(store.getState().design.index.nics.get('n3-lm')!.routes).toEqual([{ prefix: '10.1.10.0/24', via: '10.2.10.1' }]);
  });
});

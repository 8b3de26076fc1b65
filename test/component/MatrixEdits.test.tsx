/**
 * Issue 24, round 4: with the All pairs tab open, an edit that changes no name and no path (a
 * VM's memory) makes no matrix cells again (on the largest design: 16,384 cells and every row in
 * view re-rendered per VM edit) and does not run the N-1 analysis again; a rename does both, in
 * the new words.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { createAppStore } from '../../src/store/appStore';
import { AnalysisPanel } from '../../src/ui/analysis/AnalysisPanel';
import { StoreProvider } from '../../src/ui/StoreContext';
import { readFixture } from '../unit/helpers';

const { made, analysed } = vi.hoisted(() => ({ made: { n: 0 }, analysed: { n: 0 } }));
vi.mock('../../src/engine', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/engine')>();
  return { ...orig, analyzeResilience: (...args: Parameters<typeof orig.analyzeResilience>) => (analysed.n++, orig.analyzeResilience(...args)) };
});
vi.mock('../../src/ui/analysis/matrixModel', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/ui/analysis/matrixModel')>();
  return { ...orig, matrixCells: (...args: Parameters<typeof orig.matrixCells>) => (made.n++, orig.matrixCells(...args)) };
});

describe('the matrix across edits', () => {
  it('keeps its cells and the N-1 list across a VM edit and words them again after a rename', async () => {
    const store = createAppStore({ document: readFixture('switchless-3-node-vms.json') as TopologyDocument });
    render(
      <StoreProvider store={store}>
        <AnalysisPanel />
      </StoreProvider>,
    );
    const grid = screen.getByRole('grid', { name: /Migration matrix/ });
    expect(await screen.findByText(/^9 single points of failure/)).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Elements by impact' });
    expect(analysed.n).toBe(1);
    expect(within(grid).getByRole('gridcell', { name: /^HV01 → HV02:/ })).toBeInTheDocument();
    const before = made.n;
    expect(before).toBeGreaterThan(0);
    const { actions } = store.getState();
    const vm = store.getState().design.vms[0]!;
    act(() => actions.edit({ type: 'update-vm', id: vm.id, patch: { memoryGB: vm.memoryGB + 1 } }));
    act(() => actions.edit({ type: 'update-vm', id: vm.id, patch: { memoryGB: vm.memoryGB + 2 } }));
    expect(store.getState().design.vms[0]!.memoryGB).toBe(vm.memoryGB + 2);
    expect(made.n).toBe(before);
    // The N-1 list is not computed again, nor marked as updating (jsdom runs it in place after a paint).
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(analysed.n).toBe(1);
    expect(screen.queryByText('(updating…)')).toBeNull();
    act(() => actions.edit({ type: 'update-node', id: 'n1', patch: { name: 'Renamed01' } }));
    expect(made.n).toBeGreaterThan(before);
    expect(within(grid).getByRole('gridcell', { name: /^Renamed01 → HV02:/ })).toBeInTheDocument();
    expect(within(grid).getByRole('rowheader', { name: 'Renamed01' })).toBeInTheDocument();
    await waitFor(() => expect(list).toHaveTextContent('Renamed01'));
    expect(analysed.n).toBe(2);
  });

  it('shows the N-1 list of a design at once when the tab is opened again, without computing it again', async () => {
    const store = createAppStore({ document: readFixture('switchless-3-node-vms.json') as TopologyDocument });
    const ui = (
      <StoreProvider store={store}>
        <AnalysisPanel />
      </StoreProvider>
    );
    const first = render(ui);
    expect(await screen.findByText(/^9 single points of failure/)).toBeInTheDocument();
    const n = analysed.n;
    first.unmount();
    render(ui);
    expect(screen.getByText(/^9 single points of failure/)).toBeInTheDocument();
    expect(screen.queryByText(/Working out what each failure would do/)).toBeNull();
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(analysed.n).toBe(n);
  });
});

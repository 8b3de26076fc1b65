/**
 * Issue 24, round 4: the All pairs matrix of the largest accepted design (128 nodes, 16,384
 * cells) draws the rows and the columns in view, not whole rows of 128 cells (its tab took ≈ 2 s
 * of the browser's style and layout). Keyboard focus still reaches every cell.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { createAppStore } from '../../src/store/appStore';
import { AnalysisPanel } from '../../src/ui/analysis/AnalysisPanel';
import { StoreProvider } from '../../src/ui/StoreContext';
import { generateLargestDesign } from '../generate';

let doc: TopologyDocument;
beforeAll(() => {
  doc = generateLargestDesign();
});

function renderPanel() {
  const store = createAppStore({ document: doc });
  render(
    <StoreProvider store={store}>
      <AnalysisPanel />
    </StoreProvider>,
  );
  return store;
}

/** A screenful of the densest matrix: 40 rows of 32 cells (the window before the first measurement). */
const FIRST_ROWS = 40;
const FIRST_COLS = 32;

const grid = () => screen.getByRole('grid', { name: /Migration matrix/ });
const nextFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

describe('the matrix of the largest design', () => {
  it('renders the rows and columns in view only, and says how many there are', async () => {
    renderPanel();
    const g = grid();
    expect(g).toHaveAttribute('aria-rowcount', '129');
    expect(g).toHaveAttribute('aria-colcount', '129');
    // Before any measurement: at most a screenful of the densest matrix (it was 40 rows × 128 cells).
    expect(g.querySelectorAll('td.mx-cell').length).toBeLessThanOrEqual(FIRST_ROWS * FIRST_COLS);
    expect(g.querySelectorAll('th.mx-colhead').length).toBeLessThanOrEqual(FIRST_COLS);
    await nextFrame();
    expect(g.querySelectorAll('td.mx-cell').length).toBeLessThanOrEqual(FIRST_ROWS * FIRST_COLS);
    // Every rendered row has the same cells, the header the same columns: the columns line up.
    const rows = [...g.querySelectorAll('tbody tr[data-row]')];
    const heads = [...g.querySelectorAll('th.mx-colhead')].map((h) => h.getAttribute('aria-colindex'));
    for (const row of rows) expect([...row.querySelectorAll('td.mx-cell')].map((c) => c.getAttribute('aria-colindex'))).toEqual(heads);
    expect(heads[0]).toBe('2');
    // The columns out of view stand behind one spacer cell per row, hidden from assistive technology.
    expect(rows[0]!.querySelector('.mx-colspacer')).toHaveAttribute('aria-hidden', 'true');
    expect(within(g).getAllByRole('gridcell')).toHaveLength(g.querySelectorAll('td.mx-cell').length);
  });

  it('renders the cell the keyboard moves to, at the far end of the row and of the matrix', async () => {
    const store = renderPanel();
    await nextFrame();
    const g = grid();
    const first = g.querySelector<HTMLElement>('td[data-r="0"][data-c="1"]')!;
    first.focus();
    fireEvent.keyDown(first, { key: 'End' });
    const last = g.querySelector<HTMLElement>('td[data-r="0"][data-c="127"]');
    expect(last).not.toBeNull();
    expect(last).toHaveAttribute('aria-colindex', '129');
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last!, { key: 'End', ctrlKey: true });
    const corner = g.querySelector<HTMLElement>('td[data-r="127"][data-c="127"]')!;
    expect(document.activeElement).toBe(corner);
    // No more than a window's worth of cells on the way.
    expect(g.querySelectorAll('td.mx-cell').length).toBeLessThanOrEqual(FIRST_ROWS * FIRST_COLS);
    fireEvent.keyDown(corner, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    const nodeIds = store.getState().design.nodes.map((n) => n.id);
    expect([store.getState().ui.sourceNodeId, store.getState().ui.destinationNodeId]).toEqual([nodeIds[127], nodeIds[126]]);
  });
});

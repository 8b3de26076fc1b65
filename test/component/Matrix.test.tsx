import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { AnalysisPanel } from '../../src/ui/analysis/AnalysisPanel';
import { abbreviate, pairAt } from '../../src/ui/analysis/matrixModel';
import { StoreProvider } from '../../src/ui/StoreContext';
import { analyzeAllPairs, parseTopology, type Topology } from '../../src/engine';

function renderPanel(exampleId: string, pair: [string, string] | null = null) {
  const ex = EXAMPLES.find((e) => e.id === exampleId)!;
  const store = createAppStore({ document: ex.document, pair });
  render(
    <StoreProvider store={store}>
      <AnalysisPanel />
    </StoreProvider>,
  );
  return store;
}

const grid = () => screen.getByRole('grid', { name: /Migration matrix/ });
const cell = (name: RegExp) => within(grid()).getByRole('gridcell', { name });
const cellText = (name: RegExp) => cell(name).querySelector('.mx-visible')!.textContent;

describe('All pairs matrix', () => {
  it('shows one cell per ordered pair with network, kind, fallbacks and legacy delay', () => {
    renderPanel('switchless-3-node');
    expect(within(grid()).getAllByRole('row')).toHaveLength(4); // header + 3 nodes
    expect(within(grid()).getAllByRole('gridcell')).toHaveLength(9); // diagonal included
    expect(cell(/^HV02 → HV03:/)).toHaveAccessibleName("HV02 → HV03: 'Direct 2-3', direct, no fallback; legacy 40 s on 'Direct 2-3'");
    // 2025 view: short network name, direct glyph, no fallback, the legacy delay beside it.
    expect(cellText(/^HV02 → HV03:/)).toBe('D2-3═ only40s');
    expect(cellText(/^HV01 → HV02:/)).toBe('D1-2═ only0s');
    expect(cell(/^HV01 → HV01:/)).toHaveAccessibleName('HV01 → HV01: same node');
  });

  it('states the summary and the 2025 improvement in numbers', () => {
    renderPanel('switchless-3-node');
    const summary = screen.getByRole('region', { name: 'All-pairs summary' });
    expect(summary).toHaveTextContent('Legacy: 2 pairs wait 40 s or more before migrating; Windows Server 2025: 0.');
    expect(summary).toHaveTextContent('Pairs6 (3 nodes)');
    expect(summary).toHaveTextContent('No path2025: 0 · legacy: 0');
    // (0 + 20 + 0 + 40 + 20 + 40) / 6 = 20 s; every pair connects.
    expect(summary).toHaveTextContent('Legacy delaymean 20 s · worst 40 s (6 pairs that connect)');
    expect(summary).toHaveTextContent('Legacy never migratesnone');
    expect(summary).toHaveTextContent('No fallback2025: 6 · legacy: 6');
  });

  it('names the pairs only 2025 can migrate', () => {
    renderPanel('two-site-routed');
    const summary = screen.getByRole('region', { name: 'All-pairs summary' });
    // Issue 17: the 8 cross-site pairs never migrate in legacy; they are not "waiting 40 s". Only
    // HV03 ↔ HV04 wait (20 s, lm-a times out first). Mean over the 4 pairs that connect:
    // (0 + 0 + 20 + 20) / 4 = 10 s (the give-ups would have made it 30 s).
    expect(summary).toHaveTextContent('Legacy: 2 pairs wait 20 s or more before migrating; Windows Server 2025: 0.');
    expect(summary).toHaveTextContent('Legacy never migrates 8 pairs: it gives up after 40 s; Windows Server 2025 migrates them through routers.');
    expect(summary).not.toHaveTextContent(/wait 40 s/);
    expect(summary).toHaveTextContent('Legacy delaymean 10 s · worst 20 s (4 pairs that connect)');
    expect(summary).toHaveTextContent('Legacy never migrates8 pairs (gives up after 40 s)');
    expect(cellText(/^HV01 → HV03:/)).toBe('LMA⇢LMB⇢ only✕');
    fireEvent.click(screen.getByRole('radio', { name: 'Difference' }));
    expect(cellText(/^HV01 → HV03:/)).toBe('+2025LMA⇢LMB');
    expect(screen.getByLabelText('Legend')).toHaveTextContent('Legacy: 2 pairs connect at once, 2 pairs wait for timeouts, 8 pairs never migrate.');
    expect(cellText(/^HV03 → HV04:/)).toBe('−20 sLMB');
    expect(cellText(/^HV01 → HV02:/)).toBe('=LMA');
  });

  it('switches to the legacy delay heat map', () => {
    renderPanel('switchless-3-node');
    fireEvent.click(screen.getByRole('radio', { name: 'Legacy' }));
    expect(screen.getByRole('radio', { name: 'Legacy' })).toHaveAttribute('aria-checked', 'true');
    expect(cellText(/^HV02 → HV03:/)).toBe('40 sD2-3');
    expect(cell(/^HV02 → HV03:/)).toHaveClass('heat', 'h2');
    expect(cellText(/^HV01 → HV03:/)).toBe('20 sD1-3');
    expect(cell(/^HV01 → HV02:/)).toHaveClass('h0');
  });

  it('selects the pair when a cell is clicked', () => {
    const store = renderPanel('switchless-3-node');
    fireEvent.click(cell(/^HV03 → HV01:/));
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n3', destinationNodeId: 'n1' });
    expect(cell(/^HV03 → HV01:/)).toHaveAttribute('aria-selected', 'true');
    expect(within(grid()).getAllByRole('gridcell').filter((c) => c.getAttribute('aria-selected') === 'true')).toHaveLength(1);
  });

  it('is a grid with one tab stop: arrow keys move it, Enter selects', () => {
    const store = renderPanel('switchless-3-node', ['n2', 'n3']);
    const tabStops = () => within(grid()).getAllByRole('gridcell').filter((c) => c.tabIndex === 0);
    expect(tabStops()).toEqual([cell(/^HV02 → HV03:/)]); // starts on the selected pair
    act(() => cell(/^HV02 → HV03:/).focus());
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cell(/^HV01 → HV03:/));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(cell(/^HV01 → HV02:/));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' }); // stays on the edge
    expect(document.activeElement).toBe(cell(/^HV01 → HV02:/));
    expect(tabStops()).toEqual([cell(/^HV01 → HV02:/)]);
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n2', destinationNodeId: 'n3' }); // moving does not select
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n2' });
    fireEvent.keyDown(document.activeElement!, { key: 'End', ctrlKey: true });
    expect(document.activeElement).toBe(cell(/^HV03 → HV03:/));
  });

  it('shows the path in words for the focused cell', () => {
    renderPanel('switchless-3-node');
    act(() => cell(/^HV01 → HV03:/).focus());
    const tip = screen.getByRole('tooltip');
    expect(tip).toHaveTextContent("2025: 'Direct 1-3' (HV01 'Port to HV03' 10.13.0.1 → HV03 'Port to HV01' 10.13.0.3); no fallback.");
    expect(tip).toHaveTextContent("Legacy: connects on 'Direct 1-3' after 20 s (timed out on 'Direct 1-2').");
    expect(cell(/^HV01 → HV03:/)).toHaveAttribute('aria-describedby', tip.id);
  });

  it('with SMB, the tooltip says where SMB Multichannel sends the memory (1.2)', () => {
    renderPanel('smb-multichannel');
    act(() => cell(/^HV01 → HV02:/).focus());
    expect(screen.getByRole('tooltip')).toHaveTextContent("SMB: 2 streams on 'Storage A', 'Storage B', leaving 'Live migration' idle (not enabled for live migration).");
    act(() => cell(/^HV01 → HV03:/).focus());
    expect(screen.getByRole('tooltip')).toHaveTextContent("SMB: 1 stream on 'Storage A', leaving 'Live migration' idle (not enabled for live migration).");
  });

  it('uses one glyph per cell when the panel is too narrow for text, and opens large', () => {
    renderPanel('two-site-16-node');
    expect(within(grid()).getAllByRole('gridcell')).toHaveLength(256);
    expect(cellText(/^HV-A01 → HV-A02:/)).toBe('D');
    expect(cellText(/^HV-A01 → HV-B01:/)).toBe('R');
    fireEvent.click(screen.getByRole('button', { name: /Open large/ }));
    const dialog = screen.getByRole('dialog', { name: 'All pairs — Two-site 16-node cluster' });
    const large = within(dialog).getByRole('grid');
    expect(within(large).getByRole('gridcell', { name: /^HV-A01 → HV-B01:/ }).querySelector('.mx-visible')!.textContent).toBe("LMA1⇢LMB1⇢ +3✕");
    expect(screen.queryByRole('grid', { name: 'Migration matrix: source rows, destination columns' })).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(grid()).toBeInTheDocument();
  });
});

describe('N-1 list', () => {
  it('lists single points of failure first and fails one on the diagram when clicked', async () => {
    const store = renderPanel('switchless-3-node');
    expect(await screen.findByText(/^9 single points of failure/)).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Elements by impact' });
    const first = within(list).getAllByRole('button')[0]!;
    expect(first).toHaveTextContent("⚠ Single point of failureIf network 'Direct 1-2' fails: 2 pairs lose live migration.Lost: HV01 → HV02 and HV02 → HV01");
    fireEvent.click(first);
    expect(store.getState().ui.failed).toEqual(['link-12']);
    expect(first).toHaveAttribute('aria-pressed', 'true');
    // The matrix follows the what-if: HV01 → HV02 has no path now.
    expect(cellText(/^HV01 → HV02:/)).toBe('✕no path');
    fireEvent.click(first);
    expect(store.getState().ui.failed).toEqual([]);
  });

  it('says when there is none, and names what moves', async () => {
    renderPanel('switched-4-node');
    expect(await screen.findByText(/^No single point of failure/)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Elements by impact' })).toHaveTextContent("If network 'Storage 1' fails: 0 pairs lose live migration, 12 move to 'Storage 2'.");
  });
});

describe('matrix model', () => {
  it('abbreviates network names', () => {
    expect(['Direct 1-2', 'Live Migration A1', 'Storage 1', 'LM Site A', 'Management', 'Cluster Network 3'].map(abbreviate)).toEqual(['D1-2', 'LMA1', 'S1', 'LMSA', 'Mana', 'CN3']);
  });

  it('finds the pair of a cell (row-major, diagonal skipped)', () => {
    const t = (parseTopology(EXAMPLES[1]!.document) as { topology: Topology }).topology;
    const r = analyzeAllPairs(t);
    expect(pairAt(r, 0, 0)).toBeNull();
    expect([pairAt(r, 0, 1), pairAt(r, 2, 1), pairAt(r, 3, 2)].map((p) => `${p!.sourceNodeId}→${p!.destinationNodeId}`)).toEqual(['n1→n2', 'n3→n2', 'n4→n3']);
  });
});

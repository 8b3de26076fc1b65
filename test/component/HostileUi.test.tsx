/** One failing tab or dialog shows a message, not a white page; autosave's status stays until resolved. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { AutosaveStatus } from '../../src/ui/AutosaveStatus';
import { requestFiles } from '../../src/ui/files/requests';
import { SidePanel } from '../../src/ui/SidePanel';
import { StoreProvider } from '../../src/ui/StoreContext';
import { renderFiles } from './files-harness';

// Injected failures: the All pairs tab and the Export dialog throw while rendering.
const failing = vi.hoisted(() => ({ analysis: true, exportDialog: true }));
vi.mock('../../src/ui/analysis/AnalysisPanel', () => ({
  AnalysisPanel: () => {
    if (failing.analysis) throw new Error('Maximum call stack size exceeded');
    return <p>All pairs work</p>;
  },
}));
vi.mock('../../src/ui/files/ExportDialog', () => ({
  ExportDialog: () => {
    if (failing.exportDialog) throw new Error('injected');
    return null;
  },
}));

const doc = EXAMPLES[0]!.document;
afterEach(() => {
  vi.restoreAllMocks();
  failing.analysis = true;
});

describe('error boundaries', () => {
  it('a failing tab shows a message in the tab; the other tabs and the page still work', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = createAppStore({ document: doc, ui: { panel: 'matrix' } });
    render(
      <StoreProvider store={store}>
        <SidePanel />
      </StoreProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The All pairs tab failed: Maximum call stack size exceeded. The rest of the app works, and your topology is unchanged.');
    fireEvent.click(screen.getByRole('tab', { name: /^Validation/ }));
    expect(screen.queryByRole('alert')).toBeNull();
    failing.analysis = false;
    fireEvent.click(screen.getByRole('tab', { name: 'All pairs' }));
    expect(screen.getByText('All pairs work')).toBeInTheDocument();
  });

  it('a failing dialog shows a message in a dialog that closes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderFiles(doc);
    act(() => requestFiles('export'));
    const dialog = screen.getByRole('dialog', { name: 'The Export dialog failed' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The Export dialog failed: injected.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('autosave status', () => {
  const mount = () => {
    const store = createAppStore({ document: doc });
    render(
      <StoreProvider store={store}>
        <AutosaveStatus />
      </StoreProvider>,
    );
    return store;
  };

  it('says autosave is off, and that it failed until it works again', () => {
    const store = mount();
    expect(screen.queryByTestId('autosave-status')).toBeNull();
    act(() => store.getState().actions.setAutosave({ kind: 'off' }));
    expect(screen.getByTestId('autosave-status')).toHaveTextContent('Autosave is off: this browser does not let the app use its storage');
    act(() => store.getState().actions.setAutosave({ kind: 'failed', at: '2026-12-01T03:30:00.000Z' }));
    act(() => store.getState().actions.notify({ kind: 'info', text: 'Another message' }));
    expect(screen.getByTestId('autosave-status')).toHaveTextContent(/Autosave failed at .*This stays here until autosave works again\./);
    act(() => store.getState().actions.setAutosave({ kind: 'on' }));
    expect(screen.queryByTestId('autosave-status')).toBeNull();
  });

  it("offers both choices when another tab saved different work", () => {
    const store = mount();
    const choose = vi.fn();
    act(() => store.getState().actions.setAutosave({ kind: 'conflict', at: '2026-12-01T03:30:00.000Z', choose }));
    fireEvent.click(screen.getByRole('button', { name: "Show the other tab's work here" }));
    fireEvent.click(screen.getByRole('button', { name: "Keep this tab's work (replaces the other's autosave)" }));
    expect(choose.mock.calls).toEqual([['theirs'], ['mine']]);
  });
});

describe('N-1 worker input', () => {
  it('gets the sections the analysis reads, not the layout nor unknown fields', async () => {
    const { analysisDocument } = await import('../../src/ui/common/offThreadProtocol');
    const withExtras = { ...EXAMPLES[1]!.document, layout: { n1: { x: 1, y: 2 } }, future: { deep: [[[1]]] } };
    const sent = analysisDocument(withExtras);
    expect(Object.keys(sent).sort()).toEqual(Object.keys(EXAMPLES[1]!.document).filter((k) => !['name', 'description', 'layout'].includes(k)).sort());
    expect(structuredClone(sent)).toEqual(sent);
  });
});

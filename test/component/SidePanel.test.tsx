/** The side panel's tabs: the Validation badge counts every finding the panel lists. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { runChecks, type TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { SidePanel } from '../../src/ui/SidePanel';
import { StoreProvider } from '../../src/ui/StoreContext';

function twoSiteWithoutReturnRoute(): TopologyDocument {
  const doc = structuredClone(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
  doc.nics!.find((n) => n.id === 'n3-lm')!.routes = [];
  return doc;
}

describe('SidePanel', () => {
  it('badges the Validation tab with the parser diagnostics plus the cluster checks', () => {
    const store = createAppStore({ document: twoSiteWithoutReturnRoute() });
    render(
      <StoreProvider store={store}>
        <SidePanel />
      </StoreProvider>,
    );
    const { design, diagnostics } = store.getState();
    const checks = runChecks(design).length;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(checks).toBeGreaterThan(0);
    const tab = screen.getByRole('tab', { name: /Validation/ });
    expect(within(tab).getByText(String(diagnostics.length + checks))).toBeInTheDocument();
  });

  it('shows no badge when nothing is found', () => {
    const store = createAppStore({ document: EXAMPLES.find((e) => e.id === 'switched-4-node')!.document });
    render(
      <StoreProvider store={store}>
        <SidePanel />
      </StoreProvider>,
    );
    expect(screen.getByRole('tab', { name: /Validation/ }).textContent).toBe('Validation');
  });

  it('is one tab stop; arrow keys, Home and End move between tabs and show them (ARIA tabs, issue 17)', () => {
    const store = createAppStore({ document: EXAMPLES[0]!.document, pair: ['n1', 'n2'] });
    render(
      <StoreProvider store={store}>
        <SidePanel />
      </StoreProvider>,
    );
    const tabStops = () => screen.getAllByRole('tab').filter((t) => t.tabIndex === 0).map((t) => t.textContent);
    expect(tabStops()).toEqual(['Path']);
    act(() => screen.getByRole('tab', { name: 'Path' }).focus());
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(store.getState().ui.panel).toBe('details');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Details' }));
    expect(tabStops()).toEqual(['Details']);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(store.getState().ui.panel).toBe('maintenance');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' }); // wraps
    expect(store.getState().ui.panel).toBe('path');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(store.getState().ui.panel).toBe('maintenance');
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-maintenance');
  });

  it('scrolls back to the top when a new topology replaces the old one, or another tab is shown', () => {
    const store = createAppStore({ document: EXAMPLES[0]!.document });
    render(
      <StoreProvider store={store}>
        <SidePanel />
      </StoreProvider>,
    );
    const aside = screen.getByRole('complementary', { name: 'Side panel' });
    const scrollTo = (aside.scrollTo = vi.fn());
    act(() => void store.getState().actions.edit({ type: 'update-node', id: 'n1', patch: { name: 'X' } }));
    expect(scrollTo).not.toHaveBeenCalled(); // an edit keeps the place
    act(() => void store.getState().actions.load(EXAMPLES[1]!.document));
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
    scrollTo.mockClear();
    act(() => store.getState().actions.setPanel('matrix'));
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 }); // another tab starts at its top too
  });
});

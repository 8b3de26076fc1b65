/**
 * The side panel's tabs: the Validation badge counts every finding the panel lists; it shows "…"
 * while the design's checks are still to come (a task after a load or an edit: issue 24).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TopologyDocument } from '../../src/engine';

// Counts the checks run (the engine's own function runs).
const counted = vi.hoisted(() => ({ runChecks: 0 }));
vi.mock('../../src/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../src/engine')>();
  return {
    ...engine,
    runChecks: (...args: Parameters<typeof engine.runChecks>) => {
      counted.runChecks++;
      return engine.runChecks(...args);
    },
  };
});

const { runChecks } = await import('../../src/engine');
const { EXAMPLES } = await import('../../src/examples');
const { createAppStore } = await import('../../src/store/appStore');
const { SidePanel } = await import('../../src/ui/SidePanel');
const { StoreProvider } = await import('../../src/ui/StoreContext');

const validationTab = (): HTMLElement => screen.getByRole('tab', { name: /Validation/ });

function twoSiteWithoutReturnRoute(): TopologyDocument {
  const doc = structuredClone(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
  doc.nics!.find((n) => n.id === 'n3-lm')!.routes = [];
  return doc;
}

describe('SidePanel', () => {
  it('badges the Validation tab with the parser diagnostics plus the cluster checks', async () => {
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
    expect(await within(validationTab()).findByText(String(diagnostics.length + checks))).toBeInTheDocument();
  });

  it('shows no badge when nothing is found', async () => {
    const store = createAppStore({ document: EXAMPLES.find((e) => e.id === 'switched-4-node')!.document });
    render(
      <StoreProvider store={store}>
        <SidePanel />
      </StoreProvider>,
    );
    await waitFor(() => expect(validationTab().textContent).toBe('Validation'));
  });

  it('does not run the checks in the load\'s task: "…" until they arrive a task later, without any action', async () => {
    const store = createAppStore({ document: EXAMPLES.find((e) => e.id === 'switched-4-node')!.document });
    render(
      <StoreProvider store={store}>
        <SidePanel />
      </StoreProvider>,
    );
    await waitFor(() => expect(validationTab().textContent).toBe('Validation'));
    counted.runChecks = 0;
    act(() => void store.getState().actions.load(twoSiteWithoutReturnRoute()));
    expect(counted.runChecks).toBe(0);
    expect(validationTab().textContent).toBe('Validation…');
    const { design, diagnostics } = store.getState();
    const expected = String(diagnostics.length + runChecks(design).length);
    await waitFor(() => expect(validationTab().textContent).toBe(`Validation${expected}`));
    expect(counted.runChecks).toBe(2); // the store's, once, and the comparison above
  });

  it('opened at once after a load, the Validation tab lists the findings; the badge agrees a task later', async () => {
    const store = createAppStore({ document: EXAMPLES.find((e) => e.id === 'switched-4-node')!.document });
    render(
      <StoreProvider store={store}>
        <SidePanel />
      </StoreProvider>,
    );
    await waitFor(() => expect(validationTab().textContent).toBe('Validation'));
    act(() => {
      store.getState().actions.load(twoSiteWithoutReturnRoute());
      store.getState().actions.setPanel('validation');
    });
    const { design, diagnostics } = store.getState();
    const expected = diagnostics.length + runChecks(design).length;
    const panel = await screen.findByRole('region', { name: 'Validation' });
    expect(await within(panel).findByText('Missing return route')).toBeInTheDocument();
    await waitFor(() => expect(validationTab().textContent).toBe(`Validation${expected}`));
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

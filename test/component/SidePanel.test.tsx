/** The side panel's tabs: the Validation badge counts every finding the panel lists. */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
});

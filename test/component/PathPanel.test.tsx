import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { PathPanel } from '../../src/ui/path/PathPanel';
import { StoreProvider } from '../../src/ui/StoreContext';

function renderPanel(exampleId: string, pair: [string, string] | null = null) {
  const ex = EXAMPLES.find((e) => e.id === exampleId)!;
  const store = createAppStore({ document: ex.document, pair });
  render(
    <StoreProvider store={store}>
      <PathPanel />
    </StoreProvider>,
  );
  return store;
}

describe('PathPanel', () => {
  it('asks for a pair until both nodes are chosen', () => {
    renderPanel('switched-4-node');
    expect(within(screen.getByRole('region', { name: 'Migration path' })).getByText(/Pick a source and a destination/)).toBeInTheDocument();
  });

  it('shows the chosen network and numbered fallbacks when the selects are used', () => {
    renderPanel('switched-4-node');
    fireEvent.change(screen.getByLabelText('Source node'), { target: { value: 'n1' } });
    fireEvent.change(screen.getByLabelText('Destination node'), { target: { value: 'n3' } });
    const region = screen.getByRole('region', { name: 'Migration path' });
    expect(region).toHaveTextContent("Chosen 'Storage 1'");
    expect(region).toHaveTextContent("Fallback 1 'Storage 2'");
  });

  it('swaps source and destination', () => {
    const store = renderPanel('two-site-routed', ['n1', 'n3']);
    fireEvent.click(screen.getByRole('button', { name: 'Swap source and destination' }));
    expect(store.getState().ui.sourceNodeId).toBe('n3');
    expect(store.getState().ui.destinationNodeId).toBe('n1');
    expect(screen.getByRole('region', { name: 'Migration path' })).toHaveTextContent("'Live Migration B' → 'Live Migration A' via Router B → Router A");
  });
});

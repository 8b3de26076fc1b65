/** The behaviour is named the same way in the toolbar and the planner (MODE_LABEL, src/engine/text/modeText.ts). */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MODE_LABEL, type TopologyDocument } from '../../src/engine';
import { createAppStore } from '../../src/store/appStore';
import { MaintenancePanel } from '../../src/ui/maintenance/MaintenancePanel';
import { StoreProvider } from '../../src/ui/StoreContext';
import { CanvasApiProvider } from '../../src/ui/CanvasContext';
import { Toolbar } from '../../src/ui/Toolbar';
import example from '../fixtures/switchless-3-node-vms.json';

describe('the mode label', () => {
  it('is the toolbar’s wording in the maintenance planner too', () => {
    const store = createAppStore({ document: structuredClone(example) as TopologyDocument, ui: { drainNodeId: 'n1', panel: 'maintenance' } });
    render(
      <StoreProvider store={store}>
        <CanvasApiProvider>
          <Toolbar />
          <MaintenancePanel />
        </CanvasApiProvider>
      </StoreProvider>,
    );
    expect(screen.getByRole('radio', { name: MODE_LABEL.legacy })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: `${MODE_LABEL.legacy} plan` })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: `${MODE_LABEL.ws2025} plan` })).toBeInTheDocument();
  });
});

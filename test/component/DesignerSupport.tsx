/** Renders designer components around a fresh store (each test its own). */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopologyDocument } from '../../src/engine';
import { createAppStore, type AppStore, type UiState } from '../../src/store/appStore';
import { CanvasApiProvider } from '../../src/ui/CanvasContext';
import { StoreProvider } from '../../src/ui/StoreContext';

export const twoSite = (): TopologyDocument => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'two-site-routed.json'), 'utf8'));

export function renderWith(ui: ReactNode, doc: TopologyDocument = twoSite(), state: Partial<UiState> = {}): AppStore {
  const store = createAppStore({ document: doc, ui: state });
  render(
    <CanvasApiProvider>
      <StoreProvider store={store}>{ui}</StoreProvider>
    </CanvasApiProvider>,
  );
  return store;
}

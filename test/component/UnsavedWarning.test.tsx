/** Issue 24: closing the tab with unsaved changes asks first; with none, it does not. */
import { act, render } from '@testing-library/react';
import { expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { useUnsavedWarning } from '../../src/ui/files/useUnsavedWarning';
import { StoreProvider } from '../../src/ui/StoreContext';

function Probe() {
  useUnsavedWarning();
  return null;
}

const unload = (): boolean => {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
};

it('asks before closing only while there are unsaved changes', () => {
  const store = createAppStore({ document: structuredClone(EXAMPLES[0]!.document) as TopologyDocument });
  const view = render(
    <StoreProvider store={store}>
      <Probe />
    </StoreProvider>,
  );
  expect(unload()).toBe(false);
  act(() => void store.getState().actions.edit({ type: 'update-node', id: store.getState().design.nodes[0]!.id, patch: { name: 'Renamed' } }));
  expect(store.getState().document).not.toBe(store.getState().savedDocument);
  expect(unload()).toBe(true);
  view.unmount();
  expect(unload()).toBe(false);
});

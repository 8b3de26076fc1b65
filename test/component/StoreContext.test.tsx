import { act, render } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { Deferred, StoreProvider, useApp, useLiveApp } from '../../src/ui/StoreContext';

/** Logs, at each commit it takes part in, the source node it shows. */
function Probe({ name, log, live = false }: { name: string; log: string[]; live?: boolean }) {
  const read = live ? useLiveApp : useApp;
  const source = read((s) => s.ui.sourceNodeId);
  useLayoutEffect(() => {
    log.push(`${name}:${source}`);
  });
  return <span data-testid={name}>{source}</span>;
}

function mount() {
  const ex = EXAMPLES.find((e) => e.id === 'switched-4-node')!;
  const store = createAppStore({ document: ex.document, pair: ['n1', 'n2'] });
  const log: string[] = [];
  const view = render(
    <StoreProvider store={store}>
      <Probe name="outside" log={log} />
      <Deferred>
        <Probe name="deferred" log={log} />
        <Probe name="live" log={log} live />
      </Deferred>
    </StoreProvider>,
  );
  log.length = 0;
  return { store, log, view };
}

describe('<Deferred> (issue 25: panels off the click\'s frame)', () => {
  it('commits what is outside and the live fields first, and the deferred panel in a later render', async () => {
    const { store, log, view } = mount();
    await act(async () => store.getState().actions.setSource('n3'));
    // Without deferring, the three commit together in tree order: outside, deferred, live.
    expect(log).toEqual(['outside:n3', 'live:n3', 'deferred:n3']);
    expect(view.getByTestId('deferred').textContent).toBe('n3');
  });

  it('shows the same state as outside once React is idle, after any sequence of changes', async () => {
    const { store, view } = mount();
    await act(async () => {
      store.getState().actions.setSource('n4');
      store.getState().actions.setSource(null);
      store.getState().actions.setSource('n2');
    });
    for (const id of ['outside', 'deferred', 'live']) expect(view.getByTestId(id).textContent).toBe('n2');
  });
});

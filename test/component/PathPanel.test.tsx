import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Mode } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { PathPanel } from '../../src/ui/path/PathPanel';
import { StoreProvider } from '../../src/ui/StoreContext';

function renderPanel(exampleId: string, pair: [string, string] | null = null, mode: Mode = 'ws2025') {
  const ex = EXAMPLES.find((e) => e.id === exampleId)!;
  const store = createAppStore({ document: ex.document, pair, ui: { mode } });
  render(
    <StoreProvider store={store}>
      <PathPanel />
    </StoreProvider>,
  );
  return store;
}

const region = () => screen.getByRole('region', { name: 'Migration path' });
const hops = () => within(within(region()).getByRole('list', { name: 'Hops' })).getAllByRole('listitem').map((li) => li.textContent);

describe('PathPanel', () => {
  it('asks for a pair until both nodes are chosen', () => {
    renderPanel('switched-4-node');
    expect(within(region()).getByText(/Pick a source and a destination/)).toBeInTheDocument();
  });

  it('shows the chosen network and numbered fallbacks when the selects are used', () => {
    renderPanel('switched-4-node');
    fireEvent.change(screen.getByLabelText('Source node'), { target: { value: 'n1' } });
    fireEvent.change(screen.getByLabelText('Destination node'), { target: { value: 'n3' } });
    expect(region()).toHaveTextContent("Chosen 'Storage 1'");
    const fallbacks = within(within(region()).getByRole('list', { name: 'Fallbacks' })).getAllByRole('listitem');
    expect(fallbacks.map((f) => f.textContent)).toEqual([expect.stringContaining("Fallback 1 'Storage 2'")]);
    expect(fallbacks[0]).toHaveTextContent("HV01 'SLOT 3 Port 2' 10.10.2.11 → HV03 'SLOT 3 Port 2' 10.10.2.13");
  });

  it('swaps source and destination', () => {
    const store = renderPanel('two-site-routed', ['n1', 'n3']);
    fireEvent.click(screen.getByRole('button', { name: 'Swap source and destination' }));
    expect(store.getState().ui.sourceNodeId).toBe('n3');
    expect(store.getState().ui.destinationNodeId).toBe('n1');
    expect(region()).toHaveTextContent("'Live Migration B' → 'Live Migration A' via Router B → Router A");
  });

  it('lists every hop of a routed path in order, with addresses, routers and link speed', () => {
    renderPanel('two-site-routed', ['n1', 'n3']);
    expect(region()).toHaveTextContent('Windows Server 2025');
    expect(hops()).toEqual([
      'NIC: HV01 · Live Migration 10.1.10.11',
      'Network: Live Migration A 10.1.10.0/24',
      'Router: Router A',
      'Router: Router B',
      'Network: Live Migration B 10.2.10.0/24',
      'NIC: HV03 · Live Migration 10.2.10.13',
    ]);
    expect(region()).toHaveTextContent('routed (2 routers) · 25 Gb/s · starts at once');
    expect(region()).toHaveTextContent('No fallback: if this path fails');
  });

  it('follows the mode: switchless HV02→HV03 in legacy starts after two timeouts; RDMA-capable but not used with Compression', () => {
    const store = renderPanel('switchless-3-node', ['n2', 'n3'], 'legacy');
    expect(region()).toHaveTextContent('Legacy (2022 and earlier)');
    expect(region()).toHaveTextContent("Chosen 'Direct 2-3'");
    expect(region()).toHaveTextContent('direct · 25 Gb/s · RDMA-capable, not used: the transport is Compression · starts after 40 s (2 timeouts first)');
    expect(region()).toHaveTextContent('Transport: Compression — one TCP connection on this path.');
    expect(hops()).toEqual(['NIC: HV02 · Port to HV03 10.23.0.2', 'Network: Direct 2-3 10.23.0.0/24', 'NIC: HV03 · Port to HV02 10.23.0.3']);
    act(() => store.getState().actions.setMode('ws2025'));
    expect(region()).toHaveTextContent('Windows Server 2025');
    expect(region()).toHaveTextContent('direct · 25 Gb/s · RDMA-capable, not used: the transport is Compression · starts at once');
  });

  it('with SMB lists every stream with its NICs and speed; RDMA only for SMB Direct', () => {
    const ex = EXAMPLES.find((e) => e.id === 'switched-4-node')!;
    const document = { ...ex.document, liveMigration: { ...ex.document.liveMigration, transport: 'smb' as const } };
    render(
      <StoreProvider store={createAppStore({ document, pair: ['n1', 'n2'] })}>
        <PathPanel />
      </StoreProvider>,
    );
    expect(region()).toHaveTextContent('direct · 25 Gb/s · RDMA (SMB Direct) · starts at once');
    expect(region()).toHaveTextContent('Transport: SMB — 2 streams: SMB Multichannel uses the fastest NIC pairs the two nodes share, RDMA first, whatever the live migration settings');
    const streams = within(region()).getByRole('list', { name: 'SMB streams' });
    expect(within(streams).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "Chosen HV01 'SLOT 3 Port 1' 10.10.1.11 → HV02 'SLOT 3 Port 1' 10.10.1.12 on 'Storage 1' · 25 Gb/s · RDMA (SMB Direct)",
      "SMB Multichannel HV01 'SLOT 3 Port 2' 10.10.2.11 → HV02 'SLOT 3 Port 2' 10.10.2.12 on 'Storage 2' · 25 Gb/s · RDMA (SMB Direct)",
    ]);
  });

  it('SMB Multichannel example (1.2): the idle chosen pair in one sentence, the streams on excluded networks tagged', () => {
    const store = renderPanel('smb-multichannel', ['n1', 'n2']);
    expect(region()).toHaveTextContent("Chosen 'Live migration'");
    expect(within(region()).getByRole('note')).toHaveTextContent(
      "SMB leaves the 10 Gbps pair on 'Live migration' idle: the RDMA pairs on 'Storage A' and 'Storage B' are faster — New-SmbMultichannelConstraint on every node keeps SMB on the live migration networks.",
    );
    const streams = within(region()).getByRole('list', { name: 'SMB streams' });
    expect(within(streams).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "SMB MultichannelExcluded from live migration HV01 'Storage A' 10.0.11.11 → HV02 'Storage A' 10.0.11.12 on 'Storage A' · 25 Gb/s · RDMA (SMB Direct)",
      "SMB MultichannelExcluded from live migration HV01 'Storage B' 10.0.12.11 → HV02 'Storage B' 10.0.12.12 on 'Storage B' · 25 Gb/s · RDMA (SMB Direct)",
    ]);
    // HV01 → HV03: HV03's Storage B port is 10 Gbps: one stream, Storage A; the sentence says "pair … is faster".
    act(() => store.getState().actions.setDestination('n3'));
    expect(within(region()).getByRole('note')).toHaveTextContent("the RDMA pair on 'Storage A' is faster");
    // Constrained to the live migration network: the chosen path carries the memory, no sentence.
    act(() => void store.getState().actions.edit({ type: 'set-live-migration', smbMultichannelNetworks: ['lm'] }));
    expect(within(region()).queryByRole('note')).toBeNull();
    expect(region()).toHaveTextContent('Transport: SMB — one stream, the chosen path');
  });

  it('says in plain words why there is no legacy path, and what 2025 does instead', () => {
    renderPanel('two-site-routed', ['n1', 'n3'], 'legacy');
    expect(within(region()).getByRole('status')).toHaveTextContent('No live migration path from HV01 to HV03 on any network enabled for live migration.');
    expect(region()).toHaveTextContent("Windows Server 2025 would use 'Live Migration A' → 'Live Migration B' via Router A → Router B");
    // Issue 17: the model tries networks only one node is on too (the timeline shows their timeouts).
    expect(region()).not.toHaveTextContent('only tries networks that both nodes are on');
    expect(region()).toHaveTextContent('waits for the timeout on each one that does not connect the two nodes (a network only one of them, or neither, is on)');
  });

  it('explains a node that cannot take part', () => {
    const store = renderPanel('switched-4-node', ['n1', 'n2']);
    act(() => store.getState().actions.toggleFailed('n2'));
    expect(within(region()).getByRole('status')).toHaveTextContent("Destination node 'HV02' is down.");
  });

  it('lays out the tab as headed sections in order', () => {
    renderPanel('switchless-3-node', ['n2', 'n3']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Migration path', 'Windows Server 2025 vs legacy', 'Why', 'What-if failures']);
  });
});

describe('What-if list in the Path tab', () => {
  const whatIf = () => screen.getByRole('group', { name: 'What-if failures' });

  it('explains how to fail elements while nothing is failed', () => {
    renderPanel('switchless-3-node', ['n2', 'n3']);
    expect(whatIf()).toHaveTextContent('Nothing is failed');
    expect(whatIf()).toHaveTextContent('right-click a node, NIC, network or router on the diagram');
    expect(within(whatIf()).queryByRole('button', { name: 'Restore all' })).toBeNull();
  });

  it('lists failures, updates the path, restores one and then all', () => {
    const store = renderPanel('switched-4-node', ['n1', 'n3']);
    act(() => {
      store.getState().actions.toggleFailed('storage-1');
      store.getState().actions.toggleFailed('n3-s2');
    });
    expect(within(whatIf()).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['NetworkStorage 1Restore', "NICHV03 · SLOT 3 Port 2Restore"]);
    expect(within(region()).getByRole('status')).toHaveTextContent('No live migration path from HV01 to HV03');

    fireEvent.click(within(whatIf()).getByRole('button', { name: 'Restore HV03 · SLOT 3 Port 2' }));
    expect(store.getState().ui.failed).toEqual(['storage-1']);
    expect(region()).toHaveTextContent("Chosen 'Storage 2'");
    expect(region()).toHaveTextContent('No fallback');

    act(() => store.getState().actions.toggleFailed('n1'));
    fireEvent.click(within(whatIf()).getByRole('button', { name: 'Restore all' }));
    expect(store.getState().ui.failed).toEqual([]);
    expect(region()).toHaveTextContent("Chosen 'Storage 1'");
    expect(whatIf()).toHaveTextContent('Nothing is failed');
  });
});

import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Mode } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { WhyView } from '../../src/ui/path/WhyView';
import { StoreProvider } from '../../src/ui/StoreContext';

function renderWhy(exampleId: string, pair: [string, string] | null, mode: Mode = 'ws2025') {
  const ex = EXAMPLES.find((e) => e.id === exampleId)!;
  const store = createAppStore({ document: ex.document, pair, ui: { mode } });
  render(
    <StoreProvider store={store}>
      <WhyView />
    </StoreProvider>,
  );
  return store;
}

const entry = (name: string) => screen.getByRole('listitem', { name: `Network ${name}` });
const entryNames = () => screen.getAllByRole('listitem', { name: /^Network / }).map((li) => li.getAttribute('aria-label'));

describe('WhyView', () => {
  it('answers "why not Management?" in one entry', () => {
    renderWhy('switchless-3-node', ['n2', 'n3']);
    const mgmt = entry('Management');
    expect(mgmt).toHaveTextContent('Not used — excluded from live migration in the cluster settings');
    expect(mgmt).toHaveTextContent("Network 'Management' is excluded from live migration (MigrationExcludeNetworks).");
    expect(mgmt).toHaveTextContent('not eligible');
  });

  it('lists every network, preference order first, each used or not with its reason', () => {
    renderWhy('switchless-3-node', ['n2', 'n3']);
    expect(entryNames()).toEqual(['Network Direct 1-2', 'Network Direct 1-3', 'Network Direct 2-3', 'Network Management']);
    expect(entry('Direct 1-2')).toHaveTextContent('1st of 3');
    expect(entry('Direct 1-2')).toHaveTextContent('Not used — destination node has no working address on it');
    expect(entry('Direct 1-2')).toHaveTextContent("HV03 has no working address on network 'Direct 1-2'.");
    expect(entry('Direct 2-3')).toHaveTextContent('Used: chosen');
    // Issue 17: address pairs on different subnets without a route are normal while the pair has a
    // path: not listed under the networks as faults, but folded into one line at the end.
    expect(within(entry('Direct 1-3')).queryByText(/cannot connect/)).toBeNull();
    expect(within(entry('Direct 2-3')).queryByText(/cannot connect/)).toBeNull();
    const quiet = screen.getByText(/on different subnets with no route between them/);
    expect(quiet.closest('details')).not.toHaveAttribute('open');
    expect(quiet).toHaveTextContent('address pairs on different subnets with no route between them: normal, the pair has a path');
    expect(screen.queryByText(/^Cause:/)).toBeNull();
  });

  it('leads with the real cause when a router fails (issue 17)', () => {
    const store = renderWhy('two-site-routed', ['n1', 'n3']);
    act(() => store.getState().actions.toggleFailed('ra'));
    const cause = document.querySelector('.why-cause')!;
    expect(cause).toHaveTextContent(/^Cause: The route from 10.1.10.11 \(HV01 'Live Migration', 'Live Migration A'\) to 10.2.10.13 .* needs a router that is down\.$/);
    // Before: both networks headed with "destination/source node has no working address on it".
    expect(entry('Live Migration A')).toHaveTextContent('Not used — a router on the way is down');
    expect(entry('Live Migration B')).toHaveTextContent('Not used — a router on the way is down');
  });

  it('in legacy, the cause is that no enabled network has both nodes', () => {
    renderWhy('two-site-routed', ['n1', 'n3'], 'legacy');
    expect(document.querySelector('.why-cause')).toHaveTextContent('Cause: No network enabled for live migration has a working address on both HV01 and HV03, and legacy never uses a routed path.');
  });

  it('shows each network\'s legacy attempt', () => {
    renderWhy('switchless-3-node', ['n2', 'n3'], 'legacy');
    expect(entry('Direct 1-2')).toHaveTextContent('Legacy attempt 1: timed out after 20 s');
    expect(entry('Direct 1-3')).toHaveTextContent('Legacy attempt 2: timed out after 20 s');
    expect(entry('Direct 2-3')).toHaveTextContent('Legacy attempt 3: connected');
    expect(within(entry('Management')).queryByText(/Legacy attempt/)).toBeNull();
  });

  it('numbers the fallbacks each network carries', () => {
    renderWhy('two-site-16-node', ['a01', 'b01']);
    expect(entry('Live Migration A1')).toHaveTextContent('Used: chosen · fallback 1');
    expect(entry('Live Migration A2')).toHaveTextContent('Used: fallbacks 2, 3');
    expect(entry('Storage A1')).toHaveTextContent('Not used — destination node has no working address on it');
  });

  it('puts a failed NIC and a failed network under their network, and updates at once', () => {
    const store = renderWhy('switchless-3-node', ['n2', 'n3']);
    act(() => store.getState().actions.toggleFailed('n3-to2'));
    expect(entry('Direct 2-3')).toHaveTextContent('Not used');
    expect(entry('Direct 2-3')).toHaveTextContent("NIC HV03 'Port to HV02' is down: it carries nothing.");
    act(() => {
      store.getState().actions.restoreAll();
      store.getState().actions.toggleFailed('link-23');
    });
    expect(entry('Direct 2-3')).toHaveTextContent('Not used — network is down');
    expect(entry('Direct 2-3')).toHaveTextContent("Network 'Direct 2-3' is down: nothing crosses it.");
    // A down network leaves the preference order and joins the ineligible ones, in file order.
    expect(entryNames()).toEqual(['Network Direct 1-2', 'Network Direct 1-3', 'Network Management', 'Network Direct 2-3']);
    expect(entry('Direct 2-3')).toHaveTextContent('not eligible');
    expect(entry('Direct 1-3')).toHaveTextContent('2nd of 2');
  });

  it('reports a node that cannot take part instead of a network list', () => {
    const store = renderWhy('switched-4-node', ['n1', 'n3']);
    act(() => store.getState().actions.toggleFailed('n1'));
    expect(screen.getByText("Source node 'HV01' is down.")).toBeInTheDocument();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });

  it('says how the order came about, and with SMB that SMB Multichannel picks interfaces by capability', () => {
    const ex = EXAMPLES.find((e) => e.id === 'two-site-routed')!;
    const document = { ...ex.document, liveMigration: { excludedNetworks: ['mgmt-a', 'mgmt-b'], transport: 'smb' as const } };
    render(
      <StoreProvider store={createAppStore({ document, pair: ['n1', 'n2'] })}>
        <WhyView />
      </StoreProvider>,
    );
    // Default order: Live Migration A (metric 40002) is the lowest cluster-role metric → tried last.
    expect(screen.getByText(/^The cluster's default order \(no MigrationNetworkOrder\): by metric, lowest first, except 'Live Migration A', which carries the cluster's own traffic \(heartbeats, CSV\) and is tried last\.$/)).toBeInTheDocument();
    expect(entryNames().slice(0, 2)).toEqual(['Network Live Migration B', 'Network Live Migration A']);
    expect(screen.getByText(/SMB Multichannel picks interfaces by their capability, not by the live migration settings.*New-SmbMultichannelConstraint restricts it/)).toBeInTheDocument();
  });

  it('says an explicit order is explicit, and has no SMB note with Compression', () => {
    renderWhy('two-site-routed', ['n1', 'n2']);
    expect(screen.getByText(/^Explicit live migration order \(MigrationNetworkOrder\)/)).toBeInTheDocument();
    expect(screen.queryByText(/SMB Multichannel/)).toBeNull();
  });
});

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { DetailsPanel } from '../../src/ui/details/DetailsPanel';
import { PathPanel } from '../../src/ui/path/PathPanel';
import { StoreProvider } from '../../src/ui/StoreContext';

const doc = (id: string): TopologyDocument => EXAMPLES.find((e) => e.id === id)!.document;

function renderDetails(document: TopologyDocument, selected: string[], pair: [string, string] | null = null) {
  const store = createAppStore({ document, pair, ui: { selectedIds: selected } });
  render(
    <StoreProvider store={store}>
      <DetailsPanel />
      <PathPanel />
    </StoreProvider>,
  );
  return store;
}

const details = () => screen.getByRole('region', { name: 'Element details' });
/** The facts as label → texts. */
function facts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const dt of within(details()).getAllByRole('term')) {
    const dd = dt.nextElementSibling!;
    const items = dd.querySelectorAll('li');
    out[dt.textContent!] = items.length ? [...items].map((li) => li.textContent!) : [dd.textContent!];
  }
  return out;
}

describe('DetailsPanel', () => {
  it('without a selection, shows and edits the topology name and description', () => {
    const store = renderDetails(doc('switched-4-node'), []);
    const panel = screen.getByRole('region', { name: 'Topology properties' });
    expect(panel).toHaveTextContent('4 nodes · 3 networks · 1 router');
    const name = within(panel).getByLabelText('Name');
    expect(name).toHaveValue('Switched 4-node cluster');
    fireEvent.change(name, { target: { value: 'Contoso HCI rack 3' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(store.getState().document.name).toBe('Contoso HCI rack 3');
    expect(store.getState().past).toHaveLength(1);
    fireEvent.change(within(panel).getByLabelText('Description'), { target: { value: 'Two storage networks' } });
    fireEvent.blur(within(panel).getByLabelText('Description'));
    expect(store.getState().document.description).toBe('Two storage networks');
  });

  it('network: prefixes, derived role and metric, state, place in the order, NICs on it', () => {
    renderDetails(doc('switchless-3-node'), ['link-23']);
    expect(within(details()).getByRole('heading', { level: 2 })).toHaveTextContent('Direct 2-3');
    expect(facts()).toEqual({
      Prefixes: ['10.23.0.0/24'],
      Role: ['Cluster only (1) — derived: no NIC on it has a default gateway'],
      // Derived fact 4 (1.2): both NICs RDMA-capable at 25 Gbps, the 4th network.
      Metric: ['18303 — derived (AutoMetric-like): 40000 (cluster only) − 19200 (every NIC RDMA-capable) − 2500 (25 Gbps) + 3 (position)'],
      State: ['up'],
      'Live migration': ['enabled · 3rd of 3 in the preference order'],
      'NICs on it': ['HV02 · Port to HV03 — 10.23.0.2', 'HV03 · Port to HV02 — 10.23.0.3'],
      Routers: ['none'],
    });
  });

  it('a derived metric says when it makes the network the cluster’s own', () => {
    renderDetails(doc('switchless-3-node'), ['link-12']);
    expect(facts().Metric).toEqual(["18301 — derived (AutoMetric-like): 40000 (cluster only) − 19200 (every NIC RDMA-capable) − 2500 (25 Gbps) + 1 (position): the lowest, so it is the cluster's own network"]);
  });

  it('an excluded network says why live migration does not use it', () => {
    renderDetails(doc('switchless-3-node'), ['mgmt']);
    expect(facts()['Live migration']).toEqual(['not used: excluded from live migration in the cluster settings']);
    expect(facts().Role).toEqual(['Cluster and client (3) — derived: a NIC on it has a default gateway']);
    expect(facts().Routers).toEqual(['Default gateway']);
  });

  it('failing the chosen network from the panel moves the path to the fallback, and Restore brings it back', () => {
    const store = renderDetails(doc('switched-4-node'), ['storage-1'], ['n1', 'n3']);
    const region = screen.getByRole('region', { name: 'Migration path' });
    expect(region).toHaveTextContent("Chosen 'Storage 1'");
    fireEvent.click(within(details()).getByRole('button', { name: 'Fail' }));
    expect(store.getState().ui.failed).toEqual(['storage-1']);
    expect(region).toHaveTextContent("Chosen 'Storage 2'");
    expect(within(details()).getByText('Failed (what-if)')).toBeInTheDocument();
    expect(facts().State).toEqual(['down (what-if failure; designed up)']);
    expect(facts()['Live migration']).toEqual(['not used: network is down']);
    fireEvent.click(within(details()).getByRole('button', { name: 'Restore' }));
    expect(store.getState().ui.failed).toEqual([]);
    expect(region).toHaveTextContent("Chosen 'Storage 1'");
    expect(within(details()).getByRole('button', { name: 'Fail' })).toBeInTheDocument();
  });

  it('node: state, site, NICs with addresses and networks; sets the pair', () => {
    const store = renderDetails(doc('two-site-routed'), ['n3']);
    expect(facts()).toEqual({
      State: ['up'],
      Site: ['Site B'],
      NICs: ["Management: 10.2.0.13/24 on 'Management B'", "Live Migration: 10.2.10.13/24 on 'Live Migration B'"],
      Networks: ['Management B', 'Live Migration B'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set as source' }));
    expect(store.getState().ui.sourceNodeId).toBe('n3');
    expect(screen.getByRole('button', { name: 'Set as source' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Set as destination' }));
    expect(store.getState().ui.destinationNodeId).toBe('n3');
    fireEvent.click(within(details()).getByRole('button', { name: 'Fail' }));
    expect(facts().State).toEqual(['down (what-if failure; designed up)']);
  });

  it('NIC: node, addresses, networks, speed, RDMA, state, static routes', () => {
    renderDetails(doc('two-site-routed'), ['n1-lm']);
    expect(within(details()).getByRole('heading', { level: 2 })).toHaveTextContent('HV01 · Live Migration');
    expect(facts()).toEqual({
      Node: ['HV01'],
      State: ['up'],
      Addresses: ['10.1.10.11/24'],
      Networks: ['Live Migration A'],
      Speed: ['25 Gb/s'],
      'RDMA-capable': ['no'],
      'Static routes': ['10.2.10.0/24 via 10.1.10.1'],
    });
  });

  it('router: interfaces and attached subnets, transit ones with their peers', () => {
    renderDetails(doc('two-site-routed'), ['ra']);
    expect(facts()).toEqual({
      State: ['up'],
      Site: ['Site A'],
      Interfaces: ['10.1.0.1/24', '10.1.10.1/24', '172.16.0.1/30'],
      'Attached subnets': ["10.1.0.0/24 · 'Management A'", "10.1.10.0/24 · 'Live Migration A'", '172.16.0.0/30 · transit, shared with Router B'],
    });
  });

  it('site: its nodes and routers, which link to their details; no Fail for a site', () => {
    const store = renderDetails(doc('two-site-routed'), ['site-a']);
    expect(facts()).toEqual({ Nodes: ['HV01', 'HV02'], Routers: ['Router A'] });
    expect(within(details()).queryByRole('button', { name: 'Fail' })).toBeNull();
    fireEvent.click(within(details()).getByRole('button', { name: 'HV02' }));
    expect(store.getState().ui.selectedIds).toEqual(['n2']);
    expect(within(details()).getByRole('heading', { level: 2 })).toHaveTextContent('HV02');
  });

  it('a network the cluster created from addresses cannot be failed and says where it came from', () => {
    const base = doc('switchless-3-node');
    const implicit: TopologyDocument = {
      ...base,
      networks: base.networks!.filter((n) => n.id !== 'link-23'),
      liveMigration: { ...base.liveMigration, networkOrder: ['link-12', 'link-13'] },
    };
    renderDetails(implicit, ['net-10-23-0-0-24']);
    expect(within(details()).getByRole('heading', { level: 2 })).toHaveTextContent('Cluster Network 1');
    expect(facts().Origin).toEqual(['Created from NIC addresses: no declared network covers this subnet']);
    expect(facts()['Live migration']).toEqual(['enabled · 3rd of 3 in the preference order (not listed: by metric)']);
    expect(within(details()).queryByRole('button', { name: 'Fail' })).toBeNull();
  });

  it('says so for an id that is no element, and counts a multiple selection', () => {
    const store = renderDetails(doc('switched-4-node'), ['nope']);
    expect(screen.getByText(/No details for “nope”/)).toBeInTheDocument();
    act(() => store.getState().actions.select(['n1', 'n2', 'n3']));
    expect(screen.getByText(/2 more elements selected/)).toBeInTheDocument();
    expect(within(details()).getByRole('heading', { level: 2 })).toHaveTextContent('HV01');
  });

  it('two NICs of a node on one network are a fact (supported, SMB Multichannel uses both), on the node and on the network', () => {
    const base = doc('switched-4-node');
    const multi: TopologyDocument = { ...base, nics: [...base.nics!, { id: 'n1-s1b', node: 'n1', name: 'SLOT 4 Port 1', addresses: ['10.10.1.21/24'], speedGbps: 25, rdma: true }] };
    const text = "HV01 has 2 NICs on 'Storage 1' (SLOT 3 Port 1, SLOT 4 Port 1): supported since Windows Server 2016; SMB Multichannel uses both";
    renderDetails(multi, ['n1']);
    expect(facts()['Multi-NIC cluster network: SMB Multichannel uses both']).toEqual([text]);
  });

  it('the network view says the same; a network without it has no such fact', () => {
    const base = doc('switched-4-node');
    const multi: TopologyDocument = { ...base, nics: [...base.nics!, { id: 'n1-s1b', node: 'n1', name: 'SLOT 4 Port 1', addresses: ['10.10.1.21/24'], speedGbps: 25, rdma: true }] };
    renderDetails(multi, ['storage-1']);
    expect(facts()['Multi-NIC cluster network: SMB Multichannel uses both']).toHaveLength(1);
    expect(facts()['Live migration']).toEqual(['enabled · 1st of 2 in the preference order']);
  });
});

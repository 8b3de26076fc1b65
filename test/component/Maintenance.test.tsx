/** The VMs (node Details, cluster list) and the maintenance planner, on the shared VM example. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { streamsLabel, streamsOf, type TopologyDocument } from '../../src/engine';
import { activeSelection } from '../../src/store/derived';
import { createAppStore } from '../../src/store/appStore';
import { DetailsPanel } from '../../src/ui/details/DetailsPanel';
import { MaintenancePanel } from '../../src/ui/maintenance/MaintenancePanel';
import { StoreProvider } from '../../src/ui/StoreContext';
import { CanvasApiProvider } from '../../src/ui/CanvasContext';
import { VmList } from '../../src/ui/vms/VmList';
import { ContextMenu } from '../../src/ui/canvas/ContextMenu';
import example from '../fixtures/switchless-3-node-vms.json';
import routedExample from '../fixtures/two-site-routed.json';

const doc = () => structuredClone(example) as TopologyDocument;

function renderWith(ui: React.ReactNode, options: Parameters<typeof createAppStore>[0]) {
  const store = createAppStore(options);
  render(
    <StoreProvider store={store}>
      <CanvasApiProvider>{ui}</CanvasApiProvider>
    </StoreProvider>,
  );
  return store;
}

describe('VMs of a node in Details', () => {
  it('lists them, edits memory inline (refusing 0), adds several in one undo step, moves and deletes', () => {
    const store = renderWith(<DetailsPanel />, { document: doc(), ui: { selectedIds: ['n1'] } });
    const section = screen.getByRole('region', { name: 'VMs of HV01' });
    // 64 + 16 + 16 + 8 + 4 = 108 GB, DC01 off.
    expect(section).toHaveTextContent('5 VMs · 108 GB (1 off)');
    expect(within(section).getAllByRole('row')).toHaveLength(6);

    const memory = within(section).getByLabelText('Memory of SQL01 in GB');
    fireEvent.change(memory, { target: { value: '0' } });
    fireEvent.keyDown(memory, { key: 'Enter' });
    expect(within(section).getByRole('alert')).toHaveTextContent("The memory of VM 'SQL01' must be a number of GB from 0.001 to 262,144.");
    expect(store.getState().past).toHaveLength(0);
    fireEvent.change(memory, { target: { value: '48' } });
    fireEvent.blur(memory);
    expect(store.getState().document.vms!.find((v) => v.id === 'vm-sql01')!.memoryGB).toBe(48);
    expect(store.getState().past).toHaveLength(1);

    fireEvent.click(within(section).getByRole('button', { name: 'Add several…' }));
    fireEvent.change(within(section).getByLabelText('Number of VMs'), { target: { value: '12' } });
    fireEvent.change(within(section).getByLabelText('Memory of each VM in GB'), { target: { value: '16' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Add 12 VMs' }));
    expect(store.getState().design.index.vmsByNode.get('n1')).toHaveLength(17);
    expect(store.getState().past).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'VMs of HV01' })).toHaveTextContent('17 VMs · 284 GB (1 off)');

    const move = within(section).getByLabelText('Move WEB01 to');
    fireEvent.focus(move);
    fireEvent.change(move, { target: { value: 'n3' } });
    expect(store.getState().design.index.vms.get('vm-web01')!.node).toBe('n3');
    fireEvent.click(within(section).getByRole('button', { name: 'Delete DC01' }));
    expect(store.getState().design.index.vms.has('vm-dc01')).toBe(false);
    act(() => store.getState().actions.undo());
    expect(store.getState().design.index.vms.has('vm-dc01')).toBe(true);
  });

  it('refuses adding VMs of no memory, inline, and changes nothing', () => {
    const store = renderWith(<DetailsPanel />, { document: doc(), ui: { selectedIds: ['n2'] } });
    const form = screen.getByRole('form', { name: 'Add VMs to HV02' });
    fireEvent.change(within(form).getByLabelText('Memory of each VM in GB'), { target: { value: '-2' } });
    fireEvent.change(within(form).getByLabelText('Name of the VM'), { target: { value: 'TEST01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add VM' }));
    expect(within(form).getByRole('alert')).toHaveTextContent("The memory of VM 'TEST01' must be a number of GB from 0.001 to 262,144.");
    expect(store.getState().past).toHaveLength(0);
  });
});

describe('the VMs list', () => {
  it('sorts by a column and filters by name or node and by state', () => {
    renderWith(<VmList />, { document: doc() });
    const names = () => screen.getAllByLabelText(/^Name of VM /).map((i) => (i as HTMLInputElement).value);
    // By node, then name: HV01's APP01 APP02 DC01 SQL01 WEB01, HV02's FS01 SQL02, HV03's APP03.
    expect(names()).toEqual(['APP01', 'APP02', 'DC01', 'SQL01', 'WEB01', 'FS01', 'SQL02', 'APP03']);
    fireEvent.click(screen.getByRole('button', { name: /^GB/ }));
    expect(names()).toEqual(['DC01', 'WEB01', 'APP01', 'APP02', 'APP03', 'FS01', 'SQL01', 'SQL02']);
    fireEvent.click(screen.getByRole('button', { name: /^GB/ }));
    expect(names().slice(0, 2)).toEqual(['SQL02', 'SQL01']);
    fireEvent.change(screen.getByLabelText('Filter VMs by name or node'), { target: { value: 'hv02' } });
    expect(names()).toEqual(['SQL02', 'FS01']);
    expect(screen.getByText(/2 of 8 VMs/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Filter VMs by name or node'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Show VMs'), { target: { value: 'off' } });
    expect(names()).toEqual(['DC01']);
  });
});

describe('the maintenance planner', () => {
  it('shows both modes, the difference, a timeline whose bars show their pair, and the table', () => {
    const store = renderWith(<MaintenancePanel />, { document: doc(), pair: ['n2', 'n3'], ui: { drainNodeId: 'n1', panel: 'maintenance' } });
    // expected-drains.json: n1 ws2025 66.513 s, legacy 88.355 s of which 60 s waiting.
    expect(screen.getByTestId('drain-sentence')).toHaveTextContent('Estimate: Windows Server 2025: 1 min 7 s · legacy: 1 min 28 s, of which 1 min waiting for connection timeouts.');
    expect(screen.getByTestId('drain-total-ws2025')).toHaveTextContent('1 min 7 s');
    expect(screen.getByTestId('drain-total-legacy')).toHaveTextContent('1 min 28 s');
    expect(screen.getByRole('list', { name: 'Assumptions of the estimate' })).toHaveTextContent('Transport: SMB at 0.9 × the wire rate');
    expect(screen.getByRole('list', { name: 'Assumptions of the estimate' })).toHaveTextContent('SMB bandwidth limit: 25 % of 60 Gbps');

    const ws = screen.getByRole('group', { name: /Windows Server 2025: one lane per parallel migration/ });
    // Two slots: SQL01 alone in slot 1; APP01, APP02, WEB01 after one another in slot 2.
    expect(within(ws).getAllByText(/^Slot /).map((e) => e.textContent)).toEqual(['Slot 1', 'Slot 2']);
    const app02 = within(ws).getByRole('button', { name: /^APP02 \(16 GB\) → HV02/ });
    expect(app02).toHaveAccessibleName(/copying 20 s at 7\.5 Gbps on Direct 1-2, switchover 1 s; ends at 42 s$/);
    act(() => app02.focus());
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n2', mode: 'ws2025' });
    fireEvent.keyDown(app02, { key: 'ArrowRight' });
    expect(document.activeElement).toHaveAccessibleName(/^WEB01/);
    fireEvent.mouseLeave(ws);
    // Back to the drain's own pair (HV01 → HV03, SQL01's), the user's pair kept for later (issue 27).
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3', mode: 'ws2025', preview: { sourceNodeId: 'n2', destinationNodeId: 'n3' } });

    const legacy = screen.getByRole('group', { name: /legacy: one lane/ });
    expect(within(legacy).getByRole('button', { name: /^SQL01/ })).toHaveAccessibleName(/waiting 20 s for connection timeouts/);

    fireEvent.click(screen.getByRole('radio', { name: 'Table' }));
    const table = screen.getAllByRole('table')[0]!;
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/SQL0164 GBHV03.*Direct 1-3.*0 s1 min 6 s0 sto 1 min 7 s/);
    expect(within(table).getAllByRole('row')[5]).toHaveTextContent('off: moves without a live migration');
  });

  it('a bar lights its own streams: the pair the diagram highlights carries exactly the streams the bar names, with a what-if failure too (decision 90)', () => {
    const store = renderWith(<MaintenancePanel />, { document: doc(), pair: ['n2', 'n3'], ui: { drainNodeId: 'n1', panel: 'maintenance' } });
    // Fail the first network of the order: the plans and the highlight both read the effective topology.
    act(() => store.getState().actions.toggleFailed(store.getState().design.preferenceOrder[0]!));
    const bars = screen.getAllByRole('button', { name: / → HV0\d/ }).filter((b) => b.classList.contains('drain-bar'));
    expect(bars.length).toBeGreaterThan(0);
    let named = 0;
    for (const bar of bars) {
      act(() => bar.focus());
      const s = store.getState();
      const selection = activeSelection(s)!;
      const streams = streamsOf(s.effective, selection);
      // The bar names its streams ("on Direct 1-2, …"); the highlight lights these (SMB: every stream).
      if (selection.chosen) named++;
      if (selection.chosen) expect(bar).toHaveAccessibleName(new RegExp(` on ${streamsLabel(s.effective, streams).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, switchover`));
      else expect(bar).toHaveAccessibleName(/no path/);
    }
    expect(named).toBeGreaterThan(0); // (several streams per bar: test/unit/planner-preview.test.ts, switched-4-node)
    act(() => (document.activeElement as HTMLElement).blur());
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3', preview: { sourceNodeId: 'n2', destinationNodeId: 'n3' } });
  });

  it('lights its own pair on the diagram while open, and puts the user’s pair back when closed (issue 27)', () => {
    const store = renderWith(<MaintenancePanel />, { document: doc(), pair: ['n2', 'n3'], ui: { drainNodeId: 'n1', panel: 'maintenance' } });
    // SQL01 goes first, to HV03: the diagram shows HV01 → HV03.
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3' });
    fireEvent.change(screen.getByLabelText('Destination of the VMs'), { target: { value: 'n2' } });
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n2' });
    cleanup(); // unmounts the panel
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n2', destinationNodeId: 'n3', preview: null });
  });

  it('keeps a pair the user picks while the drain view is open (issue 27)', () => {
    const store = renderWith(<MaintenancePanel />, { document: doc(), pair: ['n2', 'n3'], ui: { drainNodeId: 'n1', panel: 'maintenance' } });
    act(() => {
      store.getState().actions.setSource('n3');
      store.getState().actions.setDestination('n1');
    });
    cleanup(); // unmounts the panel
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n3', destinationNodeId: 'n1', preview: null });
  });

  it('a drain in which no VM moves shows no duration (issue 27)', () => {
    // Two sites, only routed between them: before 2025 no VM of HV01 can reach HV03.
    const twoSite = structuredClone(routedExample) as TopologyDocument;
    twoSite.vms = Array.from({ length: 12 }, (_, i) => ({ id: `vm${i}`, name: `VM-${String(i + 1).padStart(2, '0')}`, node: 'n1', memoryGB: 8 }));
    renderWith(<MaintenancePanel />, { document: twoSite, ui: { drainNodeId: 'n1', drainDestination: 'n3', panel: 'maintenance' } });
    const legacy = screen.getByTestId('drain-total-legacy');
    expect(legacy).toHaveTextContent('No VM moves');
    expect(legacy).toHaveTextContent('12 VMs cannot move');
    expect(within(legacy).getByText(/No VM moves/).textContent).not.toMatch(/\d+ (min|s)\b/);
    expect(screen.getByTestId('drain-sentence')).toHaveTextContent(/· legacy: no VM moves \(all 12 cannot\)/);
    expect(screen.getByTestId('drain-total-ws2025')).not.toHaveTextContent('No VM moves');
  });

  it('edits the assumptions as one undoable edit, refusing bad values inline', () => {
    const store = renderWith(<MaintenancePanel />, { document: doc(), ui: { drainNodeId: 'n2' } });
    // n2: ws2025 61.473 s.
    expect(screen.getByTestId('drain-total-ws2025')).toHaveTextContent('1 min 1 s');
    fireEvent.click(screen.getByRole('button', { name: 'Edit assumptions…' }));
    const form = screen.getByRole('form', { name: 'Edit the assumptions' });
    fireEvent.change(within(form).getByLabelText(/^Switchover/), { target: { value: '-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply assumptions' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Switchover must be a number of 0 or more.');
    expect(store.getState().past).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText(/^Switchover/), { target: { value: '11' } });
    fireEvent.change(within(form).getByLabelText(/^SMB efficiency/), { target: { value: '0.9' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply assumptions' }));
    // Only what differs from the defaults is written; +10 s of switchover on SQL02, the last to end: 71.473.
    expect(store.getState().document.planning).toEqual({ switchoverSeconds: 11 });
    expect(store.getState().past).toHaveLength(1);
    expect(screen.getByTestId('drain-total-ws2025')).toHaveTextContent('1 min 11 s');
    act(() => store.getState().actions.undo());
    expect('planning' in store.getState().document).toBe(false);
    expect(screen.getByTestId('drain-total-ws2025')).toHaveTextContent('1 min 1 s');
  });

  it('calibrates the efficiency of the transport in force from a real migration and says what it changed', () => {
    const store = renderWith(<MaintenancePanel />, { document: doc(), ui: { drainNodeId: 'n1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Calibrate from a real migration…' }));
    const form = screen.getByRole('form', { name: 'Calibrate from a real migration' });
    fireEvent.change(within(form).getByLabelText('Memory GB'), { target: { value: '16' } });
    fireEvent.change(within(form).getByLabelText('To'), { target: { value: 'n2' } });
    fireEvent.change(within(form).getByLabelText('Seconds it took'), { target: { value: '26' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Calibrate' }));
    // 16 GB: 151.18 Gbit over 26 − 1 s = 6.047 Gbps (under the 15 Gbps SMB cap) on a 25 Gbps link → 0.2419.
    expect(store.getState().document.planning).toEqual({ efficiency: { smb: 0.2419 } });
    expect(within(form).getByRole('status')).toHaveTextContent('Set the SMB efficiency from 0.9 to 0.2419: the model now moves 16 GB from HV01 to HV02 in 26 s');
  });

  it('drains every node in turn, with the sums', async () => {
    renderWith(<MaintenancePanel />, { document: doc() });
    const table = await screen.findByRole('table', { name: /Every node in turn/ });
    const rows = within(table).getAllByRole('row').map((r) => r.textContent);
    // n3: 11.079 s and 51.079 s (40 s waiting); sums 139.065 s and 240.907 s, waiting 180 s.
    expect(rows[3]).toBe('HV0311611 s51 s40 s');
    expect(rows[4]).toBe('All nodes82162 min 19 s4 min 1 s3 min');
  });
});

describe('Drain… on a node', () => {
  it('opens the planner on that node from the right-click menu', () => {
    const store = renderWith(<ContextMenu request={{ id: 'n2', x: 0, y: 0 }} onClose={() => {}} />, { document: doc() });
    fireEvent.click(screen.getByRole('menuitem', { name: 'Drain…' }));
    expect(store.getState().ui).toMatchObject({ panel: 'maintenance', drainNodeId: 'n2' });
  });
  it('offers it only on nodes', () => {
    renderWith(<ContextMenu request={{ id: 'link-12', x: 0, y: 0 }} onClose={() => {}} />, { document: doc() });
    expect(screen.queryByRole('menuitem', { name: 'Drain…' })).toBeNull();
  });
});

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Core, NodeSingular } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GraphView } from '../../src/ui/canvas/GraphView';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { CanvasApiProvider } from '../../src/ui/CanvasContext';
import { COMMANDS } from '../../src/ui/commands';
import { CommandButtons } from '../../src/ui/commands/CommandButtons';
import { StoreProvider } from '../../src/ui/StoreContext';
import '../e2e/handle';
import { edgeId } from '../../src/canvas/elements';

// The handle main.tsx installs in the app (typed once in test/e2e/handle.ts); the store goes in as main.tsx puts it.
type Mounted = { __lmpv?: Partial<Window['__lmpv']> };
const hook = (): Mounted => window as Mounted;

function mount(exampleId: string, pair: [string, string] | null = null, document?: TopologyDocument) {
  const ex = EXAMPLES.find((e) => e.id === exampleId)!;
  const store = createAppStore({ document: document ?? ex.document, pair });
  render(
    <StoreProvider store={store}>
      <CanvasApiProvider>
        <CommandButtons group="canvas" label="Diagram" />
        <CommandButtons group="whatif" label="What-if" />
        <GraphView headless />
      </CanvasApiProvider>
    </StoreProvider>,
  );
  const { cy, canvas } = hook().__lmpv!;
  return { store, cy: cy!, api: canvas! };
}

const classes = (cy: Core, id: string): string[] => cy.getElementById(id).classes();

beforeEach(() => {
  hook().__lmpv = {};
});
afterEach(() => {
  delete hook().__lmpv;
});

describe('GraphView', () => {
  it('resizes the diagram after the frame in which its room changed, once, not inside that frame (issue 25)', async () => {
    // The legend strip grows and shrinks with a click's highlight: resizing cytoscape (a full
    // redraw) and measuring the diagram inside that frame doubled the click's time.
    const observers: (() => void)[] = [];
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: ResizeObserverCallback) {
          observers.push(() => cb([], this as unknown as ResizeObserver));
        }
        observe(): void {}
        disconnect(): void {}
      },
    );
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    try {
      const { cy } = mount('switched-4-node');
      const resize = vi.spyOn(cy, 'resize');
      frames.length = 0;
      observers.forEach((o) => o());
      observers.forEach((o) => o());
      expect(resize).not.toHaveBeenCalled();
      for (const f of frames.splice(0)) f(0);
      expect(resize).not.toHaveBeenCalled();
      await new Promise((r) => setTimeout(r, 0));
      expect(resize).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('draws every element of the topology and registers the canvas API', () => {
    const { cy, store, api } = mount('two-site-routed');
    const t = store.getState().design;
    for (const el of [...t.sites, ...t.nodes, ...t.nics, ...t.networks, ...t.routers]) expect(cy.getElementById(el.id).nonempty(), el.id).toBe(true);
    expect(cy.getElementById('n1-lm').parent().first().id()).toBe('n1');
    expect(cy.getElementById(edgeId('n1-lm', 'lm-a')).data('source')).toBe('n1-lm');
    expect(typeof api.fit).toBe('function');
  });

  it('never marks a pressed element active (a restyle would redraw the whole diagram on every press)', () => {
    const { cy } = mount('switched-4-node');
    const n = cy.getElementById('n1');
    (n as unknown as { activate(): void }).activate(); // what cytoscape's press handler calls (not in its typings)
    expect(n.active()).toBe(false);
    expect(cy.$(':active').length).toBe(0);
  });

  it('picks the pair with two taps on nodes and highlights the chosen path', () => {
    const { cy, store } = mount('switched-4-node');
    act(() => {
      cy.getElementById('n1').emit('tap');
    });
    expect(store.getState().ui.sourceNodeId).toBe('n1');
    expect(store.getState().ui.selectedIds).toEqual(['n1']);
    expect(classes(cy, 'n1')).toContain('source');
    act(() => {
      cy.getElementById('n3').emit('tap');
    });
    act(() => {
      cy.getElementById('n3-s2').emit('tap');
    });
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3', selectedIds: ['n3-s2'] });
    for (const id of ['n1-s1', edgeId('n1-s1', 'storage-1'), 'storage-1', edgeId('n3-s1', 'storage-1'), 'n3-s1']) expect(classes(cy, id), id).toContain('chosen');
    expect(classes(cy, 'storage-2')).toContain('fallback');
    expect(cy.getElementById(edgeId('n1-s2', 'storage-2')).data('label')).toBe('1');
    expect(classes(cy, 'mgmt')).toContain('dimmed');
    expect(classes(cy, 'n3')).toContain('destination');
    expect(cy.getElementById('n3').data('label')).toBe('HV03 (14 VMs · 360 GB) · DESTINATION');
    // Selection is a class too, outside the undo history.
    expect(classes(cy, 'n3-s2')).toContain('selected');
    expect(store.getState().past).toHaveLength(0);
  });

  it('inspects a NIC, network or router link without losing the pair (issue 17)', () => {
    const { cy, store } = mount('two-site-routed', ['n1', 'n3']);
    for (const id of ['n1-lm', 'lm-a', 'ra']) {
      act(() => {
        cy.getElementById(id).emit('tap');
      });
      // Before: tapping HV01's NIC made HV01 the new source and cleared the destination.
      expect(store.getState().ui, id).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3', selectedIds: [id] });
    }
    const transit = cy.nodes('.transit').first();
    act(() => {
      transit.emit('tap');
    });
    expect(store.getState().ui).toMatchObject({ sourceNodeId: 'n1', destinationNodeId: 'n3', selectedIds: ['ra', 'rb'] });
  });

  it('clears the selection on a background tap and keeps the pair', () => {
    const { cy, store } = mount('switched-4-node', ['n1', 'n3']);
    act(() => {
      cy.getElementById('storage-1').emit('tap');
    });
    expect(store.getState().ui.selectedIds).toEqual(['storage-1']);
    expect(store.getState().ui.destinationNodeId).toBe('n3');
    act(() => {
      cy.emit('tap');
    });
    expect(store.getState().ui.selectedIds).toEqual([]);
  });

  it('adds to and removes from the selection with Ctrl- or Shift-click, without picking a pair', () => {
    const { cy, store } = mount('switched-4-node');
    const click = (id: string, mods: Partial<MouseEvent>) =>
      act(() => {
        cy.getElementById(id).emit({ type: 'tap', originalEvent: { ctrlKey: false, metaKey: false, shiftKey: false, ...mods } as MouseEvent } as never);
      });
    click('storage-1', {});
    click('n2', { ctrlKey: true });
    click('gw', { shiftKey: true });
    expect(store.getState().ui.selectedIds).toEqual(['storage-1', 'n2', 'gw']);
    expect(store.getState().ui.sourceNodeId).toBeNull();
    click('n2', { metaKey: true });
    expect(store.getState().ui.selectedIds).toEqual(['storage-1', 'gw']);
    click('n4', {});
    expect(store.getState().ui.selectedIds).toEqual(['n4']);
    expect(store.getState().ui.sourceNodeId).toBe('n4');
  });

  it('deletes an element from its context menu, as one undo step', () => {
    const { cy, store } = mount('switched-4-node');
    act(() => {
      cy.getElementById('n4').emit('cxttap');
    });
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(store.getState().document.nodes!.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(store.getState().document.nics!.some((n) => n.node === 'n4')).toBe(false);
    expect(cy.getElementById('n4').empty()).toBe(true);
    act(() => store.getState().actions.undo());
    expect(cy.getElementById('n4').nonempty()).toBe(true);
  });

  it('shows a what-if failure and the fallback taking over', () => {
    const { cy, store } = mount('switched-4-node', ['n1', 'n3']);
    act(() => store.getState().actions.toggleFailed('storage-1'));
    expect(classes(cy, 'storage-1')).toContain('failed');
    expect(cy.getElementById('storage-1').data('label').startsWith('✕ FAILED · Storage 1')).toBe(true);
    expect(classes(cy, 'storage-2')).toContain('chosen');
    expect(classes(cy, edgeId('n1-s2', 'storage-2'))).toContain('chosen');
    act(() => store.getState().actions.restoreAll());
    expect(classes(cy, 'storage-1')).toContain('chosen');
    expect(classes(cy, 'storage-1')).not.toContain('failed');
  });

  it('changes the highlight with the mode: legacy tags the networks it times out on', () => {
    const { cy, store } = mount('switchless-3-node', ['n2', 'n3']);
    expect(classes(cy, 'link-12')).toContain('dimmed');
    act(() => store.getState().actions.setMode('legacy'));
    expect(classes(cy, 'link-12')).toContain('attempt');
    expect(cy.getElementById('link-12').data('label').startsWith('TRY 1 · 20 s TIMEOUT')).toBe(true);
    expect(classes(cy, 'link-23')).toContain('chosen');
  });

  it('offers Fail, Restore, source, destination and details in the context menu', () => {
    const { cy, store } = mount('switched-4-node', ['n1', 'n3']);
    act(() => {
      cy.getElementById('storage-1').emit('cxttap');
    });
    const menu = screen.getByRole('menu', { name: 'Actions for Storage 1' });
    expect(within(menu).getAllByRole('menuitem').map((b) => b.textContent)).toEqual(['Fail', 'Show details', 'Delete']);
    expect(within(menu).getByRole('menuitem', { name: 'Fail' })).toHaveFocus();
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Fail' }));
    expect(store.getState().ui.failed).toEqual(['storage-1']);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(classes(cy, 'storage-1')).toContain('failed');

    act(() => {
      cy.getElementById('storage-1').emit('cxttap');
    });
    fireEvent.click(screen.getByRole('menuitem', { name: 'Restore' }));
    expect(store.getState().ui.failed).toEqual([]);

    // A NIC's menu acts on its node for the pair.
    act(() => {
      cy.getElementById('n4-s1').emit('cxttap');
    });
    fireEvent.click(screen.getByRole('menuitem', { name: 'Set as destination' }));
    expect(store.getState().ui.destinationNodeId).toBe('n4');
    act(() => {
      cy.getElementById('n2').emit('cxttap');
    });
    fireEvent.click(screen.getByRole('menuitem', { name: 'Set as source' }));
    expect(store.getState().ui.sourceNodeId).toBe('n2');
    act(() => {
      cy.getElementById(edgeId('n2-s1', 'storage-1')).emit('cxttap');
    });
    expect(screen.getByRole('menu', { name: 'Actions for SLOT 3 Port 1' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Show details' }));
    expect(store.getState().ui.selectedIds).toEqual(['n2-s1']);
    expect(store.getState().ui.panel).toBe('details');
  });

  it('closes the context menu with Escape and moves through it with the arrow keys', () => {
    const { cy } = mount('switched-4-node', ['n1', 'n3']);
    act(() => {
      cy.getElementById('n2-s1').emit('cxttap');
    });
    const menu = screen.getByRole('menu');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(screen.getByRole('menuitem', { name: 'Set as source' })).toHaveFocus();
    fireEvent.keyDown(menu, { key: 'End' });
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('saves a drag as one undo step, with the node’s NICs, and undo puts it back', async () => {
    const { cy, store } = mount('switched-4-node', ['n1', 'n3']);
    const before = { ...cy.getElementById('n2-s1').position() };
    await act(async () => {
      // cytoscape's order: press, a move, the shift with one drag event per moved node, release, dragfree per node.
      const dragged = ['n2', 'n2-mgmt', 'n2-s1', 'n2-s2'];
      cy.getElementById('n2').emit('tapstart');
      cy.getElementById('n2').emit('tapdrag');
      for (const id of dragged.slice(1)) cy.getElementById(id).shift({ x: 40, y: 300 });
      for (const id of dragged) cy.getElementById(id).emit('drag');
      cy.getElementById('n2').emit('tapend');
      for (const id of dragged) cy.getElementById(id).emit('dragfree');
      await Promise.resolve();
    });
    const s = store.getState();
    expect(s.past).toHaveLength(1);
    expect(s.document.layout!['n2-s1']).toEqual({ x: Math.round(before.x + 40), y: Math.round(before.y + 300) });
    // Everything is pinned by the first drag, so nothing placed automatically moves later.
    expect(s.document.layout!['n4-s2']).toBeDefined();
    expect(s.diagnostics.filter((d) => d.code === 'unknown-layout-id')).toEqual([]);
    expect(cy.getElementById('n2-s1').position()).toEqual({ x: Math.round(before.x + 40), y: Math.round(before.y + 300) });
    act(() => store.getState().actions.undo());
    expect(store.getState().document.layout).toBeUndefined();
    expect(cy.getElementById('n2-s1').position()).toEqual(before);
  });

  it('commits the automatic layout as one undo step, and only when it changes something', () => {
    const { api, store, cy } = mount('two-site-routed', ['n1', 'n3']);
    act(() => api.autoLayout());
    expect(store.getState().past).toHaveLength(1);
    const layout = store.getState().document.layout!;
    expect(layout['n1-lm']).toEqual({ x: Math.round(cy.getElementById('n1-lm').position().x), y: Math.round(cy.getElementById('n1-lm').position().y) });
    act(() => api.autoLayout());
    expect(store.getState().past).toHaveLength(1);
  });

  it('auto layout forgets saved positions of elements that are no longer drawn, in the same undo step', () => {
    const ex = EXAMPLES.find((e) => e.id === 'two-site-routed')!;
    const { api, store } = mount('two-site-routed', null, { ...ex.document, layout: { gone: { x: 1, y: 2 } } });
    act(() => api.autoLayout());
    const s = store.getState();
    expect(s.past).toHaveLength(1);
    expect(s.document.layout!.gone).toBeUndefined();
    expect(s.document.layout!['n1-lm']).toBeDefined();
    act(() => s.actions.undo());
    expect(store.getState().document.layout).toEqual({ gone: { x: 1, y: 2 } });
  });

  it('exports an SVG with the names, the highlight and the legend, every name escaped', async () => {
    const ex = EXAMPLES.find((e) => e.id === 'switched-4-node')!;
    const doc = { ...ex.document, name: 'Lab <A&B>', nodes: ex.document.nodes!.map((n) => (n.id === 'n2' ? { ...n, name: '<script>x</script>' } : n)) };
    const { api } = mount('switched-4-node', ['n1', 'n3'], doc);
    const [only, ...more] = await api.exportSvg({ pair: true, page: 'whole' });
    expect(more).toEqual([]);
    const svg = only!.data;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Lab &lt;A&amp;B&gt;');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('HV01 (11 VMs · 264 GB) · SOURCE');
    expect(svg).toContain('✔ CHOSEN · Storage 1 · 10.10.1.0/24');
    expect(svg).toContain('FALLBACK 1 · Storage 2');
    expect(svg).toContain('MIGRATION PATH');
    expect(svg).toContain('Fallback, numbered in order');
    expect(svg).toContain("Live migration HV01 → HV03 · Windows Server 2025 · chosen 'Storage 1' · 1 fallback");
  });

  it('renders the toolbar commands of its group, with their enabled state', () => {
    const { store } = mount('switched-4-node', ['n1', 'n3']);
    expect(screen.getByRole('group', { name: 'Diagram' }).textContent).toBe('FitAuto layout');
    const restore = screen.getByRole('button', { name: 'Restore all' });
    expect(restore).toBeDisabled();
    act(() => store.getState().actions.toggleFailed('storage-1'));
    expect(restore).toBeEnabled();
    fireEvent.click(restore);
    expect(store.getState().ui.failed).toEqual([]);
    expect(restore).toBeDisabled();
    // The buttons reach the diagram through the CanvasApi holder GraphView registers.
    fireEvent.click(screen.getByRole('button', { name: 'Auto layout' }));
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().document.layout!['n1-s1']).toBeDefined();
  });

  it('pasting and duplicating never move what is drawn (issue 17)', () => {
    const { cy, store, api } = mount('switchless-3-node');
    const leaves = () => Object.fromEntries(cy.nodes().filter((n) => n.isChildless() && !n.hasClass('network') && !n.hasClass('transit')).map((n) => [n.id(), { ...(n as NodeSingular).position() }]));
    const before = leaves();
    act(() => store.getState().actions.select(['n1']));
    const ctx = { store, canvas: { current: api } };
    act(() => COMMANDS.find((c) => c.id === 'copy')!.run(ctx));
    act(() => COMMANDS.find((c) => c.id === 'paste')!.run(ctx));
    act(() => COMMANDS.find((c) => c.id === 'duplicate')!.run(ctx));
    expect(store.getState().design.nodes).toHaveLength(5);
    const after = leaves();
    // Saved positions are whole pixels: at most half a pixel of rounding.
    for (const [id, p] of Object.entries(before)) expect(Math.max(Math.abs(after[id]!.x - p.x), Math.abs(after[id]!.y - p.y)), id).toBeLessThanOrEqual(0.5);
    // One undo step each: the positions saved for the paste go with it.
    act(() => store.getState().actions.undo());
    act(() => store.getState().actions.undo());
    expect(store.getState().document.layout).toBeUndefined();
  });

  it('has a collapsible legend beside the drawing, folded at first when the window is short', () => {
    const height = window.innerHeight;
    window.innerHeight = 700; // 1024×700: the diagram keeps its room (issue 17)
    mount('switched-4-node', ['n1', 'n3']); // a pair: the legend lists the path's items too
    window.innerHeight = height;
    const legend = screen.getByRole('complementary', { name: 'Legend' });
    expect(within(legend).queryByText('Chosen path (✔ CHOSEN)')).toBeNull();
    fireEvent.click(within(legend).getByRole('button', { name: /Legend/ }));
    expect(within(legend).getByText('Chosen path (✔ CHOSEN)')).toBeInTheDocument();
    expect(within(legend).getByText('NIC (a line joins it to its network)')).toBeInTheDocument();
    fireEvent.click(within(legend).getByRole('button', { name: /Legend/ }));
    expect(within(legend).queryByText('Chosen path (✔ CHOSEN)')).toBeNull();
  });
});

/**
 * The on-screen legend lists only what the diagram shows (issue 15), by the rule the exports use:
 * for every scenario it lists exactly the items of an exported picture of the same view.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { legendSelectorOf, viewDeriverOf } from '../../src/canvas/viewDeriver';
import { buildScene } from '../../src/canvas/export/buildScene';
import { legendIdsOf } from '../../src/canvas/export/svg';
import { LEGEND } from '../../src/canvas/legend';
import { EXAMPLES } from '../../src/examples';
import { createAppStore, type AppStore } from '../../src/store/appStore';
import { Legend } from '../../src/ui/canvas/Legend';
import { StoreProvider } from '../../src/ui/StoreContext';

const ALL = LEGEND.flatMap((s) => s.items.map((i) => i.id));
const label = (id: string): string => LEGEND.flatMap((s) => s.items).find((i) => i.id === id)!.label;

function mount(exampleId: string, pair: [string, string] | null = null): AppStore {
  const ex = EXAMPLES.find((e) => e.id === exampleId)!;
  const store = createAppStore({ document: ex.document, pair });
  const height = window.innerHeight;
  window.innerHeight = 900; // tall enough for the legend to start open
  render(
    <StoreProvider store={store}>
      <Legend />
    </StoreProvider>,
  );
  window.innerHeight = height;
  return store;
}

/** The item ids the legend on screen lists, in order. */
const shown = (): string[] => {
  const legend = screen.queryByRole('complementary', { name: 'Legend' });
  return legend ? [...legend.querySelectorAll('[data-legend]')].map((li) => li.getAttribute('data-legend')!) : [];
};

/** What an export of the same view would list (the exports' own rule, on their scene). */
const exported = (store: AppStore): string[] => {
  const v = viewDeriverOf(store)(store.getState());
  const ids = legendIdsOf(buildScene(v.model, v.positions, v.decorations));
  return ALL.filter((id) => ids.has(id));
};

interface Row {
  name: string;
  example: string;
  pair?: [string, string];
  setup?: (store: AppStore) => void;
  shows: string[];
  hides: string[];
}

const PATH = ['chosen', 'fallback', 'attempt', 'dimmed', 'source', 'failed'];

const ROWS: Row[] = [
  { name: 'switchless, no pair', example: 'switchless-3-node', shows: ['cable', 'nic', 'router', 'network-off'], hides: [...PATH, 'network', 'transit', 'down'] },
  { name: 'switchless, a pair', example: 'switchless-3-node', pair: ['n1', 'n3'], shows: ['chosen', 'source', 'dimmed', 'cable'], hides: ['fallback', 'attempt', 'failed', 'network', 'transit', 'down'] },
  {
    name: 'switchless, legacy timing out',
    example: 'switchless-3-node',
    pair: ['n2', 'n3'],
    setup: (s) => s.getState().actions.setMode('legacy'),
    shows: ['chosen', 'attempt', 'dimmed', 'source', 'cable'],
    hides: ['failed', 'network', 'transit', 'down'],
  },
  { name: 'switched, no pair', example: 'switched-4-node', shows: ['network', 'network-off', 'nic', 'router'], hides: [...PATH, 'cable', 'transit', 'down'] },
  { name: 'switched, a pair with a fallback', example: 'switched-4-node', pair: ['n1', 'n3'], shows: ['chosen', 'fallback', 'dimmed', 'source', 'network'], hides: ['attempt', 'failed', 'cable', 'transit', 'down'] },
  {
    name: 'switched, a what-if failure',
    example: 'switched-4-node',
    pair: ['n1', 'n3'],
    setup: (s) => s.getState().actions.toggleFailed('storage-1'),
    shows: ['chosen', 'failed', 'dimmed', 'source'],
    hides: ['attempt', 'cable', 'transit', 'down'],
  },
  {
    name: 'switched, legacy with every network connecting: no attempt',
    example: 'switched-4-node',
    pair: ['n1', 'n3'],
    setup: (s) => s.getState().actions.setMode('legacy'),
    shows: ['chosen', 'source'],
    hides: ['attempt', 'failed', 'cable', 'transit'],
  },
  { name: 'routed, no pair', example: 'two-site-routed', shows: ['network', 'nic', 'router', 'transit'], hides: [...PATH, 'cable', 'down'] },
  { name: 'routed, a pair', example: 'two-site-routed', pair: ['n1', 'n3'], shows: ['chosen', 'dimmed', 'source', 'router', 'transit'], hides: ['attempt', 'failed', 'cable', 'down'] },
  {
    name: 'routed, legacy (never routes: tries and times out)',
    example: 'two-site-routed',
    pair: ['n1', 'n3'],
    setup: (s) => s.getState().actions.setMode('legacy'),
    shows: ['attempt', 'dimmed', 'source'],
    hides: ['chosen', 'failed', 'cable'],
  },
  // The compact drawing tags its ends FROM and TO: the legend says so.
  { name: '16 nodes (compact), a pair', example: 'two-site-16-node', pair: ['a01', 'b01'], shows: ['chosen', 'fallback', 'dimmed', 'source-compact', 'router', 'transit'], hides: ['source', 'attempt', 'failed', 'cable'] },
];

describe('the on-screen legend lists only what the diagram shows', () => {
  it.each(ROWS)('$name', ({ example, pair, setup, shows, hides }) => {
    const store = mount(example, pair ?? null);
    if (setup) act(() => setup(store));
    const ids = shown();
    for (const id of shows) expect(ids, `shows ${id}`).toContain(id);
    for (const id of hides) expect(ids, `hides ${id}`).not.toContain(id);
    // The same rule as the exports: exactly what a picture of this view would explain.
    expect(ids).toEqual(exported(store));
    expect(screen.getByText(label(ids[0]!))).toBeInTheDocument();
  });

  it('gains an entry when the thing appears, and loses it when it goes', () => {
    const store = mount('switched-4-node');
    expect(shown()).not.toContain('down');
    act(() => void store.getState().actions.edit({ type: 'update-network', id: 'storage-2', patch: { state: 'down' } }));
    expect(shown()).toContain('down');
    expect(screen.getByText('Set to down in the design')).toBeInTheDocument();
    act(() => store.getState().actions.undo());
    expect(shown()).not.toContain('down');

    expect(shown()).toContain('router');
    act(() => void store.getState().actions.edit({ type: 'delete', ids: ['gw'] }));
    expect(shown()).not.toContain('router');
    expect(screen.queryByText('Router')).toBeNull();

    expect(shown()).not.toContain('source');
    act(() => {
      store.getState().actions.setSource('n1');
      store.getState().actions.setDestination('n3');
    });
    expect(shown()).toEqual(expect.arrayContaining(['chosen', 'fallback', 'source', 'dimmed']));
    act(() => {
      store.getState().actions.setSource(null);
      store.getState().actions.setDestination(null);
    });
    for (const id of ['chosen', 'fallback', 'source', 'dimmed']) expect(shown()).not.toContain(id);
  });

  it('draws no strip when the diagram is empty, and comes back with the first element', () => {
    const store = mount('switched-4-node');
    act(() => store.getState().actions.newTopology());
    expect(screen.queryByRole('complementary', { name: 'Legend' })).toBeNull();
    act(() => void store.getState().actions.edit({ type: 'add-network' }));
    const ids = shown();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => ['network', 'network-off', 'cable'].includes(id))).toBe(true);
  });

  it('keeps its fold and its sections titled; the path section with no pair is a hint and its room', () => {
    mount('switched-4-node');
    const legend = screen.getByRole('complementary', { name: 'Legend' });
    // Issue 24: the path's section keeps its room (a pair lit does not change the strip's height).
    const path = within(legend).getByRole('heading', { name: 'Migration path' }).closest('section')!;
    expect(within(path).getByText('Pick two nodes to see the path')).toBeInTheDocument();
    expect(path.querySelectorAll('[data-legend]')).toHaveLength(0);
    expect(within(legend).getByRole('heading', { name: 'Elements' })).toBeInTheDocument();
    fireEvent.click(within(legend).getByRole('button', { name: /Legend/ }));
    expect(within(legend).queryByText('NIC (a line joins it to its network)')).toBeNull();
  });

  it("keeps the path section's room whatever is lit: a cell for each item the design can show, the hint in the first when none is (issue 24)", () => {
    const cells = (): string[] => [...document.querySelectorAll('.canvas-legend section.legend-path li')].map((li) => li.getAttribute('data-legend') ?? (li.classList.contains('legend-reserved') ? '-' : li.textContent!));
    const store = mount('switched-4-node');
    // A cell for each path item of this (full) scale, the hint in the first; no SMB-idle item with transport compression.
    const room = ['chosen', 'fallback', 'attempt', 'dimmed', 'source', 'failed'];
    expect(cells()).toEqual(['Pick two nodes to see the path', ...room.slice(1).map(() => '-')]);
    for (const li of document.querySelectorAll('.legend-reserved')) {
      expect(li.getAttribute('aria-hidden')).toBe('true');
      expect(li.textContent).toBe('');
    }
    act(() => {
      store.getState().actions.setSource('n1');
      store.getState().actions.setDestination('n3');
    });
    const lit = shown().filter((id) => PATH.includes(id));
    expect(lit.length).toBeGreaterThan(1);
    // The items shown first, then empty cells: as many cells as before.
    expect(cells()).toEqual([...lit, ...Array<string>(room.length - lit.length).fill('-')]);
    act(() => store.getState().actions.toggleFailed('storage-1'));
    expect(cells()).toHaveLength(room.length);
    expect(cells()).toContain('failed');
  });

  it('recomputes only when the model or the highlight changes', () => {
    const ex = EXAMPLES.find((e) => e.id === 'switched-4-node')!;
    const store = createAppStore({ document: ex.document, pair: ['n1', 'n3'] });
    const select = legendSelectorOf(store);
    expect(legendSelectorOf(store)).toBe(select);
    const first = select(store.getState());
    store.getState().actions.setPanel('details');
    store.getState().actions.notify({ kind: 'info', text: 'hello' });
    expect(select(store.getState())).toBe(first);
    // An edit that makes a new model but lists the same items keeps the array (issue 24: a rename).
    expect(store.getState().actions.edit({ type: 'update-node', id: 'n2', patch: { name: 'Renamed' } }).ok).toBe(true);
    expect(select(store.getState())).toBe(first);
    store.getState().actions.toggleFailed('storage-1');
    const second = select(store.getState());
    expect(second).not.toBe(first);
    expect(second.flatMap((s) => s.items.map((i) => i.id))).toContain('failed');
  });
});

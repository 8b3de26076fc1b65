import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { Comparison } from '../../src/ui/path/Comparison';
import { StoreProvider } from '../../src/ui/StoreContext';

function renderComparison(exampleId: string, pair: [string, string] | null) {
  const ex = EXAMPLES.find((e) => e.id === exampleId)!;
  const store = createAppStore({ document: ex.document, pair });
  const view = render(
    <StoreProvider store={store}>
      <Comparison />
    </StoreProvider>,
  );
  return { store, container: view.container };
}

const timelineRows = () => within(screen.getByRole('figure', { name: 'Legacy attempt timeline' })).getAllByRole('listitem');
const cells = (rowName: string) => within(screen.getByRole('row', { name: new RegExp(`^${rowName}`) })).getAllByRole('cell').map((c) => c.textContent);

describe('Comparison', () => {
  it('switchless HV02→HV03: two 20 s timeouts, then Direct 2-3 connects; 40 s against immediately', () => {
    const { container } = renderComparison('switchless-3-node', ['n2', 'n3']);
    expect(timelineRows().map((r) => r.textContent)).toEqual([
      '1Direct 1-2 timed out after 20 s — destination node has no working address on it',
      '2Direct 1-3 timed out after 20 s — source node has no working address on it',
      '3Direct 2-3 connected after 40 s',
    ]);
    // Bars are proportional to the seconds: two halves of the axis, the connect at its end.
    const bars = [...container.querySelectorAll<HTMLElement>('.tl-bar')].map((b) => [b.style.left, b.style.width]);
    expect(bars).toEqual([
      ['0%', '50%'],
      ['50%', '50%'],
    ]);
    expect(container.querySelector<HTMLElement>('.tl-marker')!.style.left).toBe('100%');
    expect(screen.getByText("Connects on 'Direct 2-3' after 40 s")).toBeInTheDocument();
    expect(screen.getByText(/^Legacy: 40 s/).parentElement).toHaveTextContent('Legacy: 40 s before the migration starts · 2025: immediately');
    expect(cells('Network')).toEqual(["'Direct 2-3'", "'Direct 2-3'"]);
    expect(cells('Starts')).toEqual(['immediately', 'after 40 s']);
    // The timeout is the connection timeout: an upper bound of each wait, not a measured time.
    expect(screen.getByText(/^Each timeout is the connection timeout \(about 20 s by default, adjustable below\): an upper bound of each wait\./)).toBeInTheDocument();
  });

  it('the legacy timeout input changes the delay', () => {
    const { store } = renderComparison('switchless-3-node', ['n2', 'n3']);
    const input = screen.getByLabelText('Legacy timeout (seconds)');
    expect(input).toHaveValue('20');
    fireEvent.change(input, { target: { value: '30' } });
    expect(store.getState().ui.legacyTimeoutSeconds).toBe(30);
    expect(screen.getByText(/^Legacy:/)).toHaveTextContent('Legacy: 60 s before the migration starts');
    expect(timelineRows()[0]).toHaveTextContent('timed out after 30 s');
    // A half-typed value stays in the field and changes nothing.
    fireEvent.change(input, { target: { value: '' } });
    expect(input).toHaveValue('');
    expect(store.getState().ui.legacyTimeoutSeconds).toBe(30);
    // Issue 17: out of range or not whole seconds is said inline, with the value still used; leaving
    // the field shows that value again (what is shown is what is used).
    for (const [typed, says] of [['-5', 'Enter 1 to 3600 seconds'], ['99999', 'Enter 1 to 3600 seconds'], ['2.5', 'Enter whole seconds'], ['0', 'Enter 1 to 3600 seconds']]) {
      fireEvent.change(input, { target: { value: typed } });
      expect(store.getState().ui.legacyTimeoutSeconds, typed).toBe(30);
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByRole('alert')).toHaveTextContent(`${says}: still using 30 s.`);
      expect(input).toHaveAccessibleDescription(`${says}: still using 30 s. whole seconds, 1–3600 — the connection timeout, an upper bound of each wait`);
    }
    fireEvent.blur(input);
    expect(input).toHaveValue('30');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().actions.setLegacyTimeout(2.5)).toBe(false);
    // A change made elsewhere shows in the field.
    act(() => store.getState().actions.setLegacyTimeout(45));
    expect(input).toHaveValue('45');
    expect(screen.getByText(/^Legacy:/)).toHaveTextContent('Legacy: 90 s');
  });

  it('two-site HV01→HV03: 2025 routes through Router A → Router B, legacy finds no path', () => {
    renderComparison('two-site-routed', ['n1', 'n3']);
    expect(cells('Network')).toEqual(["'Live Migration A' → 'Live Migration B' via Router A → Router B", 'no path']);
    expect(cells('Kind')).toEqual(['routed (2 routers)', '—']);
    expect(cells('Starts')).toEqual(['immediately', 'never (gives up after 40 s)']);
    expect(screen.getByText(/^Legacy:/)).toHaveTextContent('Legacy: no path (fails after 40 s)');
    expect(timelineRows().map((r) => r.textContent)).toEqual([
      '1Live Migration A timed out after 20 s — destination node has no working address on it',
      '2Live Migration B timed out after 20 s — source node has no working address on it',
    ]);
    expect(screen.getByText('No network left: the migration fails after 40 s')).toBeInTheDocument();
  });

  it('switched HV01→HV03: both connect at once on Storage 1 with one fallback', () => {
    renderComparison('switched-4-node', ['n1', 'n3']);
    expect(screen.getByText(/^Legacy:/).parentElement).toHaveTextContent('Legacy: immediately · 2025: immediately');
    expect(cells('Fallbacks')).toEqual(['1', '1']);
    expect(timelineRows().map((r) => r.textContent)).toEqual(['1Storage 1 connected after 0 s']);
  });

  it('has nothing to compare without a pair or for one node', () => {
    const { store } = renderComparison('switched-4-node', null);
    expect(screen.getByText(/Pick a pair to compare/)).toBeInTheDocument();
    act(() => {
      store.getState().actions.setSource('n1');
      store.getState().actions.setDestination('n1');
    });
    expect(screen.getByText(/Nothing to compare/)).toHaveTextContent('Source and destination are the same node (HV01)');
  });
});

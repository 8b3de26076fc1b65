/** lazyNamed: a component whose code arrives later — the fallback until then, at once afterwards. */
import { act, render, screen } from '@testing-library/react';
import { Suspense, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyNamed, LoadingPanel, WhenLoaded } from '../../src/ui/common/lazy';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function Counter({ label }: { label: string }) {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      {label} {n}
    </button>
  );
}

describe('lazyNamed', () => {
  it('shows the fallback until the chunk arrives, then the component; later instances render at once', async () => {
    const chunk = deferred<{ Counter: typeof Counter }>();
    let loads = 0;
    const Lazy = lazyNamed(() => {
      loads++;
      return chunk.promise;
    }, 'Counter');
    const { unmount } = render(
      <Suspense fallback={<LoadingPanel what="the counter" />}>
        <Lazy label="Clicks" />
      </Suspense>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading the counter…');
    await act(async () => chunk.resolve({ Counter }));
    expect(await screen.findByRole('button', { name: 'Clicks 0' })).toBeInTheDocument();
    unmount();
    // Loaded: a new instance renders in the same pass, with no fallback frame.
    render(
      <Suspense fallback={<LoadingPanel what="the counter" />}>
        <Lazy label="Again" />
      </Suspense>,
    );
    expect(screen.getByRole('button', { name: 'Again 0' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
    expect(loads).toBe(1);
  });

  it('keeps the state of an instance mounted while loading when it renders again', async () => {
    const chunk = deferred<{ Counter: typeof Counter }>();
    const Lazy = lazyNamed(() => chunk.promise, 'Counter');
    const { rerender } = render(
      <Suspense fallback={null}>
        <Lazy label="A" />
      </Suspense>,
    );
    await act(async () => chunk.resolve({ Counter }));
    act(() => screen.getByRole('button', { name: 'A 0' }).click());
    rerender(
      <Suspense fallback={null}>
        <Lazy label="B" />
      </Suspense>,
    );
    expect(screen.getByRole('button', { name: 'B 1' })).toBeInTheDocument();
  });

  it('tries a failed load again (offline, then back)', async () => {
    let fail = true;
    const Lazy = lazyNamed(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve({ Counter })), 'Counter');
    await expect(Lazy.preload()).rejects.toThrow('offline');
    fail = false;
    await Lazy.preload();
    render(<Lazy label="Back" />);
    expect(screen.getByRole('button', { name: 'Back 0' })).toBeInTheDocument();
  });

  it('WhenLoaded shows its fallback without suspending, then the component once its code is there', async () => {
    const chunk = deferred<{ Counter: typeof Counter }>();
    const Lazy = lazyNamed(() => chunk.promise, 'Counter');
    render(<WhenLoaded component={Lazy} fallback={<LoadingPanel what="the counter" />}>{() => <Lazy label="Ready" />}</WhenLoaded>);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the counter…');
    await act(async () => chunk.resolve({ Counter }));
    expect(screen.getByRole('button', { name: 'Ready 0' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});

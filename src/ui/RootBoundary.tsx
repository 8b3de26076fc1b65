/**
 * The last line: when the app fails while drawing itself, a message instead of a white page. The
 * start marker stays set (see persistence.ts), so a reload starts on an example and keeps the
 * autosaved work aside for download rather than failing the same way again.
 */
import { Component, type ReactNode } from 'react';

export class RootBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="root-failure" role="alert">
        <h1>LM Path Visualizer could not show this topology</h1>
        <p>It failed with: {error.message.slice(0, 300)}</p>
        <p>
          Your autosaved work is safe in this browser. Reload the page: the app will start on an example and offer your work for download, so that you can
          keep it.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}

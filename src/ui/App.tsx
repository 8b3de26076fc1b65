/** The application frame: toolbar, diagram, side panel. Components are thin; the store owns state. */
import { Suspense } from 'react';
import { CanvasApiProvider } from './CanvasContext';
import { lazyNamed, LoadingPanel } from './common/lazy';
import { FilesHost } from './files/FilesHost';
import { DesignerDialogs } from './designer/DesignerDialogs';
import { Palette } from './designer/Palette';
import { useShortcuts } from './commands/useShortcuts';
import { NoticeBar } from './NoticeBar';
import { AutosaveStatus } from './AutosaveStatus';
import { SidePanel } from './SidePanel';
import { useApp } from './StoreContext';
import { Toolbar } from './Toolbar';

/**
 * The diagram and cytoscape are a chunk of their own (half of the app's JavaScript), fetched as
 * the app boots — `preloadDiagram` runs before the first render — so the frame, toolbar and
 * panels do not wait for it, and it does not wait for them.
 */
const GraphView = lazyNamed(() => import('./canvas/GraphView'), 'GraphView');
export const preloadDiagram = (): Promise<unknown> => GraphView.preload();

function Frame() {
  const name = useApp((s) => s.design.name);
  useShortcuts();
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          LM Path Visualizer <span className="topology-name" data-testid="topology-name">{name}</span>
        </h1>
        <Toolbar />
      </header>
      <AutosaveStatus />
      <NoticeBar />
      <main className="app-main">
        <div className="canvas-area" data-testid="canvas-area">
          <Suspense fallback={<LoadingPanel what="the diagram" />}>
            <GraphView />
          </Suspense>
          <Palette />
        </div>
        <SidePanel />
      </main>
      <FilesHost />
      <DesignerDialogs />
    </div>
  );
}

export function App() {
  return (
    <CanvasApiProvider>
      <Frame />
    </CanvasApiProvider>
  );
}

/** The application frame: toolbar, diagram, side panel. Components are thin; the store owns state. */
import { Suspense, useState } from 'react';
import { CanvasApiProvider } from './CanvasContext';
import { lazyNamed, LoadingPanel } from './common/lazy';
import { FilesHost } from './files/FilesHost';
import { useUnsavedWarning } from './files/useUnsavedWarning';
import { DesignerDialogs } from './designer/DesignerDialogs';
import { Palette } from './designer/Palette';
import { useShortcuts } from './commands/useShortcuts';
import { NoticeBar } from './NoticeBar';
import { AutosaveStatus } from './AutosaveStatus';
import { SidePanel } from './SidePanel';
import { useActions, useApp } from './StoreContext';
import { Toolbar } from './Toolbar';
import { SaveState } from './frame/SaveState';
import { EmptyHint } from './frame/EmptyHint';

/** The first tab stop: past the toolbar, straight to the path (the side panel's Path tab). */
function SkipToPath() {
  const actions = useActions();
  return (
    <a
      className="skip-link"
      href="#tabpanel-path"
      onClick={(e) => {
        e.preventDefault();
        actions.setPanel('path');
        requestAnimationFrame(() => document.getElementById('tabpanel-path')?.focus());
      }}
    >
      Skip to path
    </a>
  );
}

/**
 * The diagram and cytoscape are a chunk of their own (half of the app's JavaScript), fetched as
 * the app boots — `preloadDiagram` runs before the first render — so the frame, toolbar and
 * panels do not wait for it, and it does not wait for them.
 */
const GraphView = lazyNamed(() => import('./canvas/GraphView'), 'GraphView');
export const preloadDiagram = (): Promise<unknown> => GraphView.preload();

/**
 * Hides the side panel (issue 27): on a small window the diagram takes the whole width, so that a
 * large cluster reads at *Fit*. Local to the frame: the panel comes back as it was. On a window
 * narrower than `SMALL_WINDOW_PX` it starts hidden.
 */
function PanelToggle({ hidden, toggle }: { hidden: boolean; toggle: () => void }) {
  return (
    <button type="button" className="panel-toggle" aria-expanded={!hidden} aria-controls="side-panel" title={hidden ? 'Show the side panel (path, details, validation…)' : 'Hide the side panel: the diagram takes the whole width'} onClick={toggle}>
      {hidden ? '◂ Show panel' : 'Hide panel ▸'}
    </button>
  );
}

/**
 * Below this window width the side panel starts hidden (issue 27): beside a 420-px panel a 1024-px
 * window leaves the diagram about 600 px, where the 16-node example's network names read 6.8 px at
 * *Fit*; 9 px would need a panel of about 220 px, too narrow for the pair picker and the tables.
 */
const SMALL_WINDOW_PX = 1200;
const startsHidden = (): boolean => typeof matchMedia === 'function' && matchMedia(`(max-width: ${SMALL_WINDOW_PX - 1}px)`).matches;

function Frame() {
  const name = useApp((s) => s.design.name);
  const [panelHidden, setPanelHidden] = useState(startsHidden);
  useShortcuts();
  useUnsavedWarning();
  return (
    <div className="app">
      <SkipToPath />
      <header className="app-header">
        <h1>
          LM Path Visualizer <span className="topology-name" data-testid="topology-name">{name}</span>
        </h1>
        <SaveState />
        <PanelToggle hidden={panelHidden} toggle={() => setPanelHidden((h) => !h)} />
        <Toolbar />
      </header>
      <AutosaveStatus />
      <NoticeBar />
      <main className={panelHidden ? 'app-main panel-hidden' : 'app-main'}>
        <div className="canvas-area" data-testid="canvas-area">
          <Suspense fallback={<LoadingPanel what="the diagram" />}>
            <GraphView />
          </Suspense>
          <EmptyHint />
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

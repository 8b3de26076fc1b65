/** The application frame: toolbar, diagram, side panel. Components are thin; the store owns state. */
import { GraphView } from '../canvas/GraphView';
import { CanvasApiProvider } from './CanvasContext';
import { FilesHost } from './files/FilesHost';
import { DesignerDialogs } from './designer/DesignerDialogs';
import { Palette } from './designer/Palette';
import { useShortcuts } from './commands/useShortcuts';
import { NoticeBar } from './NoticeBar';
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

function Frame() {
  const name = useApp((s) => s.design.name);
  useShortcuts();
  return (
    <div className="app">
      <SkipToPath />
      <header className="app-header">
        <h1>
          LM Path Visualizer <span className="topology-name" data-testid="topology-name">{name}</span>
        </h1>
        <SaveState />
        <Toolbar />
      </header>
      <NoticeBar />
      <main className="app-main">
        <div className="canvas-area" data-testid="canvas-area">
          <GraphView />
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

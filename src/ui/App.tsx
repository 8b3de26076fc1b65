/** The application frame: toolbar, diagram, side panel. Components are thin; the store owns state. */
import { PathPanel } from './path/PathPanel';
import { Toolbar } from './Toolbar';
import { NoticeBar } from './NoticeBar';
import { useApp } from './StoreContext';

export function App() {
  const name = useApp((s) => s.design.name);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          LM Path Visualizer <span className="topology-name" data-testid="topology-name">{name}</span>
        </h1>
        <Toolbar />
      </header>
      <NoticeBar />
      <main className="app-main">
        <div className="canvas-area" data-testid="canvas-area" />
        <aside className="side-panel">
          <PathPanel />
        </aside>
      </main>
    </div>
  );
}

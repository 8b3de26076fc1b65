/** Boot: restore the autosave (or open the default example), wire autosave, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_EXAMPLE } from './examples';
import { bootPersistence } from './store/persistence';
import { App, preloadDiagram } from './ui/App';
import { StoreProvider } from './ui/StoreContext';
import './ui/app.css';

// The diagram's chunk (cytoscape) is fetched while the rest boots.
void preloadDiagram();

// Restores the autosave (unreadable data is set aside and offered for download) and keeps saving.
// A pair or mode change is written a moment later (a click's frame comes first); edits at once.
const { store, flush } = bootPersistence({
  storage: window.localStorage,
  fallback: () => ({ document: DEFAULT_EXAMPLE.document, pair: DEFAULT_EXAMPLE.pair }),
  uiDelayMs: 250,
});
window.addEventListener('pagehide', flush);

// End-to-end tests reach the store through this hook (never used by the app itself).
(window as unknown as { __lmpv?: unknown }).__lmpv = { store };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);

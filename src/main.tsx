/** Boot: restore the autosave (or open the default example), wire autosave, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_EXAMPLE } from './examples';
import { createAppStore } from './store/appStore';
import { autosave, restore } from './store/persistence';
import { App } from './ui/App';
import { StoreProvider } from './ui/StoreContext';
import './ui/app.css';

const restored = restore(window.localStorage);
const store =
  restored.kind === 'ok'
    ? createAppStore({ document: restored.saved.document, ui: restored.saved.ui })
    : createAppStore({ document: DEFAULT_EXAMPLE.document, pair: DEFAULT_EXAMPLE.pair });
if (restored.kind === 'unreadable') {
  store.getState().actions.notify({
    kind: 'error',
    text: `Your autosaved work could not be read (${restored.reason}). The app started with an example instead; the unreadable data was kept — download it below before it is overwritten by your next change.`,
    download: { filename: 'lm-autosave-unreadable.json', content: restored.raw },
  });
  // Keep the unreadable data aside so that the next autosave does not destroy it.
  try {
    window.localStorage.setItem(`lm-path-visualizer:unreadable:${Date.now()}`, restored.raw);
  } catch {
    /* storage full: the download button still has it */
  }
}
autosave(store, window.localStorage, () =>
  store.getState().actions.notify({ kind: 'error', text: 'Autosave failed: the browser storage is full or disabled. Save your topology to a file.' }),
);

// End-to-end tests reach the store through this hook (never used by the app itself).
(window as unknown as { __lmpv?: unknown }).__lmpv = { store };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);

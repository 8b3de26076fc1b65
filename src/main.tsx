/** Boot: restore the autosave (or open the default example), wire autosave, render. */
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_EXAMPLE } from './examples';
import { bootPersistence, memoryStorage, STORAGE_KEY, type Booted, type BootOptions, type KeyValueStorage } from './store/persistence';
import { App, preloadDiagram } from './ui/App';
import { RootBoundary } from './ui/RootBoundary';
import { StoreProvider } from './ui/StoreContext';
import { installTestHandle } from './ui/testHandle';
import { diagramMounted } from './ui/canvas/mounted';
import './ui/app.css';

/** The browser's storage, or null when it refuses it (reading `localStorage` throws under some policies). */
function browserStorage(which: 'localStorage' | 'sessionStorage'): KeyValueStorage | null {
  try {
    const storage = window[which];
    storage.getItem(STORAGE_KEY);
    return storage;
  } catch {
    return null;
  }
}

// Uncaught errors before the app has shown itself keep the start marker: the next start does not trust the autosave.
let failedEarly = false;
const onEarlyError = (): void => {
  failedEarly = true;
};
window.addEventListener('error', onEarlyError);

// The diagram's chunk (cytoscape) is fetched while the rest boots.
void preloadDiagram();

// Restores the autosave (unreadable data is set aside and offered for download) and keeps saving.
// A pair or mode change is written a moment later (a click's frame comes first); edits at once.
const storage = browserStorage('localStorage');
const options: BootOptions = {
  storage: storage ?? memoryStorage(),
  blocked: storage === null,
  session: browserStorage('sessionStorage') ?? undefined,
  fallback: () => ({ document: DEFAULT_EXAMPLE.document, pair: DEFAULT_EXAMPLE.pair }),
  uiDelayMs: 250,
  listen: (onChange) => {
    const listener = (e: StorageEvent): void => onChange(e.key, e.newValue);
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  },
};
let booted: Booted;
try {
  booted = bootPersistence(options);
} catch {
  // A bug in restoring: start without the browser's storage rather than not at all (nothing there is touched).
  booted = bootPersistence({ ...options, storage: memoryStorage(), blocked: true });
}
const { store, flush, started } = booted;
window.addEventListener('pagehide', flush);

// The documented handle for end-to-end tests and the benchmark (src/ui/testHandle.ts); the app never reads it.
installTestHandle(store);

/**
 * Marks the start done once the app has drawn what it restored without an error: when the
 * diagram (a chunk of its own, decision 151) has mounted, and a frame later. A failure before
 * that replaces the tree (RootBoundary), which unmounts this component, so the start is never
 * marked and the next one sets the autosave aside.
 */
function Started() {
  useEffect(() => {
    let cancelled = false;
    void diagramMounted.then(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (cancelled || failedEarly) return;
          window.removeEventListener('error', onEarlyError);
          started();
        }, 0),
      ),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RootBoundary>
      <StoreProvider store={store}>
        <App />
        <Started />
      </StoreProvider>
    </RootBoundary>
  </StrictMode>,
);

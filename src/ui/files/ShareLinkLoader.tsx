/**
 * Opens a topology shared by link: on start and whenever the fragment changes (a link pasted into
 * the address bar of an open tab only changes the fragment). Asks first when the link would
 * replace unsaved work; a truncated or altered link changes nothing and says what is wrong.
 */
import { useEffect, useState } from 'react';
import type { TopologyDocument } from '../../engine';
import type { AppStore } from '../../store/appStore';
import { useAppStore } from '../StoreContext';
import { Modal } from '../common/Modal';
import { splitShareFragment, type SharedView } from './shareFragment';
import { hasUnsavedWork } from '../frame/unsavedWork';

/** Removes the fragment so that a reload does not open the link again over later edits. */
function clearFragment(): void {
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
}

function openShared(store: AppStore, doc: TopologyDocument, view: SharedView): void {
  clearFragment();
  const { actions } = store.getState();
  const loaded = actions.load(doc, view.pair);
  if (loaded.ok && view.mode) actions.setMode(view.mode);
  if (loaded.ok) actions.notify({ kind: 'info', text: `Opened the shared topology '${doc.name ?? 'Untitled topology'}'. Undo brings back what you had before.` });
  else actions.notify({ kind: 'error', text: 'The shared link could not be opened: the topology on screen is unchanged.', errors: loaded.errors });
}

/** Unsaved work: the store knows, an autosave restored with unsaved changes included. */
function wouldLoseWork(store: AppStore): boolean {
  return hasUnsavedWork(store.getState());
}

export function ShareLinkLoader() {
  const store = useAppStore();
  const [pending, setPending] = useState<{ doc: TopologyDocument; view: SharedView } | null>(null);

  useEffect(() => {
    const check = async (): Promise<void> => {
      // The share link code (and its compression library) loads only when there is a fragment.
      if (window.location.hash.length < 2) return;
      const { decodeShareLink, isShareFragment } = await import('../../engine/io/share');
      if (!isShareFragment(window.location.hash)) return;
      const { share, view } = splitShareFragment(window.location.hash);
      const r = decodeShareLink(share);
      if (!r.ok) {
        clearFragment();
        store.getState().actions.notify({ kind: 'error', text: 'The shared link could not be opened: the topology on screen is unchanged.', errors: r.errors });
        return;
      }
      if (wouldLoseWork(store)) setPending({ doc: r.document, view });
      else openShared(store, r.document, view);
    };
    const onHash = (): void => void check();
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);

  if (!pending) return null;
  const keep = (): void => {
    clearFragment();
    setPending(null);
    store.getState().actions.notify({ kind: 'info', text: 'The shared topology was not opened; your work is as it was. Open the link again to see it.' });
  };
  return (
    <Modal title="Open the shared topology?" onClose={keep}>
      <p>
        The link holds the topology '<strong>{pending.doc.name ?? 'Untitled topology'}</strong>'. Opening it replaces your current topology, which may have changes
        that are not saved to a file.
      </p>
      <div className="files-row">
        <button
          type="button"
          className="files-primary"
          onClick={() => {
            setPending(null);
            openShared(store, pending.doc, pending.view);
          }}
        >
          Open the shared topology
        </button>
        <button type="button" onClick={keep}>
          Keep my work
        </button>
      </div>
      <p className="files-hint">Opening is undoable (Ctrl+Z); saving your work first keeps it safe beyond this session.</p>
    </Modal>
  );
}

/**
 * Mounted once by App: the hidden file picker, the drop target, the file dialogs and the share
 * link loader. Commands reach it through requestFiles().
 */
import { Suspense, useCallback, useRef, useState } from 'react';
import { lazyNamed, WhenLoaded } from '../common/lazy';
import { useAppStore } from '../StoreContext';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { Modal } from '../common/Modal';
import type { ImportOutcome } from './fileActions';
import { useFilesRequests, type FilesRequest } from './requests';
import { ShareLinkLoader } from './ShareLinkLoader';
import { useFileDrop } from './useFileDrop';
import './files.css';

// The dialogs and the file formats behind them load when first opened (a first visit shows none).
const ExportDialog = lazyNamed(() => import('./ExportDialog'), 'ExportDialog');
const ImportDialog = lazyNamed(() => import('./ImportDialog'), 'ImportDialog');
const PowerShellDialog = lazyNamed(() => import('./PowerShellDialog'), 'PowerShellDialog');

type Dialog = { kind: 'export' } | { kind: 'powershell' } | { kind: 'import'; initial: ImportOutcome | null; id: number };
/** An opened file waiting for the user's word before it replaces unsaved work. */
type Replace = { fileName: string; topologyName: string; action: 'open' | 'import'; answer: (open: boolean) => void };

export function FilesHost() {
  const store = useAppStore();
  const input = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // A new import result remounts the import dialog, even when it is already open.
  const importId = useRef(0);
  const close = useCallback(() => setDialog(null), []);
  const [replace, setReplace] = useState<Replace | null>(null);
  const confirm = useCallback(
    (fileName: string, topologyName: string, action: 'open' | 'import' = 'open') =>
      new Promise<boolean>((resolve) =>
        setReplace({
          fileName,
          topologyName,
          action,
          answer: (yes) => {
            setReplace(null);
            resolve(yes);
          },
        }),
      ),
    [],
  );

  const open = useCallback(
    (file: File) => {
      void import('./fileActions').then(({ openTopologyFile }) => openTopologyFile(file, store, confirm)).then((outcome) => {
        // An inventory opened by mistake is imported: show what the import assumed.
        setDialog(outcome.kind === 'inventory' ? { kind: 'import', initial: outcome.result, id: ++importId.current } : null);
      });
    },
    [store, confirm],
  );
  const nothingDropped = useCallback(
    () => store.getState().actions.notify({ kind: 'error', text: 'Nothing was opened: the browser gave no readable file for what was dropped (a folder, or a file from an archive?). Drop the topology file itself.' }),
    [store],
  );

  const onRequest = useCallback((request: FilesRequest) => {
    if (request === 'open') input.current?.click();
    else if (request === 'import') setDialog({ kind: 'import', initial: null, id: ++importId.current });
    else setDialog({ kind: request });
  }, []);
  useFilesRequests(onRequest);
  const dragging = useFileDrop(open, nothingDropped);

  return (
    <>
      <input
        ref={input}
        type="file"
        className="files-hidden-input"
        accept=".json,application/json"
        aria-label="Open topology file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // so that the same file can be opened again
          if (file) open(file);
        }}
      />
      {dragging && (
        <div className="files-drop" aria-hidden="true">
          <p>Drop a topology or cluster inventory file to open it</p>
        </div>
      )}
      {dialog?.kind === 'export' && (
        <ErrorBoundary what="The Export dialog" onClose={close}>
          <Suspense fallback={null}><WhenLoaded component={ExportDialog}>{() => <ExportDialog onClose={close} />}</WhenLoaded></Suspense>
        </ErrorBoundary>
      )}
      {dialog?.kind === 'powershell' && (
        <ErrorBoundary what="The PowerShell dialog" onClose={close}>
          <Suspense fallback={null}><WhenLoaded component={PowerShellDialog}>{() => <PowerShellDialog onClose={close} />}</WhenLoaded></Suspense>
        </ErrorBoundary>
      )}
      {dialog?.kind === 'import' && (
        <ErrorBoundary key={dialog.id} what="The import dialog" onClose={close}>
          <Suspense fallback={null}><WhenLoaded component={ImportDialog}>{() => <ImportDialog onClose={close} initial={dialog.initial} confirm={confirm} />}</WhenLoaded></Suspense>
        </ErrorBoundary>
      )}
      <ErrorBoundary what="Opening the shared link">
        <ShareLinkLoader />
      </ErrorBoundary>
      {replace && (
        <Modal title={replace.action === 'import' ? 'Import the cluster?' : 'Open the file?'} onClose={() => replace.answer(false)}>
          <p>
            '{replace.fileName}' holds {replace.action === 'import' ? 'the cluster' : 'the topology'} '<strong>{replace.topologyName}</strong>'.{' '}
            {replace.action === 'import' ? 'Importing' : 'Opening'} it replaces your current topology, which has changes that are not saved to a file.
          </p>
          <div className="files-row">
            <button type="button" className="files-primary" onClick={() => replace.answer(true)}>
              {replace.action === 'import' ? 'Import the cluster' : 'Open the file'}
            </button>
            <button type="button" onClick={() => replace.answer(false)}>
              Keep my work
            </button>
          </div>
          <p className="files-hint">{replace.action === 'import' ? 'Importing' : 'Opening'} is undoable (Ctrl+Z); saving your work first keeps it safe beyond this session.</p>
        </Modal>
      )}
    </>
  );
}

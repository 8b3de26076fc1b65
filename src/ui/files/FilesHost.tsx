/**
 * Mounted once by App: the hidden file picker, the drop target, the file dialogs and the share
 * link loader. Commands reach it through requestFiles().
 */
import { Suspense, useCallback, useRef, useState } from 'react';
import { lazyNamed, WhenLoaded } from '../common/lazy';
import { useAppStore } from '../StoreContext';
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

export function FilesHost() {
  const store = useAppStore();
  const input = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // A new import result remounts the import dialog, even when it is already open.
  const importId = useRef(0);
  const close = useCallback(() => setDialog(null), []);

  const open = useCallback(
    (file: File) => {
      void import('./fileActions').then(({ openTopologyFile }) => openTopologyFile(file, store)).then((outcome) => {
        // An inventory opened by mistake is imported: show what the import assumed.
        setDialog(outcome.kind === 'inventory' ? { kind: 'import', initial: outcome.result, id: ++importId.current } : null);
      });
    },
    [store],
  );

  const onRequest = useCallback((request: FilesRequest) => {
    if (request === 'open') input.current?.click();
    else if (request === 'import') setDialog({ kind: 'import', initial: null, id: ++importId.current });
    else setDialog({ kind: request });
  }, []);
  useFilesRequests(onRequest);
  const dragging = useFileDrop(open);

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
      {/* No placeholder: a dialog's chunk arrives within a frame or two, then the dialog opens. */}
      <Suspense fallback={null}>
        {dialog?.kind === 'export' && <WhenLoaded component={ExportDialog}>{() => <ExportDialog onClose={close} />}</WhenLoaded>}
        {dialog?.kind === 'powershell' && <WhenLoaded component={PowerShellDialog}>{() => <PowerShellDialog onClose={close} />}</WhenLoaded>}
        {dialog?.kind === 'import' && (
          <WhenLoaded component={ImportDialog}>{() => <ImportDialog key={dialog.id} onClose={close} initial={dialog.initial} />}</WhenLoaded>
        )}
      </Suspense>
      <ShareLinkLoader />
    </>
  );
}

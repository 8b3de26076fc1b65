/**
 * Import a real cluster: the read-only collection script (copy or download), then the file it
 * writes. What the import assumed is listed afterwards, so the user can check it against reality.
 */
import { useState } from 'react';
import { INVENTORY_SCRIPT } from '../../engine';
import { useAppStore } from '../StoreContext';
import { importCounts, importInventory, unreadableMessage, type ConfirmReplace, type ImportOutcome } from './fileActions';
import { Modal } from '../common/Modal';
import { HistoryStep } from './HistoryStep';
import { PathTestStep } from './PathTestStep';
import { FileRefused, JsonFileInput, ResultBox, usePickedFile } from './jsonFileInput';
import { ScriptBox } from './ScriptBox';

function Result({ result }: { result: ImportOutcome }) {
  if (!result.ok)
    return <FileRefused fileName={result.fileName} unchanged="the topology on screen is unchanged" label="Import errors" errors={result.errors} />;
  return (
    <div role="status">
      <p className="files-status">
        Imported cluster '{result.name}' from '{result.fileName}': {importCounts(result.nodeCount, result.networkCount, result.vmCount)}.
      </p>
      {result.diagnostics.length === 0 ? (
        <p>Nothing was assumed and no problem was found.</p>
      ) : (
        <>
          <p>Check these against the real cluster (they are also in the Validation tab, except the import's assumptions):</p>
          <ul className="files-notes" aria-label="Import diagnostics">
            {result.diagnostics.map((d, i) => (
              <li key={i}>
                {d.code === 'assumed' && <strong>Assumed: </strong>}
                {d.message}
                {d.path && <span className="error-path"> (in the file at <code>{d.path}</code>)</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="files-hint">Undo (Ctrl+Z) brings back the topology you had before.</p>
    </div>
  );
}

export function ImportDialog({ onClose, initial = null, confirm }: { onClose: () => void; initial?: ImportOutcome | null; confirm?: ConfirmReplace }) {
  const store = useAppStore();
  const [result, setResult] = useState<ImportOutcome | null>(initial);
  const { busy, onFile } = usePickedFile(async (bytes, fileName) => {
    if (bytes === null) {
      const errors = [{ path: '', message: unreadableMessage(fileName) }];
      store.getState().actions.notify({ kind: 'error', text: `'${fileName}' was not imported: the topology on screen is unchanged.`, errors });
      setResult({ ok: false, fileName, errors });
    } else {
      const imported = await importInventory(bytes, fileName, store, confirm);
      if (imported) setResult(imported);
    }
  });

  return (
    <Modal title="Import a cluster" onClose={onClose} wide>
      {/* Folded when the dialog opens on a result (an inventory dropped or opened): the result matters then. */}
      <details className="files-step" open={initial === null}>
        <summary>
          <h3>1. Collect the cluster's inventory</h3>
        </summary>
        <p>
          Run this PowerShell script elevated on any node of the cluster. It only reads (Get-* commands) and writes one file, <code>lm-inventory.json</code>, in
          the current folder.
        </p>
        <ScriptBox script={INVENTORY_SCRIPT} label="Inventory script" fileName="Get-LmInventory.ps1" copyLabel="Copy script" downloadLabel="Download script" />
      </details>
      <section aria-labelledby="import-step-2">
        <h3 id="import-step-2">2. Import the file it wrote</h3>
        <p>This replaces the topology on screen (Undo brings it back). UTF-8 and UTF-16 files are both fine.</p>
        <JsonFileInput label="Inventory file" disabled={busy} onFile={(file) => void onFile(file)} />
        <ResultBox result={result}>{result && <Result result={result} />}</ResultBox>
      </section>
      <PathTestStep />
      <HistoryStep />
    </Modal>
  );
}

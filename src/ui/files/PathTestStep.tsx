/**
 * Step 3 of Import cluster: the read-only path test script for the design on screen, and the
 * file it writes, imported beside the design (the design itself does not change).
 */
import { useMemo, useState } from 'react';
import { buildPathTestScript, PATH_TEST_FILE, PATH_TEST_SCRIPT_FILE } from '../../engine/io';
import { useApp, useAppStore } from '../StoreContext';
import { unreadableMessage } from './fileActions';
import { importPathTest, type PathTestOutcome } from './pathTestActions';
import { FileRefused, JsonFileInput, ResultBox, usePickedFile } from './jsonFileInput';
import { ScriptBox } from './ScriptBox';
import { CappedList } from '../common/FoldedList';

function Result({ result }: { result: PathTestOutcome }) {
  if (!result.ok)
    return <FileRefused fileName={result.fileName} unchanged="the design and its observations are unchanged" label="Path test errors" errors={result.errors} />;
  return (
    <div role="status">
      <p className="files-status">
        Imported '{result.fileName}': {result.attempts} connections;{' '}
        {result.mismatches === 0 ? 'every tested path behaves as the design predicts' : `${result.mismatches} disagree${result.mismatches === 1 ? 's' : ''} with the design (see the Validation tab)`}
        {result.unmatched > 0 && `; ${result.unmatched} match nothing in the design`}. The All pairs tab compares them pair by pair.
      </p>
      {result.notes.length > 0 && <CappedList className="files-notes" label="Path test notes" items={result.notes} item={(n) => n} shown={20} whereTheRest=" (All pairs tab)" />}
    </div>
  );
}

export function PathTestStep() {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const script = useMemo(() => buildPathTestScript(design), [design]);
  const [result, setResult] = useState<PathTestOutcome | null>(null);
  const { busy, onFile } = usePickedFile((bytes, fileName) =>
    setResult(bytes === null ? { ok: false, fileName, errors: [{ path: '', message: unreadableMessage(fileName) }] } : importPathTest(bytes, fileName, store)),
  );
  return (
    <details className="files-step">
      <summary>
        <h3>3. Check the design against the cluster (optional)</h3>
      </summary>
      <p>
        <code>{PATH_TEST_SCRIPT_FILE}</code>, written for the design on screen ({design.nodes.length} nodes), opens from each node a TCP connection to port 6600 (445 too with
        SMB) of every address of every other node, bound to each of its own addresses, and writes <code>{PATH_TEST_FILE}</code>. It changes nothing on the cluster
        and prints how long it may take before it starts. Importing its file keeps the results with the design and compares them with the prediction.
      </p>
      <ScriptBox script={script} label="Path test script" fileName={PATH_TEST_SCRIPT_FILE} copyLabel="Copy path test script" downloadLabel="Download path test script" />
      <JsonFileInput label="Path test result file" disabled={busy} onFile={(file) => void onFile(file)} />
      <ResultBox result={result}>{result && <Result result={result} />}</ResultBox>
    </details>
  );
}

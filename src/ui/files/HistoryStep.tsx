/**
 * Step 4 of Import cluster: the read-only history script (the same for every design) and the file
 * it writes, imported beside the design (the design itself does not change).
 */
import { useMemo, useState } from 'react';
import { buildHistoryScript, HISTORY_FILE, HISTORY_SCRIPT_FILE } from '../../engine/io';
import { useAppStore } from '../StoreContext';
import { unreadableMessage } from './fileActions';
import { importHistory, type HistoryOutcome } from './historyActions';
import { FileRefused, JsonFileInput, ResultBox, usePickedFile } from './jsonFileInput';
import { ScriptBox } from './ScriptBox';
import { CappedList } from '../common/FoldedList';

function Result({ result }: { result: HistoryOutcome }) {
  if (!result.ok) return <FileRefused fileName={result.fileName} unchanged="the design and its observations are unchanged" label="History errors" errors={result.errors} />;
  return (
    <div role="status">
      <p className="files-status">
        Imported '{result.fileName}': {result.migrations} past migration{result.migrations === 1 ? '' : 's'}, {result.timed} with a duration
        {result.failures > 0 && `, ${result.failures} failed connection${result.failures === 1 ? '' : 's'}`}
        {result.unmatched > 0 && `; ${result.unmatched} match nothing in the design`}. The All pairs tab lists them and offers a calibration.
      </p>
      {result.notes.length > 0 && <CappedList className="files-notes" label="History notes" items={result.notes} item={(n) => n} shown={20} whereTheRest=" (All pairs tab)" />}
    </div>
  );
}

export function HistoryStep() {
  const store = useAppStore();
  const script = useMemo(() => buildHistoryScript(), []);
  const [result, setResult] = useState<HistoryOutcome | null>(null);
  const { busy, onFile } = usePickedFile((bytes, fileName) =>
    setResult(bytes === null ? { ok: false, fileName, errors: [{ path: '', message: unreadableMessage(fileName) }] } : importHistory(bytes, fileName, store)),
  );
  return (
    <details className="files-step">
      <summary>
        <h3>4. What past migrations took (optional)</h3>
      </summary>
      <p>
        <code>{HISTORY_SCRIPT_FILE}</code> reads, on every node, the live migration events of the last 7 days (<code>-Days</code> for another window): each VM's
        move, its blackout time and the connections that failed. It changes nothing on the cluster and writes <code>{HISTORY_FILE}</code>. Importing it keeps
        the past migrations with the design, with their durations beside the drain estimates, and offers to calibrate the model on them.
      </p>
      <ScriptBox script={script} label="History script" fileName={HISTORY_SCRIPT_FILE} copyLabel="Copy history script" downloadLabel="Download history script" />
      <JsonFileInput label="History file" disabled={busy} onFile={(file) => void onFile(file)} />
      <ResultBox result={result}>{result && <Result result={result} />}</ResultBox>
    </details>
  );
}

/** The file picker, the refusal and the result box of the import dialog's steps (the inventory, the path test): one of each. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { readBytes } from './fileActions';

/** A JSON file picker that hands over the picked file and forgets it, so the same file can be picked again. */
export function JsonFileInput({ label, disabled, onFile }: { label: string; disabled: boolean; onFile: (file: File | undefined) => void }) {
  return (
    <div className="files-row">
      <label className="files-file">
        <input
          type="file"
          accept=".json,application/json"
          aria-label={label}
          disabled={disabled}
          onChange={(e) => {
            onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
    </div>
  );
}

/** Shows a step's result and scrolls it into view when it changes (it may be below the fold). */
export function ResultBox({ result, children }: { result: unknown; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [result]);
  return result ? <div ref={box}>{children}</div> : null;
}

/** A file that was not imported: what stays unchanged, and each error with where in the file. */
export function FileRefused({ fileName, unchanged, label, errors }: { fileName: string; unchanged: string; label: string; errors: readonly { path: string; message: string }[] }) {
  return (
    <div role="alert">
      <p className="failure">
        '{fileName}' was not imported; {unchanged}.
      </p>
      <ul className="files-errors" aria-label={label}>
        {errors.map((e, i) => (
          <li key={i}>
            {e.message}
            {e.path && <span className="error-path"> (in the file at <code>{e.path}</code>)</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A step's picked file: read (null when the browser cannot read it), handed to `handle`, with
 * `busy` set while that runs so the picker is disabled.
 */
export function usePickedFile(handle: (bytes: Uint8Array | null, fileName: string) => Promise<void> | void): { busy: boolean; onFile: (file: File | undefined) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setBusy(true);
    try {
      await handle(await readBytes(file), file.name);
    } finally {
      setBusy(false);
    }
  };
  return { busy, onFile };
}

/**
 * The *Example* menu. Like *New topology* and share links, it asks before replacing unsaved work
 * (and says that Undo brings it back).
 */
import { useState } from 'react';
import { EXAMPLES, findExample, type Example } from '../../examples';
import { Modal } from '../common/Modal';
import { formatShortcut } from '../commands/shortcuts';
import { useAppStore } from '../StoreContext';
import { hasUnsavedWork } from './unsavedWork';

export function ExampleMenu() {
  const store = useAppStore();
  const [pending, setPending] = useState<Example | null>(null);
  const open = (ex: Example): void => {
    store.getState().actions.load(ex.document, ex.pair);
  };
  return (
    <>
      <label className="examples">
        Example
        <select
          value=""
          onChange={(e) => {
            const ex = findExample(e.target.value);
            if (!ex) return;
            if (hasUnsavedWork(store.getState())) setPending(ex);
            else open(ex);
          }}
        >
          <option value="">Open an example…</option>
          {EXAMPLES.map((ex) => (
            <option key={ex.id} value={ex.id} title={ex.summary}>
              {ex.name}
            </option>
          ))}
        </select>
      </label>
      {pending && (
        <Modal title="Open the example?" onClose={() => setPending(null)}>
          <p>
            The current topology has changes that are not saved to a file. Opening the example '<strong>{pending.name}</strong>' replaces it on screen; you can
            bring it back with Undo ({formatShortcut('Mod+Z')}).
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setPending(null)}>
              Keep my work
            </button>
            <button
              type="button"
              className="files-primary"
              onClick={() => {
                open(pending);
                setPending(null);
              }}
            >
              Open the example
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}

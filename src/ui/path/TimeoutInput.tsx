/** The legacy connection timeout, editable; a half-typed value stays in the field until it is a number. */
import { useState } from 'react';
import { useActions, useApp } from '../StoreContext';

export function TimeoutInput() {
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  const actions = useActions();
  const [draft, setDraft] = useState({ text: String(timeout), forValue: timeout });
  // The store may change the timeout elsewhere (restore, another control): show its value then.
  if (draft.forValue !== timeout && Number(draft.text) !== timeout) setDraft({ text: String(timeout), forValue: timeout });
  return (
    <label className="timeout-input" title="The connection timeout: the longest a network that does not connect makes the migration wait (about 20 s by default).">
      Legacy timeout (seconds) <span className="timeout-hint">— the connection timeout, an upper bound of each wait</span>
      <input
        type="number"
        min={0}
        max={3600}
        step={1}
        value={draft.text}
        onChange={(e) => {
          const text = e.target.value;
          const n = Number(text);
          const valid = text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 3600;
          setDraft({ text, forValue: valid ? n : timeout });
          if (valid) actions.setLegacyTimeout(n);
        }}
      />
    </label>
  );
}

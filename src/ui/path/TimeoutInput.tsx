/**
 * The legacy connection timeout, editable. What is typed is used when it is whole seconds in the
 * allowed range; anything else is shown as an error beside the field (saying which value is still
 * in use) and, when the field is left, the field goes back to that value: the figures on screen
 * always use what the field shows.
 */
import { useId, useState } from 'react';
import { LEGACY_TIMEOUT_RANGE, isLegacyTimeout as validLegacyTimeout } from '../../engine';
import { useActions, useLiveApp } from '../StoreContext';

const { min, max } = LEGACY_TIMEOUT_RANGE;

function problem(text: string): string | null {
  const t = text.trim();
  if (t === '') return 'Enter a number of seconds';
  const n = Number(t);
  if (!Number.isFinite(n)) return 'Enter a number of seconds';
  if (!Number.isInteger(n)) return 'Enter whole seconds';
  if (n < min || n > max) return `Enter ${min} to ${max} seconds`;
  return null;
}

export function TimeoutInput() {
  // Live even inside the comparison's <Deferred>: the field must not be reset to a value a render behind.
  const timeout = useLiveApp((s) => s.ui.legacyTimeoutSeconds);
  const actions = useActions();
  const errorId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState({ text: String(timeout), forValue: timeout });
  // The store may change the timeout elsewhere (restore, another control): show its value then.
  if (draft.forValue !== timeout && Number(draft.text) !== timeout) setDraft({ text: String(timeout), forValue: timeout });
  const error = problem(draft.text);
  return (
    <div className="timeout-input" title="The connection timeout: the longest a network that does not connect makes the migration wait (about 20 s by default).">
      <label>
        Legacy timeout (seconds)
        <input
          type="text"
          inputMode="numeric"
          value={draft.text}
          aria-invalid={error !== null}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          onChange={(e) => {
            const text = e.target.value;
            const n = Number(text.trim());
            const valid = problem(text) === null && validLegacyTimeout(n);
            setDraft({ text, forValue: valid ? n : timeout });
            if (valid) actions.setLegacyTimeout(n);
          }}
          onBlur={() => {
            if (error) setDraft({ text: String(timeout), forValue: timeout });
          }}
        />
      </label>
      <span id={hintId} className="timeout-range">
        whole seconds, {min}–{max} — the connection timeout, an upper bound of each wait
      </span>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}: still using {timeout} s.
        </p>
      )}
    </div>
  );
}

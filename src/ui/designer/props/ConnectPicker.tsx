/** The keyboard twin of drawing a connection on the canvas: pick a target, press Connect. */
import { useId, useState } from 'react';
import type { ParseError } from '../../../engine';
import { ErrorList, useCommit } from './fields';

export interface Target {
  id: string;
  label: string;
}

export function ConnectPicker({ from, label, groups }: { from: string; label: string; groups: { label: string; targets: Target[] }[] }) {
  const id = useId();
  const commit = useCommit();
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<ParseError[] | null>(null);
  const any = groups.some((g) => g.targets.length > 0);
  return (
    <div className="props-field">
      <label htmlFor={id}>{label}</label>
      <div className="props-control">
        <div className="props-connect">
          <select id={id} value={target} onChange={(e) => setTarget(e.target.value)} disabled={!any}>
            <option value="">{any ? '— choose —' : '— nothing to connect to —'}</option>
            {groups.filter((g) => g.targets.length > 0).map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <button
            type="button"
            disabled={target === ''}
            onClick={() => {
              const errs = commit({ type: 'connect', from, to: target });
              setErrors(errs);
              if (!errs) setTarget('');
            }}
          >
            Connect
          </button>
        </div>
        <ErrorList id={`${id}-error`} errors={errors} />
      </div>
    </div>
  );
}

/**
 * The assumptions behind the figures (`planning`, and the cluster's live migration settings they
 * combine with), shown beside them. Editing changes all of `planning` as ONE undoable edit.
 */
import { useState } from 'react';
import { assumptionRows, DEFAULT_PLANNING, TRANSPORT_NAME, type PlanningDoc, type Topology } from '../../engine';
import { useCommit } from '../designer/props/fields';
import { useActions } from '../StoreContext';

export const TRANSPORT_LABEL = TRANSPORT_NAME;

type Field = 'tcpip' | 'compression' | 'smb' | 'compressionMaxGbps' | 'unknownSpeedGbps' | 'precopyOverhead' | 'switchoverSeconds';
const FIELDS: { key: Field; label: string; unit: string; min: 'positive' | 'zero' }[] = [
  { key: 'tcpip', label: 'TCP/IP efficiency', unit: '× wire', min: 'positive' },
  { key: 'compression', label: 'Compression efficiency', unit: '× wire', min: 'positive' },
  { key: 'smb', label: 'SMB efficiency', unit: '× wire', min: 'positive' },
  { key: 'compressionMaxGbps', label: 'Compression ceiling (CPU)', unit: 'Gbps', min: 'positive' },
  { key: 'unknownSpeedGbps', label: 'NIC speed when unknown', unit: 'Gbps', min: 'positive' },
  { key: 'precopyOverhead', label: 'Pre-copy overhead (dirtied pages)', unit: '× memory', min: 'zero' },
  { key: 'switchoverSeconds', label: 'Switchover', unit: 's', min: 'zero' },
];

const valueOf = (t: Topology, k: Field): number => (k === 'tcpip' || k === 'compression' || k === 'smb' ? t.planning.efficiency[k] : t.planning[k]);

export function AssumptionSummary({ t, timeout, sourceNodeId }: { t: Topology; timeout: number; sourceNodeId: string }) {
  return (
    <ul className="assumption-list" aria-label="Assumptions of the estimate">
      {assumptionRows(t, timeout, sourceNodeId).map(([what, value]) => (
        <li key={what}>
          {what}: {value}
        </li>
      ))}
    </ul>
  );
}

export function AssumptionEditor({ t, onDone }: { t: Topology; onDone(): void }) {
  const commit = useCommit();
  const actions = useActions();
  const [draft, setDraft] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, String(valueOf(t, f.key))])) as Record<Field, string>);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [engineError, setEngineError] = useState<string | null>(null);
  const apply = (): void => {
    const bad: Partial<Record<Field, string>> = {};
    const num: Partial<Record<Field, number>> = {};
    for (const f of FIELDS) {
      const x = draft[f.key].trim() === '' ? Number.NaN : Number(draft[f.key]);
      if (!Number.isFinite(x) || (f.min === 'positive' ? x <= 0 : x < 0)) bad[f.key] = `${f.label} must be a number ${f.min === 'positive' ? 'above 0' : 'of 0 or more'}.`;
      else num[f.key] = x;
    }
    setErrors(bad);
    if (Object.keys(bad).length > 0) return;
    // Only what differs from the defaults is written, so the file stays as small as the user's choices.
    const d = DEFAULT_PLANNING;
    const planning: PlanningDoc = {};
    const efficiency: NonNullable<PlanningDoc['efficiency']> = {};
    for (const k of ['tcpip', 'compression', 'smb'] as const) if (num[k] !== d.efficiency[k]) efficiency[k] = num[k]!;
    if (Object.keys(efficiency).length > 0) planning.efficiency = efficiency;
    for (const k of ['compressionMaxGbps', 'unknownSpeedGbps', 'precopyOverhead', 'switchoverSeconds'] as const) if (num[k] !== d[k]) planning[k] = num[k]!;
    const errs = commit({ type: 'set-planning', planning });
    setEngineError(errs ? errs.map((e) => e.message).join(' ') : null);
    if (!errs) {
      actions.notify({ kind: 'info', text: 'Changed the planning assumptions (Ctrl+Z undoes).' });
      onDone();
    }
  };
  return (
    <form
      className="assumption-editor"
      aria-label="Edit the assumptions"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      {FIELDS.map((f) => (
        <label key={f.key} className="assumption-field">
          <span>{f.label}</span>
          <input
            inputMode="decimal"
            value={draft[f.key]}
            aria-invalid={errors[f.key] ? true : undefined}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
          />
          <span className="unit">{f.unit}</span>
          {errors[f.key] && (
            <span className="props-error" role="alert">
              {errors[f.key]}
            </span>
          )}
        </label>
      ))}
      {engineError && (
        <p className="props-error" role="alert">
          {engineError}
        </p>
      )}
      <div className="props-row">
        <button type="submit">Apply assumptions</button>
        <button type="button" onClick={() => setDraft(Object.fromEntries(FIELDS.map((f) => [f.key, String(f.key === 'tcpip' || f.key === 'compression' || f.key === 'smb' ? DEFAULT_PLANNING.efficiency[f.key] : DEFAULT_PLANNING[f.key])])) as Record<Field, string>)}>
          Defaults
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <p className="props-note">Transport, parallel migrations and the SMB limit are cluster settings: change them in Live migration settings.</p>
    </form>
  );
}

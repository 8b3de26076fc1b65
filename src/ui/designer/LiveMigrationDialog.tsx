/**
 * "Live migration settings", like Failover Cluster Manager's: check the networks enabled for
 * live migration and put them in order (drag, or Up/Down for the keyboard). OK writes
 * networkOrder and excludedNetworks as one undo step; Cancel changes nothing.
 */
import { useState } from 'react';
import type { ParseError } from '../../engine';
import { Modal } from '../common/Modal';
import { useActions, useApp } from '../StoreContext';
import { ErrorList } from './props/fields';
import { draftEdit, initialDraft, moveRow, setEnabled, type LmDraft } from './lmSettings';
import './designer.css';

export function LiveMigrationDialog({ onClose }: { onClose: () => void }) {
  const t = useApp((s) => s.design);
  const actions = useActions();
  const [draft, setDraft] = useState<LmDraft>(() => initialDraft(t));
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [errors, setErrors] = useState<ParseError[] | null>(null);
  const rows = draft.rows;
  const apply = (): void => {
    const r = actions.edit(draftEdit(t, draft));
    if (r.ok) onClose();
    else setErrors(r.errors);
  };
  return (
    <Modal title="Live migration settings" onClose={onClose}>
      <p>Select the networks for virtual machine live migration, and put them in order: the most preferred at the top.</p>
      {rows.length === 0 ? (
        <p className="hint">This topology has no cluster network yet.</p>
      ) : (
        <ol className="lm-list" aria-label="Networks for live migration, most preferred first">
          {rows.map((row, i) => (
            <li
              key={row.id}
              className={`lm-item${dragging === i ? ' dragging' : ''}${over === i && dragging !== null && dragging !== i ? ' drop-before' : ''}`}
              draggable
              onDragStart={(e) => {
                setDragging(i);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', row.name);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                setOver(i);
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging !== null) setDraft((d) => moveRow(d, dragging, i));
                setDragging(null);
                setOver(null);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
            >
              <span className="lm-rank" aria-hidden="true">{i + 1}</span>
              <label>
                <input type="checkbox" checked={row.enabled} onChange={(e) => setDraft((d) => setEnabled(d, row.id, e.target.checked))} />
                {row.name}
                <span className="lm-meta">{row.prefixes.join(', ')}</span>
                {row.note && <span className="lm-meta">— {row.note}</span>}
              </label>
              <span className="lm-buttons">
                <button type="button" className="small-button" aria-label={`Move ${row.name} up`} disabled={i === 0} onClick={() => setDraft((d) => moveRow(d, i, i - 1))}>
                  Up
                </button>
                <button type="button" className="small-button" aria-label={`Move ${row.name} down`} disabled={i === rows.length - 1} onClick={() => setDraft((d) => moveRow(d, i, i + 1))}>
                  Down
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="files-hint">Unchecked networks are excluded from live migration (MigrationExcludeNetworks); the order is MigrationNetworkOrder.</p>
      <ErrorList id="lm-settings-error" errors={errors} />
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="files-primary" onClick={apply}>
          OK
        </button>
      </div>
    </Modal>
  );
}

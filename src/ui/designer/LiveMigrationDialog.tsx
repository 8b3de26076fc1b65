/**
 * "Live migration settings", like Failover Cluster Manager's: check the networks enabled for
 * live migration and put them in order (drag, or Up/Down for the keyboard); it says whether the
 * order is the cluster's default or explicit, and *Reset to the cluster's default* empties it.
 * Below, the hosts' performance option (as in Hyper-V Settings) and the cluster-wide limits.
 * OK writes everything as one undo step; Cancel changes nothing.
 */
import { useState } from 'react';
import { ATC_DRIFT_NOTICE, atcManagesLiveMigration, readOrigin, type ParseError, type Transport } from '../../engine';
import { Modal } from '../common/Modal';
import { useActions, useApp } from '../StoreContext';
import { ErrorList } from './props/fields';
import { checkLimits, constrainToLiveMigration, draftEdit, initialDraft, isEdit, moveRow, orderStatus, resetOrder, setConstrained, setEnabled, TRANSPORTS, type FieldErrors, type LmDraft } from './lmSettings';
import './designer.css';

export function LiveMigrationDialog({ onClose }: { onClose: () => void }) {
  const t = useApp((s) => s.design);
  const atc = useApp((s) => atcManagesLiveMigration(readOrigin(s.document)));
  const actions = useActions();
  const [draft, setDraft] = useState<LmDraft>(() => initialDraft(t));
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [errors, setErrors] = useState<ParseError[] | null>(null);
  const [shown, setShown] = useState<FieldErrors>({});
  const rows = draft.rows;
  const status = orderStatus(t, draft);
  const apply = (): void => {
    const edit = draftEdit(t, draft, atc);
    if (!isEdit(edit)) return setShown(edit);
    const r = actions.edit(edit);
    if (r.ok) onClose();
    else setErrors(r.errors);
  };
  // Inline: a field's message shows once it has been left or OK was pressed, and goes when it is right.
  const limitErrors = checkLimits(draft, atc).errors;
  const fieldError = (k: keyof FieldErrors): string | undefined => (shown[k] !== undefined ? limitErrors[k] : undefined);
  return (
    <Modal title="Live migration settings" onClose={onClose}>
      <p>Select the networks for virtual machine live migration, and put them in order: the most preferred at the top.</p>
      {atc && (
        <p className="lm-atc-notice" role="note">
          <strong>{ATC_DRIFT_NOTICE}</strong> The PowerShell script sets the performance option and the limits through Network ATC&apos;s cluster overrides, and
          applying an explicit network order first turns off ATC&apos;s live migration network selection.
        </p>
      )}
      <div className="lm-order-status" role="status">
        <strong>{status.title}</strong>
        {status.detail && <span> {status.detail}</span>}
        {draft.orderKind === 'explicit' && (
          <button type="button" className="small-button" onClick={() => setDraft((d) => resetOrder(t, d))}>
            Reset to the cluster&apos;s default
          </button>
        )}
      </div>
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
      <p className="files-hint">Unchecked networks are excluded from live migration (MigrationExcludeNetworks); the order is MigrationNetworkOrder. Moving a network makes the order explicit, as in Failover Cluster Manager.</p>
      <fieldset className="lm-options">
        <legend>Performance options (every node, as in Hyper-V Settings)</legend>
        {TRANSPORTS.map((o) => (
          <label key={o.value} className="lm-transport">
            <input type="radio" name="lm-transport" value={o.value} checked={draft.transport === o.value} onChange={() => setDraft((d) => ({ ...d, transport: o.value as Transport }))} />
            {o.label}
            <span className="lm-meta">— {o.help}</span>
          </label>
        ))}
      </fieldset>
      {draft.transport === 'smb' && t.networks.length > 0 && (
        <fieldset className="lm-options" aria-label="SMB Multichannel constraint">
          <legend>SMB Multichannel constraint (New-SmbMultichannelConstraint, every node)</legend>
          <p className="files-hint">
            With SMB, SMB Multichannel chooses its own interfaces — the fastest pairs, RDMA first — on any network the nodes share, networks excluded from live
            migration included. Check networks to keep it on them; none checked is no constraint.
          </p>
          <div className="lm-constraint">
            {t.networks.map((n) => (
              <label key={n.id} className="lm-transport">
                <input type="checkbox" aria-label={`SMB Multichannel may use ${n.name}`} checked={draft.smbConstraint.includes(n.id)} onChange={(e) => setDraft((d) => setConstrained(d, n.id, e.target.checked))} />
                {n.name}
                <span className="lm-meta">{n.prefixes.join(', ')}</span>
              </label>
            ))}
          </div>
          <button type="button" className="small-button" onClick={() => setDraft((d) => constrainToLiveMigration(t, d))}>
            Use the live migration networks
          </button>
        </fieldset>
      )}
      <fieldset className="lm-options">
        <legend>Cluster-wide limits</legend>
        <label className="lm-number">
          {atc ? 'Parallel live migrations per node (Network ATC: 1 to 10)' : 'Parallel live migrations per node (MaximumParallelMigrations)'}
          <input
            type="text" inputMode="numeric" value={draft.maxParallel} aria-invalid={fieldError('maxParallel') ? true : undefined}
            aria-describedby={fieldError('maxParallel') ? 'lm-parallel-error' : undefined}
            onChange={(e) => setDraft((d) => ({ ...d, maxParallel: e.target.value }))}
            onBlur={() => setShown((s) => ({ ...s, maxParallel: '' }))}
          />
        </label>
        {fieldError('maxParallel') && <div id="lm-parallel-error" className="props-error" role="alert">{fieldError('maxParallel')}</div>}
        <label className="lm-number">
          SMB bandwidth limit, % of the node&apos;s physical bandwidth (0 = no limit)
          <input
            type="text" inputMode="decimal" value={draft.smbLimitPercent} aria-invalid={fieldError('smbLimitPercent') ? true : undefined}
            aria-describedby={fieldError('smbLimitPercent') ? 'lm-smb-error' : undefined}
            onChange={(e) => setDraft((d) => ({ ...d, smbLimitPercent: e.target.value }))}
            onBlur={() => setShown((s) => ({ ...s, smbLimitPercent: '' }))}
          />
        </label>
        {fieldError('smbLimitPercent') && <div id="lm-smb-error" className="props-error" role="alert">{fieldError('smbLimitPercent')}</div>}
        <p className="files-hint">The SMB limit caps live migrations that use SMB (SetSMBBandwidthLimit, SMBBandwidthLimitFactor; Windows&apos; default 25 %).</p>
      </fieldset>
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

/**
 * What past migrations took (issue 23), in the All pairs tab: when and where the history was read,
 * the calibration from history (one undoable change of `planning`), each past migration (VM, from,
 * to, start, duration when the move pairs with its completion, blackout), the connections that
 * failed, what matched nothing in the design, and Clear.
 */
import { useMemo } from 'react';
import { calibrateFromHistory, formatDuration, historyOf, TRANSPORT_NAME, type HistoryRecord, type PastMigration } from '../../engine';
import { useActions, useApp } from '../StoreContext';
import { FoldedList } from '../common/FoldedList';

/** Rows listed at most (the rest is counted). */
const SHOWN = 200;

function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 Dec, 10:00" in the browser's time zone: a row's start (the window is days, the year is in the provenance). */
function short(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

const blackout = (s: number | null): string => (s === null ? '—' : `${Math.round(s * 10) / 10}\u00a0s`);

function Provenance({ record, count }: { record: HistoryRecord; count: number }) {
  return (
    <p className="mv-provenance">
      Event logs read{record.collectedAt ? ` ${when(record.collectedAt)}` : ''}
      {record.collectedOn ? ` on ${record.collectedOn}` : ''}
      {record.cluster ? ` (cluster ${record.cluster})` : ''}
      {record.days ? `, the last ${record.days} day${record.days === 1 ? '' : 's'}` : ''}
      {record.fileName ? `, imported from '${record.fileName}'` : ''}
      {record.importedAt ? ` ${when(record.importedAt)}` : ''}: {count} past migration{count === 1 ? '' : 's'}.
    </p>
  );
}

function Row({ m }: { m: PastMigration }) {
  const took = m.seconds !== null ? formatDuration(m.seconds) : m.start ? 'no end' : 'no start';
  const why = m.seconds !== null ? undefined : m.start ? 'No completed live migration of this VM was logged after this move' : 'No move of this VM was logged before this completion';
  return (
    <tr className={m.longBlackout ? 'pm-long' : undefined}>
      <td>
        {m.vm}
        {m.vmId === null && <span className="pm-sub">not in the design</span>}
      </td>
      <td className="pm-nodes">{m.from && m.to ? `${m.from} → ${m.to}` : m.loggedOn ? <span className="pm-sub">logged on {m.loggedOn}</span> : '—'}</td>
      <td className="pm-when" title={when(m.start ?? m.end)}>
        {short(m.start ?? m.end)}
      </td>
      <td className="num" title={why}>
        {took}
        {m.seconds !== null && !m.alone && <span className="pm-sub">with others</span>}
      </td>
      <td className="num" title={m.longBlackout ? 'Hyper-V logged it as an unexpectedly long blackout (event 20417)' : undefined}>
        {blackout(m.blackoutSeconds)}
        {m.longBlackout && <span className="pm-sub">long</span>}
      </td>
    </tr>
  );
}

export function PastMigrations() {
  const design = useApp((s) => s.design);
  const document = useApp((s) => s.document);
  const mode = useApp((s) => s.ui.mode);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  const actions = useActions();
  const kept = historyOf(design);
  const calibration = useMemo(() => (kept ? calibrateFromHistory(design, kept.past.migrations, { mode, legacyTimeoutSeconds: timeout }) : null), [design, kept, mode, timeout]);
  if (!kept || !calibration) return null;
  const { record, past } = kept;
  const clear = (): void => {
    const r = actions.edit({ type: 'set-history', record: null });
    if (r.ok) actions.notify({ kind: 'info', text: 'The migration history was cleared from the design. Undo brings it back.' });
  };
  const changes = calibration.transports.filter((c) => c.efficiency !== c.before);
  const calibrate = (): void => {
    const efficiency = { ...document.planning?.efficiency };
    for (const c of changes) efficiency[c.transport] = c.efficiency;
    const r = actions.edit({ type: 'set-planning', planning: { ...document.planning, efficiency } });
    if (r.ok)
      actions.notify({
        kind: 'info',
        text: `Calibrated from history: ${changes.map((c) => `${TRANSPORT_NAME[c.transport]} efficiency ${c.before} → ${c.efficiency}`).join(', ')}. Undo brings the previous values back.`,
      });
  };
  const timed = past.migrations.filter((m) => m.seconds !== null).length;
  return (
    <section className="mv pm" aria-labelledby="pm-title">
      <div className="mv-head">
        <h2 id="pm-title">Past migrations</h2>
        <button type="button" onClick={clear} title="Remove the migration history from the design (Undo brings it back)">
          Clear
        </button>
      </div>
      <Provenance record={record} count={past.migrations.length} />
      {calibration.transports.length > 0 ? (
        <div className="mv-offer" role="group" aria-label="Calibration from history">
          {calibration.transports.map((c) => (
            <p key={c.transport}>
              {c.samples} migration{c.samples === 1 ? '' : 's'} that ran alone (median {formatDuration(c.medianSeconds)}): the model matches their median with {TRANSPORT_NAME[c.transport]}{' '}
              efficiency <strong>{c.efficiency}</strong> (now {c.before}).
            </p>
          ))}
          {changes.length > 0 ? (
            <button type="button" onClick={calibrate}>
              Use {changes.map((c) => `${c.efficiency} for ${TRANSPORT_NAME[c.transport]}`).join(' and ')}
            </button>
          ) : (
            <p>The model already uses these values.</p>
          )}
        </div>
      ) : (
        <p className="hint">
          No past migration can calibrate the model:{' '}
          {timed === 0 ? 'none has both its start and its end in the logs' : `none of the ${timed} with a duration can (why is listed below)`}.
        </p>
      )}
      <FoldedList
        items={calibration.skipped}
        summary={`${calibration.skipped.length} migration${calibration.skipped.length === 1 ? '' : 's'} with a duration not used for the calibration`}
        item={(s) => `${s.vm}: ${s.why}`}
      />
      {past.migrations.length > 0 ? (
        <div className="mv-scroll">
          <table className="pm-table" aria-label="Past migrations, newest first">
            <thead>
              <tr>
                <th>VM</th>
                <th>From → to</th>
                <th>Start</th>
                <th className="num">Took</th>
                <th className="num">Blackout</th>
              </tr>
            </thead>
            <tbody>
              {past.migrations.slice(0, SHOWN).map((m, i) => (
                <Row key={i} m={m} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">The logs hold no live migration of these days.</p>
      )}
      {past.migrations.length > SHOWN && <p className="hint">…and {past.migrations.length - SHOWN} older ones.</p>}
      <FoldedList
        className="pm-failures"
        items={past.failures}
        summary={`${past.failures.length} live migration connection${past.failures.length === 1 ? '' : 's'} failed`}
        itemTitle={(f) => f.event.message}
        item={(f) => `${when(f.event.time)}: ${f.event.node} → ${f.event.host ?? 'a host'}${f.event.vm ? ` (${f.event.vm})` : ''}: ${f.refused ? 'refused' : 'timed out'} (${f.event.code})`}
      />
      <FoldedList
        className="mv-unmatched"
        items={past.unmatched}
        summary={`${past.unmatched.length} event${past.unmatched.length === 1 ? '' : 's'} match nothing in the design`}
        item={(u) => `${when(u.event.time)}, ${u.event.vm ?? u.event.kind} on ${u.event.node}: ${u.why}`}
      />
      <FoldedList items={record.notes} summary={`Notes from the logs (${record.notes.length})`} item={(n) => n} />
    </section>
  );
}

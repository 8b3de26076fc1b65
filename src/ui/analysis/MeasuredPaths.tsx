/**
 * Predicted against measured (issue 23), in the All pairs tab: when and where the path test was
 * made, a matrix of tested pairs × networks (pairs with a mismatch first), what matched nothing
 * in the design, the measured Windows connect timeout offered as the legacy timeout, and Clear.
 * Each cell's full sentence is its tooltip and its accessible name.
 */
import { useMemo } from 'react';
import { nodeName, type Topology } from '../../engine';
import { pathTestOf, type MeasuredRow, type PathTestRecord } from '../../engine';
import { useActions, useApp } from '../StoreContext';
import { shortNetworkNames } from './matrixModel';
import { FoldedList } from '../common/FoldedList';

/** Pairs listed at most (mismatching pairs come first, so none of them is ever hidden below this). */
const SHOWN_PAIRS = 120;

const MEASURED: Record<MeasuredRow['measured']['outcome'], string> = {
  connected: '',
  refused: 'refused',
  'timed-out': 'timed out',
  unreachable: 'no route',
  'no-source-address': 'no address',
  failed: 'failed',
  'not-measured': '',
};

const seconds = (s: number | null): string => (s === null ? '' : s < 1 ? `${Math.max(1, Math.round(s * 1000))}\u00a0ms` : `${Math.round(s)}\u00a0s`);

function cellText(r: MeasuredRow): { predicted: string; measured: string } {
  const predicted = !r.predicted.eligible ? '–' : r.predicted.connects ? (r.predicted.kind === 'routed' ? '⇢' : '✓') : '✕';
  const m = r.measured;
  const measured = m.outcome === 'connected' ? `✓ ${seconds(m.seconds)}` : m.outcome === 'not-measured' ? 'not tested' : `✕ ${MEASURED[m.outcome]}${m.outcome === 'timed-out' ? ` ${seconds(m.seconds)}` : ''}`;
  return { predicted, measured };
}

/** "7 Dec 2026 16:02" in the browser's time zone, or the text as written when it is not a date. */
function when(iso: string | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function Provenance({ record }: { record: PathTestRecord }) {
  const made = when(record.collectedAt);
  return (
    <p className="mv-provenance">
      Path test{made ? ` made ${made}` : ''}
      {record.collectedOn ? ` on ${record.collectedOn}` : ''}
      {record.cluster ? ` (cluster ${record.cluster})` : ''}
      {record.fileName ? `, imported from '${record.fileName}'` : ''}
      {record.importedAt ? ` ${when(record.importedAt)}` : ''}: {record.attempts.length} connections
      {record.timeoutSeconds ? `, ${record.timeoutSeconds} s timeout` : ''}
      {record.scope ? `, scope ${record.scope}` : ''}.
    </p>
  );
}

interface PairGroup {
  key: string;
  source: string;
  destination: string;
  mismatch: boolean;
  cells: Map<string, MeasuredRow[]>;
}

function groupPairs(rows: MeasuredRow[]): PairGroup[] {
  const groups = new Map<string, PairGroup>();
  for (const r of rows) {
    const key = `${r.sourceNodeId}|${r.destinationNodeId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, source: r.sourceNodeId, destination: r.destinationNodeId, mismatch: false, cells: new Map() }));
    g.mismatch ||= r.mismatch;
    g.cells.set(r.networkId, [...(g.cells.get(r.networkId) ?? []), r]);
  }
  // Rows arrive mismatches first: the first pairs are the mismatching ones.
  return [...groups.values()].sort((a, b) => Number(b.mismatch) - Number(a.mismatch));
}

function Cell({ rows, multiPort }: { rows: MeasuredRow[] | undefined; multiPort: boolean }) {
  if (!rows || rows.length === 0)
    return (
      <td className="mv-cell mv-none">
        <span aria-hidden="true">·</span>
        <span className="sr-only">no address on this network</span>
      </td>
    );
  const mismatch = rows.some((r) => r.mismatch);
  const ineligible = rows.every((r) => !r.predicted.eligible);
  return (
    <td className={`mv-cell${mismatch ? ' mv-mismatch' : ineligible ? ' mv-ineligible' : ' mv-match'}`} title={rows.map((r) => r.message).join('\n')}>
      <span className="sr-only">{rows.map((r) => r.message).join(' ')}</span>
      {rows.map((r) => {
        const t = cellText(r);
        return (
          <span key={r.port} className="mv-line" aria-hidden="true">
            {multiPort && <span className="mv-port">{r.port}</span>}
            <span className="mv-predicted">{t.predicted}</span>
            <span className="mv-arrow">→</span>
            <span className="mv-measured">{t.measured}</span>
          </span>
        );
      })}
    </td>
  );
}

function Matrix({ topology, rows, onPair }: { topology: Topology; rows: MeasuredRow[]; onPair(s: string, d: string): void }) {
  const short = useMemo(() => shortNetworkNames(topology), [topology]);
  const groups = useMemo(() => groupPairs(rows), [rows]);
  const networks = useMemo(() => topology.networks.filter((n) => rows.some((r) => r.networkId === n.id)), [topology, rows]);
  const multiPort = useMemo(() => new Set(rows.map((r) => r.port)).size > 1, [rows]);
  const shown = groups.slice(0, Math.max(SHOWN_PAIRS, groups.filter((g) => g.mismatch).length));
  return (
    <>
      <div className="mv-scroll">
        <table className="mv-grid" aria-label="Predicted against measured, by pair and network">
          <thead>
            <tr>
              <th scope="col" className="mv-corner">
                Pair <span>design → test</span>
              </th>
              {networks.map((n) => (
                <th key={n.id} scope="col" title={n.name}>
                  {short.get(n.id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((g) => (
              <tr key={g.key} className={g.mismatch ? 'mv-row-mismatch' : undefined} data-pair={g.key}>
                <th scope="row">
                  <button type="button" className="mv-pair" onClick={() => onPair(g.source, g.destination)} title="Show this pair's path on the diagram">
                    {nodeName(topology, g.source)} → {nodeName(topology, g.destination)}
                  </button>
                </th>
                {networks.map((n) => (
                  <Cell key={n.id} rows={g.cells.get(n.id)} multiPort={multiPort} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {groups.length > shown.length && <p className="hint">…and {groups.length - shown.length} more pairs, every one as the design predicts.</p>}
      <p className="mv-key hint">
        Each cell: what the design predicts → what the test measured. ✓ connects (⇢ routed), ✕ does not, –: the network is not used for live migration (no finding either
        way), ·: no address there. Hover a cell for the sentence. {networks.map((n) => `${short.get(n.id)} = ${n.name}`).join(', ')}.
      </p>
    </>
  );
}

export function MeasuredPaths() {
  const design = useApp((s) => s.design);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  const actions = useActions();
  const kept = pathTestOf(design);
  if (!kept) return null;
  const { record, comparison: c } = kept;
  const onPair = (s: string, d: string): void => {
    actions.setSource(s);
    actions.setDestination(d);
  };
  const clear = (): void => {
    const r = actions.edit({ type: 'set-path-test', record: null });
    if (r.ok) actions.notify({ kind: 'info', text: 'The path test was cleared from the design. Undo brings it back.' });
  };
  const offer = c.windowsTimeoutSeconds !== null && c.windowsTimeoutSeconds !== timeout && c.windowsTimeoutSeconds >= 1;
  return (
    <section className="mv" aria-labelledby="mv-title">
      <div className="mv-head">
        <h2 id="mv-title">Predicted against measured</h2>
        <button type="button" onClick={clear} title="Remove the path test from the design (Undo brings it back)">
          Clear
        </button>
      </div>
      <Provenance record={record} />
      <p className={c.mismatches > 0 ? 'mv-verdict mv-bad' : 'mv-verdict'}>
        {c.mismatches === 0
          ? 'Every tested pair and network behaves as the design predicts.'
          : `${c.mismatches} pair${c.mismatches === 1 ? '' : 's'} and network${c.mismatches === 1 ? '' : 's'} disagree with the design: they are listed first, and in the Validation tab.`}
      </p>
      {offer && (
        <p className="mv-offer">
          Windows gave up a connection after {c.windowsTimeoutSeconds} s here (median of {c.windowsTimeoutSamples}); the legacy delays assume {timeout} s.{' '}
          <button type="button" onClick={() => actions.setLegacyTimeout(c.windowsTimeoutSeconds!)}>
            Use {c.windowsTimeoutSeconds} s as the legacy timeout
          </button>
        </p>
      )}
      {c.rows.length > 0 ? <Matrix topology={design} rows={c.rows} onPair={onPair} /> : <p className="hint">No connection of the test is between two nodes of the design.</p>}
      <FoldedList
        className="mv-unmatched"
        items={c.unmatched}
        summary={`${c.unmatched.length} connection${c.unmatched.length === 1 ? '' : 's'} match nothing in the design`}
        item={(u) => `${u.attempt.source} ${u.attempt.sourceAddress} → ${u.attempt.destination} ${u.attempt.destinationAddress}:${u.attempt.port}, ${u.attempt.outcome}: ${u.why}`}
      />
      <FoldedList items={record.notes} summary={`Notes from the test (${record.notes.length})`} item={(n) => n} />
    </section>
  );
}

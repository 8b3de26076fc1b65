/** The legacy search on a time axis: one bar per attempt, as long as its timeout; the outcome at the end. */
import { formatSeconds, type Selection, type Topology } from '../../engine';
import { LEGACY_MODEL_TEXT, legacyTimeline, TIMEOUT_NOTE } from './explain';

export function LegacyTimeline({ topology, selection }: { topology: Topology; selection: Selection }) {
  const tl = legacyTimeline(topology, selection);
  return (
    <figure className="timeline" aria-label="Legacy attempt timeline">
      <figcaption>Legacy attempts, in preference order</figcaption>
      <p className="tl-model">{LEGACY_MODEL_TEXT}</p>
      <ol className="tl-rows">
        {tl.bars.map((b, i) => (
          <li key={b.networkId} className={`tl-row tl-${b.outcome}`}>
            <div className="tl-head">
              <span className="tl-num">{i + 1}</span>
              <span className="tl-label">{b.label}</span> <span className="tl-text">{b.text}</span>
              {b.reason && <span className="tl-reason"> — {b.reason}</span>}
            </div>
            <div className="tl-track" aria-hidden="true">
              {b.outcome === 'timeout' ? (
                <span className="tl-bar" style={{ left: `${b.startPct}%`, width: `${b.widthPct}%` }} />
              ) : (
                <span className="tl-marker" style={{ left: `${b.startPct}%` }} />
              )}
            </div>
          </li>
        ))}
      </ol>
      {tl.totalSeconds > 0 && (
        <div className="tl-axis" aria-hidden="true">
          <span>0 s</span>
          <span>{formatSeconds(tl.totalSeconds)}</span>
        </div>
      )}
      <p className={`tl-end tl-end-${tl.end.kind}`}>{tl.end.text}</p>
      {tl.bars.some((b) => b.outcome === 'timeout') && <p className="tl-note">{TIMEOUT_NOTE}</p>}
    </figure>
  );
}

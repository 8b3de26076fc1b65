/** The "Migration path" region: the chosen path hop by hop, the numbered fallbacks, or why there is none. */
import { nodeFailureMessage, type PathCandidate, type Selection, type Topology } from '../../engine';
import { usePairSelections } from '../hooks';
import { useApp } from '../StoreContext';
import { formatSeconds, kindText, LEGACY_MODEL_TEXT, linkText, MODE_LABEL, pathEnds, pathHops, pathSummary } from './explain';
import { HopChain } from './HopChain';

function Meta({ topology, path, extra }: { topology: Topology; path: PathCandidate; extra?: string }) {
  const parts = [kindText(path), linkText(topology, path), extra ?? ''].filter(Boolean);
  return <p className="path-meta">{parts.join(' · ')}</p>;
}

function Chosen({ topology, selection }: { topology: Topology; selection: Selection }) {
  const chosen = selection.chosen!;
  const waited = selection.attempts.filter((a) => a.outcome === 'timeout').length;
  const delay = selection.initiationDelaySeconds > 0 ? `starts after ${formatSeconds(selection.initiationDelaySeconds)} (${waited} timeout${waited === 1 ? '' : 's'} first)` : 'starts at once';
  return (
    <>
      <div className="path-card path-chosen">
        <p className="path-title">
          <span className="badge chosen-badge">Chosen</span> {pathSummary(topology, chosen)}
        </p>
        <Meta topology={topology} path={chosen} extra={delay} />
        <HopChain hops={pathHops(topology, chosen)} />
      </div>
      {selection.fallbacks.length > 0 ? (
        <ol className="fallback-list" aria-label="Fallbacks">
          {selection.fallbacks.map((f, i) => (
            <li key={i} className="path-card path-fallback">
              <p className="path-title">
                <span className="badge">Fallback {i + 1}</span> {pathSummary(topology, f)}
              </p>
              <p className="path-ends">{pathEnds(topology, f)}</p>
              <Meta topology={topology} path={f} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">No fallback: if this path fails, live migration between these nodes fails.</p>
      )}
    </>
  );
}

/** Why nothing was chosen, and what the other mode would do instead. */
function NoPath({ topology, selection, other }: { topology: Topology; selection: Selection; other: Selection }) {
  const ctx = { topology, sourceNodeId: selection.sourceNodeId, destinationNodeId: selection.destinationNodeId };
  const failure = selection.failure ?? 'no-path';
  return (
    <>
      <p className="failure" role="status">
        {nodeFailureMessage(ctx, failure)}
      </p>
      {failure === 'no-path' && selection.mode === 'legacy' && other.chosen && (
        <p className="path-other">
          Windows Server 2025 would use {pathSummary(topology, other.chosen)}. {LEGACY_MODEL_TEXT}
        </p>
      )}
      {failure === 'no-path' && <p className="hint">See “Why” below for each network.</p>}
    </>
  );
}

export function MigrationPath() {
  const both = usePairSelections();
  const mode = useApp((s) => s.ui.mode);
  const topology = useApp((s) => s.effective);
  const selection = both?.[mode] ?? null;
  return (
    <section aria-label="Migration path" className="migration-path">
      <div className="section-head">
        <h2>Migration path</h2>
        <span className={`mode-tag mode-${mode}`}>{MODE_LABEL[mode]}</span>
      </div>
      {!both || !selection ? (
        <p className="hint">Pick a source and a destination node (click two nodes on the diagram, or use the lists above).</p>
      ) : selection.chosen ? (
        <Chosen topology={topology} selection={selection} />
      ) : (
        <NoPath topology={topology} selection={selection} other={both[mode === 'ws2025' ? 'legacy' : 'ws2025']} />
      )}
    </section>
  );
}

/** The "Migration path" region: the chosen path hop by hop, the numbered fallbacks, or why there is none. */
import { nodeFailureMessage, TRANSPORT_LABEL, type PathCandidate, type Selection, type Topology } from '../../engine';
import { usePairSelections } from '../hooks';
import { useApp } from '../StoreContext';
import { formatSeconds, MODE_LABEL } from '../../engine';
import { idlePairSentence, kindText, LEGACY_MODEL_TEXT, linkText, pathEnds, pathHops, pathSummary, streamLines } from './explain';
import { HopChain } from './HopChain';

function Meta({ topology, path, extra }: { topology: Topology; path: PathCandidate; extra?: string }) {
  const parts = [kindText(path), linkText(topology, path), extra ?? ''].filter(Boolean);
  return <p className="path-meta">{parts.join(' · ')}</p>;
}

/** How the memory moves: one TCP connection, or the SMB streams with their NICs and speeds. */
function Streams({ topology, selection }: { topology: Topology; selection: Selection }) {
  const transport = topology.liveMigration.transport;
  if (transport !== 'smb') return <p className="path-transport">Transport: {TRANSPORT_LABEL[transport]} — one TCP connection on this path.</p>;
  if (selection.chosen!.kind === 'routed')
    return <p className="path-transport">Transport: SMB — routed, so a single stream: SMB Multichannel adds none, and RDMA is not used between subnets.</p>;
  const lines = streamLines(topology, selection);
  const idle = idlePairSentence(topology, selection);
  if (lines.length === 1 && !lines[0]!.extra)
    return <p className="path-transport">Transport: SMB — one stream, the chosen path: no other NIC pair of the two nodes is as fast (RDMA first).</p>;
  return (
    <div className="path-streams">
      <p className="path-transport">
        Transport: SMB — {lines.length} stream{lines.length === 1 ? '' : 's'}: SMB Multichannel uses the fastest NIC pairs the two nodes share, RDMA first
        {topology.liveMigration.smbMultichannelNetworks.length > 0 ? ', on the networks of its constraint' : ', whatever the live migration settings'}
      </p>
      {idle && (
        <p className="path-idle" role="note">
          {idle}
        </p>
      )}
      <ol aria-label="SMB streams">
        {lines.map((l) => (
          <li key={`${l.sourceNicId}|${l.destinationNicId}`}>
            {l.extra ? <span className="badge smb-badge">SMB Multichannel</span> : <span className="badge chosen-badge">Chosen</span>}
            {l.offLiveMigration && <span className="badge excluded-badge">{l.offLiveMigration}</span>} {l.ends}
            {l.network && <> on &apos;{l.network}&apos;</>}
            {l.link && <span className="path-meta-inline"> · {l.link}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
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
        <Streams topology={topology} selection={selection} />
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

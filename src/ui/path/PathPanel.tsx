/** The "Migration path" region: the chosen path and the fallbacks, as text. */
import { networkName, nicLabel, nodeFailureMessage, routerName, type PathCandidate, type Topology } from '../../engine';
import { useActiveSelection } from '../hooks';
import { useApp } from '../StoreContext';
import { PairPicker } from './PairPicker';

export function describePath(t: Topology, c: PathCandidate): string {
  const via = c.routerIds.length ? ` via ${c.routerIds.map((r) => routerName(t, r)).join(' → ')}` : '';
  const nets = c.kind === 'direct' ? `'${networkName(t, c.sourceNetworkId)}'` : `'${networkName(t, c.sourceNetworkId)}' → '${networkName(t, c.destinationNetworkId)}'`;
  return `${nets}${via}: ${nicLabel(t, c.sourceNicId)} ${c.sourceAddress} → ${nicLabel(t, c.destinationNicId)} ${c.destinationAddress}`;
}

export function PathPanel() {
  const selection = useActiveSelection();
  const topology = useApp((s) => s.effective);
  return (
    <div className="path-panel">
      <PairPicker />
      <section aria-label="Migration path" className="migration-path">
        <h2>Migration path</h2>
        {!selection ? (
          <p className="hint">Pick a source and a destination node (click two nodes on the diagram, or use the lists above).</p>
        ) : selection.chosen ? (
          <>
            <p className="chosen">
              <span className="badge chosen-badge">Chosen</span> {describePath(topology, selection.chosen)}
            </p>
            {selection.fallbacks.length > 0 ? (
              <ol className="fallbacks">
                {selection.fallbacks.map((f, i) => (
                  <li key={i}>
                    <span className="badge">Fallback {i + 1}</span> {describePath(topology, f)}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="hint">No fallback: if this path fails, live migration between these nodes fails.</p>
            )}
          </>
        ) : (
          <p className="failure" role="status">
            {nodeFailureMessage({ topology, sourceNodeId: selection.sourceNodeId, destinationNodeId: selection.destinationNodeId }, selection.failure ?? 'no-path')}
          </p>
        )}
      </section>
    </div>
  );
}

/**
 * "Why": every exclusion of the active selection, grouped by cluster network so that "why not
 * network X?" is answered by finding X in one list (preference order first, then the networks
 * live migration may not use).
 */
import { useMemo } from 'react';
import { nodeFailureMessage, orderText, REASON_TEXT, type Exclusion } from '../../engine';
import { useActiveSelection } from '../hooks';
import { useApp } from '../StoreContext';
import { formatSeconds, MODE_LABEL } from '../../engine';
import { groupWhy, leadCause, ordinal, shortReason, smbNote, usageText, type NetworkWhy } from './explain';

function Messages({ list }: { list: Exclusion[] }) {
  return (
    <ul className="why-messages">
      {list.map((e) => (
        <li key={e.elementId + e.reason}>{e.message}</li>
      ))}
    </ul>
  );
}

function attemptText(w: NetworkWhy): string {
  const a = w.attempt!;
  return `Legacy attempt ${a.number}: ${a.outcome === 'timeout' ? `timed out after ${formatSeconds(a.seconds)}` : 'connected'}`;
}

function NetworkEntry({ w, total }: { w: NetworkWhy; total: number }) {
  const used = w.chosen || w.fallbacks.length > 0;
  const short = shortReason(w);
  return (
    <li className={`why-net ${used ? 'why-used' : 'why-unused'}`} aria-label={`Network ${w.name}`}>
      <div className="why-head">
        <span className="why-mark" aria-hidden="true">
          {used ? '✓' : '✕'}
        </span>
        <span className="why-name">{w.name}</span>
        <span className="why-prefix">{w.prefixes.join(', ')}</span>
        <span className="why-order">{w.position !== null ? `${ordinal(w.position + 1)} of ${total}` : 'not eligible'}</span>
      </div>
      <p className="why-status">
        <strong>{usageText(w)}</strong>
        {short && ` — ${short}`}
      </p>
      {w.attempt && <p className="why-attempt">{attemptText(w)}</p>}
      {(w.reasons.length > 0 || w.nics.length > 0) && <Messages list={[...w.reasons, ...w.nics]} />}
      {w.pairs.length > 0 && (
        <details className="why-pairs">
          <summary>
            {w.pairs.length} address pair{w.pairs.length === 1 ? '' : 's'} through this network cannot connect
            {' '}({[...new Set(w.pairs.map((p) => REASON_TEXT[p.reason]))].join('; ')})
          </summary>
          <Messages list={w.pairs} />
        </details>
      )}
    </li>
  );
}

export function WhyView() {
  const selection = useActiveSelection();
  const topology = useApp((s) => s.effective);
  const groups = useMemo(() => (selection ? groupWhy(topology, selection) : null), [topology, selection]);
  if (!selection || !groups) return <p className="hint">Pick a pair to see why each network is used or not.</p>;
  if (selection.failure && selection.failure !== 'no-path') {
    return <p className="failure">{nodeFailureMessage({ topology, sourceNodeId: selection.sourceNodeId, destinationNodeId: selection.destinationNodeId }, selection.failure)}</p>;
  }
  const cause = leadCause(topology, selection);
  return (
    <div className="why">
      {cause && (
        <p className="why-cause">
          <strong>Cause:</strong> {cause}
        </p>
      )}
      <p className="hint">Each cluster network in live migration preference order ({MODE_LABEL[selection.mode]}).</p>
      <p className="why-order-basis">{orderText(topology)}</p>
      {smbNote(topology) && <p className="why-smb">{smbNote(topology)}</p>}
      <ul className="why-list">
        {groups.networks.map((w) => (
          <NetworkEntry key={w.networkId} w={w} total={topology.preferenceOrder.length} />
        ))}
      </ul>
      {groups.other.length > 0 && (
        <div className="why-other">
          <h3>NICs on no network</h3>
          <Messages list={groups.other} />
        </div>
      )}
      {groups.quiet.length > 0 && (
        <details className="why-quiet">
          <summary>
            {groups.quiet.length} address pair{groups.quiet.length === 1 ? '' : 's'} on different subnets with no route between them: normal, the pair has a path
          </summary>
          <Messages list={groups.quiet} />
        </details>
      )}
    </div>
  );
}

/**
 * N-1: elements by impact. Single points of failure first; a click fails the element on the
 * diagram (a what-if, not an edit) and a second click restores it.
 */
import { useState } from 'react';
import { describeImpact, describeLegacyImpact, pairList, type ElementImpact, type Topology } from '../../engine';
import { useActions, useApp } from '../StoreContext';
import { useResilience } from './useResilience';

const INITIAL = 25;

const hasEffect = (m: ElementImpact): boolean => m.lost.length > 0 || m.moved.length > 0 || m.legacy.lost > 0 || m.legacy.slower > 0 || m.legacy.faster > 0;

function Item({ topology, m, failed, onToggle }: { topology: Topology; m: ElementImpact; failed: boolean; onToggle(): void }) {
  const legacy = describeLegacyImpact(m);
  return (
    <li className={`rs-item${m.singlePointOfFailure ? ' rs-spof' : ''}${failed ? ' rs-failed' : ''}`}>
      <button type="button" aria-pressed={failed} onClick={onToggle} title={failed ? 'Restore it on the diagram' : 'Fail it on the diagram (what-if)'}>
        {m.singlePointOfFailure && <span className="rs-badge">⚠ Single point of failure</span>}
        <span className="rs-text">{describeImpact(topology, m)}</span>
        {m.lost.length > 0 && <span className="rs-pairs">Lost: {pairList(topology, m.lost)}</span>}
        {legacy && <span className="rs-legacy">{legacy}</span>}
        <span className="rs-action">{failed ? '✕ Failed on the diagram — click to restore' : 'Click to fail it on the diagram'}</span>
      </button>
    </li>
  );
}

export function ResilienceList() {
  const { report, topology, pending, error } = useResilience();
  const failed = useApp((s) => s.ui.failed);
  const actions = useActions();
  const [showAll, setShowAll] = useState(false);
  if (error) return <p className="failure">The N-1 analysis failed: {error}</p>;
  if (!report || !topology) return <p className="hint" aria-busy="true">Working out what each failure would do…</p>;

  const links = report.impacts.filter((m) => m.kind !== 'node');
  const effective = links.filter(hasEffect);
  const idle = links.filter((m) => !hasEffect(m));
  const shown = showAll ? effective : effective.slice(0, INITIAL);
  const spofs = report.singlePointsOfFailure.length;
  const nodeDown = report.impacts.find((m) => m.kind === 'node')?.down ?? 0;
  return (
    <div className="rs" aria-busy={pending}>
      <p className={spofs ? 'rs-verdict bad' : 'rs-verdict good'}>
        {spofs
          ? `${spofs} single point${spofs === 1 ? '' : 's'} of failure: one network, router or NIC whose failure leaves some pair without any live migration path.`
          : 'No single point of failure: every pair that migrates today still can when any one network, router or NIC fails.'}
        {pending && <span className="hint"> (updating…)</span>}
      </p>
      {effective.length > 0 && (
        <ol className="rs-list" aria-label="Elements by impact">
          {shown.map((m) => (
            <Item key={m.elementId} topology={topology} m={m} failed={failed.includes(m.elementId)} onToggle={() => actions.toggleFailed(m.elementId)} />
          ))}
        </ol>
      )}
      {effective.length > shown.length && (
        <button type="button" className="rs-more" onClick={() => setShowAll(true)}>
          Show all {effective.length}
        </button>
      )}
      {idle.length > 0 && (
        <details className="rs-idle">
          <summary>
            {idle.length} element{idle.length === 1 ? '' : 's'} whose failure changes no live migration
          </summary>
          <p>{idle.map((m) => m.name).join(', ')}</p>
        </details>
      )}
      <p className="hint rs-nodes">
        A failed node takes only its own migrations down{nodeDown ? ` (up to ${nodeDown} pairs)` : ''}: nodes do not forward traffic, so no other pair depends on one. Those pairs are counted as down, not lost.
      </p>
    </div>
  );
}

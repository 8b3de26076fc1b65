/** Windows Server 2025 and legacy side by side: the choice of each, the legacy timeline and the delay. */
import { nodeFailureMessage, type Selection, type Topology } from '../../engine';
import { usePairSelections } from '../hooks';
import { useApp } from '../StoreContext';
import { formatSeconds } from '../../engine';
import { delayText, kindText, pathSummary } from './explain';
import { LegacyTimeline } from './LegacyTimeline';
import { TimeoutInput } from './TimeoutInput';

type Row = 'network' | 'kind' | 'delay' | 'fallbacks';

function cellText(topology: Topology, s: Selection, row: Row): string {
  const c = s.chosen;
  switch (row) {
    case 'network':
      return c ? pathSummary(topology, c) : 'no path';
    case 'kind':
      return c ? kindText(c) : '—';
    case 'delay':
      if (!c) return s.initiationDelaySeconds > 0 ? `never (gives up after ${formatSeconds(s.initiationDelaySeconds)})` : 'never';
      return s.initiationDelaySeconds > 0 ? `after ${formatSeconds(s.initiationDelaySeconds)}` : 'immediately';
    case 'fallbacks':
      return c ? String(s.fallbacks.length) : '—';
  }
}

const ROWS: { id: Row; label: string }[] = [
  { id: 'network', label: 'Network' },
  { id: 'kind', label: 'Kind' },
  { id: 'delay', label: 'Starts' },
  { id: 'fallbacks', label: 'Fallbacks' },
];

export function Comparison() {
  const both = usePairSelections();
  const topology = useApp((s) => s.effective);
  if (!both) return <p className="hint">Pick a pair to compare Windows Server 2025 with the legacy behaviour.</p>;
  const { ws2025, legacy } = both;
  if (ws2025.failure && ws2025.failure !== 'no-path') {
    return <p className="hint">Nothing to compare: {nodeFailureMessage({ topology, sourceNodeId: ws2025.sourceNodeId, destinationNodeId: ws2025.destinationNodeId }, ws2025.failure)}</p>;
  }
  const slow = legacy.initiationDelaySeconds > 0 || !legacy.chosen;
  return (
    <div className="comparison">
      <p className="cmp-headline" aria-live="polite">
        <span className={`cmp-legacy${slow ? ' cmp-slow' : ''}`}>Legacy: {delayText(legacy)}</span>
        <span className="cmp-sep"> · </span>
        <span className={`cmp-ws2025${ws2025.chosen ? '' : ' cmp-slow'}`}>2025: {delayText(ws2025)}</span>
      </p>
      <table className="cmp-table">
        <thead>
          <tr>
            <td />
            <th scope="col">Windows Server 2025</th>
            <th scope="col">Legacy</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              {[ws2025, legacy].map((sel) => (
                <td key={sel.mode} className={sel.chosen ? '' : 'cmp-none'}>
                  {cellText(topology, sel, r.id)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <LegacyTimeline topology={topology} selection={legacy} />
      <TimeoutInput />
    </div>
  );
}

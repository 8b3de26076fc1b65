/**
 * Every node in turn (as Cluster-Aware Updating drains them): each node's drain from the design's
 * placement, in both modes, and the sums. Computed in a worker; a row opens that node's plan.
 */
import { everyNodeCsv, formatDuration, nodeName } from '../../engine';
import { downloadCsv } from './download';
import { useActions } from '../StoreContext';
import { useEveryNode } from './useEveryNode';

export function EveryNode() {
  const { result, topology: t, pending, error } = useEveryNode();
  const actions = useActions();
  if (error) return <p className="props-error" role="alert">The estimate failed: {error}</p>;
  if (!result || !t) return <p className="hint" aria-busy="true">Estimating every node’s drain…</p>;
  const stuck = (n: number): string => (n > 0 ? ` (${n} stuck)` : '');
  // A drain in which no running VM moves has no duration (issue 27).
  const total = (f: { totalSeconds: number; stuck: number }, running: number): string => (f.stuck > 0 && f.stuck >= running ? `none moves${stuck(f.stuck)}` : formatDuration(f.totalSeconds) + stuck(f.stuck));
  return (
    <div className="every-node" aria-busy={pending}>
      <table className="drain-table every-node-table">
        <caption className="visually-hidden">Every node in turn: drain times (estimates)</caption>
        <thead>
          <tr>
            <th>Node</th>
            <th className="num">VMs</th>
            <th className="num">GB</th>
            <th className="num">WS 2025</th>
            <th className="num">Legacy</th>
            <th className="num">legacy waiting</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.nodeId}>
              <td>
                <button type="button" className="link-button" onClick={() => actions.openDrain(r.nodeId)} title="Show this node's drain">
                  {nodeName(t, r.nodeId)}
                </button>
              </td>
              <td className="num">{r.vmCount}</td>
              <td className="num">{Math.round(r.memoryGB)}</td>
              <td className="num">{total(r.ws2025, r.runningCount)}</td>
              <td className="num">{total(r.legacy, r.runningCount)}</td>
              <td className="num">{formatDuration(r.legacy.waitingSeconds)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All nodes</th>
            <td className="num">{result.sums.vmCount}</td>
            <td className="num">{Math.round(result.sums.memoryGB)}</td>
            <td className="num">{formatDuration(result.sums.ws2025.totalSeconds)}</td>
            <td className="num">{formatDuration(result.sums.legacy.totalSeconds)}</td>
            <td className="num">{formatDuration(result.sums.legacy.waitingSeconds)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="props-note">
        Estimates: each node drained alone from the design’s placement, one after the other, not counting the updates themselves.{' '}
        <button type="button" className="small-button" onClick={() => downloadCsv(`${t.name || 'cluster'} every node drained`, everyNodeCsv(t, result))}>
          CSV
        </button>
      </p>
    </div>
  );
}

/**
 * A drain plan as a table: the timeline's figures, one row per VM, readable by any screen reader.
 * Start and end share a column (start, then "to" the end under it) so that the table fits the
 * side panel of a 1440-px window (issue 27).
 */
import type { DrainPage } from './DrainPager';
import { formatDuration, modeInSentence, nodeName, streamsLabel, type DrainPlan, type Topology } from '../../engine';

const s = (x: number): string => formatDuration(x);

/** `page`: the rows drawn (drain order); all when absent. */
export function DrainTable({ t, plan, page }: { t: Topology; plan: DrainPlan; page?: DrainPage }) {
  return (
    <table className="drain-table">
      <caption className="visually-hidden">Drain of {nodeName(t, plan.sourceNodeId)}, {modeInSentence(plan.mode)} (estimate)</caption>
      <thead>
        <tr>
          <th>VM</th>
          <th>To, rate, networks</th>
          <th className="num">Waiting</th>
          <th className="num">Copying</th>
          <th className="num">Start, end</th>
        </tr>
      </thead>
      <tbody>
        {(page ? plan.migrations.slice(page.from, page.to) : plan.migrations).map((m) => {
          const vm = t.index.vms.get(m.vmId);
          const off = vm?.state === 'off';
          return (
            <tr key={m.vmId} className={m.failure ? 'drain-row-failed' : undefined}>
              <td>
                {vm?.name ?? m.vmId}
                <span className="drain-sub">{vm?.memoryGB} GB</span>
              </td>
              <td>
                {m.destinationNodeId ? nodeName(t, m.destinationNodeId) : '—'}
                <span className="drain-sub">
                  {off
                    ? 'off: moves without a live migration'
                    : m.failure === 'no-destination'
                      ? 'no destination: no other node is up and reachable'
                      : m.failure === 'no-path'
                        ? 'no path: gives up'
                        : `${Math.round(m.averageGbps * 10) / 10} Gbps on ${streamsLabel(t, m.streams)}${m.streams.some((x) => x.rdma) ? ' (SMB Direct)' : ''}`}
                </span>
              </td>
              {off || m.failure === 'no-destination' ? (
                <td colSpan={3} />
              ) : (
                <>
                  <td className="num">{s(m.transferStartSeconds - m.startSeconds)}</td>
                  <td className="num">{m.failure ? '—' : s(m.transferEndSeconds - m.transferStartSeconds)}</td>
                  <td className="num">
                    {s(m.startSeconds)}
                    <span className="drain-sub">to {s(m.endSeconds)}</span>
                  </td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * A drain plan as a table: the timeline's figures, one row per VM, readable by any screen reader.
 * Start and end share a column (start, then "to" the end under it) so that the table fits the
 * side panel of a 1440-px window (issue 27).
 */
import type { DrainPage } from './DrainPager';
import { formatDuration, historyOf, modeInSentence, nodeName, streamsLabel, type DrainPlan, type Topology } from '../../engine';

const s = (x: number): string => formatDuration(x);

/**
 * (issue 23) What the VM's past live migrations took (the median, and how many), from the migration
 * history kept with the design, beside this estimate (its end minus its start). A line in the
 * destination cell, not a column: the table must fit the side panel of a 1440-px window.
 */
function seenText(durations: readonly number[], estimate: number): string {
  const v = [...durations].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
  return `took ${s(median)} before${v.length > 1 ? ` (median of ${v.length})` : ''}; estimate ${s(estimate)}`;
}

/** `page`: the rows drawn (drain order); all when absent. */
export function DrainTable({ t, plan, page }: { t: Topology; plan: DrainPlan; page?: DrainPage }) {
  const seen = historyOf(t)?.past.byVm;
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
                {!off && !m.failure && seen?.has(m.vmId) && (
                  <span className="drain-sub drain-seen" title="From the migration history kept with the design (All pairs tab)">
                    {seenText(seen.get(m.vmId)!, m.endSeconds - m.startSeconds)}
                  </span>
                )}
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

/**
 * The plan of one node's drain in both modes, side by side: the figures and the difference in
 * one sentence, the assumptions beside them, the timelines on one time scale (or as tables), CSV.
 */
import { useState } from 'react';
import { compareSentence, drainCounts, drainCsv, formatDuration, MODE_LABEL, nodeName, noVmMoves, type DrainPlan } from '../../engine';
import { useApp } from '../StoreContext';
import { AssumptionEditor, AssumptionSummary } from './Assumptions';
import { Calibrate } from './Calibrate';
import { downloadCsv } from './download';
import { DrainTable } from './DrainTable';
import { DrainTimeline } from './DrainTimeline';
import type { Plans } from './usePlans';
import { useDrainPair, type DrainPair } from './useDrainPair';
import { DRAIN_PAGE, DrainPager, pageOf, pageWindow } from './DrainPager';


function Figures({ plan }: { plan: DrainPlan }) {
  const { moved, stuck } = drainCounts(plan);
  // No VM moves: there is no drain time to show, only that nothing moves (issue 27).
  const none = noVmMoves(plan);
  return (
    <div className={`drain-figures mode-card-${plan.mode}${none ? ' drain-none' : ''}`} data-testid={`drain-total-${plan.mode}`}>
      <h3>{MODE_LABEL[plan.mode]}</h3>
      <p className="drain-total">
        <span className="visually-hidden">Estimated total: </span>
        {none ? 'No VM moves' : formatDuration(plan.totalSeconds)}
      </p>
      <p className="drain-meta">
        {none
          ? plan.waitingSeconds > 0
            ? `each VM gives up after ${formatDuration(plan.totalSeconds)} of connection timeouts`
            : 'no VM can reach another node'
          : plan.waitingSeconds > 0
            ? `${formatDuration(plan.waitingSeconds)} waiting for connection timeouts`
            : 'no waiting for timeouts'}
        <br />
        {moved} live migration{moved === 1 ? '' : 's'}
        {stuck > 0 && <strong className="drain-stuck"> · {stuck} VM{stuck === 1 ? '' : 's'} cannot move</strong>}
      </p>
    </div>
  );
}

export function DrainPlanner({ plans }: { plans: Plans }) {
  const { t, ws2025, legacy } = plans;
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  const failures = useApp((s) => s.ui.failed.length);
  const [view, setView] = useState<'timeline' | 'table'>('timeline');
  const [editing, setEditing] = useState<'assumptions' | 'calibrate' | null>(null);
  const name = nodeName(t, ws2025.sourceNodeId);
  // One time scale for both timelines, so that they compare; when one mode moves no VM there is
  // nothing to compare, and its give-up time would squash the other's bars: each its own (issue 27).
  const apart = noVmMoves(ws2025) || noVmMoves(legacy);
  // A long drain: one page of VMs at a time in both modes' views, on the time that page spans.
  const [pageNo, setPage] = useState(0);
  const count = ws2025.migrations.length;
  const page = pageOf(count, pageNo);
  const together = pageWindow([ws2025, legacy], page);
  // The diagram lights the drain's own pair while the view is open: the node and the first VM's
  // destination (every VM's, when one is chosen) (issue 27).
  const to = ws2025.migrations.find((m) => m.destinationNodeId !== null)?.destinationNodeId ?? null;
  const own: DrainPair | null = to === null ? null : { sourceNodeId: ws2025.sourceNodeId, destinationNodeId: to };
  useDrainPair(own);
  if (ws2025.migrations.length === 0) return <p className="hint">{name} runs no VMs: add them in its Details (select the node) to plan its drain.</p>;
  return (
    <div className="drain-planner">
      <p className="drain-sentence" data-testid="drain-sentence">
        Estimate: {compareSentence(ws2025, legacy)}.
      </p>
      {failures > 0 && <p className="props-note">With the what-if failures applied.</p>}
      <div className="drain-side-by-side">
        <Figures plan={ws2025} />
        <Figures plan={legacy} />
      </div>
      <div className="drain-assumptions">
        <AssumptionSummary t={t} timeout={timeout} sourceNodeId={ws2025.sourceNodeId} />
        <div className="props-row">
          <button type="button" aria-expanded={editing === 'assumptions'} onClick={() => setEditing(editing === 'assumptions' ? null : 'assumptions')}>
            Edit assumptions…
          </button>
          <button type="button" aria-expanded={editing === 'calibrate'} onClick={() => setEditing(editing === 'calibrate' ? null : 'calibrate')}>
            Calibrate from a real migration…
          </button>
        </div>
        {editing === 'assumptions' && <AssumptionEditor t={t} onDone={() => setEditing(null)} />}
        {editing === 'calibrate' && <Calibrate sourceNodeId={ws2025.sourceNodeId} />}
      </div>
      <div className="props-row drain-view" role="radiogroup" aria-label="Show the plan as">
        {(['timeline', 'table'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="drain-view" checked={view === v} onChange={() => setView(v)} /> {v === 'timeline' ? 'Timeline' : 'Table'}
          </label>
        ))}
        <span className="drain-legend" aria-hidden={view === 'table'}>
          <span className="seg seg-wait" /> waiting for timeouts <span className="seg seg-copy" /> copying memory <span className="seg seg-switch" /> switchover
        </span>
      </div>
      <DrainPager count={count} page={pageNo} onPage={setPage} />
      {[ws2025, legacy].map((plan) => {
        // Paged, each mode on its own page's time: a page of the faster mode was a sliver of the slower's.
        const span = apart || count > DRAIN_PAGE ? pageWindow([plan], page) : together;
        return (
        <section key={plan.mode} className="drain-mode" aria-label={`${MODE_LABEL[plan.mode]} plan`}>
          <div className="section-head">
            <h3>{MODE_LABEL[plan.mode]}</h3>
            <button type="button" className="small-button" onClick={() => downloadCsv(`${name} drain ${plan.mode}`, drainCsv(t, plan))}>
              CSV
            </button>
          </div>
          {view === 'timeline' ? (
            <DrainTimeline t={t} plan={plan} scaleSeconds={span.seconds} fromSeconds={span.fromSeconds} page={page} rest={own} />
          ) : (
            <DrainTable t={t} plan={plan} page={page} />
          )}
        </section>
        );
      })}
    </div>
  );
}

/**
 * A drain of many VMs is shown a page at a time: its timeline and its table draw the bars and
 * rows of one page of VMs (in drain order), with the buttons to the next and previous pages. A
 * node with 1,000 VMs drew 2,000 bars (13 s) and, as a table, 2,000 rows with their inputs
 * (57 s); the figures, the sentence and the CSV still cover every VM.
 */
import type { DrainPlan } from '../../engine';

export const DRAIN_PAGE = 100;

export interface DrainPage {
  /** Index of the page's first migration, and one past its last, in drain order. */
  from: number;
  to: number;
}

export function pageOf(count: number, page: number): DrainPage {
  const last = Math.max(0, Math.ceil(count / DRAIN_PAGE) - 1);
  const p = Math.min(Math.max(0, page), last);
  return { from: p * DRAIN_PAGE, to: Math.min(count, (p + 1) * DRAIN_PAGE) };
}

/**
 * The time the page's VMs span in these plans (one scale for the plans drawn side by side):
 * from the first start to the last end; the whole drain when every VM is on the page.
 */
export function pageWindow(plans: readonly DrainPlan[], page: DrainPage): { fromSeconds: number; seconds: number } {
  const all = plans.every((p) => page.from === 0 && page.to >= p.migrations.length);
  if (all) return { fromSeconds: 0, seconds: Math.max(...plans.map((p) => p.totalSeconds)) };
  let from = Infinity;
  let to = 0;
  for (const p of plans)
    for (const m of p.migrations.slice(page.from, page.to)) {
      from = Math.min(from, m.startSeconds);
      to = Math.max(to, m.endSeconds);
    }
  return from === Infinity ? { fromSeconds: 0, seconds: 0 } : { fromSeconds: from, seconds: to - from };
}

export function DrainPager({ count, page, onPage }: { count: number; page: number; onPage: (page: number) => void }) {
  if (count <= DRAIN_PAGE) return null;
  const { from, to } = pageOf(count, page);
  const pages = Math.ceil(count / DRAIN_PAGE);
  return (
    <p className="drain-pager" aria-live="polite">
      <span>
        VMs {(from + 1).toLocaleString('en-US')}–{to.toLocaleString('en-US')} of {count.toLocaleString('en-US')} in drain order (page {Math.floor(from / DRAIN_PAGE) + 1} of {pages})
      </span>{' '}
      <button type="button" className="small-button" disabled={from === 0} onClick={() => onPage(page - 1)}>
        ← Previous {DRAIN_PAGE}
      </button>{' '}
      <button type="button" className="small-button" disabled={to >= count} onClick={() => onPage(page + 1)}>
        Next {Math.min(DRAIN_PAGE, count - to) || DRAIN_PAGE} →
      </button>
    </p>
  );
}

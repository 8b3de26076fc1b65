/**
 * Long VM lists show their first rows and a button for more: a table of 8,000 VMs, each row with
 * its inputs, took seconds to draw; the filter and the sort still cover every VM.
 */
import { useState, type ReactNode } from 'react';

export const VM_ROWS_SHOWN = 200;

/** How many rows to draw, and the button that draws more (null when all are drawn). */
export function useShownRows(total: number): { shown: number; more: ReactNode } {
  const [shown, setShown] = useState(VM_ROWS_SHOWN);
  if (total <= shown) return { shown: total, more: null };
  const next = Math.min(VM_ROWS_SHOWN * 5, total - shown);
  return {
    shown,
    more: (
      <p className="vm-more">
        Showing {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')} VMs (filter to find one).{' '}
        <button type="button" className="link-button" onClick={() => setShown(shown + next)}>
          Show {next.toLocaleString('en-US')} more
        </button>
      </p>
    ),
  };
}

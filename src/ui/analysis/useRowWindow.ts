/**
 * Row windowing for a long table: only the rows in view (plus a margin) are rendered, spacer
 * rows keep the scroll height right. A 64-node matrix has 4 096 cells; a screenful is ~1 500.
 * Rows are measured once rendered (their pitch depends on the density and the viewport).
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';

const OVERSCAN = 6;

export interface RowWindow {
  start: number;
  end: number;
  /** Height of the spacer rows above and below the window, in px (0 when none). */
  before: number;
  after: number;
  /** Makes sure a row is rendered (keyboard focus may jump out of the window). */
  include(row: number): void;
}

interface State {
  start: number;
  end: number;
  pitch: number;
  rowHeight: number;
}

export function useRowWindow(n: number, enabled: boolean, scroller: RefObject<HTMLElement | null>, table: RefObject<HTMLTableElement | null>): RowWindow {
  const [s, setS] = useState<State>(() => ({ start: 0, end: enabled ? Math.min(n, 40) : n, pitch: 24, rowHeight: 22 }));

  useEffect(() => {
    const sc = scroller.current;
    const t = table.current;
    if (!sc || !t || !enabled) return;
    // Measures the rendered rows and the scroll position, on scroll, resize and the first frame.
    const measure = (): void => {
      const rows = t.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row]');
      const a = rows[0];
      const b = rows[1];
      const pitch = a && b && b.offsetTop > a.offsetTop ? b.offsetTop - a.offsetTop : null;
      const rowHeight = a?.offsetHeight || null;
      const head = t.tHead?.offsetHeight ?? 0;
      const { scrollTop, clientHeight } = sc;
      setS((p) => {
        const step = pitch ?? p.pitch;
        const first = Math.floor(Math.max(0, scrollTop - head) / step);
        const count = Math.ceil(clientHeight / step) + 1;
        const next = { start: Math.max(0, first - OVERSCAN), end: Math.min(n, first + count + OVERSCAN), pitch: step, rowHeight: rowHeight ?? p.rowHeight };
        return p.start === next.start && p.end === next.end && p.pitch === next.pitch && p.rowHeight === next.rowHeight ? p : next;
      });
    };
    let frame = requestAnimationFrame(measure);
    const later = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    sc.addEventListener('scroll', later, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(later);
    ro?.observe(sc);
    return () => {
      cancelAnimationFrame(frame);
      sc.removeEventListener('scroll', later);
      ro?.disconnect();
    };
  }, [enabled, n, scroller, table]);

  const include = useCallback(
    (row: number) => setS((p) => (row >= p.start && row < p.end ? p : { ...p, start: Math.max(0, row - 2 * OVERSCAN), end: Math.min(n, row + 2 * OVERSCAN) })),
    [n],
  );

  const start = enabled ? Math.min(s.start, n) : 0;
  const end = enabled ? Math.min(s.end, n) : n;
  const spacer = (rows: number): number => (rows > 0 ? (rows - 1) * s.pitch + s.rowHeight : 0);
  return { start, end, before: spacer(start), after: spacer(n - end), include };
}

/**
 * Windowing for a large table, in both directions: only the rows and the columns in view (plus a
 * margin) are rendered; spacer rows keep the scroll height right and spacer cells at both ends of
 * every row keep the scroll width. A 128-node matrix has 16,384 cells; the panel shows ≈ 20 × 27
 * of them, and every row of 128 cells in the DOM cost the browser's style and layout ≈ 2 s on the
 * largest design (issue 24, round 4). Rows and columns are measured once rendered (their pitch
 * depends on the density and the viewport).
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';

const OVERSCAN = 6;
/** Rows and columns rendered before the first measurement: a screenful of the densest matrix. */
export const FIRST_ROWS = 40;
export const FIRST_COLS = 32;

export interface Span {
  start: number;
  end: number;
  /** Room of the spacer before and after the window, in px (0 when none). */
  before: number;
  after: number;
}

export interface GridWindow {
  rows: Span;
  cols: Span;
  /** Makes sure a cell is rendered (keyboard focus may jump out of the window). */
  include(row: number, col: number): void;
}

interface Axis {
  start: number;
  end: number;
  /** Distance between two neighbours' starts, and one's own size (the difference is the spacing). */
  pitch: number;
  size: number;
}

interface State {
  rows: Axis;
  cols: Axis;
}

const sameAxis = (a: Axis, b: Axis): boolean => a.start === b.start && a.end === b.end && a.pitch === b.pitch && a.size === b.size;

/** The window of an axis: what lies in `view` px from `offset` (the scroll position less where item 0 starts). */
function windowOf(n: number, offset: number, view: number, pitch: number, size: number): Axis {
  const first = Math.floor(Math.max(0, offset) / pitch);
  const count = Math.ceil(view / pitch) + 1;
  return { start: Math.max(0, Math.min(n, first) - OVERSCAN), end: Math.min(n, first + count + OVERSCAN), pitch, size };
}

const around = (a: Axis, i: number, n: number): Axis => (i >= a.start && i < a.end ? a : { ...a, start: Math.max(0, i - 2 * OVERSCAN), end: Math.min(n, i + 2 * OVERSCAN) });

export function useGridWindow(n: number, enabled: boolean, scroller: RefObject<HTMLElement | null>, table: RefObject<HTMLTableElement | null>): GridWindow {
  const [s, setS] = useState<State>(() => ({
    rows: { start: 0, end: enabled ? Math.min(n, FIRST_ROWS) : n, pitch: 24, size: 22 },
    cols: { start: 0, end: enabled ? Math.min(n, FIRST_COLS) : n, pitch: 22, size: 20 },
  }));

  useEffect(() => {
    const sc = scroller.current;
    const t = table.current;
    if (!sc || !t || !enabled) return;
    // Measures the rendered rows and cells and the scroll position, on scroll, resize and the first frame.
    const measure = (): void => {
      const rows = t.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row]');
      const a = rows[0];
      const b = rows[1];
      const rowPitch = a && b && b.offsetTop > a.offsetTop ? b.offsetTop - a.offsetTop : null;
      const rowSize = a?.offsetHeight || null;
      const cells = a ? a.querySelectorAll<HTMLElement>('td[data-c]') : [];
      const c0 = cells[0];
      const c1 = cells[1];
      const colPitch = c0 && c1 && c1.offsetLeft > c0.offsetLeft ? c1.offsetLeft - c0.offsetLeft : null;
      const colSize = c0?.offsetWidth || null;
      const head = t.tHead?.offsetHeight ?? 0;
      const { scrollTop, scrollLeft, clientHeight, clientWidth } = sc;
      setS((p) => {
        const rp = rowPitch ?? p.rows.pitch;
        const cp = colPitch ?? p.cols.pitch;
        // Where column 0 starts: the first rendered cell, less the columns before it.
        const x0 = c0 ? c0.offsetLeft - Number(c0.dataset.c) * cp : 0;
        const next: State = {
          rows: windowOf(n, scrollTop - head, clientHeight, rp, rowSize ?? p.rows.size),
          cols: windowOf(n, scrollLeft - x0, clientWidth, cp, colSize ?? p.cols.size),
        };
        return sameAxis(p.rows, next.rows) && sameAxis(p.cols, next.cols) ? p : next;
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
    (row: number, col: number) =>
      setS((p) => {
        const rows = around(p.rows, row, n);
        const cols = around(p.cols, col, n);
        return rows === p.rows && cols === p.cols ? p : { rows, cols };
      }),
    [n],
  );

  // The same objects while the window stays (the matrix's rows are memoised on them).
  const rows = useMemo(() => span(s.rows, n, enabled), [s.rows, n, enabled]);
  const cols = useMemo(() => span(s.cols, n, enabled), [s.cols, n, enabled]);
  return { rows, cols, include };
}

function span(a: Axis, n: number, enabled: boolean): Span {
  const start = enabled ? Math.min(a.start, n) : 0;
  const end = enabled ? Math.min(a.end, n) : n;
  // k items less the spacing after the last: one spacer stands for them.
  const room = (k: number): number => (k > 0 ? (k - 1) * a.pitch + a.size : 0);
  return { start, end, before: room(start), after: room(n - end) };
}

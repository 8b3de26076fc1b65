/**
 * The N×N matrix of source × destination: an ARIA grid with one tab stop (roving tabindex),
 * arrow keys between cells, Enter or a click to select the pair. Rows are memoised so that
 * moving the focus or the selection re-renders two rows, not 64; cells are plain elements and
 * their tooltip is computed only for the cell under the pointer or the focus.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { AllPairsResult, Topology } from '../../engine';
import { describePair, matrixCells, pairAt, selectionsAt, type CellModel, type MatrixView } from './matrixModel';
import { useGridWindow, type Span } from './useGridWindow';

/** Matrices up to this many nodes render every cell; larger ones only the rows and columns in view. */
const WINDOW_FROM = 24;

/** compact: one glyph per cell (the panel, many nodes); full: text; fill: text, cells grown to the room (large view). */
export type Density = 'compact' | 'full' | 'fill';

interface Props {
  topology: Topology;
  result: AllPairsResult;
  view: MatrixView;
  timeout: number;
  density: Density;
  selected: { source: string | null; destination: string | null };
  onSelect(sourceNodeId: string, destinationNodeId: string): void;
  /** Accessible name of the grid. */
  label: string;
}

interface Pos {
  r: number;
  c: number;
}

interface RowProps {
  r: number;
  name: string;
  cells: CellModel[];
  focusCol: number;
  selectedCol: number;
  density: Density;
  /** The tooltip's id: it describes the cell that has the focus. */
  tipId: string;
  /** The columns rendered (the others stand behind a spacer cell at either end). */
  cols: Span;
}

/** A cell standing for the columns out of view (hidden from assistive technology: the grid's aria-colcount and each cell's aria-colindex tell). */
const Spacer = ({ width, head }: { width: number; head?: boolean }) => {
  const style = { width, minWidth: width, maxWidth: width, padding: 0 };
  return head ? <th className="mx-colspacer" role="presentation" aria-hidden="true" style={style} /> : <td className="mx-colspacer" role="presentation" aria-hidden="true" style={style} />;
};

const Row = memo(function Row({ r, name, cells, focusCol, selectedCol, density, tipId, cols }: RowProps) {
  return (
    <tr role="row" data-row={r} aria-rowindex={r + 2}>
      <th role="rowheader" scope="row" className="mx-rowhead" title={name} aria-colindex={1}>
        {name}
      </th>
      {cols.before > 0 && <Spacer width={cols.before} />}
      {cells.slice(cols.start, cols.end).map((cell, i) => {
        const c = cols.start + i;
        return (
          <td
            key={c}
            role="gridcell"
            data-r={r}
            data-c={c}
            aria-colindex={c + 2}
            tabIndex={c === focusCol ? 0 : -1}
            aria-selected={c === selectedCol}
            aria-describedby={c === focusCol ? tipId : undefined}
            className={`mx-cell ${cell.cls}${c === selectedCol ? ' is-selected' : ''}`}
          >
            {/* The name is the pair in words, from content (no aria-label: it would not hold the visible abbreviations). */}
            <span className="sr-only">{cell.label}</span>
            {density !== 'compact' ? (
              <span className="mx-visible" aria-hidden="true">
                <span className={cell.main.length > 6 ? 'mx-main long' : 'mx-main'}>{cell.main}</span>
                <span className="mx-sub">
                  {cell.sub}
                  {cell.aside && <span className="mx-aside">{cell.aside}</span>}
                </span>
              </span>
            ) : (
              <span className="mx-visible mx-main" aria-hidden="true">
                {cell.compact}
              </span>
            )}
          </td>
        );
      })}
      {cols.after > 0 && <Spacer width={cols.after} />}
    </tr>
  );
});

function cellFrom(target: EventTarget | null): Pos | null {
  const el = (target as HTMLElement | null)?.closest?.('td[data-r]') as HTMLElement | null;
  if (!el) return null;
  return { r: Number(el.dataset.r), c: Number(el.dataset.c) };
}

export function Matrix({ topology, result, view, timeout, density, selected, onSelect, label }: Props) {
  const n = result.nodeIds.length;
  // The cells read the topology's node and network names alone (matrixModel.ts): an edit that keeps
  // them (a VM, a position, the planning: engine/model/reparse.ts shares those parts) keeps the
  // cells and the rows, so the browser restyles nothing (a VM edit with the tab open on the
  // largest design re-made 16,384 cells and re-rendered every row in view).
  const { nodes: nodeIndex, networks: networkIndex } = topology.index;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the topology the names were read from, kept while they stay
  const worded = useMemo(() => topology, [nodeIndex, networkIndex, topology.networks]);
  const cells = useMemo(() => matrixCells(worded, result, view, timeout), [worded, result, view, timeout]);
  const names = useMemo(() => result.nodeIds.map((id) => worded.index.nodes.get(id)?.name ?? id), [result, worded]);
  const selRow = selected.source ? result.nodeIds.indexOf(selected.source) : -1;
  const selCol = selected.destination ? result.nodeIds.indexOf(selected.destination) : -1;
  const [focus, setFocus] = useState<Pos>(() => (selRow >= 0 && selCol >= 0 ? { r: selRow, c: selCol } : { r: 0, c: Math.min(1, n - 1) }));
  const [tip, setTip] = useState<(Pos & { x: number; y: number; below: boolean }) | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const win = useGridWindow(n, n > WINDOW_FROM, scroller, table);
  const { rows, cols } = win;
  const moved = useRef(false);
  const tipId = useId();
  const f = { r: Math.min(focus.r, n - 1), c: Math.min(focus.c, n - 1) };

  // Keyboard moves the DOM focus with the roving tab stop (and scrolls the cell into view).
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const el = table.current?.querySelector<HTMLElement>(`td[data-r="${f.r}"][data-c="${f.c}"]`);
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [f.r, f.c]);

  const showTip = (p: Pos, el: HTMLElement): void => {
    const box = wrap.current?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (!box) return setTip({ ...p, x: 0, y: 0, below: true });
    const below = r.bottom + 120 < window.innerHeight;
    setTip({ ...p, x: Math.max(0, Math.min(r.left - box.left, box.width - 320)), y: below ? r.bottom - box.top + 4 : r.top - box.top - 4, below });
  };

  const select = (p: Pos): void => {
    const pair = pairAt(result, p.r, p.c);
    if (pair) onSelect(pair.sourceNodeId, pair.destinationNodeId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    const page = 8;
    const keys: Record<string, () => Pos> = {
      ArrowUp: () => ({ r: f.r - 1, c: f.c }),
      ArrowDown: () => ({ r: f.r + 1, c: f.c }),
      ArrowLeft: () => ({ r: f.r, c: f.c - 1 }),
      ArrowRight: () => ({ r: f.r, c: f.c + 1 }),
      PageUp: () => ({ r: f.r - page, c: f.c }),
      PageDown: () => ({ r: f.r + page, c: f.c }),
      Home: () => (e.ctrlKey ? { r: 0, c: 0 } : { r: f.r, c: 0 }),
      End: () => (e.ctrlKey ? { r: n - 1, c: n - 1 } : { r: f.r, c: n - 1 }),
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(f);
      return;
    }
    const next = keys[e.key]?.();
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    const clamped = { r: Math.max(0, Math.min(n - 1, next.r)), c: Math.max(0, Math.min(n - 1, next.c)) };
    if (clamped.r === f.r && clamped.c === f.c) return; // at the edge
    moved.current = true;
    win.include(clamped.r, clamped.c);
    setFocus(clamped);
  };

  const tipPair = tip ? selectionsAt(result, tip.r, tip.c) : null;
  const tipLines = tipPair ? describePair(topology, tipPair) : null;

  return (
    <div
      className={`mx-wrap ${density === 'compact' ? 'mx-compact' : density === 'fill' ? 'mx-full mx-fill' : 'mx-full'}`}
      style={{ '--mx-n': n } as CSSProperties}
      ref={wrap}
      onPointerLeave={() => setTip(null)}
    >
      <div className="mx-scroll" ref={scroller}>
        <table
          ref={table}
          role="grid"
          aria-label={label}
          aria-rowcount={n + 1}
          aria-colcount={n + 1}
          className="mx-grid"
          onKeyDown={onKeyDown}
          onClick={(e) => {
            const p = cellFrom(e.target);
            if (!p) return;
            setFocus(p);
            select(p);
          }}
          onPointerOver={(e: PointerEvent<HTMLTableElement>) => {
            const p = cellFrom(e.target);
            if (p && p.r !== p.c && (p.r !== tip?.r || p.c !== tip?.c)) showTip(p, (e.target as HTMLElement).closest('td')!);
            else if (!p) setTip(null);
          }}
          onFocus={(e) => {
            const p = cellFrom(e.target);
            if (!p) return;
            if (p.r !== f.r || p.c !== f.c) setFocus(p);
            if (p.r !== p.c) showTip(p, e.target as HTMLElement);
            else setTip(null);
          }}
          onBlur={(e) => {
            if (!table.current?.contains(e.relatedTarget as Node | null)) setTip(null);
          }}
        >
          <thead>
            <tr role="row" aria-rowindex={1}>
              <th className="mx-corner" scope="col" aria-colindex={1}>
                <span className="mx-corner-from">from ↓</span> <span className="mx-corner-to">to →</span>
              </th>
              {cols.before > 0 && <Spacer width={cols.before} head />}
              {names.slice(cols.start, cols.end).map((name, i) => {
                const c = cols.start + i;
                return (
                  <th key={c} role="columnheader" scope="col" aria-colindex={c + 2} className={`mx-colhead${c === selCol ? ' is-selected' : ''}`} title={name}>
                    <span>{name}</span>
                  </th>
                );
              })}
              {cols.after > 0 && <Spacer width={cols.after} head />}
            </tr>
          </thead>
          <tbody>
            {rows.before > 0 && <tr className="mx-spacer" aria-hidden="true" style={{ height: rows.before }} />}
            {cells.slice(rows.start, rows.end).map((row, i) => {
              const r = rows.start + i;
              return <Row key={r} r={r} name={names[r]!} cells={row} focusCol={r === f.r ? f.c : -1} selectedCol={r === selRow ? selCol : -1} density={density} tipId={tipId} cols={cols} />;
            })}
            {rows.after > 0 && <tr className="mx-spacer" aria-hidden="true" style={{ height: rows.after }} />}
          </tbody>
        </table>
      </div>
      {tip && tipLines && (
        <div id={tipId} role="tooltip" className={`mx-tip${tip.below ? '' : ' above'}`} style={{ left: tip.x, top: tip.y }}>
          {tipLines.map((line, i) => (
            <p key={i} className={i === 0 ? 'mx-tip-title' : undefined}>
              {line}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

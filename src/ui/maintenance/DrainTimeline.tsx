/**
 * A drain as a timeline: one lane per parallel slot, each VM a bar split into waiting for
 * connection timeouts (hatched), copying memory and switchover. Every bar is a button: hovering
 * or focusing it shows that pair on the diagram (the store's pair highlight, put back after);
 * arrow keys move between bars. The same plan reads as a table beside it (DrainTable).
 */
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DrainPage } from './DrainPager';
import { formatDuration, modeInSentence, nodeName, streamsLabel, timelineLanes, type DrainMigration, type DrainPlan, type Topology } from '../../engine';
import { useActions, useAppStore } from '../StoreContext';

const pct = (x: number, total: number): string => `${total > 0 ? (x / total) * 100 : 0}%`;
const rate = (gbps: number): string => `${gbps >= 10 ? Math.round(gbps) : Math.round(gbps * 10) / 10} Gbps`;

/** Width of a character of the bar's 11-px name, rounded up (digits and capitals of the UI font). */
const CHAR_PX = 7;

/**
 * The name a bar shows (issue 27): the whole name when it fits; else the part that tells the VMs
 * apart, after the prefix all the plan's names share ("07" of "VM07"); else nothing — never a
 * cut "VM0" that every bar repeats. The bar's label and tooltip always give the whole name.
 * `widthPx` null: not measured (no layout), the whole name.
 */
export function barName(name: string, commonPrefix: number, widthPx: number | null): string {
  if (widthPx === null) return name;
  const fits = (text: string): boolean => text.length * CHAR_PX + 8 <= widthPx;
  if (fits(name)) return name;
  const tail = name.slice(commonPrefix);
  return tail.length > 0 && tail.length < name.length && fits(tail) ? tail : '';
}

/** Length of the prefix every name shares. */
export function commonPrefixLength(names: string[]): number {
  if (names.length < 2) return 0;
  let n = 0;
  const first = names[0]!;
  while (n < first.length && names.every((x) => x[n] === first[n])) n++;
  return n;
}

export function barLabel(t: Topology, m: DrainMigration): string {
  const vm = t.index.vms.get(m.vmId);
  const to = m.destinationNodeId ? nodeName(t, m.destinationNodeId) : 'nowhere';
  const head = `${vm?.name ?? m.vmId} (${vm?.memoryGB ?? '?'} GB) → ${to}`;
  const waiting = m.transferStartSeconds - m.startSeconds;
  if (m.failure === 'no-path') return `${head}: no path, gives up after ${formatDuration(waiting)} of connection timeouts`;
  const parts = [
    waiting > 0 ? `waiting ${formatDuration(waiting)} for connection timeouts` : null,
    `copying ${formatDuration(m.transferEndSeconds - m.transferStartSeconds)} at ${rate(m.averageGbps)} on ${streamsLabel(t, m.streams)}`,
    `switchover ${formatDuration(m.endSeconds - m.transferEndSeconds)}`,
  ].filter(Boolean);
  return `${head}: ${parts.join(', ')}; ends at ${formatDuration(m.endSeconds)}`;
}

/**
 * `rest`: the pair the diagram goes back to when the pointer or focus leaves the bars (the drain's own).
 * `page`: the migrations drawn (drain order), on the time from `fromSeconds` over `scaleSeconds`
 * (a long drain is drawn a page at a time: DrainPager.tsx); every lane of the drain is kept.
 */
export function DrainTimeline({ t, plan, scaleSeconds, fromSeconds = 0, page, rest = null }: { t: Topology; plan: DrainPlan; scaleSeconds: number; fromSeconds?: number; page?: DrainPage; rest?: { sourceNodeId: string; destinationNodeId: string } | null }) {
  const actions = useActions();
  const box = useRef<HTMLDivElement>(null);
  const allLanes = useMemo(() => timelineLanes(plan), [plan]);
  const from = page?.from ?? 0;
  const to = page?.to ?? plan.migrations.length;
  const lanes = useMemo(() => {
    if (from === 0 && to >= plan.migrations.length) return allLanes;
    const shown = new Set(plan.migrations.slice(from, to));
    return allLanes.map((lane) => lane.filter((m) => shown.has(m)));
  }, [allLanes, plan, from, to]);
  // The track's width in pixels, to choose what each bar's name can show (null until measured).
  const [trackPx, setTrackPx] = useState<number | null>(null);
  useLayoutEffect(() => {
    const track = box.current?.querySelector<HTMLElement>('.drain-track');
    if (!track) return;
    const measure = (): void => setTrackPx(track.clientWidth > 0 ? track.clientWidth : null);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(track);
    return () => observer.disconnect();
  }, [lanes.length]);
  const vmName = (id: string): string => t.index.vms.get(id)?.name ?? id;
  const common = useMemo(() => commonPrefixLength(plan.migrations.map((m) => t.index.vms.get(m.vmId)?.name ?? m.vmId)), [t, plan]);
  const show = (m: DrainMigration): void => {
    if (m.destinationNodeId) actions.previewPair({ sourceNodeId: plan.sourceNodeId, destinationNodeId: m.destinationNodeId, mode: plan.mode });
  };
  const store = useAppStore();
  const leave = (): void => {
    const { ui } = store.getState();
    actions.previewPair(rest ? { ...rest, mode: ui.preview?.mode ?? ui.mode } : null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const bars = [...(box.current?.querySelectorAll<HTMLButtonElement>('.drain-bar') ?? [])];
    const at = bars.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    bars[(at + step + bars.length) % bars.length]?.focus();
  };
  if (lanes.length === 0) return <p className="hint">Nothing is live migrated in this mode.</p>;
  return (
    <div
      className="drain-timeline"
      ref={box}
      role="group"
      aria-label={`Timeline, ${modeInSentence(plan.mode)}: one lane per parallel migration`}
      onKeyDown={onKeyDown}
      onMouseLeave={leave}
      onBlur={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null)) leave();
      }}
    >
      {lanes.map((lane, k) => (
        <div key={k} className="drain-lane">
          <span className="drain-lane-label">Slot {k + 1}</span>
          <div className="drain-track">
            {lane.map((m) => {
              const waiting = m.transferStartSeconds - m.startSeconds;
              const copying = m.transferEndSeconds - m.transferStartSeconds;
              const switching = m.endSeconds - m.transferEndSeconds;
              const span = m.endSeconds - m.startSeconds;
              const label = barLabel(t, m);
              return (
                <button
                  key={m.vmId}
                  type="button"
                  className={`drain-bar${m.failure ? ' drain-failed' : ''}`}
                  style={{ left: pct(m.startSeconds - fromSeconds, scaleSeconds), width: pct(span, scaleSeconds) }}
                  aria-label={label}
                  title={label}
                  onMouseEnter={() => show(m)}
                  onFocus={() => show(m)}
                >
                  {waiting > 0 && <span className="seg seg-wait" style={{ width: pct(waiting, span) }} />}
                  {copying > 0 && <span className="seg seg-copy" style={{ width: pct(copying, span) }} />}
                  {switching > 0 && <span className="seg seg-switch" style={{ width: pct(switching, span) }} />}
                  <span className="drain-bar-name">{barName(vmName(m.vmId), common, trackPx === null || scaleSeconds <= 0 ? null : (span / scaleSeconds) * trackPx)}</span>
                </button>
              );
            })}
          </div>
        </div>
      ))}
      <div className="drain-axis" aria-hidden="true">
        <span>{fromSeconds > 0 ? formatDuration(fromSeconds) : 0}</span>
        <span>{formatDuration(fromSeconds + scaleSeconds / 2)}</span>
        <span>{formatDuration(fromSeconds + scaleSeconds)}</span>
      </div>
    </div>
  );
}

/**
 * The on-canvas legend: a strip under the diagram (never over it), collapsible. It lists only what
 * the diagram shows, chosen by the exports' rule (legendSelectorOf in src/canvas/viewDeriver.ts); with
 * nothing drawn there is no strip. The migration path's section keeps its room whether or not a
 * pair is lit (a grid of equal cells, one for each item the design can show: the items shown
 * fill the first ones, a hint the first when none is), so that lighting a
 * pair does not change the strip's height: that resized the diagram, and a resize redraws all of
 * it (issue 24: the Maintenance tab lighting the drain's pair on the largest design).
 */
import { useMemo, useState } from 'react';
import { legendSelectorOf } from '../../canvas/viewDeriver';
import { DASH, pathRoom, PATH_SECTION, type LegendItem, type Swatch } from '../../canvas/legend';
import { scaleFor } from '../../canvas/metrics';
import type { AppState } from '../../store/appStore';
import { useApp, useAppStore } from '../StoreContext';

function SwatchIcon({ s }: { s: Swatch }) {
  if (s.kind === 'line') {
    const dash = s.dash === 'dotted' ? `0.1 ${s.width + 3}` : s.dash ? DASH.dashed : undefined;
    return (
      <svg width="40" height="22" aria-hidden="true" opacity={s.faded ? 0.35 : 1}>
        <line x1="2" y1="11" x2="38" y2="11" stroke={s.color} strokeWidth={s.width} strokeDasharray={dash} strokeLinecap={s.dash === 'dotted' ? 'round' : undefined} />
        {s.badge && (
          <>
            <rect x="13" y="3" width="14" height="16" rx="3" fill="#fff" stroke={s.color} />
            <text x="20" y="15" fontSize="11" fontWeight="bold" textAnchor="middle" fill={s.color}>
              {s.badge}
            </text>
          </>
        )}
      </svg>
    );
  }
  const x = 20 - s.w / 2;
  const y = 11 - s.h / 2;
  return (
    <svg width="40" height="22" aria-hidden="true" opacity={s.faded ? 0.35 : 1}>
      <rect x={x} y={y} width={s.w} height={s.h} rx={s.radius} ry={s.barrel ? s.h / 2 : s.radius} fill={s.fill} stroke={s.stroke} strokeWidth={s.double ? 1.5 : s.strokeWidth} strokeDasharray={s.dash ? DASH[s.dash] : undefined} />
      {s.double && <rect x={x + 3.5} y={y + 3.5} width={s.w - 7} height={s.h - 7} rx={Math.max(1, s.radius - 2)} fill="none" stroke={s.stroke} strokeWidth="1.5" />}
    </svg>
  );
}

/** Below this window height the legend starts folded, so the diagram keeps its room (1024×700). */
export const LEGEND_OPEN_MIN_HEIGHT = 800;

/** What the path's room depends on, as one string (a selector's value: no render while it stays). */
const roomKey = (s: AppState): string => {
  const n = s.design.nodes.length;
  return `${n >= 2 ? 2 : n} ${scaleFor(n).kind} ${s.design.liveMigration.transport}`;
};

/** The path's items the design can show, from `roomKey`. */
function roomOf(key: string): LegendItem[] {
  const [count, kind, transport] = key.split(' ');
  return pathRoom({ nodeCount: Number(count), compact: kind === 'compact', smb: transport === 'smb' });
}

const HINT = 'Pick two nodes to see the path';

/** A cell of the path's room kept empty (the section is a grid of equal cells: Legend.css). */
const Reserved = () => <li className="legend-reserved" aria-hidden="true" />;

export function Legend() {
  const [open, setOpen] = useState(() => typeof window === 'undefined' || window.innerHeight >= LEGEND_OPEN_MIN_HEIGHT);
  const store = useAppStore();
  const listed = useApp(useMemo(() => legendSelectorOf(store), [store]));
  const room = roomOf(useApp(roomKey));
  if (listed.length === 0) return null;
  const sections = room.length > 0 && !listed.some((sec) => sec.title === PATH_SECTION) ? [{ title: PATH_SECTION, items: [] as LegendItem[] }, ...listed] : listed;
  return (
    <aside className={open ? 'canvas-legend open' : 'canvas-legend'} aria-label="Legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? 'Hide the legend' : 'Show the legend'}>
        {open ? 'Legend ▾' : 'Legend ▸'}
      </button>
      {open &&
        sections.map((section) => (
          <section key={section.title} className={section.title === PATH_SECTION && room.length > 0 ? 'legend-path' : undefined}>
            <h3>{section.title}</h3>
            <ul>
              {section.title === PATH_SECTION && section.items.length === 0 && <li className="legend-hint">{HINT}</li>}
              {section.items.map((item) => (
                <li key={item.id} data-legend={item.id} title={item.label}>
                  <SwatchIcon s={item.swatch} />
                  <span>{item.label}</span>
                </li>
              ))}
              {section.title === PATH_SECTION && room.filter((r) => !section.items.some((i) => i.id === r.id)).slice(section.items.length === 0 ? 1 : 0).map((r) => <Reserved key={r.id} />)}
            </ul>
          </section>
        ))}
    </aside>
  );
}

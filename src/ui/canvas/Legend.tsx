/**
 * The on-canvas legend: a strip under the diagram (never over it), collapsible. It lists only what
 * the diagram shows, chosen by the exports' rule (legendSelectorOf in src/canvas/viewDeriver.ts); with
 * nothing drawn there is no strip.
 */
import { useMemo, useState } from 'react';
import { legendSelectorOf } from '../../canvas/viewDeriver';
import { DASH, type Swatch } from '../../canvas/legend';
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

export function Legend() {
  const [open, setOpen] = useState(() => typeof window === 'undefined' || window.innerHeight >= LEGEND_OPEN_MIN_HEIGHT);
  const store = useAppStore();
  const sections = useApp(useMemo(() => legendSelectorOf(store), [store]));
  if (sections.length === 0) return null;
  return (
    <aside className={open ? 'canvas-legend open' : 'canvas-legend'} aria-label="Legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? 'Hide the legend' : 'Show the legend'}>
        {open ? 'Legend ▾' : 'Legend ▸'}
      </button>
      {open &&
        sections.map((section) => (
          <section key={section.title}>
            <h3>{section.title}</h3>
            <ul>
              {section.items.map((item) => (
                <li key={item.id} data-legend={item.id}>
                  <SwatchIcon s={item.swatch} />
                  <span>{item.label}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </aside>
  );
}

/**
 * The side panel's tabs: path, details of the selection, validation, all-pairs analysis, maintenance. Each tab
 * is a slot: its label and its panel; the tabs a first visit does not show load when first
 * opened (`lazyNamed`; pointing at the tab starts the fetch). A new tab adds a slot here.
 * ARIA tabs pattern: the tab list is one tab stop, arrow keys (Home, End) move between tabs and
 * show them. The panel scrolls back to the top when a new topology replaces the old one or
 * another tab is shown.
 */
import { Suspense, useEffect, useRef, type ComponentType, type KeyboardEvent } from 'react';
import { useActions, useApp } from './StoreContext';
import type { Panel } from '../store/appStore';
import { lazyNamed, LoadingPanel, WhenLoaded, type Preloadable } from './common/lazy';
import { PathPanel } from './path/PathPanel';
import { DetailsPanel } from './details/DetailsPanel';
import { useFindingCount } from './validation/useFindings';
import { ErrorBoundary } from './common/ErrorBoundary';

interface TabSlot {
  id: Panel;
  label: string;
  panel: ComponentType | Preloadable<object>;
}

const TABS: TabSlot[] = [
  { id: 'path', label: 'Path', panel: PathPanel },
  { id: 'details', label: 'Details', panel: DetailsPanel },
  { id: 'validation', label: 'Validation', panel: lazyNamed(() => import('./validation/ValidationPanel'), 'ValidationPanel') },
  { id: 'matrix', label: 'All pairs', panel: lazyNamed(() => import('./analysis/AnalysisPanel'), 'AnalysisPanel') },
  { id: 'maintenance', label: 'Maintenance', panel: lazyNamed(() => import('./maintenance/MaintenancePanel'), 'MaintenancePanel') },
];

const preload = (slot: TabSlot): void => {
  if ('preload' in slot.panel) void slot.panel.preload();
};

export function SidePanel() {
  const panel = useApp((s) => s.ui.panel);
  const replaced = useApp((s) => s.loadSeq);
  const diagnostics = useFindingCount();
  const actions = useActions();
  const design = useApp((s) => s.design);
  const label = TABS.find((t) => t.id === panel)?.label ?? panel;
  const aside = useRef<HTMLElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // A new topology or another tab starts at the top (not in the middle of the previous tab's scroll).
  useEffect(() => {
    aside.current?.scrollTo?.({ top: 0 });
  }, [replaced, panel]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const i = TABS.findIndex((t) => t.id === panel);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length]!;
    actions.setPanel(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <aside className="side-panel" id="side-panel" ref={aside} aria-label="Side panel">
      <div role="tablist" aria-label="Side panel" className="tabs" ref={list} onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={panel === t.id ? 0 : -1}
            className={panel === t.id ? 'on' : ''}
            onClick={() => actions.setPanel(t.id)}
            onPointerEnter={() => preload(t)}
            onFocus={() => preload(t)}
          >
            {t.label}
            {t.id === 'validation' && diagnostics === null && <span className="count" title="Checking the design…">…</span>}
            {t.id === 'validation' && diagnostics !== null && diagnostics > 0 && <span className="count">{diagnostics}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${panel}`} aria-labelledby={`tab-${panel}`} className="tab-body" tabIndex={-1}>
        {/* A failing tab shows a message, not a white page; another tab or another design tries again. */}
        <ErrorBoundary key={panel} what={`The ${label} tab`} resetKey={design}>
          {TABS.filter((t) => t.id === panel).map((t) => (
            <Suspense key={t.id} fallback={<LoadingPanel what={t.label} />}>
              <WhenLoaded component={t.panel} fallback={<LoadingPanel what={t.label} />}>
                {() => <t.panel />}
              </WhenLoaded>
            </Suspense>
          ))}
        </ErrorBoundary>
      </div>
    </aside>
  );
}

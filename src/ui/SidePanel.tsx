/**
 * The side panel's tabs: path, details of the selection, validation, all-pairs analysis.
 * ARIA tabs pattern: the tab list is one tab stop, arrow keys (Home, End) move between tabs and
 * show them. The panel scrolls back to the top when a new topology replaces the old one or
 * another tab is shown.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useActions, useApp } from './StoreContext';
import type { Panel } from '../store/appStore';
import { PathPanel } from './path/PathPanel';
import { DetailsPanel } from './details/DetailsPanel';
import { ValidationPanel } from './validation/ValidationPanel';
import { AnalysisPanel } from './analysis/AnalysisPanel';
import { useFindingCount } from './validation/useFindings';

const TABS: { id: Panel; label: string }[] = [
  { id: 'path', label: 'Path' },
  { id: 'details', label: 'Details' },
  { id: 'validation', label: 'Validation' },
  { id: 'matrix', label: 'All pairs' },
];

export function SidePanel() {
  const panel = useApp((s) => s.ui.panel);
  const replaced = useApp((s) => s.replaced);
  const diagnostics = useFindingCount();
  const actions = useActions();
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
    <aside className="side-panel" ref={aside} aria-label="Side panel">
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
          >
            {t.label}
            {t.id === 'validation' && diagnostics > 0 && <span className="count">{diagnostics}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${panel}`} aria-labelledby={`tab-${panel}`} className="tab-body" tabIndex={-1}>
        {panel === 'path' && <PathPanel />}
        {panel === 'details' && <DetailsPanel />}
        {panel === 'validation' && <ValidationPanel />}
        {panel === 'matrix' && <AnalysisPanel />}
      </div>
    </aside>
  );
}

/** The side panel's tabs: path, details of the selection, validation, all-pairs analysis, maintenance. */
import { useActions, useApp } from './StoreContext';
import type { Panel } from '../store/appStore';
import { PathPanel } from './path/PathPanel';
import { DetailsPanel } from './details/DetailsPanel';
import { ValidationPanel } from './validation/ValidationPanel';
import { AnalysisPanel } from './analysis/AnalysisPanel';
import { MaintenancePanel } from './maintenance/MaintenancePanel';
import { useFindingCount } from './validation/useFindings';
import { ErrorBoundary } from './common/ErrorBoundary';

const TABS: { id: Panel; label: string }[] = [
  { id: 'path', label: 'Path' },
  { id: 'details', label: 'Details' },
  { id: 'validation', label: 'Validation' },
  { id: 'matrix', label: 'All pairs' },
  { id: 'maintenance', label: 'Maintenance' },
];

export function SidePanel() {
  const panel = useApp((s) => s.ui.panel);
  const diagnostics = useFindingCount();
  const actions = useActions();
  const design = useApp((s) => s.design);
  const label = TABS.find((t) => t.id === panel)?.label ?? panel;
  return (
    <aside className="side-panel">
      <div role="tablist" aria-label="Side panel" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls={`tabpanel-${t.id}`}
            className={panel === t.id ? 'on' : ''}
            onClick={() => actions.setPanel(t.id)}
          >
            {t.label}
            {t.id === 'validation' && diagnostics > 0 && <span className="count">{diagnostics}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${panel}`} aria-labelledby={`tab-${panel}`} className="tab-body">
        {/* A failing tab shows a message, not a white page; another tab or another design tries again. */}
        <ErrorBoundary key={panel} what={`The ${label} tab`} resetKey={design}>
          {panel === 'path' && <PathPanel />}
          {panel === 'details' && <DetailsPanel />}
          {panel === 'validation' && <ValidationPanel />}
          {panel === 'matrix' && <AnalysisPanel />}
          {panel === 'maintenance' && <MaintenancePanel />}
        </ErrorBoundary>
      </div>
    </aside>
  );
}

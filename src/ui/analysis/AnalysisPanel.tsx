/**
 * The "All pairs" tab: the summary, the source × destination matrix (in the panel, or large in a
 * dialog over the diagram), its legend, and the N-1 resilience list.
 */
import { useState } from 'react';
import { MODE_LABEL } from '../../engine';
import { useAllPairs } from '../hooks';
import { useActions, useApp } from '../StoreContext';
import { Matrix, type Density } from './Matrix';
import { Modal } from '../common/Modal';
import { MatrixLegend } from './MatrixLegend';
import type { MatrixView } from './matrixModel';
import { MatrixSummary } from './MatrixSummary';
import { MeasuredPaths } from './MeasuredPaths';
import { PastMigrations } from './PastMigrations';
import { ResilienceList } from './ResilienceList';
import './analysis.css';

const VIEWS: { id: MatrixView; label: string; title: string }[] = [
  { id: 'ws2025', label: '2025', title: `${MODE_LABEL.ws2025}: chosen network, direct or routed, fallbacks` },
  { id: 'legacy', label: 'Legacy', title: `${MODE_LABEL.legacy}: initiation delay as a heat map` },
  { id: 'difference', label: 'Difference', title: 'What 2025 changes: seconds saved, networks changed, pairs only 2025 can migrate' },
];

/** Cells with text fit the 420 px panel up to this many nodes; beyond, one glyph per cell. */
const FULL_IN_PANEL = 4;

function ViewToggle({ view, onChange }: { view: MatrixView; onChange(v: MatrixView): void }) {
  return (
    <div className="segmented mx-views" role="radiogroup" aria-label="Matrix view">
      {VIEWS.map((v) => (
        <button key={v.id} type="button" role="radio" aria-checked={view === v.id} className={view === v.id ? 'on' : ''} title={v.title} onClick={() => onChange(v.id)}>
          {v.label}
        </button>
      ))}
    </div>
  );
}

export function AnalysisPanel() {
  const result = useAllPairs();
  const topology = useApp((s) => s.effective);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  const mode = useApp((s) => s.ui.mode);
  const source = useApp((s) => s.ui.sourceNodeId);
  const destination = useApp((s) => s.ui.destinationNodeId);
  const failedCount = useApp((s) => s.ui.failed.length);
  const actions = useActions();
  const [view, setView] = useState<MatrixView>(mode);
  const [large, setLarge] = useState(false);
  const n = result.nodeIds.length;
  const panelDensity: Density = n <= FULL_IN_PANEL ? 'full' : 'compact';

  const onSelect = (s: string, d: string): void => {
    actions.setSource(s);
    actions.setDestination(d);
  };
  const matrix = (density: Density, label: string) => (
    <Matrix topology={topology} result={result} view={view} timeout={timeout} density={density} selected={{ source, destination }} onSelect={onSelect} label={label} />
  );
  const whatIf = failedCount > 0 && (
    <p className="hint mx-whatif">
      With the what-if failure{failedCount === 1 ? '' : 's'} in force ({failedCount}). Restore in the Path tab to see the design.
    </p>
  );

  if (n < 2) return <p className="hint">The matrix needs at least two nodes.</p>;
  return (
    <div className="analysis">
      <MatrixSummary result={result} timeout={timeout} />
      {whatIf}
      {large ? (
        <p className="hint">The matrix is open large.</p>
      ) : (
        <>
          <div className="mx-toolbar">
            <ViewToggle view={view} onChange={setView} />
            <button type="button" className="mx-open" onClick={() => setLarge(true)} title="Show the matrix over the diagram, with every cell spelled out">
              ⤢ Open large
            </button>
          </div>
          {matrix(panelDensity, 'Migration matrix: source rows, destination columns')}
        </>
      )}
      {!large && <MatrixLegend topology={topology} result={result} view={view} density={panelDensity} />}
      <MeasuredPaths />
      <PastMigrations />
      <h2>If one element fails (N-1)</h2>
      <ResilienceList />
      {large && (
        <Modal size="full" title={`All pairs — ${topology.name}`} onClose={() => setLarge(false)}>
          <div className="mx-dialog-top">
            <MatrixSummary result={result} timeout={timeout} />
            <div>
              <ViewToggle view={view} onChange={setView} />
              {whatIf}
            </div>
          </div>
          {matrix('fill', 'Migration matrix (large): source rows, destination columns')}
          <MatrixLegend topology={topology} result={result} view={view} density="fill" />
        </Modal>
      )}
    </div>
  );
}

/** Details of the selected element, with what-if and pair actions. */
import { elementKind, failableKind } from '../../engine';
import { useActions, useApp } from '../StoreContext';
import { ElementDetails } from './ElementDetails';
import { PropertyEditor } from '../designer/PropertyEditor';
import { TopologyProperties } from '../designer/props/TopologyProperties';
import { elementName, KIND_LABEL } from './facts';
import { NodeVms } from '../vms/NodeVms';
import { OriginSummary } from './OriginSummary';
import './details.css';

function Actions({ id }: { id: string }) {
  const actions = useActions();
  const failable = useApp((s) => failableKind(s.document, id) !== null);
  const isFailed = useApp((s) => s.ui.failed.includes(id));
  const isNode = useApp((s) => s.design.index.nodes.has(id));
  const source = useApp((s) => s.ui.sourceNodeId);
  const destination = useApp((s) => s.ui.destinationNodeId);
  if (!failable && !isNode) return null;
  return (
    <div className="details-actions">
      {failable && (
        <button type="button" className={isFailed ? 'restore-button' : 'fail-button'} onClick={() => actions.toggleFailed(id)} title={isFailed ? 'End the simulated failure' : 'Simulate this element failing (what-if); the design is not changed'}>
          {isFailed ? 'Restore' : 'Fail'}
        </button>
      )}
      {isNode && (
        <>
          <button type="button" onClick={() => actions.setSource(id)} disabled={source === id}>
            Set as source
          </button>
          <button type="button" onClick={() => actions.setDestination(id)} disabled={destination === id}>
            Set as destination
          </button>
        </>
      )}
    </div>
  );
}

export function DetailsPanel() {
  const id = useApp((s) => s.ui.selectedIds[0] ?? null);
  const more = useApp((s) => s.ui.selectedIds.length - 1);
  const kind = useApp((s) => (id ? elementKind(s.design, id) : null));
  const name = useApp((s) => (id ? elementName(s.design, id) : ''));
  const isFailed = useApp((s) => (id ? s.ui.failed.includes(id) : false));
  if (!id)
    return (
      <>
        <OriginSummary />
        <TopologyProperties />
      </>
    );
  return (
    <section className="details-panel" aria-label="Element details">
      <header className="details-head">
        {kind && <span className="kind-tag">{KIND_LABEL[kind]}</span>}
        <h2>{name}</h2>
        {isFailed && <span className="failed-tag">Failed (what-if)</span>}
      </header>
      <Actions id={id} />
      <ElementDetails id={id} />
      <PropertyEditor />
      {kind === 'node' && more === 0 && <NodeVms key={id} nodeId={id} />}
      {more > 0 && <p className="hint">{more} more element{more === 1 ? '' : 's'} selected: their details show when selected alone.</p>}
    </section>
  );
}

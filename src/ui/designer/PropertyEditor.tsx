/**
 * Edits the selected element's properties. Each change is one undo step through applyEdit;
 * invalid input stays in its field with the engine's message and changes nothing.
 */
import { elementKind } from '../../engine';
import { useActions, useApp } from '../StoreContext';
import { NetworkProperties } from './props/NetworkProperties';
import { NicProperties } from './props/NicProperties';
import { NodeProperties } from './props/NodeProperties';
import { RouterProperties } from './props/RouterProperties';
import { SiteProperties } from './props/SiteProperties';
import './designer.css';

export function PropertyEditor() {
  const selected = useApp((s) => s.ui.selectedIds);
  const t = useApp((s) => s.design);
  const actions = useActions();
  if (selected.length === 0) return null;
  if (selected.length > 1)
    return (
      <section className="props" aria-label="Edit selection">
        <h3>Edit</h3>
        <div className="props-row">
          <button type="button" className="props-danger" onClick={() => actions.edit({ type: 'delete', ids: selected })}>
            Delete {selected.length} elements
          </button>
        </div>
      </section>
    );
  const id = selected[0]!;
  const kind = elementKind(t, id);
  if (kind === null) return null;
  return (
    <section className="props" aria-label="Edit properties">
      <h3>Edit</h3>
      {/* Keyed by id: drafts and errors of one element never leak into the next. */}
      {kind === 'site' && <SiteProperties key={id} id={id} t={t} />}
      {kind === 'node' && <NodeProperties key={id} id={id} t={t} />}
      {kind === 'nic' && <NicProperties key={id} id={id} t={t} />}
      {kind === 'network' && <NetworkProperties key={id} id={id} t={t} />}
      {kind === 'router' && <RouterProperties key={id} id={id} t={t} />}
    </section>
  );
}

/** Pieces every element's properties share: the parent picker and the delete button. */
import type { Topology } from '../../../engine';
import { useActions } from '../../StoreContext';
import { SelectField } from './fields';
import type { Target } from './ConnectPicker';

export const STATES = [
  { value: 'up', label: 'Up' },
  { value: 'down', label: 'Down' },
] as const;

export function networkTargets(t: Topology): Target[] {
  return t.networks.map((n) => ({ id: n.id, label: `${n.name} (${n.prefixes.join(', ') || 'no prefix'})` }));
}

/** Site of a node or router; choosing one re-parents it (one undo step). */
export function SitePicker({ id, site, t }: { id: string; site: string | null; t: Topology }) {
  return (
    <SelectField
      label="Site"
      value={site ?? ''}
      options={[{ value: '', label: '— none —' }, ...t.sites.map((s) => ({ value: s.id, label: s.name }))]}
      toEdit={(v) => ({ type: 'move', ids: [id], to: v === '' ? null : v })}
    />
  );
}

export function DeleteButton({ id, what }: { id: string; what: string }) {
  const actions = useActions();
  return (
    <div className="props-row">
      <button type="button" className="props-danger" onClick={() => actions.edit({ type: 'delete', ids: [id] })}>
        Delete {what}
      </button>
    </div>
  );
}

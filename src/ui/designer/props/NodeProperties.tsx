import type { NodeState, Topology } from '../../../engine';
import { useActions } from '../../StoreContext';
import { DeleteButton, networkTargets, SitePicker } from './common';
import { ConnectPicker } from './ConnectPicker';
import { SelectField, TextField } from './fields';

const NODE_STATES: { value: NodeState; label: string }[] = [
  { value: 'up', label: 'Up' },
  { value: 'paused', label: 'Paused (takes no new workloads)' },
  { value: 'down', label: 'Down' },
];

export function NodeProperties({ id, t }: { id: string; t: Topology }) {
  const actions = useActions();
  const node = t.index.nodes.get(id)!;
  return (
    <>
      <TextField label="Name" value={node.name} toEdit={(name) => ({ type: 'update-node', id, patch: { name } })} />
      <SelectField label="State" value={node.state} options={NODE_STATES} toEdit={(state) => ({ type: 'update-node', id, patch: { state } })} />
      <SitePicker id={id} site={node.site} t={t} />
      <ConnectPicker
        from={id}
        label="Connect"
        groups={[
          { label: 'New NIC on network', targets: networkTargets(t) },
          { label: 'Direct cable to node', targets: t.nodes.filter((n) => n.id !== id).map((n) => ({ id: n.id, label: n.name })) },
        ]}
      />
      <div className="props-row">
        <button type="button" onClick={() => actions.edit({ type: 'add-nic', node: id })}>
          Add a NIC
        </button>
        <button type="button" onClick={() => actions.edit({ type: 'duplicate', ids: [id] })}>
          Duplicate
        </button>
      </div>
      <DeleteButton id={id} what="node and its NICs" />
    </>
  );
}

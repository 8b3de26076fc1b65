import type { Topology } from '../../../engine';
import { DeleteButton, networkTargets, STATES } from './common';
import { ConnectPicker } from './ConnectPicker';
import { CheckField, numberOrNull, SelectField, splitList, TextField } from './fields';
import { RouteEditor } from './RouteEditor';

export function NicProperties({ id, t }: { id: string; t: Topology }) {
  const nic = t.index.nics.get(id)!;
  const otherNics = t.nics.filter((n) => n.node !== nic.node).map((n) => ({ id: n.id, label: `${t.index.nodes.get(n.node)?.name ?? n.node} — ${n.name}` }));
  return (
    <>
      <TextField label="Name" value={nic.name} toEdit={(name) => ({ type: 'update-nic', id, patch: { name } })} />
      <TextField
        label="Addresses"
        value={nic.addresses.join(', ')}
        placeholder="10.1.10.11/24, fd00:10::11/64"
        note="Host addresses with prefix length, separated by commas."
        toEdit={(text) => ({ type: 'update-nic', id, patch: { addresses: splitList(text) } })}
      />
      <TextField label="Speed (Gbps)" value={nic.speedGbps === null ? '' : String(nic.speedGbps)} placeholder="unknown" toEdit={(text) => ({ type: 'update-nic', id, patch: { speedGbps: numberOrNull(text) } })} />
      <CheckField label="RDMA-capable" checked={nic.rdma} toEdit={(rdma) => ({ type: 'update-nic', id, patch: { rdma } })} />
      <SelectField label="State" value={nic.state} options={[...STATES]} toEdit={(state) => ({ type: 'update-nic', id, patch: { state } })} />
      <SelectField label="Node" value={nic.node} options={t.nodes.map((n) => ({ value: n.id, label: n.name }))} toEdit={(node) => ({ type: 'move', ids: [id], to: node })} />
      <ConnectPicker
        from={id}
        label="Connect"
        groups={[
          { label: 'Network (next free address)', targets: networkTargets(t) },
          { label: 'Direct cable to NIC', targets: otherNics },
        ]}
      />
      <RouteEditor nicId={id} t={t} />
      <DeleteButton id={id} what="NIC" />
    </>
  );
}

import type { Topology } from '../../../engine';
import { DeleteButton, networkTargets, SitePicker, STATES } from './common';
import { ConnectPicker } from './ConnectPicker';
import { SelectField, splitList, TextField } from './fields';

export function RouterProperties({ id, t }: { id: string; t: Topology }) {
  const router = t.index.routers.get(id)!;
  return (
    <>
      <TextField label="Name" value={router.name} toEdit={(name) => ({ type: 'update-router', id, patch: { name } })} />
      <TextField
        label="Interfaces"
        value={router.interfaces.join(', ')}
        placeholder="10.1.10.1/24, 172.16.0.1/30"
        note="Addresses with prefix length; the router is on every subnet one of them is in."
        toEdit={(text) => ({ type: 'update-router', id, patch: { interfaces: splitList(text) } })}
      />
      <SelectField label="State" value={router.state} options={[...STATES]} toEdit={(state) => ({ type: 'update-router', id, patch: { state } })} />
      <SitePicker id={id} site={router.site} t={t} />
      <ConnectPicker
        from={id}
        label="Connect"
        groups={[
          { label: 'Gateway on network', targets: networkTargets(t) },
          { label: 'Transit link to router', targets: t.routers.filter((r) => r.id !== id).map((r) => ({ id: r.id, label: r.name })) },
        ]}
      />
      <DeleteButton id={id} what="router" />
    </>
  );
}

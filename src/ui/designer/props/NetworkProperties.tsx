import type { NetworkMedium, NetworkRole, Topology } from '../../../engine';
import { useActions } from '../../StoreContext';
import { DeleteButton, STATES } from './common';
import { numberOrNull, SelectField, splitList, TextField } from './fields';

const MEDIUM_LABEL: Record<NetworkMedium, string> = {
  switch: 'Switch (a bar every NIC drops onto)',
  cable: 'Switchless cable',
};

const ROLE_LABEL: Record<NetworkRole, string> = {
  none: 'None (not used by the cluster)',
  cluster: 'Cluster only',
  clusterAndClient: 'Cluster and client',
};

export function NetworkProperties({ id, t }: { id: string; t: Topology }) {
  const actions = useActions();
  const net = t.index.networks.get(id)!;
  const eligibility = t.eligibility[id]!;
  const position = t.index.preferencePosition.get(id);
  return (
    <>
      {net.implicit && <p className="props-note">Created from NIC addresses (no network declares this subnet). Editing it declares it, keeping its id and name.</p>}
      <TextField label="Name" value={net.name} toEdit={(name) => ({ type: 'update-network', id, patch: { name } })} />
      <TextField
        label="Prefixes"
        value={net.prefixes.join(', ')}
        placeholder="10.0.1.0/24, fd00:1::/64"
        note="At most one IPv4 and one IPv6 prefix. Changing one renumbers the addresses on it."
        toEdit={(text) => ({ type: 'update-network', id, patch: { prefixes: splitList(text) } })}
      />
      <SelectField<'' | NetworkRole>
        label="Role"
        value={net.roleDerived ? '' : net.role}
        options={[{ value: '', label: `Automatic (${ROLE_LABEL[net.role]})` }, ...(Object.keys(ROLE_LABEL) as NetworkRole[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }))]}
        toEdit={(role) => ({ type: 'update-network', id, patch: { role: role === '' ? null : role } })}
      />
      <TextField
        label="Metric"
        value={net.metricDerived ? '' : String(net.metric)}
        placeholder={`automatic (${net.metric})`}
        note="Lower is preferred when the live migration order does not say otherwise. Empty: automatic."
        toEdit={(text) => ({ type: 'update-network', id, patch: { metric: numberOrNull(text) } })}
      />
      <SelectField<'' | NetworkMedium>
        label="Drawn as"
        value={net.mediumDerived ? '' : net.medium}
        options={[{ value: '', label: `Automatic (${MEDIUM_LABEL[net.medium]})` }, ...(Object.keys(MEDIUM_LABEL) as NetworkMedium[]).map((m) => ({ value: m, label: MEDIUM_LABEL[m] }))]}
        toEdit={(medium) => ({ type: 'update-network', id, patch: { medium: medium === '' ? null : medium } })}
      />
      <SelectField label="State" value={net.state} options={[...STATES]} toEdit={(state) => ({ type: 'update-network', id, patch: { state } })} />
      <p className="props-note">
        Live migration: {eligibility.eligible ? `enabled, preference ${position! + 1} of ${t.preferenceOrder.length}` : eligibility.reason === 'excluded-by-setting' ? 'excluded in the settings' : eligibility.reason === 'role-none' ? 'never (role None)' : 'not while the network is down'}.{' '}
        <button type="button" className="link-button" onClick={() => actions.openDialog('live-migration')}>
          Live migration settings…
        </button>
      </p>
      <DeleteButton id={id} what="network" />
    </>
  );
}

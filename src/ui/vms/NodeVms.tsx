/** A node's VMs in its Details: the list with inline edits, adding one or several, and Drain…. */
import { useActions, useApp } from '../StoreContext';
import { AddVms } from './AddVms';
import { useShownRows } from './ShowMore';
import { VmRow } from './VmRow';
import { vmSummary } from '../../engine';
import './vms.css';

export function NodeVms({ nodeId }: { nodeId: string }) {
  const t = useApp((s) => s.design);
  const actions = useActions();
  const vms = (t.index.vmsByNode.get(nodeId) ?? []).map((id) => t.index.vms.get(id)!);
  const { shown, more } = useShownRows(vms.length);
  const node = t.index.nodes.get(nodeId);
  if (!node) return null;
  return (
    <section className="props node-vms" aria-label={`VMs of ${node.name}`}>
      <h3>VMs</h3>
      <p className="vm-summary">
        {vmSummary(vms)}
        <button type="button" onClick={() => actions.openDrain(nodeId)} disabled={vms.length === 0} title="How long emptying this node takes (estimate)">
          Drain…
        </button>
      </p>
      {vms.length > 0 && (
        <table className="vm-table">
          <thead>
            <tr>
              <th>Name</th>
              <th className="num">GB</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {vms.slice(0, shown).map((vm) => (
              <VmRow key={vm.id} vm={vm} t={t} />
            ))}
          </tbody>
        </table>
      )}
      {more}
      <AddVms nodeId={nodeId} nodeName={node.name} />
    </section>
  );
}

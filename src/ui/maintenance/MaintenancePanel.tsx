/**
 * The Maintenance tab: how long draining a node takes (both modes, estimates), every node in turn,
 * and the cluster's VMs.
 */
import { useMemo, useState } from 'react';
import { useActions, useApp } from '../StoreContext';
import { VmList } from '../vms/VmList';
import { DrainPlanner } from './DrainPlanner';
import { EveryNode } from './EveryNode';
import { usePlans } from './usePlans';
import './maintenance.css';
import { NodeOptions } from '../common/NodeOptions';
import { VM_ROWS_SHOWN } from '../vms/ShowMore';

/**
 * Up to this many VMs the list opens with the tab; above it, it starts folded and is drawn when
 * opened: on the largest design (10,000 VMs) its 200 rows of inputs and selects were ≈ 280 ms of
 * the tab's ≈ 430 ms of script and most of the browser's layout and paint (bench/README.md, issue
 * 24 round 3). A list that shows every VM at once stays open.
 */
export const VMS_OPEN_UP_TO = VM_ROWS_SHOWN;

export function MaintenancePanel() {
  const t = useApp((s) => s.design);
  const chosen = useApp((s) => s.ui.drainNodeId);
  const destination = useApp((s) => s.ui.drainDestination);
  const actions = useActions();
  // Without a choice: the node with the most running memory (the longest drain, most likely).
  // Once per design, not per render (8,000 VMs).
  const busiest = useMemo(
    () =>
      t.nodes.reduce<{ id: string | null; gb: number }>((best, n) => {
        const gb = (t.index.vmsByNode.get(n.id) ?? []).reduce((s, id) => s + (t.index.vms.get(id)!.state === 'running' ? t.index.vms.get(id)!.memoryGB : 0), 0);
        return gb > best.gb ? { id: n.id, gb } : best;
      }, { id: null, gb: 0 }).id,
    [t],
  );
  const nodeId = chosen !== null && t.index.nodes.has(chosen) ? chosen : (busiest ?? t.nodes[0]?.id ?? null);
  const dest = destination !== null && t.index.nodes.has(destination) && destination !== nodeId ? destination : null;
  const plans = usePlans(nodeId, dest);
  const [vmsOpen, setVmsOpen] = useState(() => t.vms.length <= VMS_OPEN_UP_TO);
  return (
    <section className="maintenance-panel" aria-label="Maintenance planner">
      <details className="path-section" open>
        <summary>
          <h2>Drain a node</h2>
        </summary>
        {t.nodes.length === 0 ? (
          <p className="hint">Add nodes and VMs to plan a drain.</p>
        ) : (
          <>
            <div className="drain-pickers">
              <label>
                Node
                <select value={nodeId ?? ''} onChange={(e) => actions.openDrain(e.target.value)} aria-label="Node to drain">
                  <NodeOptions nodes={t.nodes} />
                </select>
              </label>
              <label>
                Destination
                <select value={dest ?? ''} onChange={(e) => actions.setDrainDestination(e.target.value || null)} aria-label="Destination of the VMs">
                  <option value="">Balanced (least memory first)</option>
                  <NodeOptions nodes={t.nodes.filter((n) => n.id !== nodeId)} prefix="All to " />
                </select>
              </label>
            </div>
            {plans && <DrainPlanner key={nodeId} plans={plans} />}
          </>
        )}
      </details>
      <details className="path-section" open>
        <summary>
          <h2>Every node in turn</h2>
        </summary>
        <EveryNode />
      </details>
      <details className="path-section" open={vmsOpen} onToggle={(e) => setVmsOpen(e.currentTarget.open)}>
        <summary>
          <h2>VMs</h2>
          {!vmsOpen && <span className="hint"> {t.vms.length.toLocaleString('en-US')}: open to list, filter and edit them</span>}
        </summary>
        {vmsOpen && <VmList />}
      </details>
    </section>
  );
}

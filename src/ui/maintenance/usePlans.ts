/** Both modes' plans for the planner's node, memoised on the topology the paths are computed on. */
import { useMemo } from 'react';
import { planDrain, type DrainPlan, type Topology } from '../../engine';
import { useApp } from '../StoreContext';

export interface Plans {
  t: Topology;
  ws2025: DrainPlan;
  legacy: DrainPlan;
}

export function usePlans(nodeId: string | null, destination: string | null): Plans | null {
  const t = useApp((s) => s.effective);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  return useMemo(() => {
    if (nodeId === null || !t.index.nodes.has(nodeId)) return null;
    const options = destination === null ? {} : { destination };
    // Both modes rank the same paths: once per pair.
    const paths = new Map();
    return {
      t,
      ws2025: planDrain(t, nodeId, { ...options, mode: 'ws2025' }, paths),
      legacy: planDrain(t, nodeId, { ...options, mode: 'legacy', legacyTimeoutSeconds: timeout }, paths),
    };
  }, [t, nodeId, destination, timeout]);
}
